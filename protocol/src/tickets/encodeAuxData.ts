import { concat, numberToHex, size, type Hex } from 'viem'
import { InvalidAuxDataError } from '../errors/ticket.ts'

/** Return type of {@link encodeAuxData}. */
export type EncodeAuxDataReturnType = Hex

/**
 * The ticket's `auxData`: `abi.encodePacked(uint256 creationRound, bytes32 creationRoundBlockHash)`,
 * exactly 64 bytes. The TicketBroker checks the hash against `blockHashForRound(creationRound)` and
 * that the round is within `ticketValidityPeriod`.
 *
 * @see shared/spec/protocol.md §12.1
 *
 * @param creationRound - The last initialized round when the ticket params were made.
 * @param blockHash - That round's stored block hash (32 bytes).
 * @throws {InvalidAuxDataError} when the block hash is not 32 bytes or the round is out of uint256 range.
 *
 * @example
 * encodeAuxData(4253n, '0x' + 'ab'.repeat(32)) // '0x…109d' ‖ 'abab…'
 */
export function encodeAuxData(creationRound: bigint, blockHash: Hex): EncodeAuxDataReturnType {
  if (size(blockHash) !== 32)
    throw new InvalidAuxDataError({ auxData: blockHash, reason: `the block hash must be 32 bytes, got ${size(blockHash)}` })
  if (creationRound < 0n || creationRound >= 2n ** 256n)
    throw new InvalidAuxDataError({ auxData: blockHash, reason: `the creation round ${creationRound} is not a uint256` })
  return concat([numberToHex(creationRound, { size: 32 }), blockHash])
}
