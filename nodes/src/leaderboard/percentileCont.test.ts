import assert from 'node:assert/strict'
import { test } from 'node:test'
import { percentileCont } from './percentileCont.ts'

test('unit: percentileCont interpolates like PERCENTILE_CONT', () => {
  assert.equal(percentileCont([4, 1, 3, 2], 0.5), 2.5)
  assert.equal(percentileCont([10, 20, 30, 40, 50], 0.9), 46)
  assert.equal(percentileCont([10, 20, 30, 40, 50], 0.99), 49.6)
  assert.equal(percentileCont([7], 0.99), 7)
  assert.equal(percentileCont([1, 2], 0), 1)
  assert.equal(percentileCont([1, 2], 1), 2)
  assert.equal(percentileCont([], 0.5), undefined)
  assert.throws(() => percentileCont([1], 1.5), RangeError)
})
