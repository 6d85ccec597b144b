import assert from 'node:assert/strict'
import { test } from 'node:test'
import { isLedgerEventName } from './isLedgerEventName.ts'

test('behavior: true for the events the ledger consumes only', () => {
  for (const name of ['Bond', 'EarningsClaimed', 'WinningTicketTransfer', 'NewRound', 'SetCurrentRewardTokens', 'ParameterUpdate'])
    assert.equal(isLedgerEventName(name), true, name)
  for (const name of ['Transfer', 'WinningTicketRedeemed', 'ServiceURIUpdate', 'Mint']) assert.equal(isLedgerEventName(name), false, name)
})
