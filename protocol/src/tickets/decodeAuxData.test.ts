import assert from 'node:assert/strict'
import { test } from 'node:test'
import { decodeAuxData } from './decodeAuxData.ts'
import { encodeAuxData } from './encodeAuxData.ts'

test('behavior: inverts encodeAuxData', () => {
  const creationRoundBlockHash = `0x${'cd'.repeat(32)}` as const
  assert.deepEqual(decodeAuxData(encodeAuxData(4253n, creationRoundBlockHash)), { creationRound: 4253n, creationRoundBlockHash })
})

test('behavior: rejects auxData that is not 64 bytes', () => {
  assert.throws(() => decodeAuxData('0x1234'), {
    name: 'InvalidAuxDataError',
    message: 'Invalid ticket auxData: must be 64 bytes, got 2.\n\nauxData: 0x1234\n\nSpec: shared/spec/protocol.md#121-on-chain-ticket-format',
  })
})
