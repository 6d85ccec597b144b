import { percOf } from '../math/percOf.ts'

/** Parameters for {@link splitFees}. */
export type SplitFeesParameters = {
  /** ETH credited for a winning ticket (`WinningTicketTransfer.amount`). */
  fees: bigint
  /** The pool's feeShare (1e6 scale): the share passed to delegators. */
  feeShare: bigint
}

/** Return type of {@link splitFees}. */
export type SplitFeesReturnType = {
  /** `fees × feeShare / 1e6`, shared by all of T's stake through the cumulative fee factor. */
  delegatorsFees: bigint
  /** The rest, T's commission. */
  transcoderCommission: bigint
}

/**
 * Splits ticket fees between T's delegators (feeShare) and T (the remainder).
 *
 * @see shared/spec/protocol.md §9
 *
 * @example
 * splitFees({ fees: 1000n, feeShare: 250_000n }) // { delegatorsFees: 250n, transcoderCommission: 750n }
 */
export function splitFees({ fees, feeShare }: SplitFeesParameters): SplitFeesReturnType {
  const delegatorsFees = percOf(fees, feeShare)
  return { delegatorsFees, transcoderCommission: fees - delegatorsFees }
}
