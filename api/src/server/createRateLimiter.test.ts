import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createRateLimiter } from './createRateLimiter.ts'

test('unit: the rate limiter allows a burst, then the sustained rate, per key', () => {
  let time = 0
  const limiter = createRateLimiter({ requestsPerSecond: 2, burst: 3 }, () => time)
  assert.deepEqual([1, 2, 3, 4].map(() => limiter.take('a')), [true, true, true, false])
  assert.equal(limiter.take('b'), true, 'another client has its own bucket')
  time += 500
  assert.equal(limiter.take('a'), true, 'one token back after 0.5 s at 2/s')
  assert.equal(limiter.take('a'), false)
})
