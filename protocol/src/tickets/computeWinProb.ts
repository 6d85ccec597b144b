import { InvalidTicketParametersError } from '../errors/ticket.ts'
import { maxWinProb } from './constants.ts'

/** Return type of {@link computeWinProb}. */
export type ComputeWinProbReturnType = bigint

/**
 * go-livepeer's `recipient.winProb`: `ev × ceil((2^256 − 1) / faceValue)`, exactly 2^256 − 1 when
 * faceValue equals EV, and 0 for a zero face value (free work). Like go-livepeer, the quotient is
 * rounded up only when the remainder's low 64 bits are non-zero (`big.Int.Int64()`); for any face
 * value below 2^64 wei that is the exact ceiling.
 *
 * @see shared/spec/protocol.md §12.4
 *
 * @param ev - The recipient's expected value per ticket, wei.
 * @param faceValue - The ticket face value, wei (as from `computeFaceValue`).
 * @throws {InvalidTicketParametersError} when faceValue < EV (the probability would exceed 1).
 *
 * @example
 * computeWinProb(8_000_000_000n, 800_000_000_000n) // ≈ maxWinProb / 100
 */
export function computeWinProb(ev: bigint, faceValue: bigint): ComputeWinProbReturnType {
  if (faceValue === 0n) return 0n
  if (faceValue === ev) return maxWinProb
  if (faceValue < ev) throw new InvalidTicketParametersError({ reason: `face value ${faceValue} is below EV ${ev}` })
  const quotient = maxWinProb / faceValue
  const remainder = maxWinProb % faceValue
  return ev * ((remainder & 0xffff_ffff_ffff_ffffn) !== 0n ? quotient + 1n : quotient)
}
