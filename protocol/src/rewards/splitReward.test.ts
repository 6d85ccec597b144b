import assert from 'node:assert/strict'
import { test } from 'node:test'
import { splitReward } from './splitReward.ts'

test('behavior: treasury first, then commission on the net reward', () => {
  // treasury = 1000 × 1e26 / 1e27 = 100; net 900; commission = 900 × 100,000 / 1e6 = 90; delegators 810
  assert.deepEqual(splitReward({ rewardTokens: 1000n, treasuryRewardCutRate: 10n ** 26n, rewardCut: 100_000n }), {
    treasury: 100n,
    transcoderRewards: 900n,
    transcoderCommission: 90n,
    delegatorsRewards: 810n,
  })
})

test('behavior: truncation leaves the remainder with the delegators', () => {
  // treasury = 590 × 0.1 = 59; net 531; commission = 531 × 0.1 = 53.1 → 53; delegators 478
  assert.deepEqual(splitReward({ rewardTokens: 590n, treasuryRewardCutRate: 10n ** 26n, rewardCut: 100_000n }), {
    treasury: 59n,
    transcoderRewards: 531n,
    transcoderCommission: 53n,
    delegatorsRewards: 478n,
  })
  // no treasury cut: Reward.amount is everything minted
  assert.equal(splitReward({ rewardTokens: 7n, treasuryRewardCutRate: 0n, rewardCut: 0n }).transcoderRewards, 7n)
})
