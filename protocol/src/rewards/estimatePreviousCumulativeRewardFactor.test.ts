import assert from 'node:assert/strict'
import { test } from 'node:test'
import { estimatePreviousCumulativeRewardFactor } from './estimatePreviousCumulativeRewardFactor.ts'

const crf = 1_202_500_000_000_000_000_000_000_000n // 1.0 × (1 + 810 / 4000)
const common = { cumulativeRewardFactor: crf, totalStake: 4000n, totalActiveStake: 4000n, treasuryRewardCutRate: 10n ** 26n, rewardCut: 100_000n }

test('behavior: with the round mintable only, backs the reward out almost exactly', () => {
  // minted = 1000 × (4000 × 1e27 / 4000) / 1e27 = 1000; − treasury 100 = 900; − commission 90 = 810
  // 4000 × 1e27 / 4810 = 831,600,831,600,831,600,831,600,831; × 1.2025e27 / 1e27 = 999…999 (27 nines)
  assert.equal(estimatePreviousCumulativeRewardFactor({ ...common, mintableTokens: 1000n }), 10n ** 27n - 1n)
})

test('behavior: with mintable + minted (delta-era source), the estimate double counts', () => {
  // minted = 2000; − treasury 200 = 1800; − commission 180 = 1620
  // 4000 × 1e27 / 5620 = 711,743,772,241,992,882,562,277,580; × 1.2025e27 / 1e27 = 855,871,886,120,996,441,281,138,789
  assert.equal(estimatePreviousCumulativeRewardFactor({ ...common, mintableTokens: 2000n }), 855_871_886_120_996_441_281_138_789n)
})
