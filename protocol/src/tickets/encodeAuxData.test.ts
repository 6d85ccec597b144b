import assert from 'node:assert/strict'
import { test } from 'node:test'
import { encodeAuxData } from './encodeAuxData.ts'

const hash = `0x${'ab'.repeat(32)}` as const

test('behavior: 32-byte round then the 32-byte block hash', () => {
  // 4253 = 0x109d
  assert.equal(encodeAuxData(4253n, hash), `0x${'00'.repeat(30)}109d${'ab'.repeat(32)}`)
})

test('behavior: rejects a block hash that is not 32 bytes', () => {
  assert.throws(() => encodeAuxData(1n, '0xabcd'), {
    name: 'InvalidAuxDataError',
    message: [
      'Invalid ticket auxData: the block hash must be 32 bytes, got 2.',
      '',
      'auxData: 0xabcd',
      '',
      'Spec: shared/spec/protocol.md#121-on-chain-ticket-format',
    ].join('\n'),
  })
})
