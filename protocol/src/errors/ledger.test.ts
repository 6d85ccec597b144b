import assert from 'node:assert/strict'
import { test } from 'node:test'
import { BaseError } from './base.ts'
import { LedgerInvariantError } from './ledger.ts'

test('LedgerInvariantError', () => {
  const error = new LedgerInvariantError({ eventName: 'EarningsClaimed', round: 12n, reason: 'EarningsClaimed.rewards differs from the model', expected: 607n, actual: 608n })
  assert.ok(error instanceof BaseError)
  assert.deepEqual([error.name, error.eventName, error.round, error.retryable], ['LedgerInvariantError', 'EarningsClaimed', 12n, false])
  assert.equal(
    error.message,
    [
      'Earnings ledger diverged from the chain at EarningsClaimed in round 12: EarningsClaimed.rewards differs from the model.',
      '',
      'Expected: 607',
      'Actual:   608',
      '',
      'Spec: shared/spec/protocol.md#10-lip-36-cumulative-factors-pendingstake-pendingfees-claiming',
    ].join('\n'),
  )
  assert.equal(
    new LedgerInvariantError({ eventName: 'Bond', round: 3n, reason: 'delegation amount must be greater than 0' }).message,
    'Earnings ledger diverged from the chain at Bond in round 3: delegation amount must be greater than 0.\n\nSpec: shared/spec/protocol.md#10-lip-36-cumulative-factors-pendingstake-pendingfees-claiming',
  )
})
