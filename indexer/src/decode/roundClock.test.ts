import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createRoundClock } from './roundClock.ts'

const zero = { lastRoundLengthUpdateRound: 0n, lastRoundLengthUpdateStartBlock: 0n }

test('behavior: the round is blockNum / roundLength from a zero anchor', () => {
  const clock = createRoundClock({ initial: { ...zero, roundLength: 50n } })
  assert.equal(clock.roundAt(0n), 0n)
  assert.equal(clock.roundAt(149n), 2n)
  assert.equal(clock.roundAt(150n), 3n)
})

test('behavior: a round-length change re-anchors at the current round, like RoundsManager.setRoundLength', () => {
  // Arbitrum-like numbers: round 2466 started at L1 block 14,204,160 with 5760-block rounds.
  const clock = createRoundClock({ initial: { ...zero, roundLength: 5760n } })
  assert.equal(clock.roundAt(14_207_040n), 2466n)
  clock.setRoundLength({ height: 100, blockNum: 14_207_040n, roundLength: 6377n })
  assert.deepEqual(clock.current(), { lastRoundLengthUpdateRound: 2466n, lastRoundLengthUpdateStartBlock: 14_204_160n, roundLength: 6377n })
  assert.equal(clock.roundAt(14_204_160n + 6376n), 2466n)
  assert.equal(clock.roundAt(14_204_160n + 6377n), 2467n)
})

test('behavior: the first setRoundLength (length 0 before) anchors at blockNum / new length', () => {
  const clock = createRoundClock({ initial: { ...zero, roundLength: 0n } })
  clock.setRoundLength({ height: 7, blockNum: 7n, roundLength: 5n })
  assert.deepEqual(clock.current(), { lastRoundLengthUpdateRound: 1n, lastRoundLengthUpdateStartBlock: 5n, roundLength: 5n })
  assert.equal(clock.roundAt(12n), 2n)
})

test('behavior: a fork below an update forgets it, and a replayed block does not apply it twice', () => {
  const clock = createRoundClock({ initial: { ...zero, roundLength: 10n } })
  clock.setRoundLength({ height: 25, blockNum: 25n, roundLength: 20n })
  clock.setRoundLength({ height: 25, blockNum: 25n, roundLength: 20n })
  assert.deepEqual(clock.current(), { lastRoundLengthUpdateRound: 2n, lastRoundLengthUpdateStartBlock: 20n, roundLength: 20n })
  clock.rollback(30)
  assert.equal(clock.current().roundLength, 20n)
  clock.rollback(24)
  assert.deepEqual(clock.current(), { ...zero, roundLength: 10n })
})
