import assert from 'node:assert/strict'
import { test } from 'node:test'
import * as protocol from './index.ts'

test('behavior: the entry exports the public API and nothing from the subpath exports', () => {
  for (const name of [
    'arbitrumEventsAbi',
    'arbitrumEventCatalogue',
    'functionSelectors',
    'arbitrumOne',
    'devnetPreset',
    'parseDevnetManifest',
    'precisePercOf',
    'createEarningsLedger',
    'pendingStake',
    'hashTicket',
    'signTicket',
    'computeFaceValue',
    'BaseError',
    'LedgerInvariantError',
  ])
    assert.ok(name in protocol, name)
  assert.ok(!('startAnvil' in protocol))
})
