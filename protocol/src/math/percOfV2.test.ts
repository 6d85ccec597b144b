import assert from 'node:assert/strict'
import { test } from 'node:test'
import { percOfV2 } from './percOfV2.ts'

test('behavior: two-argument form is amount × perc / 1e9', () => {
  // 1,000,000 LPT supply × 560500 ppb = 560.5 LPT mintable
  assert.equal(percOfV2(10n ** 24n, 560_500n), 5605n * 10n ** 17n)
})

test('behavior: three-argument form truncates twice', () => {
  // percPointsV2(1, 3) = 333333333; 3e9 × 333333333 / 1e9 = 999999999 (not 1e9)
  assert.equal(percOfV2(3_000_000_000n, 1n, 3n), 999_999_999n)
})
