import { concat, hexToBigInt, keccak256, numberToHex, type Hex } from 'viem'

/** Parameters for {@link isWinningTicket}. */
export type IsWinningTicketParameters = {
  /** The sender's 65-byte ticket signature. */
  sig: Hex
  /** The recipient's secret random number (uint256) whose hash is in the ticket. */
  recipientRand: bigint
  /** Numerator over 2^256 − 1. */
  winProb: bigint
}

/** Return type of {@link isWinningTicket}. */
export type IsWinningTicketReturnType = boolean

/**
 * The TicketBroker's win test: `uint256(keccak256(abi.encodePacked(sig, recipientRand))) < winProb`,
 * with recipientRand as a 32-byte uint256.
 *
 * @see shared/spec/protocol.md §12.2
 *
 * @example
 * isWinningTicket({ sig, recipientRand, winProb: ticket.winProb })
 */
export function isWinningTicket({ sig, recipientRand, winProb }: IsWinningTicketParameters): IsWinningTicketReturnType {
  return hexToBigInt(keccak256(concat([sig, numberToHex(recipientRand, { size: 32 })]))) < winProb
}
