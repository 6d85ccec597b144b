import { pendingStakeAndFees, type PendingStakeAndFeesParameters } from './pendingStakeAndFees.ts'

/** Parameters for {@link pendingFees}. */
export type PendingFeesParameters = PendingStakeAndFeesParameters

/** Return type of {@link pendingFees}. */
export type PendingFeesReturnType = bigint

/**
 * `BondingManager.pendingFees(delegator, _)`: withdrawable fees including unclaimed ones, as of the
 * current round (the contract ignores its round argument).
 *
 * @see shared/spec/protocol.md §10.2
 *
 * @example
 * pendingFees({ delegator, delegatorState, transcoderState, factorsAt, round: 12n }) // 375n
 */
export function pendingFees(parameters: PendingFeesParameters): PendingFeesReturnType {
  return pendingStakeAndFees(parameters).fees
}
