import { getAddress, maxUint256, zeroAddress, type Address } from 'viem'
import { LedgerInvariantError } from '../errors/ledger.ts'
import { percOf } from '../math/percOf.ts'
import { precisePercOf } from '../math/precisePercOf.ts'
import { claimEarnings } from './claimEarnings.ts'
import type { EarningsLedger, LedgerDelegator, LedgerEvent, LedgerTranscoder } from './earningsLedgerTypes.ts'
import { estimatePreviousCumulativeRewardFactor } from './estimatePreviousCumulativeRewardFactor.ts'
import { latestCumulativeFactors } from './latestCumulativeFactors.ts'
import { nextCumulativeFeeFactor } from './nextCumulativeFeeFactor.ts'
import { nextCumulativeRewardFactor } from './nextCumulativeRewardFactor.ts'
import { pendingStakeAndFees } from './pendingStakeAndFees.ts'
import { rewardTokens } from './rewardTokens.ts'
import { splitFees } from './splitFees.ts'
import type { CumulativeFactors, CumulativeFactorsAt, EarningsPool } from './types.ts'

/** Parameters for {@link createEarningsLedger}. */
export type CreateEarningsLedgerParameters = {
  /**
   * `treasuryRewardCutRate` configured at deployment (1e27 scale); on the devnet,
   * `manifest.parameters.treasuryRewardCutRate`. Valueless treasury `ParameterUpdate`s before the
   * first `NewRound` are taken to be that deployment-time configuration.
   */
  treasuryRewardCutRate?: bigint | undefined
  /**
   * Which Minter amount `updateTranscoderWithFees` starts from in §9's missed-reward estimate:
   * `'mintable'` (`currentMintableTokens`: Peerscope's devnet contracts and the current upstream
   * BondingManager; the default) or `'mintableAndMinted'` (`currentMintableTokens +
   * currentMintedTokens`, as in the 2023 delta-era BondingManager source; for replaying that era).
   */
  missedRewardEstimate?: 'mintableAndMinted' | 'mintable' | undefined
  /** Cross-check every event against the model and throw `LedgerInvariantError` on mismatch. Default true. */
  verify?: boolean | undefined
}

/** Return type of {@link createEarningsLedger}. */
export type CreateEarningsLedgerReturnType = EarningsLedger

type DelegatorRecord = {
  bondedAmount: bigint
  fees: bigint
  delegateAddress: string
  delegatedAmount: bigint
  startRound: bigint
  lastClaimRound: bigint
  nextUnbondingLockId: bigint
  unbondingLocks: Map<bigint, { amount: bigint; withdrawRound: bigint }>
}

/** The contract's `Transcoder` struct: the public view minus what is derived from it on read. */
type TranscoderRecord = Omit<LedgerTranscoder, 'address' | 'totalStake' | 'registered' | 'active' | 'inPool'> & {
  pools: Map<bigint, EarningsPool>
}

/** A TranscoderActivated / TranscoderDeactivated waiting for the call that caused it (logged after it). */
type PoolOperation = { type: 'activate' | 'deactivate'; transcoder: string; round: bigint }

const zero = zeroAddress as string
const noFactors: CumulativeFactors = { cumulativeRewardFactor: 0n, cumulativeFeeFactor: 0n }
const emptyPool = (): EarningsPool => ({
  totalStake: 0n,
  transcoderRewardCut: 0n,
  transcoderFeeShare: 0n,
  cumulativeRewardFactor: 0n,
  cumulativeFeeFactor: 0n,
})
const emptyTranscoder = (): TranscoderRecord => ({
  lastRewardRound: 0n,
  rewardCut: 0n,
  feeShare: 0n,
  lastActiveStakeUpdateRound: 0n,
  activationRound: 0n,
  deactivationRound: 0n,
  activeCumulativeRewards: 0n,
  cumulativeRewards: 0n,
  cumulativeFees: 0n,
  lastFeeRound: 0n,
  pools: new Map(),
})
const emptyDelegator = (): DelegatorRecord => ({
  bondedAmount: 0n,
  fees: 0n,
  delegateAddress: zero,
  delegatedAmount: 0n,
  startRound: 0n,
  lastClaimRound: 0n,
  nextUnbondingLockId: 0n,
  unbondingLocks: new Map(),
})

