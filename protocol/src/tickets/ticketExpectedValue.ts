import { maxWinProb } from './constants.ts'

/** Return type of {@link ticketExpectedValue}. */
export type TicketExpectedValueReturnType = bigint

/**
 * A ticket's expected value in wei: `faceValue × winProb / (2^256 − 1)`, truncated. The orchestrator
 * credits this for every ticket it receives, winning or not.
 *
 * @see shared/spec/protocol.md §12.4
 *
 * @param faceValue - Wei paid if the ticket wins.
 * @param winProb - Numerator over 2^256 − 1.
 *
 * @example
 * ticketExpectedValue(800_000_000_000n, maxWinProb / 100n) // 7999999999n (≈ 8 gwei)
 */
export function ticketExpectedValue(faceValue: bigint, winProb: bigint): TicketExpectedValueReturnType {
  return (faceValue * winProb) / maxWinProb
}
