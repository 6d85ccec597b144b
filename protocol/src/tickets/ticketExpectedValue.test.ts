import assert from 'node:assert/strict'
import { test } from 'node:test'
import { maxWinProb } from './constants.ts'
import { ticketExpectedValue } from './ticketExpectedValue.ts'

test('behavior: faceValue × winProb / (2^256 − 1), truncated', () => {
  assert.equal(ticketExpectedValue(1000n, maxWinProb), 1000n)
  assert.equal(ticketExpectedValue(1000n, 0n), 0n)
  // winProb = floor(max / 100) is a hair under 1 %: 800e9 × that / max = 7,999,999,999.99… → 7,999,999,999
  assert.equal(ticketExpectedValue(800_000_000_000n, maxWinProb / 100n), 7_999_999_999n)
})
