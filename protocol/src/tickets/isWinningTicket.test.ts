import assert from 'node:assert/strict'
import { test } from 'node:test'
import { hexToBigInt, keccak256, maxUint256 } from 'viem'
import { isWinningTicket } from './isWinningTicket.ts'

const sig = `0x${'12'.repeat(64)}1b` as const
// keccak256(sig ‖ uint256(5)), by hand
const draw = hexToBigInt(keccak256(`${sig}${'00'.repeat(31)}05`))

test('behavior: wins iff keccak256(sig ‖ rand) < winProb', () => {
  assert.equal(isWinningTicket({ sig, recipientRand: 5n, winProb: draw }), false)
  assert.equal(isWinningTicket({ sig, recipientRand: 5n, winProb: draw + 1n }), true)
  assert.equal(isWinningTicket({ sig, recipientRand: 5n, winProb: 0n }), false)
  assert.equal(isWinningTicket({ sig, recipientRand: 5n, winProb: maxUint256 }), draw !== maxUint256)
})
