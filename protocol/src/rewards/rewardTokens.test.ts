import assert from 'node:assert/strict'
import { test } from 'node:test'
import { rewardTokens } from './rewardTokens.ts'

test('behavior: mintable × (S × 1e9 / A) / 1e9, truncating twice', () => {
  // S/A = 1/3 → 333,333,333 ppb; 1000 × 333,333,333 / 1e9 = 333.33 → 333
  assert.equal(rewardTokens({ currentMintableTokens: 1000n, transcoderStake: 1n, totalActiveStake: 3n }), 333n)
  // 100k LPT of 30M: 1e23 × 1e9 / 3e25 = 3,333,333.33 → 3,333,333 ppb;
  // 5.605e20 × 3,333,333 / 1e9 = 1,868,333,146,500,000,000 (exact 1/300 would be 1,868,333,333,333,333,333)
  assert.equal(
    rewardTokens({ currentMintableTokens: 5605n * 10n ** 17n, transcoderStake: 10n ** 23n, totalActiveStake: 3n * 10n ** 25n }),
    1_868_333_146_500_000_000n,
  )
  // the only active transcoder takes everything
  assert.equal(rewardTokens({ currentMintableTokens: 1000n, transcoderStake: 4000n, totalActiveStake: 4000n }), 1000n)
})
