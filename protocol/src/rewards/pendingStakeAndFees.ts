import type { Address } from 'viem'
import { delegatorCumulativeStakeAndFees } from './delegatorCumulativeStakeAndFees.ts'
import { latestCumulativeFactors } from './latestCumulativeFactors.ts'
import type { CumulativeFactorsAt, DelegatorEarningsState, TranscoderEarningsState } from './types.ts'

/** Parameters for {@link pendingStakeAndFees} (and `pendingStake`, `pendingFees`, `claimEarnings`). */
export type PendingStakeAndFeesParameters = {
  /** The delegator's address (to tell whether it is its own delegate). */
  delegator: Address
  /** The delegator's stored state. */
  delegatorState: DelegatorEarningsState
  /** Its delegate's stored state (all zeros when it has no delegate). */
  transcoderState: TranscoderEarningsState
  /** Stored factors of the delegate's pools. */
  factorsAt: CumulativeFactorsAt
  /** The current round. The contract views ignore their `_endRound` argument and use this. */
  round: bigint
}

/** Return type of {@link pendingStakeAndFees}. */
export type PendingStakeAndFeesReturnType = { stake: bigint; fees: bigint }

/**
 * `BondingManager.pendingStakeAndFees`: the delegator's stake and fees if it claimed now. Starts from
 * the raw factors at lastClaimRound, ends at the latest factors for `round` (with fallbacks), and adds
 * the transcoder's own `cumulativeRewards` / `cumulativeFees` when the delegator is its own delegate.
 * Nothing accrues when lastClaimRound ≥ round.
 *
 * @see shared/spec/protocol.md §10.2
 *
 * @example
 * const { stake, fees } = pendingStakeAndFees({ delegator, delegatorState, transcoderState, factorsAt, round: 12n })
 */
export function pendingStakeAndFees({
  delegator,
  delegatorState,
  transcoderState,
  factorsAt,
  round,
}: PendingStakeAndFeesParameters): PendingStakeAndFeesReturnType {
  let stake = delegatorState.bondedAmount
  let fees = delegatorState.fees
  if (delegatorState.lastClaimRound < round) {
    ;({ stake, fees } = delegatorCumulativeStakeAndFees({
      startFactors: factorsAt(delegatorState.lastClaimRound),
      endFactors: latestCumulativeFactors({
        round,
        lastRewardRound: transcoderState.lastRewardRound,
        lastFeeRound: transcoderState.lastFeeRound,
        factorsAt,
      }),
      stake,
      fees,
    }))
  }
  if (delegator.toLowerCase() === delegatorState.delegateAddress.toLowerCase()) {
    stake += transcoderState.cumulativeRewards
    fees += transcoderState.cumulativeFees
  }
  return { stake, fees }
}
