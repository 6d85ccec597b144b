import assert from 'node:assert/strict'
import { test } from 'node:test'
import { hashTicket } from './hashTicket.ts'
import { signTicket } from './signTicket.ts'
import type { Ticket } from './types.ts'
import { verifyTicketSignature } from './verifyTicketSignature.ts'
import { bytesToHex, type Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { createTicketVerifier } from './createTicketVerifier.ts'

const key = '0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba'
const sender = privateKeyToAccount(key).address
const curveOrder = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
const ticket: Ticket = {
  recipient: '0x00000000000000000000000000000000000000a1',
  sender,
  faceValue: 123456789n,
  winProb: 2n ** 255n + 7n,
  senderNonce: 3n,
  recipientRandHash: `0x${'ab'.repeat(32)}`,
  auxData: `0x${'00'.repeat(31)}05${'cd'.repeat(32)}`,
}

test('unit: hashes tickets as protocol hashTicket does', () => {
  const verifier = createTicketVerifier()
  for (const auxData of [ticket.auxData, '0x', '0x01'] as Hex[]) assert.equal(bytesToHex(verifier.hashTicket({ ...ticket, auxData })), hashTicket({ ...ticket, auxData }))
})

test('unit: gives the same verdicts as protocol verifyTicketSignature', async () => {
  const verifier = createTicketVerifier()
  const signature = await signTicket({ ticket, privateKey: key })
  const r = signature.slice(2, 66)
  const s = BigInt(`0x${signature.slice(66, 130)}`)
  const v = Number.parseInt(signature.slice(130), 16)
  // The same signature with the other s (n − s) and v: valid for ecrecover, refused for malleability.
  const highS = `0x${r}${(curveOrder - s).toString(16).padStart(64, '0')}${(v === 27 ? 28 : 27).toString(16)}` as Hex
  const cases: { ticket: Ticket; signature: Hex }[] = [
    { ticket, signature },
    { ticket: { ...ticket, senderNonce: 4n }, signature },
    { ticket: { ...ticket, sender: '0x00000000000000000000000000000000000000b2' }, signature },
    { ticket: { ...ticket, sender: sender.toLowerCase() as Hex }, signature },
    { ticket, signature: `${signature.slice(0, 130)}${v === 27 ? '1c' : '1b'}` as Hex },
    { ticket, signature: `${signature.slice(0, 130)}01` as Hex },
    { ticket, signature: highS },
    { ticket, signature: signature.slice(0, 128) as Hex },
    { ticket, signature: `0x${'00'.repeat(64)}1b` },
  ]
  const expected = [true, false, false, true, false, false, false, false, false]
  for (const [index, entry] of cases.entries()) {
    assert.equal(await verifyTicketSignature(entry), expected[index], `protocol case ${index}`)
    assert.equal(verifier.verify(entry), expected[index], `native case ${index}`)
  }
})
