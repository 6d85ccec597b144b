import assert from 'node:assert/strict'
import { test } from 'node:test'
import { nextCumulativeFeeFactor } from './nextCumulativeFeeFactor.ts'

test('behavior: first fees of a round start from the previous CFF', () => {
  // 0 + 1e27 (prevCRF 0 → 1.0) × (500 × 1e27 / 4000) / 1e27 = 1.25e26
  assert.equal(
    nextCumulativeFeeFactor({
      cumulativeFeeFactor: 0n,
      previousCumulativeFeeFactor: 0n,
      previousCumulativeRewardFactor: 0n,
      delegatorsFees: 500n,
      totalStake: 4000n,
    }),
    125_000_000_000_000_000_000_000_000n,
  )
  // previous CFF 1.25e26 carried, weighted by prevCRF 1.2025: 1.2025e27 × (100 × 1e27 / 5000) / 1e27 = 2.405e25
  assert.equal(
    nextCumulativeFeeFactor({
      cumulativeFeeFactor: 0n,
      previousCumulativeFeeFactor: 125_000_000_000_000_000_000_000_000n,
      previousCumulativeRewardFactor: 1_202_500_000_000_000_000_000_000_000n,
      delegatorsFees: 100n,
      totalStake: 5000n,
    }),
    125_000_000_000_000_000_000_000_000n + 24_050_000_000_000_000_000_000_000n,
  )
})

test('behavior: more fees in the same round add to the stored CFF, not the previous one', () => {
  // stored 1.25e26 + 1e27 × (500 × 1e27 / 4000) / 1e27 = 2.5e26 (previous CFF 7 is ignored)
  assert.equal(
    nextCumulativeFeeFactor({
      cumulativeFeeFactor: 125_000_000_000_000_000_000_000_000n,
      previousCumulativeFeeFactor: 7n,
      previousCumulativeRewardFactor: 10n ** 27n,
      delegatorsFees: 500n,
      totalStake: 4000n,
    }),
    250_000_000_000_000_000_000_000_000n,
  )
})
