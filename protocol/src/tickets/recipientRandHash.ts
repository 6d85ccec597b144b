import { keccak256, numberToHex, type Hex } from 'viem'

/** Return type of {@link recipientRandHash}. */
export type RecipientRandHashReturnType = Hex

/**
 * The ticket's `recipientRandHash`: keccak256 of recipientRand left-padded to 32 bytes, which the
 * TicketBroker checks as `keccak256(abi.encodePacked(recipientRand)) == recipientRandHash`.
 *
 * @see shared/spec/protocol.md §12.2
 *
 * @example
 * recipientRandHash(1n) // keccak256(0x00…01)
 */
export function recipientRandHash(rand: bigint): RecipientRandHashReturnType {
  return keccak256(numberToHex(rand, { size: 32 }))
}