/** Events whose call emits TranscoderActivated / TranscoderDeactivated before them. */
const poolTriggers = new Set(['Bond', 'Unbond', 'Rebond', 'Reward', 'TranscoderUpdate', 'TranscoderSlashed'])
/** Events emitted by initializeRound before its NewRound: still in the previous round for the ledger. */
const roundInitializationEvents = new Set(['NewRound', 'SetCurrentRewardTokens', 'ParameterUpdate'])

/**
 * An event-fed model of the BondingManager's LIP-36 accounting: it replays decoded logs (no
 * eth_call) into delegator, transcoder and per-round earnings-pool state, reproducing the contract's
 * arithmetic step for step, so `pendingStake` / `pendingFees` match the contract's views to the wei
 * for every delegator.
 *
 * Feed every log of the event names in `ledgerEventNames` (BondingManager, TicketBroker
 * `WinningTicketTransfer`, RoundsManager `NewRound`, Minter `SetCurrentRewardTokens`) in chain order,
 * each with the round it was emitted in. Side effects that have no event of their own are re-derived:
 * the claim inside every bond/unbond/rebond/withdrawFees (from `EarningsClaimed`), the stake moved on
 * a delegate change, the pool-stake snapshots for the current and next round, the transcoder-pool
 * changes (from `TranscoderActivated` / `TranscoderDeactivated`, applied when the call that caused
 * them is logged), fee crediting with §9's fallbacks, and the active-stake roll at `NewRound`.
 *
 * @see shared/spec/protocol.md §8 – §11
 *
 * @param parameters - Deployment-time treasury rate, contract-version switch, verification.
 * @returns The ledger.
 *
 * @example
 * const ledger = createEarningsLedger({ treasuryRewardCutRate: BigInt(manifest.parameters.treasuryRewardCutRate) })
 * for (const log of logs) ledger.apply({ ...decodeEventLog({ abi: arbitrumEventsAbi, data: log.data, topics: log.topics }), round })
 * ledger.pendingStake(delegator) // = BondingManager.pendingStake(delegator, 0)
 */
