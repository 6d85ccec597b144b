import assert from 'node:assert/strict'
import { test } from 'node:test'
import { keccak256, size, type Hex } from 'viem'
import { hashTicket } from './hashTicket.ts'
import type { Ticket } from './types.ts'

const ticket: Ticket = {
  recipient: '0x00000000000000000000000000000000000000aa',
  sender: '0x00000000000000000000000000000000000000bb',
  faceValue: 1000n,
  winProb: 2n,
  senderNonce: 3n,
  recipientRandHash: `0x${'44'.repeat(32)}`,
  auxData: `0x${'00'.repeat(31)}07${'55'.repeat(32)}`,
}

test('behavior: keccak256 of the 232 packed bytes', () => {
  // 20 + 20 bytes of addresses, four 32-byte words, then the 64 auxData bytes
  const packed: Hex = `0x${'00'.repeat(19)}aa${'00'.repeat(19)}bb${'00'.repeat(30)}03e8${'00'.repeat(31)}02${'00'.repeat(31)}03${'44'.repeat(32)}${'00'.repeat(31)}07${'55'.repeat(32)}`
  assert.equal(size(packed), 232)
  assert.equal(hashTicket(ticket), keccak256(packed))
})

test('behavior: every field changes the hash', () => {
  const base = hashTicket(ticket)
  assert.notEqual(hashTicket({ ...ticket, senderNonce: 4n }), base)
  assert.notEqual(hashTicket({ ...ticket, auxData: `0x${'00'.repeat(31)}08${'55'.repeat(32)}` }), base)
})
