import assert from 'node:assert/strict'
import { test } from 'node:test'
import { latestCumulativeFactors } from './latestCumulativeFactors.ts'
import type { CumulativeFactors } from './types.ts'

const stored = new Map<bigint, CumulativeFactors>([
  [11n, { cumulativeRewardFactor: 1_202_500_000_000_000_000_000_000_000n, cumulativeFeeFactor: 125_000_000_000_000_000_000_000_000n }],
  [13n, { cumulativeRewardFactor: 0n, cumulativeFeeFactor: 9n }],
])
const factorsAt = (round: bigint) => stored.get(round) ?? { cumulativeRewardFactor: 0n, cumulativeFeeFactor: 0n }

test('behavior: zero factors fall back to the last reward and fee rounds', () => {
  assert.deepEqual(latestCumulativeFactors({ round: 12n, lastRewardRound: 11n, lastFeeRound: 11n, factorsAt }), stored.get(11n))
  // CRF falls back, the stored CFF (9) is kept
  assert.deepEqual(latestCumulativeFactors({ round: 13n, lastRewardRound: 11n, lastFeeRound: 13n, factorsAt }), {
    cumulativeRewardFactor: 1_202_500_000_000_000_000_000_000_000n,
    cumulativeFeeFactor: 9n,
  })
})

test('behavior: never falls back to a later round', () => {
  // lastRewardRound 11 is not before round 10
  assert.deepEqual(latestCumulativeFactors({ round: 10n, lastRewardRound: 11n, lastFeeRound: 11n, factorsAt }), {
    cumulativeRewardFactor: 0n,
    cumulativeFeeFactor: 0n,
  })
})
