import { pendingStakeAndFees, type PendingStakeAndFeesParameters } from './pendingStakeAndFees.ts'

/** Parameters for {@link pendingStake}. */
export type PendingStakeParameters = PendingStakeAndFeesParameters

/** Return type of {@link pendingStake}. */
export type PendingStakeReturnType = bigint

/**
 * `BondingManager.pendingStake(delegator, _)`: bonded stake including unclaimed rewards, as of the
 * current round (the contract ignores its round argument).
 *
 * @see shared/spec/protocol.md §10.2
 *
 * @example
 * pendingStake({ delegator, delegatorState, transcoderState, factorsAt, round: 12n }) // 3607n
 */
export function pendingStake(parameters: PendingStakeParameters): PendingStakeReturnType {
  return pendingStakeAndFees(parameters).stake
}
