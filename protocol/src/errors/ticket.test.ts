import assert from 'node:assert/strict'
import { test } from 'node:test'
import { BaseError } from './base.ts'
import { InsufficientSenderReserveError, InvalidAuxDataError, InvalidTicketParametersError, InvalidTicketSignatureError } from './ticket.ts'

test('InvalidTicketSignatureError', () => {
  const error = new InvalidTicketSignatureError({ signature: '0x12', reason: 'must be 65 bytes, got 1' })
  assert.ok(error instanceof BaseError)
  assert.equal(error.name, 'InvalidTicketSignatureError')
  assert.equal(
    error.message,
    'Invalid ticket signature: must be 65 bytes, got 1.\n\nSignature: 0x12\n\nSpec: shared/spec/protocol.md#122-redeemwinningticket-checks-in-order',
  )
})

test('InsufficientSenderReserveError', () => {
  const error = new InsufficientSenderReserveError({ faceValue: 1n, ev: 2n, reason: 'face value 1 is below EV 2' })
  assert.equal(error.name, 'InsufficientSenderReserveError')
  assert.equal(error.shortMessage, 'Insufficient sender reserve.')
  assert.equal(
    error.message,
    'Insufficient sender reserve.\n\nFace value: 1 wei\nEV:         2 wei\n\nSpec: shared/spec/protocol.md#124-off-chain-side-summary-details-in-nodesmd\nDetails: face value 1 is below EV 2',
  )
})

test('InvalidAuxDataError', () => {
  assert.equal(
    new InvalidAuxDataError({ auxData: '0x1234', reason: 'must be 64 bytes, got 2' }).message,
    'Invalid ticket auxData: must be 64 bytes, got 2.\n\nauxData: 0x1234\n\nSpec: shared/spec/protocol.md#121-on-chain-ticket-format',
  )
})

test('InvalidTicketParametersError', () => {
  assert.equal(
    new InvalidTicketParametersError({ reason: 'face value 5 is below EV 8' }).message,
    'Invalid ticket parameters: face value 5 is below EV 8.\n\nSpec: shared/spec/protocol.md#12-probabilistic-micropayments',
  )
})
