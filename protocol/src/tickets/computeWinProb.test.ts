import assert from 'node:assert/strict'
import { test } from 'node:test'
import { computeWinProb } from './computeWinProb.ts'
import { maxWinProb } from './constants.ts'
import { ticketExpectedValue } from './ticketExpectedValue.ts'

test('behavior: ev × ceil(max / faceValue), matching go-livepeer', () => {
  // go-livepeer pm/recipient_test.go: EV 5, face value 10000
  assert.equal(computeWinProb(5n, 10_000n), 57896044618658097711785492504343953926634992332820282019728792003956564820n)
  // rounding up keeps the ticket's EV at the target
  const winProb = computeWinProb(8_000_000_000n, 1_200_000_000_000_000n)
  assert.equal(ticketExpectedValue(1_200_000_000_000_000n, winProb), 8_000_000_000n)
})

test('behavior: exact edges', () => {
  assert.equal(computeWinProb(8n, 8n), maxWinProb)
  assert.equal(computeWinProb(8n, 0n), 0n)
  // max = 3 × 5 × 17 × 257 × … so 255 divides it: no rounding
  assert.equal(computeWinProb(1n, 255n), maxWinProb / 255n)
})

test('behavior: a face value below EV is an error', () => {
  assert.throws(() => computeWinProb(8n, 5n), {
    name: 'InvalidTicketParametersError',
    message: 'Invalid ticket parameters: face value 5 is below EV 8.\n\nSpec: shared/spec/protocol.md#12-probabilistic-micropayments',
  })
})
