import assert from 'node:assert/strict'
import { test } from 'node:test'
import { signTicket } from './signTicket.ts'
import type { Ticket } from './types.ts'
import { verifyTicketSignature } from './verifyTicketSignature.ts'

const privateKey = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80'
const ticket: Ticket = {
  recipient: '0x00000000000000000000000000000000000000aa',
  sender: '0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266',
  faceValue: 10n ** 15n,
  winProb: 2n ** 250n,
  senderNonce: 1n,
  recipientRandHash: `0x${'44'.repeat(32)}`,
  auxData: `0x${'00'.repeat(31)}07${'55'.repeat(32)}`,
}

test('behavior: true for the sender, false for another ticket or a malformed signature', async () => {
  const signature = await signTicket({ ticket, privateKey })
  assert.equal(await verifyTicketSignature({ ticket, signature }), true)
  assert.equal(await verifyTicketSignature({ ticket: { ...ticket, senderNonce: 2n }, signature }), false)
  assert.equal(await verifyTicketSignature({ ticket, signature: '0x1234' }), false)
})
