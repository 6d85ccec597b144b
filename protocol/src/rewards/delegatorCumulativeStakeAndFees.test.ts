import assert from 'node:assert/strict'
import { test } from 'node:test'
import { delegatorCumulativeStakeAndFees } from './delegatorCumulativeStakeAndFees.ts'

const crf11 = 1_202_500_000_000_000_000_000_000_000n
const cff11 = 125_000_000_000_000_000_000_000_000n

test('behavior: unset start factors read as 1.0 and 0', () => {
  // stake = 3000 × (1.2025e27 × 1e27 / 1e27) / 1e27 = 3607.5 → 3607
  // fees  = 0 + 3000 × ((1.25e26 − 0) × 1e27 / 1e27) / 1e27 = 375
  assert.deepEqual(
    delegatorCumulativeStakeAndFees({
      startFactors: { cumulativeRewardFactor: 0n, cumulativeFeeFactor: 0n },
      endFactors: { cumulativeRewardFactor: crf11, cumulativeFeeFactor: cff11 },
      stake: 3000n,
      fees: 0n,
    }),
    { stake: 3607n, fees: 375n },
  )
})

test('behavior: fees are divided by the start CRF', () => {
  // stake = 1000 × (2.405e27 × 1e27 / 1.2025e27) / 1e27 = 2000
  // fees  = 10 + 1000 × ((3.75e26 − 1.25e26) × 1e27 / 1.2025e27) / 1e27
  //       = 10 + 1000 × 207,900,207,900,207,900,207,900,207 / 1e27 = 10 + 207.9 → 217
  assert.deepEqual(
    delegatorCumulativeStakeAndFees({
      startFactors: { cumulativeRewardFactor: crf11, cumulativeFeeFactor: cff11 },
      endFactors: { cumulativeRewardFactor: 2n * crf11, cumulativeFeeFactor: 3n * cff11 },
      stake: 1000n,
      fees: 10n,
    }),
    { stake: 2000n, fees: 217n },
  )
})
