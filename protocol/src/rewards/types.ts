/** The two LIP-36 factors of one `earningsPool[T][round]`, 1e27 fixed point; 0 means "not initialised". */
export type CumulativeFactors = {
  cumulativeRewardFactor: bigint
  cumulativeFeeFactor: bigint
}

/** `earningsPool[T][round]`, field for field `getTranscoderEarningsPoolForRound`. */
export type EarningsPool = CumulativeFactors & {
  /** T's active stake locked for the round. */
  totalStake: bigint
  /** rewardCut in force for the round (1e6 = 100 %), set at reward or fee time. */
  transcoderRewardCut: bigint
  /** feeShare in force for the round (1e6 = 100 %), set at reward or fee time. */
  transcoderFeeShare: bigint
}

/** The delegator fields LIP-36 claiming reads. */
export type DelegatorEarningsState = {
  bondedAmount: bigint
  fees: bigint
  delegateAddress: `0x${string}`
  lastClaimRound: bigint
}

/** The delegate (transcoder) fields LIP-36 claiming reads. */
export type TranscoderEarningsState = {
  lastRewardRound: bigint
  lastFeeRound: bigint
  /** Rewards T earned as commission and on its own earned rewards, not yet claimed. */
  cumulativeRewards: bigint
  /** Fees T earned as commission and on its own earned rewards, not yet claimed. */
  cumulativeFees: bigint
}

/** Reads the stored factors of `earningsPool[T][round]` for one transcoder T (zeros when unset). */
export type CumulativeFactorsAt = (round: bigint) => CumulativeFactors
