import assert from 'node:assert/strict'
import { test } from 'node:test'
import { InsufficientSenderReserveError } from '../errors/ticket.ts'
import { computeFaceValue } from './computeFaceValue.ts'

const ev = 8_000_000_000n
const gwei = 1_000_000_000n

test('behavior: 100 × txCost, or 100 × EV when that is below EV', () => {
  // 1.2M gas × 0.01 gwei = 1.2e13; × 100 = 1.2e15
  assert.equal(computeFaceValue({ ev, gasPrice: gwei / 100n, maxFloat: 10n ** 18n }), 1_200_000_000_000_000n)
  // gas price 0: txCost 0 < EV → 100 × 8e9 = 8e11
  assert.equal(computeFaceValue({ ev, gasPrice: 0n, maxFloat: 10n ** 18n }), 800_000_000_000n)
  // L1 gas: 350k × 1 gwei × 100 = 3.5e16
  assert.equal(computeFaceValue({ ev, gasPrice: gwei, maxFloat: 10n ** 18n, redeemGas: 350_000n }), 35_000_000_000_000_000n)
})

test('behavior: capped by the max float, then by maxFaceValue', () => {
  assert.equal(computeFaceValue({ ev, gasPrice: gwei / 100n, maxFloat: 5n * 10n ** 14n }), 5n * 10n ** 14n)
  assert.equal(computeFaceValue({ ev, gasPrice: gwei / 100n, maxFloat: 10n ** 18n, maxFaceValue: 10n ** 14n }), 10n ** 14n)
})

test('behavior: a zero price needs no payment', () => {
  assert.equal(computeFaceValue({ ev, gasPrice: gwei, maxFloat: 0n, pricePerUnit: 0n }), 0n)
})

test('behavior: passes if either the current or the average gas price is covered', () => {
  // 5 gwei: txCost 6e15; 3 gwei average: 3.6e15. A 4e15 float covers the average only: accepted
  assert.equal(computeFaceValue({ ev, gasPrice: 5n * gwei, maxFloat: 4n * 10n ** 15n }), 4n * 10n ** 15n)
})

test('behavior: insufficient sender reserve', () => {
  assert.throws(() => computeFaceValue({ ev, gasPrice: gwei / 100n, maxFloat: ev - 1n }), (error: unknown) => {
    assert.ok(error instanceof InsufficientSenderReserveError)
    assert.equal(
      error.message,
      [
        'Insufficient sender reserve.',
        '',
        'Face value: 7999999999 wei',
        'EV:         8000000000 wei',
        '',
        'Spec: shared/spec/protocol.md#124-off-chain-side-summary-details-in-nodesmd',
        'Details: face value 7999999999 is below EV 8000000000',
      ].join('\n'),
    )
    return true
  })
  // 1e15 covers neither 6e15 (5 gwei) nor 3.6e15 (3 gwei)
  assert.throws(() => computeFaceValue({ ev, gasPrice: 5n * gwei, maxFloat: 10n ** 15n }), {
    details:
      'face value 1000000000000000 is below the redemption cost at both the current (6000000000000000) and the average (3600000000000000) gas price',
  })
})
