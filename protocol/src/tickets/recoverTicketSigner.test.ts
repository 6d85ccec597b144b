import assert from 'node:assert/strict'
import { test } from 'node:test'
import { concat, hexToBigInt, numberToHex, slice } from 'viem'
import { recoverTicketSigner } from './recoverTicketSigner.ts'
import { signTicket } from './signTicket.ts'
import type { Ticket } from './types.ts'

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
const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n

test('behavior: recovers the sender', async () => {
  assert.equal(await recoverTicketSigner({ ticket, signature: await signTicket({ ticket, privateKey }) }), sender)
})

test('behavior: rejects what the TicketBroker rejects, with the reason', async () => {
  const signature = await signTicket({ ticket, privateKey })
  const r = slice(signature, 0, 32)
  const s = hexToBigInt(slice(signature, 32, 64))
  const v = hexToBigInt(slice(signature, 64, 65))
  await assert.rejects(recoverTicketSigner({ ticket, signature: slice(signature, 0, 64) }), {
    name: 'InvalidTicketSignatureError',
    message: `Invalid ticket signature: must be 65 bytes, got 64.\n\nSignature: ${slice(signature, 0, 64)}\n\nSpec: shared/spec/protocol.md#122-redeemwinningticket-checks-in-order`,
  })
  // v as 0/1 (a raw yParity) is refused by OpenZeppelin's ECDSA
  const yParity = concat([r, numberToHex(s, { size: 32 }), numberToHex(v - 27n, { size: 1 })])
  await assert.rejects(recoverTicketSigner({ ticket, signature: yParity }), { message: /^Invalid ticket signature: v must be 27 or 28, got [01]\./ })
  // the malleable twin (n − s, other v) recovers the same key, but the contract refuses it
  const twin = concat([r, numberToHex(n - s, { size: 32 }), numberToHex(v === 27n ? 28n : 27n, { size: 1 })])
  await assert.rejects(recoverTicketSigner({ ticket, signature: twin }), {
    message: /^Invalid ticket signature: s is in the upper half of the curve order\./,
  })
})
