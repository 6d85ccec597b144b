import assert from 'node:assert/strict'
import { test } from 'node:test'
import { decodeHeader, encodeHeader, parsePayment, parseSegData, segmentCredentialsMessage } from './codec.ts'
import { estimatePixels, feeFor } from './estimateFee.ts'

const params = {
  recipient: '0x00000000000000000000000000000000000000aa',
  faceValue: '1000',
  winProb: '5',
  recipientRandHash: `0x${'11'.repeat(32)}`,
  seed: `0x${'22'.repeat(32)}`,
  expirationBlock: '99',
  expirationParams: { creationRound: '3', creationRoundBlockHash: `0x${'33'.repeat(32)}` },
}
const payment = { sender: '0x00000000000000000000000000000000000000bb', ticketParams: params, ticketSenderParams: [{ senderNonce: '1', sig: `0x${'44'.repeat(65)}` }], expectedPrice: { pricePerUnit: '1200', pixelsPerUnit: '1' } }

test('unit: headers round-trip as base64 JSON and parse into bigints', () => {
  const parsed = parsePayment(decodeHeader(encodeHeader(payment), 'Livepeer-Payment'))
  assert.equal(parsed.ticketParams?.faceValue, 1000n)
  assert.equal(parsed.ticketParams?.creationRound, 3n)
  assert.deepEqual(parsed.tickets, [{ senderNonce: 1n, sig: payment.ticketSenderParams[0]!.sig }])
  assert.deepEqual(parsed.expectedPrice, { pricePerUnit: 1200n, pixelsPerUnit: 1n })
})

test('behavior: bad headers are BadRequest errors naming the field', () => {
  assert.throws(() => decodeHeader(undefined, 'Livepeer-Payment'), { code: 'BadRequest', reason: 'missing Livepeer-Payment header' })
  assert.throws(() => decodeHeader('%%%', 'Livepeer-Segment'), { code: 'BadRequest', reason: 'Livepeer-Segment header is not base64 JSON' })
  assert.throws(() => parsePayment({ ...payment, sender: 'bob' }), { reason: 'payment.sender must be an address' })
  assert.throws(() => parsePayment({ ...payment, ticketParams: { ...params, faceValue: -1 } }), { reason: 'payment.ticketParams.faceValue must be a decimal string' })
  assert.throws(() => parsePayment({ ...payment, ticketSenderParams: [{ senderNonce: String(2 ** 32), sig: payment.ticketSenderParams[0]!.sig }] }), {
    reason: 'payment.ticketSenderParams[0].senderNonce must be a uint32',
  })
  assert.throws(() => parsePayment({ ...payment, expectedPrice: { pricePerUnit: '1', pixelsPerUnit: '0' } }), { reason: 'payment.expectedPrice.pixelsPerUnit must be positive' })
  assert.throws(() => parseSegData({ manifestId: 'a/b', seq: 0 }), { reason: 'segment.manifestId must be 1-128 word characters' })
  assert.throws(() => parseSegData({ manifestId: 'a', seq: 0, duration: 2000, profiles: [] }), { reason: 'segment.profiles must list 1 to 8 profiles' })
})

test('unit: segment credentials cover manifest, seq, hash and every profile field', () => {
  const seg = { manifestId: 'm', seq: 4, hash: `0x${'ab'.repeat(32)}` as const, profiles: [{ name: 'P240p30fps16x9', width: 426, height: 240, bitrate: 600_000, fps: 30 }] }
  assert.equal(segmentCredentialsMessage(seg), `m|4|0x${'ab'.repeat(32)}|P240p30fps16x9:426x240@30/600000`)
})

test('unit: go-livepeer fee estimate for the default ladder (nodes.md §7 worked example)', () => {
  const ladder = [
    { name: 'a', width: 426, height: 240, bitrate: 1, fps: 30 },
    { name: 'b', width: 640, height: 360, bitrate: 1, fps: 30 },
  ]
  assert.equal(estimatePixels(ladder, 2_000), 19_958_400n) // 60 frames each
  assert.equal(estimatePixels(ladder.map((p) => ({ ...p, fps: 0 })), 2_000), 39_916_800n) // passthrough counts as 60 fps
  assert.equal(estimatePixels(ladder, 1_500), 19_958_400n) // ceil(duration)
  assert.equal(feeFor(19_958_400n, { pricePerUnit: 1200n, pixelsPerUnit: 1n }), 23_950_080_000n)
  assert.equal(feeFor(3n, { pricePerUnit: 1n, pixelsPerUnit: 2n }), 2n) // rounded up
})
