import assert from 'node:assert/strict'
import { test } from 'node:test'
import { percOf } from './percOf.ts'

test('behavior: two-argument form is amount × perc / 1e6', () => {
  assert.equal(percOf(1000n, 250_000n), 250n)
  assert.equal(percOf(999n, 500_000n), 499n) // 499.5 truncated
})

test('behavior: three-argument form truncates twice', () => {
  // percPoints(1, 3) = 333333, then 1000 × 333333 / 1e6 = 333.333 → 333
  assert.equal(percOf(1000n, 1n, 3n), 333n)
  // 3e6 × 1/3 exactly would be 1e6; double truncation gives 3e6 × 333333 / 1e6 = 999999
  assert.equal(percOf(3_000_000n, 1n, 3n), 999_999n)
})
