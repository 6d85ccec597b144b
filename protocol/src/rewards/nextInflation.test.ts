import assert from 'node:assert/strict'
import { test } from 'node:test'
import { nextInflation } from './nextInflation.ts'

const base = { inflation: 560_500n, inflationChange: 500n, targetBondingRate: 500_000_000n, globalSupply: 100n }

test('behavior: rises while the bonding rate is below target', () => {
  // bondingRate = 40 × 1e9 / 100 = 400,000,000 < 500,000,000 → 560,500 + 500
  assert.equal(nextInflation({ ...base, totalBonded: 40n }), 561_000n)
})

test('behavior: falls while above target, floored at 0', () => {
  // 600,000,000 > target → 560,500 − 500
  assert.equal(nextInflation({ ...base, totalBonded: 60n }), 560_000n)
  // inflationChange (500) > inflation (300) → 0
  assert.equal(nextInflation({ ...base, inflation: 300n, totalBonded: 60n }), 0n)
})

test('behavior: unchanged at target; a zero supply reads as a zero bonding rate', () => {
  assert.equal(nextInflation({ ...base, totalBonded: 50n }), 560_500n)
  assert.equal(nextInflation({ ...base, globalSupply: 0n, totalBonded: 0n }), 561_000n)
})
