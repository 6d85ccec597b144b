import { zeroAddress, type Address } from 'viem'
import { latestCumulativeFactors } from './latestCumulativeFactors.ts'
import { pendingStakeAndFees, type PendingStakeAndFeesParameters } from './pendingStakeAndFees.ts'
import type { CumulativeFactors } from './types.ts'

/** Parameters for {@link claimEarnings}. */
export type ClaimEarningsParameters = PendingStakeAndFeesParameters

/** Return type of {@link claimEarnings}: what the claim emits and writes, or null when nothing is claimed. */
export type ClaimEarningsReturnType = {
  /** The `EarningsClaimed` event the claim emits. */
  event: {
    delegate: Address
    delegator: Address
    /** Increment of bonded stake. */
    rewards: bigint
    /** Increment of fees. */
    fees: bigint
    startRound: bigint
    endRound: bigint
  }
  /** The delegator's fields after the claim. */
  delegatorState: { bondedAmount: bigint; fees: bigint; lastClaimRound: bigint }
  /** Factors to store at `pool[delegate][round]` (ensureInitializedCumulativeFactorsPool), or null without a delegate. */
  delegatePoolFactors: CumulativeFactors | null
  /** True when the delegator is its own delegate: its `cumulativeRewards` and `cumulativeFees` reset to 0. */
  resetsTranscoderCumulatives: boolean
} | null

/**
 * `BondingManager.updateDelegatorWithEarnings` via `_autoClaimEarnings`: runs only if
 * lastClaimRound < round; claims up to the current round (`_endRound` is ignored). It emits
 * `EarningsClaimed` even for an account without a delegate (delegate 0x0, zero amounts).
 *
 * @see shared/spec/protocol.md §10.3
 *
 * @example
 * const claim = claimEarnings({ delegator, delegatorState, transcoderState, factorsAt, round: 12n })
 * claim?.event // { delegate, delegator, rewards: 607n, fees: 375n, startRound: 11n, endRound: 12n }
 */
export function claimEarnings(parameters: ClaimEarningsParameters): ClaimEarningsReturnType {
  const { delegator, delegatorState, transcoderState, factorsAt, round } = parameters
  if (delegatorState.lastClaimRound >= round) return null
  const hasDelegate = delegatorState.delegateAddress.toLowerCase() !== zeroAddress
  const { stake, fees } = hasDelegate
    ? pendingStakeAndFees(parameters)
    : { stake: delegatorState.bondedAmount, fees: delegatorState.fees }
  return {
    event: {
      delegate: delegatorState.delegateAddress,
      delegator,
      rewards: stake - delegatorState.bondedAmount,
      fees: fees - delegatorState.fees,
      startRound: delegatorState.lastClaimRound + 1n,
      endRound: round,
    },
    delegatorState: { bondedAmount: stake, fees, lastClaimRound: round },
    delegatePoolFactors: hasDelegate
      ? latestCumulativeFactors({
          round,
          lastRewardRound: transcoderState.lastRewardRound,
          lastFeeRound: transcoderState.lastFeeRound,
          factorsAt,
        })
      : null,
    resetsTranscoderCumulatives: hasDelegate && delegator.toLowerCase() === delegatorState.delegateAddress.toLowerCase(),
  }
}
