import assert from 'node:assert/strict'
import { test } from 'node:test'
import { precisePercPoints } from './precisePercPoints.ts'

test('behavior: units of 1e-27, truncated', () => {
  assert.equal(precisePercPoints(1n, 1n), 10n ** 27n)
  assert.equal(precisePercPoints(1n, 3n), 333_333_333_333_333_333_333_333_333n)
  assert.equal(precisePercPoints(5n, 100n), 5n * 10n ** 25n)
})
