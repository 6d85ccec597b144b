import assert from 'node:assert/strict'
import { test } from 'node:test'
import { concat, hexToBigInt, keccak256, recoverAddress, size, slice, stringToHex } from 'viem'
import { hashTicket } from './hashTicket.ts'
import { signTicket } from './signTicket.ts'
import type { Ticket } from './types.ts'

// anvil account #0
const privateKey = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'
const sender = '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266'
const ticket: Ticket = {
  recipient: '0x00000000000000000000000000000000000000aa',
  sender,
  faceValue: 10n ** 15n,
  winProb: 2n ** 250n,
  senderNonce: 1n,
  recipientRandHash: `0x${'44'.repeat(32)}`,
  auxData: `0x${'00'.repeat(31)}07${'55'.repeat(32)}`,
}

test('behavior: 65 bytes, v 27/28, EIP-191 over the ticket hash', async () => {
  const signature = await signTicket({ ticket, privateKey })
  assert.equal(size(signature), 65)
  assert.ok([27n, 28n].includes(hexToBigInt(slice(signature, 64, 65))))
  // toEthSignedMessageHash(ticketHash), built by hand
  const digest = keccak256(concat([stringToHex('\x19Ethereum Signed Message:\n32'), hashTicket(ticket)]))
  assert.equal(await recoverAddress({ hash: digest, signature }), sender)
})

test('behavior: deterministic (RFC 6979)', async () => {
  assert.equal(await signTicket({ ticket, privateKey }), await signTicket({ ticket, privateKey }))
})
