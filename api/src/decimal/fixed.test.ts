import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatFixed, formatRatio, formatWei, parseFixed } from './fixed.ts'

test('unit: parseFixed and formatFixed round-trip plain decimals', () => {
  assert.equal(parseFixed('1.5', 18), 1_500_000_000_000_000_000n)
  assert.equal(parseFixed('-0.000000000000000001', 18), -1n)
  assert.equal(parseFixed('12.3456789', 3), 12_345n)
  assert.equal(formatFixed(1_500_000_000_000_000_000n, 18), '1.5')
  assert.equal(formatFixed(-1n, 18), '-0.000000000000000001')
  assert.equal(formatWei(0n), '0')
  assert.equal(formatWei('1000000000000000000000'), '1000')
  assert.equal(formatRatio(1n, 3n), '0.333333333333333333')
  assert.equal(formatRatio(1n, 0n), null)
  assert.throws(() => parseFixed('1e18', 18), /Invalid decimal "1e18"/)
})
