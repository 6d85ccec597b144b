import assert from 'node:assert/strict'
import { test } from 'node:test'
import { currentMintableTokens } from './currentMintableTokens.ts'

test('behavior: supply × inflation / 1e9, per round', () => {
  // 1,000,000 LPT × 560,500 ppb = 560.5 LPT = 5.605e20 wei
  assert.equal(currentMintableTokens({ globalSupply: 10n ** 24n, inflation: 560_500n }), 5605n * 10n ** 17n)
  // 999 × 1,000,000 / 1e9 = 0.999 → 0
  assert.equal(currentMintableTokens({ globalSupply: 999n, inflation: 1_000_000n }), 0n)
})
