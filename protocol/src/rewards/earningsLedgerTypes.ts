import type { Address, DecodeEventLogReturnType } from 'viem'
import type { arbitrumEventsAbi } from '../events/arbitrumEvents.ts'
import type { EarningsPool } from './types.ts'

/** The decoded events the earnings ledger consumes; any other decoded event is ignored by `apply`. */
export const ledgerEventNames = [
  'Bond',
  'Unbond',
  'Rebond',
  'TransferBond',
  'WithdrawStake',
  'WithdrawFees',
  'EarningsClaimed',
  'Reward',
  'TreasuryReward',
  'TranscoderUpdate',
  'TranscoderActivated',
  'TranscoderDeactivated',
  'TranscoderSlashed',
  'WinningTicketTransfer',
  'NewRound',
  'SetCurrentRewardTokens',
  'ParameterUpdate',
] as const

/** A name from {@link ledgerEventNames}. */
export type LedgerEventName = (typeof ledgerEventNames)[number]

type Decoded = DecodeEventLogReturnType<typeof arbitrumEventsAbi>

/**
 * One decoded log for the earnings ledger: viem's `decodeEventLog(...)` result (`eventName`, `args`)
 * plus `round`, the current round when the log was emitted (the latest `NewRound` before it; rounds
 * never come from L2 block numbers).
 *
 * `ParameterUpdate` may carry `value`, the parameter's new value: the event only names the
 * parameter, and the ledger needs the treasury cut rate exactly. For `nextRoundTreasuryRewardCutRate`
 * and `treasuryRewardCutRate` after the first `NewRound`, pass the BondingManager getter of the same
 * name read at the log's block (one eth_call per change; 0 when the update shares a transaction with
 * a `Reward`, the treasury-ceiling path). Other parameters need no value.
 */
export type LedgerEvent = {
  [name in LedgerEventName]: {
    eventName: name
    args: Extract<Decoded, { eventName: name }>['args']
    round: bigint
  } & (name extends 'ParameterUpdate' ? { value?: bigint | undefined } : unknown)
}[LedgerEventName]

/** An unbonding lock as `getDelegatorUnbondingLock` returns it, with its id. */
export type LedgerUnbondingLock = { id: bigint; amount: bigint; withdrawRound: bigint }

/** A delegator as the ledger models it: `getDelegator` plus its unbonding locks and status. */
export type LedgerDelegator = {
  address: Address
  /** Bonded stake as of `lastClaimRound` (rewards since then are in `pendingStake`). */
  bondedAmount: bigint
  /** Fees as of `lastClaimRound`. */
  fees: bigint
  delegateAddress: Address
  /** Stake delegated to this address (its total stake when it is a transcoder). */
  delegatedAmount: bigint
  startRound: bigint
  lastClaimRound: bigint
  nextUnbondingLockId: bigint
  unbondingLocks: LedgerUnbondingLock[]
  /** `delegatorStatus` at the ledger's current round. */
  status: 'Pending' | 'Bonded' | 'Unbonded'
}

/** A transcoder as the ledger models it: `getTranscoder` plus stake and set membership. */
export type LedgerTranscoder = {
  address: Address
  lastRewardRound: bigint
  rewardCut: bigint
  feeShare: bigint
  lastActiveStakeUpdateRound: bigint
  activationRound: bigint
  deactivationRound: bigint
  activeCumulativeRewards: bigint
  cumulativeRewards: bigint
  cumulativeFees: bigint
  lastFeeRound: bigint
  /** `transcoderTotalStake` (= its `delegatedAmount`). */
  totalStake: bigint
  /** `isRegisteredTranscoder`: self-delegated with bonded stake. */
  registered: boolean
  /** `isActiveTranscoder` at the ledger's current round. */
  active: boolean
  /** Member of the transcoder pool, i.e. of the next round's active set. */
  inPool: boolean
}

/** Protocol-wide values the ledger tracks. */
export type LedgerGlobals = {
  /** Round of the latest `NewRound`. */
  currentRound: bigint
  currentRoundTotalActiveStake: bigint
  nextRoundTotalActiveStake: bigint
  /** Number of transcoders in the pool (`getTranscoderPoolSize`). */
  transcoderPoolSize: number
  /** From the latest `SetCurrentRewardTokens`; undefined before the first one. */
  currentMintableTokens: bigint | undefined
  /** Minted by `reward()` calls (treasury cut included) since the latest `SetCurrentRewardTokens`. */
  currentMintedTokens: bigint
  /** undefined when a rate change was seen without its value. */
  treasuryRewardCutRate: bigint | undefined
  nextRoundTreasuryRewardCutRate: bigint | undefined
}

/** The event-fed LIP-36 model returned by `createEarningsLedger`. */
export type EarningsLedger = {
  /** Applies one decoded event, in chain order (block, then log index). Throws `LedgerInvariantError` on divergence. */
  apply: (event: LedgerEvent) => void
  /** `BondingManager.pendingStake` evaluated at `round` (default: the current round). */
  pendingStake: (delegator: Address, round?: bigint) => bigint
  /** `BondingManager.pendingFees` evaluated at `round` (default: the current round). */
  pendingFees: (delegator: Address, round?: bigint) => bigint
  /** `getDelegator` and more; zeros for an unknown address. */
  delegator: (address: Address) => LedgerDelegator
  /** `getTranscoder` and more; zeros for an unknown address. */
  transcoder: (address: Address) => LedgerTranscoder
  /** `getTranscoderEarningsPoolForRound`; zeros when unset. */
  pool: (transcoder: Address, round: bigint) => EarningsPool
  globals: () => LedgerGlobals
  /** Every address the ledger holds delegator state for. */
  listDelegators: () => Address[]
  /** Every address the ledger holds transcoder state for. */
  listTranscoders: () => Address[]
}