export function createEarningsLedger(parameters: CreateEarningsLedgerParameters = {}): CreateEarningsLedgerReturnType {
  const { missedRewardEstimate = 'mintable', verify = true } = parameters
  const delegators = new Map<string, DelegatorRecord>()
  const transcoders = new Map<string, TranscoderRecord>()
  /** transcoderPool: the next round's active set. */
  const transcoderPool = new Set<string>()
  const pendingPoolOperations: PoolOperation[] = []
  const pendingTreasuryRewards = new Map<string, bigint>()
  const state = {
    currentRound: 0n,
    initializedAnyRound: false,
    currentRoundTotalActiveStake: 0n,
    nextRoundTotalActiveStake: 0n,
    currentMintableTokens: undefined as bigint | undefined,
    currentMintedTokens: 0n,
    treasuryRewardCutRate: parameters.treasuryRewardCutRate,
    nextRoundTreasuryRewardCutRate: parameters.treasuryRewardCutRate,
  }
  let context = { eventName: '', round: 0n }
  const checksums = new Map<string, Address>()

  const checksum = (key: string): Address => {
    let address = checksums.get(key)
    if (!address) checksums.set(key, (address = getAddress(key)))
    return address
  }
  const fail = (reason: string, expected?: unknown, actual?: unknown): never => {
    throw new LedgerInvariantError({ eventName: context.eventName, round: context.round, reason, expected, actual })
  }
  /** A cross-check against the event's own values: skipped when `verify` is off. */
  const expectEqual = (label: string, expected: unknown, actual: unknown) => {
    if (verify && expected !== actual) fail(`${label} differs from the model`, expected, actual)
  }

  const delegatorRecord = (key: string): DelegatorRecord => {
    let record = delegators.get(key)
    if (!record) delegators.set(key, (record = emptyDelegator()))
    return record
  }
  const transcoderRecord = (key: string): TranscoderRecord => {
    let record = transcoders.get(key)
    if (!record) transcoders.set(key, (record = emptyTranscoder()))
    return record
  }
  const poolAt = (transcoder: TranscoderRecord, round: bigint): EarningsPool => {
    let pool = transcoder.pools.get(round)
    if (!pool) transcoder.pools.set(round, (pool = emptyPool()))
    return pool
  }
  const factorsOf =
    (transcoder: TranscoderRecord | undefined): CumulativeFactorsAt =>
    (round) =>
      transcoder?.pools.get(round) ?? noFactors
  const isRegistered = (key: string) => {
    const record = delegators.get(key)
    return record !== undefined && record.delegateAddress === key && record.bondedAmount > 0n
  }
  const isActive = (key: string, round: bigint) => {
    const record = transcoders.get(key)
    return record !== undefined && record.activationRound <= round && round < record.deactivationRound
  }
  const earningsParameters = (key: string, round: bigint) => {
    const record = delegators.get(key) ?? emptyDelegator()
    const delegate = transcoders.get(record.delegateAddress)
    return {
      delegator: key as Address,
      delegatorState: { ...record, delegateAddress: record.delegateAddress as Address },
      transcoderState: delegate ?? emptyTranscoder(),
      factorsAt: factorsOf(delegate),
      round,
    }
  }

  // --- transcoder pool -------------------------------------------------------------------------

  /** BondingManager.tryToJoinActiveSet: whether T joined (and whom it evicted) is read from the queued events. */
  const tryToJoinActiveSet = (key: string, totalStake: bigint, activationRound: bigint) => {
    const [head, second] = pendingPoolOperations
    let evicted: PoolOperation | undefined
    if (head?.type === 'deactivate' && second?.type === 'activate' && second.transcoder === key) evicted = head
    else if (head?.type !== 'activate' || head.transcoder !== key) return // pool full and T does not out-stake its last member
    if (evicted) {
      pendingPoolOperations.shift()
      if (!transcoderPool.has(evicted.transcoder)) fail(`evicted transcoder ${evicted.transcoder} is not in the pool`)
      expectEqual('TranscoderDeactivated round of an eviction', activationRound, evicted.round)
      const lastStake = delegatorRecord(evicted.transcoder).delegatedAmount
      if (verify && totalStake <= lastStake) fail('a transcoder evicted one with at least as much stake', `> ${lastStake}`, totalStake)
      transcoderPool.delete(evicted.transcoder)
      transcoderRecord(evicted.transcoder).deactivationRound = activationRound
      state.nextRoundTotalActiveStake -= lastStake
    }
    const activation = pendingPoolOperations.shift() as PoolOperation
    expectEqual('TranscoderActivated round', activationRound, activation.round)
    const transcoder = transcoderRecord(key)
    transcoderPool.add(key)
    state.nextRoundTotalActiveStake += totalStake
    transcoder.lastActiveStakeUpdateRound = activationRound
    transcoder.activationRound = activationRound
    transcoder.deactivationRound = maxUint256
    poolAt(transcoder, activationRound).totalStake = totalStake
  }

  /** BondingManager.resignTranscoder (a transcoder unbonding everything, or being slashed). */
  const resignTranscoder = (key: string, round: bigint) => {
    const head = pendingPoolOperations[0]
    if (head?.type !== 'deactivate' || head.transcoder !== key) fail(`expected TranscoderDeactivated(${key}) before this event`)
    pendingPoolOperations.shift()
    expectEqual('TranscoderDeactivated round of a resignation', round + 1n, head?.round)
    transcoderPool.delete(key)
    state.nextRoundTotalActiveStake -= delegatorRecord(key).delegatedAmount
    transcoderRecord(key).deactivationRound = round + 1n
  }

  /** BondingManager.increaseTotalStake: pool members snapshot their stake for r and r + 1. */
  const increaseTotalStake = (key: string, amount: bigint, round: bigint) => {
    const record = delegatorRecord(key)
    if (isRegistered(key)) {
      const currentStake = record.delegatedAmount
      const newStake = currentStake + amount
      if (transcoderPool.has(key)) {
        state.nextRoundTotalActiveStake += amount
        const transcoder = transcoderRecord(key)
        if (transcoder.lastActiveStakeUpdateRound < round) poolAt(transcoder, round).totalStake = currentStake
        poolAt(transcoder, round + 1n).totalStake = newStake
        transcoder.lastActiveStakeUpdateRound = round + 1n
      } else {
        tryToJoinActiveSet(key, newStake, round + 1n)
      }
    }
    record.delegatedAmount += amount
  }

  /** BondingManager.decreaseTotalStake. */
  const decreaseTotalStake = (key: string, amount: bigint, round: bigint) => {
    const record = delegatorRecord(key)
    if (amount > record.delegatedAmount) fail(`stake delegated to ${key} would go negative`, `<= ${record.delegatedAmount}`, amount)
    if (transcoderPool.has(key)) {
      const currentStake = record.delegatedAmount
      state.nextRoundTotalActiveStake -= amount
      const transcoder = transcoderRecord(key)
      if (transcoder.lastActiveStakeUpdateRound < round) poolAt(transcoder, round).totalStake = currentStake
      transcoder.lastActiveStakeUpdateRound = round + 1n
      poolAt(transcoder, round + 1n).totalStake = currentStake - amount
    }
    record.delegatedAmount -= amount
  }

  /** BondingManager.ensureInitializedCumulativeFactorsPool. */
  const ensureCumulativeFactors = (key: string, round: bigint) => {
    const transcoder = transcoders.get(key)
    if (!transcoder) return // no factors anywhere: nothing to copy
    const factors = latestCumulativeFactors({
      round,
      lastRewardRound: transcoder.lastRewardRound,
      lastFeeRound: transcoder.lastFeeRound,
      factorsAt: factorsOf(transcoder),
    })
    if (!transcoder.pools.has(round) && factors.cumulativeRewardFactor === 0n && factors.cumulativeFeeFactor === 0n) return
    Object.assign(poolAt(transcoder, round), factors)
  }

  /** Pool stake for round r: synced from the last stake update when nothing touched round r. */
  const lockRoundPool = (transcoder: TranscoderRecord, round: bigint): EarningsPool => {
    const pool = poolAt(transcoder, round)
    pool.transcoderRewardCut = transcoder.rewardCut
    pool.transcoderFeeShare = transcoder.feeShare
    if (transcoder.lastActiveStakeUpdateRound < round)
      pool.totalStake = transcoder.pools.get(transcoder.lastActiveStakeUpdateRound)?.totalStake ?? 0n
    return pool
  }

  const requireClaimed = (record: DelegatorRecord, round: bigint) => {
    if (record.lastClaimRound !== round)
      fail('earnings were not claimed in this round first (missing EarningsClaimed?)', round, record.lastClaimRound)
  }

  // --- event handlers ----------------------------------------------------------------------------

  const handlers: { [name in LedgerEvent['eventName']]: (event: Extract<LedgerEvent, { eventName: name }>) => void } = {
    NewRound({ args }) {
      if (verify && state.initializedAnyRound && args.round <= state.currentRound)
        fail('rounds must increase', `> ${state.currentRound}`, args.round)
      state.currentRound = args.round
      state.initializedAnyRound = true
      state.currentRoundTotalActiveStake = state.nextRoundTotalActiveStake
    },

    SetCurrentRewardTokens({ args }) {
      state.currentMintableTokens = args.currentMintableTokens
      state.currentMintedTokens = 0n
    },

    ParameterUpdate({ args, value }) {
      const deployment = !state.initializedAnyRound && value === undefined
      if (args.param === 'nextRoundTreasuryRewardCutRate' && !deployment) state.nextRoundTreasuryRewardCutRate = value
      if (args.param === 'treasuryRewardCutRate' && !deployment)
        state.treasuryRewardCutRate = value ?? state.nextRoundTreasuryRewardCutRate
    },

    EarningsClaimed({ args, round }) {
      const key = args.delegator.toLowerCase()
      const record = delegatorRecord(key)
      if (record.lastClaimRound >= round) fail('EarningsClaimed for a delegator that already claimed in this round')
      const claim = claimEarnings(earningsParameters(key, round))
      if (!claim) return
      expectEqual('EarningsClaimed.delegate', record.delegateAddress, args.delegate.toLowerCase())
      expectEqual('EarningsClaimed.rewards', claim.event.rewards, args.rewards)
      expectEqual('EarningsClaimed.fees', claim.event.fees, args.fees)
      expectEqual('EarningsClaimed.startRound', claim.event.startRound, args.startRound)
      expectEqual('EarningsClaimed.endRound', round, args.endRound)
      if (claim.delegatePoolFactors) ensureCumulativeFactors(record.delegateAddress, round)
      if (claim.resetsTranscoderCumulatives) {
        const transcoder = transcoderRecord(key)
        transcoder.cumulativeRewards = 0n
        transcoder.cumulativeFees = 0n
      }
      Object.assign(record, claim.delegatorState)
    },

    Bond({ args, round }) {
      const key = args.delegator.toLowerCase()
      const to = args.newDelegate.toLowerCase()
      const record = delegatorRecord(key)
      requireClaimed(record, round)
      const currentDelegate = record.delegateAddress
      const currentBondedAmount = record.bondedAmount
      expectEqual('Bond.oldDelegate', currentDelegate, args.oldDelegate.toLowerCase())
      expectEqual('Bond.bondedAmount', currentBondedAmount + args.additionalAmount, args.bondedAmount)
      let delegationAmount = args.additionalAmount
      if (currentBondedAmount === 0n) {
        record.startRound = round + 1n
      } else if (currentDelegate !== to) {
        if (verify && isRegistered(key)) fail('a registered transcoder cannot delegate to another address')
        record.startRound = round + 1n
        delegationAmount += currentBondedAmount
        decreaseTotalStake(currentDelegate, currentBondedAmount, round)
      }
      ensureCumulativeFactors(to, round)
      if (delegationAmount === 0n) fail('delegation amount must be greater than 0')
      record.delegateAddress = to
      record.bondedAmount = currentBondedAmount + args.additionalAmount
      increaseTotalStake(to, delegationAmount, round)
    },

    Unbond({ args, round }) {
      const key = args.delegator.toLowerCase()
      const record = delegatorRecord(key)
      requireClaimed(record, round)
      const currentDelegate = record.delegateAddress
      expectEqual('Unbond.delegate', currentDelegate, args.delegate.toLowerCase())
      expectEqual('Unbond.unbondingLockId', record.nextUnbondingLockId, args.unbondingLockId)
      if (verify && !(record.bondedAmount > 0n && record.startRound <= round)) fail('only a Bonded delegator can unbond')
      if (args.amount === 0n || args.amount > record.bondedAmount)
        fail('unbond amount must be within the bonded amount', `1..${record.bondedAmount}`, args.amount)
      record.unbondingLocks.set(args.unbondingLockId, { amount: args.amount, withdrawRound: args.withdrawRound })
      record.nextUnbondingLockId = args.unbondingLockId + 1n
      record.bondedAmount -= args.amount
      if (record.bondedAmount === 0n) {
        record.delegateAddress = zero
        record.startRound = 0n
        if (transcoderPool.has(key)) resignTranscoder(key, round)
      }
      decreaseTotalStake(currentDelegate, args.amount, round)
    },

    Rebond({ args, round }) {
      const key = args.delegator.toLowerCase()
      const delegate = args.delegate.toLowerCase()
      const record = delegatorRecord(key)
      requireClaimed(record, round)
      const lock = record.unbondingLocks.get(args.unbondingLockId)
      if (!lock) return fail(`unbonding lock ${args.unbondingLockId} does not exist`)
      expectEqual('Rebond.amount', lock.amount, args.amount)
      if (record.bondedAmount === 0n) {
        // rebondFromUnbonded (or transferBond to an unbonded receiver): new delegate, Pending from r + 1
        ensureCumulativeFactors(delegate, round)
        record.startRound = round + 1n
        record.delegateAddress = delegate
      } else {
        expectEqual('Rebond.delegate', record.delegateAddress, delegate)
      }
      record.bondedAmount += lock.amount
      record.unbondingLocks.delete(args.unbondingLockId)
      increaseTotalStake(record.delegateAddress, lock.amount, round)
    },

    TransferBond({ args }) {
      const sender = delegatorRecord(args.oldDelegator.toLowerCase())
      const lock = sender.unbondingLocks.get(args.oldUnbondingLockId)
      if (!lock) return fail(`unbonding lock ${args.oldUnbondingLockId} of the sender does not exist`)
      expectEqual('TransferBond.amount', lock.amount, args.amount)
      sender.unbondingLocks.delete(args.oldUnbondingLockId)
      const receiver = delegatorRecord(args.newDelegator.toLowerCase())
      expectEqual('TransferBond.newUnbondingLockId', receiver.nextUnbondingLockId, args.newUnbondingLockId)
      receiver.unbondingLocks.set(args.newUnbondingLockId, { amount: args.amount, withdrawRound: lock.withdrawRound })
      receiver.nextUnbondingLockId = args.newUnbondingLockId + 1n
    },

    WithdrawStake({ args }) {
      const record = delegatorRecord(args.delegator.toLowerCase())
      const lock = record.unbondingLocks.get(args.unbondingLockId)
      if (!lock) return fail(`unbonding lock ${args.unbondingLockId} does not exist`)
      expectEqual('WithdrawStake.amount', lock.amount, args.amount)
      expectEqual('WithdrawStake.withdrawRound', lock.withdrawRound, args.withdrawRound)
      record.unbondingLocks.delete(args.unbondingLockId)
    },

    WithdrawFees({ args, round }) {
      const record = delegatorRecord(args.delegator.toLowerCase())
      requireClaimed(record, round)
      if (args.amount > record.fees) fail('insufficient fees to withdraw', `<= ${record.fees}`, args.amount)
      record.fees -= args.amount
    },

    TreasuryReward({ args }) {
      pendingTreasuryRewards.set(args.transcoder.toLowerCase(), args.amount)
    },

    Reward({ args, round }) {
      const key = args.transcoder.toLowerCase()
      const transcoder = transcoderRecord(key)
      if (verify && !isActive(key, round)) fail('reward from a transcoder that is not active')
      if (verify && transcoder.lastRewardRound === round) fail('a second reward in the same round')
      const pool = lockRoundPool(transcoder, round)
      const treasury = pendingTreasuryRewards.get(key) ?? 0n
      pendingTreasuryRewards.delete(key)
      const minted = args.amount + treasury
      if (verify && state.currentMintableTokens !== undefined && state.currentRoundTotalActiveStake > 0n)
        expectEqual(
          'Reward.amount + TreasuryReward.amount (Minter.createReward)',
          rewardTokens({
            currentMintableTokens: state.currentMintableTokens,
            transcoderStake: pool.totalStake,
            totalActiveStake: state.currentRoundTotalActiveStake,
          }),
          minted,
        )
      if (state.treasuryRewardCutRate !== undefined)
        expectEqual('TreasuryReward.amount', precisePercOf(minted, state.treasuryRewardCutRate), treasury)
      state.currentMintedTokens += minted
      // updateTranscoderWithRewards
      const totalStake = pool.totalStake
      if (totalStake === 0n) fail('reward for a pool without stake (the contract divides by it)')
      const previousCumulativeRewardFactor = transcoder.pools.get(transcoder.lastRewardRound)?.cumulativeRewardFactor ?? 0n
      transcoder.activeCumulativeRewards = transcoder.cumulativeRewards
      const commission = percOf(args.amount, pool.transcoderRewardCut)
      const delegatorsRewards = args.amount - commission
      transcoder.cumulativeRewards += precisePercOf(delegatorsRewards, transcoder.activeCumulativeRewards, totalStake) + commission
      pool.cumulativeRewardFactor = nextCumulativeRewardFactor({ previousCumulativeRewardFactor, delegatorsRewards, totalStake })
      increaseTotalStake(key, args.amount, round)
      transcoder.lastRewardRound = round
    },

    WinningTicketTransfer({ args, round }) {
      // BondingManager.updateTranscoderWithFees(recipient, amount, creationRound): credited to round r
      const key = args.recipient.toLowerCase()
      if (verify && !isRegistered(key)) fail('fees for a recipient that is not a registered transcoder')
      if (round === 0n) fail('fees in round 0 (the contract reads round r − 1)')
      const transcoder = transcoderRecord(key)
      const lastRewardRound = transcoder.lastRewardRound
      let activeCumulativeRewards = transcoder.activeCumulativeRewards
      const previous = latestCumulativeFactors({
        round: round - 1n,
        lastRewardRound,
        lastFeeRound: transcoder.lastFeeRound,
        factorsAt: factorsOf(transcoder),
      })
      let pool = poolAt(transcoder, round)
      if (round > lastRewardRound) {
        pool = lockRoundPool(transcoder, round)
        activeCumulativeRewards = transcoder.cumulativeRewards
      }
      const totalStake = pool.totalStake
      if (totalStake === 0n) fail('fees for a pool without stake (the contract divides by it)')
      if (previous.cumulativeRewardFactor === 0n && lastRewardRound === round)
        previous.cumulativeRewardFactor = missedRoundCumulativeRewardFactor(pool, totalStake)
      const { delegatorsFees, transcoderCommission } = splitFees({ fees: args.amount, feeShare: pool.transcoderFeeShare })
      transcoder.cumulativeFees += precisePercOf(delegatorsFees, activeCumulativeRewards, totalStake) + transcoderCommission
      pool.cumulativeFeeFactor = nextCumulativeFeeFactor({
        cumulativeFeeFactor: pool.cumulativeFeeFactor,
        previousCumulativeFeeFactor: previous.cumulativeFeeFactor,
        previousCumulativeRewardFactor: previous.cumulativeRewardFactor,
        delegatorsFees,
        totalStake,
      })
      transcoder.lastFeeRound = round
    },

    TranscoderUpdate({ args, round }) {
      const key = args.transcoder.toLowerCase()
      if (verify && !isRegistered(key)) fail('TranscoderUpdate from an address that is not a registered transcoder')
      const transcoder = transcoderRecord(key)
      transcoder.rewardCut = args.rewardCut
      transcoder.feeShare = args.feeShare
      if (!transcoderPool.has(key)) tryToJoinActiveSet(key, delegatorRecord(key).delegatedAmount, round + 1n)
    },

    TranscoderActivated({ args }) {
      pendingPoolOperations.push({ type: 'activate', transcoder: args.transcoder.toLowerCase(), round: args.activationRound })
    },

    TranscoderDeactivated({ args }) {
      pendingPoolOperations.push({ type: 'deactivate', transcoder: args.transcoder.toLowerCase(), round: args.deactivationRound })
    },

    TranscoderSlashed({ args, round }) {
      const key = args.transcoder.toLowerCase()
      const record = delegatorRecord(key)
      requireClaimed(record, round)
      if (record.bondedAmount === 0n) return
      if (transcoderPool.has(key)) resignTranscoder(key, round)
      record.bondedAmount -= args.penalty
      if (record.bondedAmount > 0n && record.startRound <= round)
        delegatorRecord(record.delegateAddress).delegatedAmount -= args.penalty
    },
  }

  /** §9's edge case: T rewarded in r but CRF[r − 1] is 0; estimate it from the Minter numbers. */
  const missedRoundCumulativeRewardFactor = (pool: EarningsPool, totalStake: bigint): bigint => {
    if (state.currentMintableTokens === undefined) return fail('missed-reward estimate needs SetCurrentRewardTokens')
    if (state.treasuryRewardCutRate === undefined)
      return fail('missed-reward estimate needs the treasury cut rate: pass ParameterUpdate.value')
    if (state.currentRoundTotalActiveStake === 0n) return fail('missed-reward estimate with no active stake')
    return estimatePreviousCumulativeRewardFactor({
      cumulativeRewardFactor: pool.cumulativeRewardFactor,
      totalStake,
      mintableTokens:
        missedRewardEstimate === 'mintable'
          ? state.currentMintableTokens
          : state.currentMintableTokens + state.currentMintedTokens,
      totalActiveStake: state.currentRoundTotalActiveStake,
      treasuryRewardCutRate: state.treasuryRewardCutRate,
      rewardCut: pool.transcoderRewardCut,
    })
  }

  const apply = (event: LedgerEvent) => {
    const handler = handlers[event.eventName] as ((event: LedgerEvent) => void) | undefined
    if (!handler) return
    context = { eventName: event.eventName, round: event.round }
    const isPoolOperation = event.eventName === 'TranscoderActivated' || event.eventName === 'TranscoderDeactivated'
    if (!isPoolOperation && !poolTriggers.has(event.eventName) && pendingPoolOperations.length > 0)
      fail('TranscoderActivated/Deactivated not followed by the call that caused it', 'Bond, Unbond, Rebond, Reward, TranscoderUpdate or TranscoderSlashed', event.eventName)
    if (verify && !roundInitializationEvents.has(event.eventName) && event.round !== state.currentRound)
      fail('event round differs from the latest NewRound', state.currentRound, event.round)
    if (event.eventName === 'NewRound' && verify && event.round !== event.args.round)
      fail('NewRound.round differs from the event round', event.args.round, event.round)
    handler(event)
    if (poolTriggers.has(event.eventName) && pendingPoolOperations.length > 0)
      fail('TranscoderActivated/Deactivated that the call cannot explain', 'none left', pendingPoolOperations.length)
  }

  const delegatorView = (address: Address): LedgerDelegator => {
    const key = address.toLowerCase()
    const record = delegators.get(key) ?? emptyDelegator()
    return {
      address: checksum(key),
      bondedAmount: record.bondedAmount,
      fees: record.fees,
      delegateAddress: checksum(record.delegateAddress),
      delegatedAmount: record.delegatedAmount,
      startRound: record.startRound,
      lastClaimRound: record.lastClaimRound,
      nextUnbondingLockId: record.nextUnbondingLockId,
      unbondingLocks: [...record.unbondingLocks].map(([id, lock]) => ({ id, ...lock })),
      status: record.bondedAmount === 0n ? 'Unbonded' : record.startRound > state.currentRound ? 'Pending' : 'Bonded',
    }
  }

  const transcoderView = (address: Address): LedgerTranscoder => {
    const key = address.toLowerCase()
    const { pools: _pools, ...record } = transcoders.get(key) ?? emptyTranscoder()
    return {
      address: checksum(key),
      ...record,
      totalStake: delegators.get(key)?.delegatedAmount ?? 0n,
      registered: isRegistered(key),
      active: isActive(key, state.currentRound),
      inPool: transcoderPool.has(key),
    }
  }

  return {
    apply,
    pendingStake: (delegator, round = state.currentRound) =>
      pendingStakeAndFees(earningsParameters(delegator.toLowerCase(), round)).stake,
    pendingFees: (delegator, round = state.currentRound) =>
      pendingStakeAndFees(earningsParameters(delegator.toLowerCase(), round)).fees,
    delegator: delegatorView,
    transcoder: transcoderView,
    pool: (transcoder, round) => ({ ...(transcoders.get(transcoder.toLowerCase())?.pools.get(round) ?? emptyPool()) }),
    globals: () => ({
      currentRound: state.currentRound,
      currentRoundTotalActiveStake: state.currentRoundTotalActiveStake,
      nextRoundTotalActiveStake: state.nextRoundTotalActiveStake,
      transcoderPoolSize: transcoderPool.size,
      currentMintableTokens: state.currentMintableTokens,
      currentMintedTokens: state.currentMintedTokens,
      treasuryRewardCutRate: state.treasuryRewardCutRate,
      nextRoundTreasuryRewardCutRate: state.nextRoundTreasuryRewardCutRate,
    }),
    listDelegators: () => [...delegators.keys()].map(checksum),
    listTranscoders: () => [...transcoders.keys()].map(checksum),
  }
}
