import assert from 'node:assert/strict'
import { test } from 'node:test'
import { nextCumulativeRewardFactor } from './nextCumulativeRewardFactor.ts'

const one = 10n ** 27n

test('behavior: first reward starts from 1.0', () => {
  // 1e27 + 1e27 × (810 × 1e27 / 4000) / 1e27 = 1e27 + 2.025e26 = 1.2025e27
  assert.equal(
    nextCumulativeRewardFactor({ previousCumulativeRewardFactor: 0n, delegatorsRewards: 810n, totalStake: 4000n }),
    1_202_500_000_000_000_000_000_000_000n,
  )
})

test('behavior: later rewards compound on the previous factor', () => {
  // 478 × 1e27 / 5900 = 81,016,949,152,542,372,881,355,932 (0.0810169…);
  // × 1.2025e27 / 1e27 = 97,422,881,355,932,203,389,830,508; + 1.2025e27
  assert.equal(
    nextCumulativeRewardFactor({
      previousCumulativeRewardFactor: 1_202_500_000_000_000_000_000_000_000n,
      delegatorsRewards: 478n,
      totalStake: 5900n,
    }),
    1_299_922_881_355_932_203_389_830_508n,
  )
  assert.equal(nextCumulativeRewardFactor({ previousCumulativeRewardFactor: one, delegatorsRewards: 0n, totalStake: 1n }), one)
})
