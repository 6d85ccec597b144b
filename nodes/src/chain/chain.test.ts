import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createTicketVerifier, encodeAuxData, hashTicket, signTicket, type Ticket } from '@peerscope/protocol'
import { keccak256 } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { keccakBytes } from './keccakBytes.ts'
import { createSignerRecovery, signDigest, signText } from './signatures.ts'

const key = generatePrivateKey()
const account = privateKeyToAccount(key)
const ticket: Ticket = {
  recipient: '0x00000000000000000000000000000000000000aa',
  sender: account.address,
  faceValue: 10n ** 15n,
  winProb: 2n ** 250n + 12345n,
  senderNonce: 7n,
  recipientRandHash: `0x${'ab'.repeat(32)}`,
  auxData: encodeAuxData(42n, `0x${'cd'.repeat(32)}`),
}

test('unit: native signatures and digests match viem and the protocol library', async () => {
  assert.equal(signDigest(key, hashTicket(ticket)), await signTicket({ ticket, privateKey: key }))
  assert.equal(signText(key, 'hello'), await account.signMessage({ message: 'hello' }))
  // What a gateway signs verifies with the orchestrator's native checker.
  assert.ok(createTicketVerifier().verify({ ticket, signature: signDigest(key, hashTicket(ticket)) }))
  const bytes = new Uint8Array(100_000).map((_, i) => i % 251)
  assert.equal(keccakBytes(bytes), keccak256(bytes))
})

test('behavior: recovery finds the signer and rejects malformed or high-s signatures', () => {
  const recover = createSignerRecovery()
  const sig = signDigest(key, hashTicket(ticket))
  assert.equal(recover.digest(hashTicket(ticket), sig), account.address)
  assert.equal(recover.text('hello', signText(key, 'hello')), account.address)
  assert.notEqual(recover.digest(hashTicket({ ...ticket, senderNonce: 8n }), sig), account.address)
  assert.equal(recover.digest(hashTicket(ticket), '0x1234'), undefined)
  assert.equal(recover.digest(hashTicket(ticket), `${sig.slice(0, 130)}1d` as `0x${string}`), undefined) // v = 29
  // s → n − s with v flipped is the same signature, malleated: OpenZeppelin rejects it, so do we.
  const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
  const s = BigInt(`0x${sig.slice(66, 130)}`)
  const v = Number.parseInt(sig.slice(130), 16)
  const malleated = `${sig.slice(0, 66)}${(n - s).toString(16).padStart(64, '0')}${(v === 27 ? 28 : 27).toString(16)}` as `0x${string}`
  assert.equal(recover.digest(hashTicket(ticket), malleated), undefined)
})
