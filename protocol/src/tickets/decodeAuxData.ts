import { hexToBigInt, size, slice, type Hex } from 'viem'
import { InvalidAuxDataError } from '../errors/ticket.ts'

/** Return type of {@link decodeAuxData}. */
export type DecodeAuxDataReturnType = { creationRound: bigint; creationRoundBlockHash: Hex }

/**
 * Splits a ticket's 64-byte `auxData` into its creation round and that round's block hash.
 *
 * @see shared/spec/protocol.md §12.1
 *
 * @throws {InvalidAuxDataError} when auxData is not exactly 64 bytes (the TicketBroker rejects it too).
 *
 * @example
 * decodeAuxData(ticket.auxData) // { creationRound: 4253n, creationRoundBlockHash: '0xabab…' }
 */
export function decodeAuxData(auxData: Hex): DecodeAuxDataReturnType {
  if (size(auxData) !== 64) throw new InvalidAuxDataError({ auxData, reason: `must be 64 bytes, got ${size(auxData)}` })
  return { creationRound: hexToBigInt(slice(auxData, 0, 32)), creationRoundBlockHash: slice(auxData, 32, 64) }
}
