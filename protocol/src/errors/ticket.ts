import type { Hex } from 'viem'
import { BaseError } from './base.ts'

/** Type of {@link InvalidTicketSignatureError}. */
export type InvalidTicketSignatureErrorType = InvalidTicketSignatureError & { name: 'InvalidTicketSignatureError' }

/**
 * A ticket signature the TicketBroker would reject: not 65 bytes, `v` not 27/28, a high-`s`
 * (malleable) signature, or one that recovers to another address than the ticket's sender.
 *
 * @example
 * throw new InvalidTicketSignatureError({ signature: '0x12', reason: 'must be 65 bytes, got 1' })
 */
export class InvalidTicketSignatureError extends BaseError {
  override name = 'InvalidTicketSignatureError'
  readonly signature: Hex

  constructor({ signature, reason }: { signature: Hex; reason: string }) {
    super(`Invalid ticket signature: ${reason}.`, {
      metaMessages: [`Signature: ${signature}`],
      docsPath: '#122-redeemwinningticket-checks-in-order',
    })
    this.signature = signature
  }
}

/** Type of {@link InsufficientSenderReserveError}. */
export type InsufficientSenderReserveErrorType = InsufficientSenderReserveError & { name: 'InsufficientSenderReserveError' }

/**
 * go-livepeer's `errInsufficientSenderReserve`: the sender's max float cannot back a ticket worth
 * at least the expected value, or the face value would not even cover the redemption transaction.
 *
 * @example
 * throw new InsufficientSenderReserveError({ faceValue: 1n, ev: 2n, reason: 'face value 1 is below EV 2' })
 */
export class InsufficientSenderReserveError extends BaseError {
  override name = 'InsufficientSenderReserveError'
  readonly faceValue: bigint
  readonly ev: bigint

  constructor({ faceValue, ev, reason }: { faceValue: bigint; ev: bigint; reason: string }) {
    super('Insufficient sender reserve.', {
      details: reason,
      metaMessages: [`Face value: ${faceValue} wei`, `EV:         ${ev} wei`],
      docsPath: '#124-off-chain-side-summary-details-in-nodesmd',
    })
    this.faceValue = faceValue
    this.ev = ev
  }
}

/** Type of {@link InvalidAuxDataError}. */
export type InvalidAuxDataErrorType = InvalidAuxDataError & { name: 'InvalidAuxDataError' }

/**
 * Ticket `auxData` that is not exactly 64 bytes (`creationRound` ‖ `creationRoundBlockHash`), or a
 * block hash that is not 32 bytes.
 *
 * @example
 * throw new InvalidAuxDataError({ auxData: '0x1234', reason: 'must be 64 bytes, got 2' })
 */
export class InvalidAuxDataError extends BaseError {
  override name = 'InvalidAuxDataError'

  constructor({ auxData, reason }: { auxData: Hex; reason: string }) {
    super(`Invalid ticket auxData: ${reason}.`, {
      metaMessages: [`auxData: ${auxData}`],
      docsPath: '#121-on-chain-ticket-format',
    })
  }
}

/** Type of {@link InvalidTicketParametersError}. */
export type InvalidTicketParametersErrorType = InvalidTicketParametersError & { name: 'InvalidTicketParametersError' }

/**
 * Ticket parameters that cannot form a valid ticket (a winning probability above 2^256 − 1, a
 * negative amount, a secret of the wrong size).
 *
 * @example
 * throw new InvalidTicketParametersError({ reason: 'face value 5 is below EV 8' })
 */
export class InvalidTicketParametersError extends BaseError {
  override name = 'InvalidTicketParametersError'

  constructor({ reason }: { reason: string }) {
    super(`Invalid ticket parameters: ${reason}.`, { docsPath: '#12-probabilistic-micropayments' })
  }
}
