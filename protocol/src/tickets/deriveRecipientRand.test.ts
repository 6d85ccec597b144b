import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { test } from 'node:test'
import { bytesToBigInt, hexToBytes } from 'viem'
import { deriveRecipientRand } from './deriveRecipientRand.ts'

const secret = `0x${'11'.repeat(32)}` as const
const sender = '0x00000000000000000000000000000000000000Aa' as const
const auxData = `0x${'00'.repeat(31)}07${'55'.repeat(32)}` as const
const hmac = (message: string) => bytesToBigInt(createHmac('sha256', hexToBytes(secret)).update(hexToBytes(`0x${message}`)).digest())

test('behavior: HMAC-SHA256 over minimal big-endian integers, price reduced like big.Rat', () => {
  const rand = deriveRecipientRand({
    secret,
    seed: `0x00ff`, // a big.Int: the leading zero byte is dropped
    sender,
    faceValue: 1000n,
    winProb: 0n, // empty
    expirationBlock: 256n,
    priceNum: 4n, // 4/6 → 2/3
    priceDenom: 6n,
    auxData,
  })
  // seed ‖ sender ‖ faceValue ‖ winProb ‖ expirationBlock ‖ num ‖ denom ‖ auxData
  const message = ['ff', `${'00'.repeat(19)}aa`, '03e8', '', '0100', '02', '03', auxData.slice(2)]
  assert.equal(rand, hmac(message.join('')))
})

test('behavior: a zero price is 0/1', () => {
  const common = { secret, seed: 1n, sender, faceValue: 0n, winProb: 0n, expirationBlock: 1n, auxData }
  const message = ['01', `${'00'.repeat(19)}aa`, '', '', '01', '', '01', auxData.slice(2)]
  assert.equal(deriveRecipientRand({ ...common, priceNum: 0n, priceDenom: 7n }), hmac(message.join('')))
})

test('behavior: rejects an empty secret and negative prices', () => {
  const common = { seed: 1n, sender, faceValue: 0n, winProb: 0n, expirationBlock: 1n, auxData, priceNum: 1n, priceDenom: 1n }
  assert.throws(() => deriveRecipientRand({ ...common, secret: '0x' }), {
    message: 'Invalid ticket parameters: the HMAC secret must be non-empty bytes.\n\nSpec: shared/spec/protocol.md#12-probabilistic-micropayments',
  })
  assert.throws(() => deriveRecipientRand({ ...common, secret, priceNum: -1n }), { name: 'InvalidTicketParametersError' })
})
