import type { EarningsLedger } from '@peerscope/protocol'
import type { BigDecimal } from '@subsquid/big-decimal'
import type { Address } from 'viem'
import {
  Broadcaster,
  BroadcasterDay,
  BondEvent,
  BurnEvent,
  Day,
  DepositFundedEvent,
  Delegator,
  EarningsClaimedEvent,
  LivepeerAccount,
  MintEvent,
  NewRoundEvent,
  ParameterUpdateEvent,
  PauseEvent,
  Pool,
  Protocol,
  RebondEvent,
  ReserveClaimedEvent,
  ReserveFundedEvent,
  RewardCallerSetEvent,
  RewardEvent,
  Round,
  ServiceURIUpdateEvent,
  SetCurrentRewardTokensEvent,
  Transaction,
  Transcoder,
  TranscoderActivatedEvent,
  TranscoderDay,
  TranscoderDeactivatedEvent,
  TranscoderSlashedEvent,
  TranscoderStatus,
  TranscoderUpdateEvent,
  TransferBondEvent,
  TransferEvent,
  TreasuryRewardEvent,
  UnbondEvent,
  UnbondingLock,
  UnlockCancelledEvent,
  UnlockEvent,
  UnpauseEvent,
  WinningTicketRedeemedEvent,
  WinningTicketTransferEvent,
  WithdrawFeesEvent,
  WithdrawStakeEvent,
  WithdrawalEvent,
} from '../model/index.ts'
import type { BatchCache, EntityClass } from './batchCache.ts'
import { newBroadcaster, newBroadcasterDay, newDay, newDelegator, newPool, newRound, newTranscoder, newTranscoderDay } from './entities.ts'
import type { HandlerLog } from './types.ts'
import { dayNumber, poolId, toDecimal, unbondingLockId, zeroDecimal } from './units.ts'

export const zeroAddress = '0x0000000000000000000000000000000000000000'
/** `MAX_UINT256`: the contract's deactivationRound of an active transcoder (the subgraph uses 2^255 − 1). */
const maxUint256 = 2n ** 256n - 1n

/** What one event's entity update can read and where it reports earnings for the batch-end pass. */
export type EventContext = {
  cache: BatchCache
  /** The ledger after this event was applied (when it is a ledger event). */
  ledger: EarningsLedger
  protocol: Protocol
  log: HandlerLog
  /** Ledger totals of the event's transcoder captured before the event was applied. */
  before: { cumulativeRewards: bigint; cumulativeFees: bigint } | undefined
  /** Treasury rewards seen in this batch, by transcoder, waiting for their Reward. */
  treasury: Map<string, bigint>
  /** New protocol parameter value decoded from calldata, for ParameterUpdate. */
  parameter: bigint | undefined
  /** Which contract emitted a ParameterUpdate. */
  contract: string | undefined
  /** Delegators whose pending values must be refreshed at batch end. */
  touched: Set<string>
}

const lower = (value: unknown): string => String(value).toLowerCase()
const big = (value: unknown): bigint => value as bigint

/** The Transcoder (created when missing). */
function transcoderOf(context: EventContext, id: string): Transcoder {
  return context.cache.get(Transcoder, id) ?? context.cache.set(Transcoder, newTranscoder(id))
}

/** The Delegator (created when missing). */
function delegatorOf(context: EventContext, id: string): Delegator {
  return context.cache.get(Delegator, id) ?? context.cache.set(Delegator, newDelegator(id))
}

function broadcasterOf(context: EventContext, id: string): Broadcaster {
  return context.cache.get(Broadcaster, id) ?? context.cache.set(Broadcaster, newBroadcaster(id))
}

/** The Round of the log (created when missing: roundCount and currentRound advance). */
export function roundOf(context: EventContext, round: bigint): Round {
  const { cache, protocol } = context
  let entity = cache.get(Round, round.toString())
  if (!entity) {
    entity = cache.set(Round, newRound(round, protocol))
    protocol.roundCount += 1
    if (round > BigInt(protocol.currentRound.id)) protocol.currentRound = new Round({ id: entity.id })
  }
  return entity
}

function dayOf(context: EventContext): Day {
  const day = dayNumber(context.log.block.timestamp / 1000)
  return context.cache.get(Day, day.toString()) ?? context.cache.set(Day, newDay(day, context.protocol))
}

/** Copies the ledger's view of a delegator (getDelegator) onto its entity. */
function syncDelegator(context: EventContext, id: string): Delegator {
  const delegator = delegatorOf(context, id)
  const state = context.ledger.delegator(id as Address)
  delegator.bondedAmount = toDecimal(state.bondedAmount)
  delegator.fees = toDecimal(state.fees)
  delegator.startRound = state.startRound
  delegator.delegatedAmount = toDecimal(state.delegatedAmount)
  delegator.lastClaimRound = state.lastClaimRound > 0n ? new Round({ id: state.lastClaimRound.toString() }) : null
  const delegate = state.bondedAmount > 0n ? state.delegateAddress.toLowerCase() : zeroAddress
  delegator.delegate = delegate === zeroAddress ? null : new Transcoder({ id: delegate })
  context.cache.touch(Delegator, delegator)
  context.touched.add(id)
  context.cache.set(
    LivepeerAccount,
    new LivepeerAccount({
      id,
      lastUpdatedTimestamp: Math.floor(context.log.block.timestamp / 1000),
      delegator: new Delegator({ id }),
      delegate: delegator.delegate ?? null,
    }),
  )
  return delegator
}

/** Transcoder.totalStake and its self-Delegator's delegatedAmount from the ledger (transcoderTotalStake). */
function syncTotalStake(context: EventContext, id: string): void {
  if (id === zeroAddress) return
  const transcoder = transcoderOf(context, id)
  const state = context.ledger.transcoder(id as Address)
  transcoder.totalStake = toDecimal(state.totalStake)
  transcoder.lastActiveStakeUpdateRound = state.lastActiveStakeUpdateRound
  transcoder.cumulativeRewards = toDecimal(state.cumulativeRewards)
  transcoder.cumulativeFees = toDecimal(state.cumulativeFees)
  transcoder.lastFeeRound = state.lastFeeRound
  context.cache.touch(Transcoder, transcoder)
  const delegator = context.cache.get(Delegator, id)
  if (delegator) {
    delegator.delegatedAmount = transcoder.totalStake
    context.cache.touch(Delegator, delegator)
  }
}

function setRegistered(context: EventContext, id: string, registered: boolean) {
  const transcoder = transcoderOf(context, id)
  transcoder.status = registered ? TranscoderStatus.Registered : TranscoderStatus.NotRegistered
  if (registered) transcoder.delegator = new Delegator({ id })
  context.cache.touch(Transcoder, transcoder)
}

function setDelegatorsCount(context: EventContext, round: Round, change: bigint) {
  context.protocol.delegatorsCount += change
  round.delegatorsCount += change
}

function poolOf(context: EventContext, round: Round, transcoderId: string): Pool {
  const id = poolId(BigInt(round.id), transcoderId)
  return context.cache.get(Pool, id) ?? context.cache.set(Pool, newPool(round, transcoderOf(context, transcoderId), id))
}

/** Copies the ledger's LIP-36 factors of `earningsPool[T][round]` onto the Pool. */
function syncPoolFactors(context: EventContext, pool: Pool, transcoderId: string, round: bigint) {
  const factors = context.ledger.pool(transcoderId as Address, round)
  pool.cumulativeRewardFactor = factors.cumulativeRewardFactor
  pool.cumulativeFeeFactor = factors.cumulativeFeeFactor
}

function refreshParticipation(context: EventContext, round: Round | undefined) {
  const { protocol } = context
  if (protocol.totalSupply.gt(0) && protocol.totalActiveStake.gt(0))
    protocol.participationRate = protocol.totalActiveStake.div(protocol.totalSupply)
  const day = dayOf(context)
  day.totalSupply = protocol.totalSupply
  day.totalActiveStake = protocol.totalActiveStake
  day.participationRate = protocol.participationRate
  context.cache.touch(Day, day)
  if (round) {
    round.totalSupply = protocol.totalSupply
    round.participationRate = protocol.participationRate
  }
}

/**
 * 30/60/90-day volumes of every loaded transcoder and active broadcaster, from their newest 90 day
 * entries (the subgraph does this at NewRound for the active set only, leaving others stale); drops
 * broadcasters that paid nothing for 90 days from `protocol.activeBroadcasters`.
 */
function refreshRecentVolumes(context: EventContext, timestamp: number) {
  const { cache, protocol } = context
  const volumes = (ids: string[], entityClass: EntityClass<{ id: string; date: number; volumeETH: BigDecimal }>) => {
    const sums = [zeroDecimal(), zeroDecimal(), zeroDecimal()] as [BigDecimal, BigDecimal, BigDecimal]
    for (const id of ids.slice(0, 90)) {
      const day = cache.has(entityClass, id) ? cache.get(entityClass, id) : undefined
      if (!day) continue
      ;[30, 60, 90].forEach((days, index) => {
        if (day.date >= timestamp - days * 86400) sums[index] = (sums[index] as BigDecimal).plus(day.volumeETH)
      })
    }
    return sums
  }
  for (const transcoder of cache.values(Transcoder)) {
    if (transcoder.transcoderDays.length === 0) continue
    ;[transcoder.thirtyDayVolumeETH, transcoder.sixtyDayVolumeETH, transcoder.ninetyDayVolumeETH] = volumes(transcoder.transcoderDays, TranscoderDay)
    cache.touch(Transcoder, transcoder)
  }
  const active: string[] = []
  for (const id of protocol.activeBroadcasters) {
    const broadcaster = cache.has(Broadcaster, id) ? cache.get(Broadcaster, id) : undefined
    if (!broadcaster) continue
    ;[broadcaster.thirtyDayVolumeETH, broadcaster.sixtyDayVolumeETH, broadcaster.ninetyDayVolumeETH] = volumes(broadcaster.broadcasterDays, BroadcasterDay)
    cache.touch(Broadcaster, broadcaster)
    if (broadcaster.lastFundedDay >= timestamp - 90 * 86400) active.push(id)
  }
  protocol.activeBroadcasters = active
}

const add = (a: BigDecimal, wei: bigint): BigDecimal => a.plus(toDecimal(wei))
const sub = (a: BigDecimal, wei: bigint): BigDecimal => a.minus(toDecimal(wei))

/**
 * Applies one decoded log to the entities in `context.cache`: the subgraph's handler logic
 * (shared/spec/subgraph-and-explorer.md §5) with eth_call reads replaced by the earnings ledger.
 */
export function applyEvent(context: EventContext): void {
  const { cache, protocol, log } = context
  const args = log.args ?? {}
  const timestamp = Math.floor(log.block.timestamp / 1000)
  const round = roundOf(context, log.round)
  cache.touch(Round, round)
  cache.touch(Protocol, protocol)
  const transaction = cache.set(
    Transaction,
    new Transaction({
      id: log.transaction.hash,
      blockNumber: BigInt(log.block.height),
      timestamp,
      gasUsed: log.transaction.gasUsed ?? 0n,
      gasPrice: log.transaction.gasPrice ?? 0n,
      from: lower(log.transaction.from),
      to: log.transaction.to ? lower(log.transaction.to) : '',
    }),
  )
  const base = { id: `${log.transaction.hash}-${log.logIndex}`, transaction, timestamp, round: new Round({ id: round.id }) }
  const transcoderRef = (id: string) => new Transcoder({ id })
  const delegatorRef = (id: string) => new Delegator({ id })
  const broadcasterRef = (id: string) => new Broadcaster({ id })

  switch (log.eventName) {
    case 'Bond': {
      const newDelegate = lower(args.newDelegate)
      const oldDelegate = lower(args.oldDelegate)
      const delegatorId = lower(args.delegator)
      const additionalAmount = big(args.additionalAmount)
      const bondedAmount = big(args.bondedAmount)
      const delegator = delegatorOf(context, delegatorId)
      if (delegatorId === newDelegate) setRegistered(context, newDelegate, true)
      if (oldDelegate !== zeroAddress && oldDelegate !== newDelegate && bondedAmount - additionalAmount > 0n) {
        syncTotalStake(context, oldDelegate)
        if (oldDelegate === delegatorId) setRegistered(context, oldDelegate, false)
        round.movedStake = add(round.movedStake, bondedAmount - additionalAmount)
        round.newStake = add(round.newStake, additionalAmount)
      }
      if (oldDelegate === zeroAddress) setDelegatorsCount(context, round, 1n)
      syncDelegator(context, delegatorId)
      syncTotalStake(context, newDelegate)
      delegator.principal = add(delegator.principal, additionalAmount)
      cache.set(
        BondEvent,
        new BondEvent({
          ...base,
          newDelegate: transcoderRef(newDelegate),
          oldDelegate: oldDelegate === zeroAddress ? null : transcoderRef(oldDelegate),
          delegator: delegatorRef(delegatorId),
          bondedAmount: toDecimal(bondedAmount),
          additionalAmount: toDecimal(additionalAmount),
        }),
      )
      break
    }
    case 'Unbond': {
      const delegate = lower(args.delegate)
      const delegatorId = lower(args.delegator)
      const amount = big(args.amount)
      const delegator = syncDelegator(context, delegatorId)
      syncTotalStake(context, delegate)
      delegator.unbonded = add(delegator.unbonded, amount)
      if (delegator.bondedAmount.eq(0)) {
        setDelegatorsCount(context, round, -1n)
        if (delegate === delegatorId) setRegistered(context, delegate, false)
      }
      const lockId = big(args.unbondingLockId)
      cache.set(
        UnbondingLock,
        new UnbondingLock({
          id: unbondingLockId(lockId, delegatorId),
          unbondingLockId: Number(lockId),
          delegator: delegatorRef(delegatorId),
          delegate: transcoderRef(delegate),
          amount: toDecimal(amount),
          withdrawRound: big(args.withdrawRound),
          sender: delegatorId,
        }),
      )
      cache.set(
        UnbondEvent,
        new UnbondEvent({
          ...base,
          delegate: transcoderRef(delegate),
          delegator: delegatorRef(delegatorId),
          amount: toDecimal(amount),
          withdrawRound: big(args.withdrawRound),
          unbondingLockId: Number(lockId),
        }),
      )
      break
    }
    case 'Rebond': {
      const delegate = lower(args.delegate)
      const delegatorId = lower(args.delegator)
      const amount = big(args.amount)
      const lockId = big(args.unbondingLockId)
      const existing = delegatorOf(context, delegatorId)
      if (!existing.delegate) setDelegatorsCount(context, round, 1n)
      if (delegate === delegatorId) setRegistered(context, delegate, true)
      const delegator = syncDelegator(context, delegatorId)
      const lockKey = unbondingLockId(lockId, delegatorId)
      const lock = cache.get(UnbondingLock, lockKey)
      if (!lock || lock.sender === delegatorId) delegator.unbonded = sub(delegator.unbonded, amount)
      syncTotalStake(context, delegate)
      cache.remove(UnbondingLock, lockKey)
      cache.set(
        RebondEvent,
        new RebondEvent({ ...base, delegate: transcoderRef(delegate), delegator: delegatorRef(delegatorId), amount: toDecimal(amount), unbondingLockId: Number(lockId) }),
      )
      break
    }
    case 'TransferBond': {
      const oldDelegator = lower(args.oldDelegator)
      const newDelegatorId = lower(args.newDelegator)
      const amount = big(args.amount)
      const oldLockKey = unbondingLockId(big(args.oldUnbondingLockId), oldDelegator)
      const oldLock = cache.get(UnbondingLock, oldLockKey)
      const newDelegator = syncDelegator(context, newDelegatorId)
      syncDelegator(context, oldDelegator)
      newDelegator.principal = add(newDelegator.principal, amount)
      const oldState = context.ledger.delegator(oldDelegator as Address)
      cache.set(
        UnbondingLock,
        new UnbondingLock({
          id: unbondingLockId(big(args.newUnbondingLockId), newDelegatorId),
          unbondingLockId: Number(big(args.newUnbondingLockId)),
          delegator: delegatorRef(newDelegatorId),
          delegate: oldLock?.delegate ?? transcoderRef(oldState.delegateAddress.toLowerCase()),
          amount: toDecimal(amount),
          withdrawRound: oldLock?.withdrawRound ?? 0n,
          sender: oldDelegator,
        }),
      )
      cache.remove(UnbondingLock, oldLockKey)
      cache.set(
        TransferBondEvent,
        new TransferBondEvent({
          ...base,
          newDelegator: delegatorRef(newDelegatorId),
          oldDelegator: delegatorRef(oldDelegator),
          newUnbondingLockId: Number(big(args.newUnbondingLockId)),
          oldUnbondingLockId: Number(big(args.oldUnbondingLockId)),
          amount: toDecimal(amount),
        }),
      )
      break
    }
    case 'WithdrawStake': {
      const delegatorId = lower(args.delegator)
      const lockId = big(args.unbondingLockId)
      delegatorOf(context, delegatorId)
      cache.remove(UnbondingLock, unbondingLockId(lockId, delegatorId))
      cache.set(
        WithdrawStakeEvent,
        new WithdrawStakeEvent({ ...base, delegator: delegatorRef(delegatorId), unbondingLockId: Number(lockId), amount: toDecimal(big(args.amount)) }),
      )
      break
    }
    case 'WithdrawFees': {
      const delegatorId = lower(args.delegator)
      const delegator = syncDelegator(context, delegatorId)
      delegator.withdrawnFees = add(delegator.withdrawnFees, big(args.amount))
      cache.set(
        WithdrawFeesEvent,
        new WithdrawFeesEvent({ ...base, delegator: delegatorRef(delegatorId), amount: toDecimal(big(args.amount)), recipient: lower(args.recipient) }),
      )
      break
    }
    case 'EarningsClaimed': {
      const delegatorId = lower(args.delegator)
      const delegate = lower(args.delegate)
      syncDelegator(context, delegatorId)
      if (delegate === delegatorId) syncTotalStake(context, delegate)
      const endRound = roundOf(context, big(args.endRound))
      cache.set(
        EarningsClaimedEvent,
        new EarningsClaimedEvent({
          ...base,
          delegator: delegatorRef(delegatorId),
          delegate: delegate === zeroAddress ? null : transcoderRef(delegate),
          startRound: big(args.startRound),
          endRound: new Round({ id: endRound.id }),
          rewardTokens: toDecimal(big(args.rewards)),
          fees: toDecimal(big(args.fees)),
        }),
      )
      break
    }
    case 'TreasuryReward': {
      const transcoderId = lower(args.transcoder)
      const amount = big(args.amount)
      const transcoder = transcoderOf(context, transcoderId)
      transcoder.treasuryRewardTokens = add(transcoder.treasuryRewardTokens, amount)
      cache.touch(Transcoder, transcoder)
      protocol.totalTreasuryRewards = add(protocol.totalTreasuryRewards, amount)
      context.treasury.set(transcoderId, amount)
      cache.set(TreasuryRewardEvent, new TreasuryRewardEvent({ ...base, delegate: transcoderRef(transcoderId), treasury: lower(args.treasury), amount: toDecimal(amount) }))
      break
    }
    case 'Reward': {
      const transcoderId = lower(args.transcoder)
      const amount = big(args.amount)
      const transcoder = transcoderOf(context, transcoderId)
      syncTotalStake(context, transcoderId)
      transcoder.lastRewardRound = new Round({ id: round.id })
      const commission = context.ledger.transcoder(transcoderId as Address).cumulativeRewards - (context.before?.cumulativeRewards ?? 0n)
      transcoder.rewardCommission = add(transcoder.rewardCommission, commission)
      const pool = poolOf(context, round, transcoderId)
      pool.rewardTokens = toDecimal(amount)
      pool.rewardCut = transcoder.rewardCut
      pool.feeShare = transcoder.feeShare
      pool.rewardCommission = toDecimal(commission)
      const treasury = context.treasury.get(transcoderId)
      context.treasury.delete(transcoderId)
      if (treasury !== undefined) pool.treasuryRewardTokens = toDecimal(treasury)
      pool.totalStake = toDecimal(context.ledger.pool(transcoderId as Address, log.round).totalStake)
      syncPoolFactors(context, pool, transcoderId, log.round)
      cache.touch(Pool, pool)
      cache.set(RewardEvent, new RewardEvent({ ...base, delegate: transcoderRef(transcoderId), rewardTokens: toDecimal(amount) }))
      break
    }
    case 'RewardCallerSet': {
      const transcoderId = lower(args.transcoder)
      const caller = lower(args.rewardCaller)
      const transcoder = transcoderOf(context, transcoderId)
      transcoder.rewardCaller = caller === zeroAddress ? null : caller
      cache.touch(Transcoder, transcoder)
      cache.set(RewardCallerSetEvent, new RewardCallerSetEvent({ ...base, delegate: transcoderRef(transcoderId), rewardCaller: caller }))
      break
    }
    case 'TranscoderUpdate': {
      const transcoderId = lower(args.transcoder)
      const transcoder = transcoderOf(context, transcoderId)
      transcoder.rewardCut = big(args.rewardCut)
      transcoder.feeShare = big(args.feeShare)
      transcoder.rewardCutUpdateTimestamp = timestamp
      transcoder.feeShareUpdateTimestamp = timestamp
      cache.touch(Transcoder, transcoder)
      syncTotalStake(context, transcoderId)
      cache.set(
        TranscoderUpdateEvent,
        new TranscoderUpdateEvent({ ...base, delegate: transcoderRef(transcoderId), rewardCut: transcoder.rewardCut, feeShare: transcoder.feeShare }),
      )
      break
    }
    case 'TranscoderActivated': {
      const transcoderId = lower(args.transcoder)
      const transcoder = transcoderOf(context, transcoderId)
      transcoder.activationTimestamp = timestamp
      transcoder.activationRound = big(args.activationRound)
      transcoder.lastActiveStakeUpdateRound = big(args.activationRound)
      transcoder.deactivationRound = maxUint256
      cache.touch(Transcoder, transcoder)
      protocol.activeTranscoderCount += 1n
      protocol.pendingActivation = [...protocol.pendingActivation.filter((id) => id !== transcoderId), transcoderId]
      protocol.pendingDeactivation = protocol.pendingDeactivation.filter((id) => id !== transcoderId)
      cache.set(
        TranscoderActivatedEvent,
        new TranscoderActivatedEvent({ ...base, delegate: transcoderRef(transcoderId), activationRound: big(args.activationRound) }),
      )
      break
    }
    case 'TranscoderDeactivated': {
      const transcoderId = lower(args.transcoder)
      const transcoder = transcoderOf(context, transcoderId)
      transcoder.deactivationRound = big(args.deactivationRound)
      cache.touch(Transcoder, transcoder)
      protocol.activeTranscoderCount -= 1n
      protocol.pendingDeactivation = [...protocol.pendingDeactivation.filter((id) => id !== transcoderId), transcoderId]
      protocol.pendingActivation = protocol.pendingActivation.filter((id) => id !== transcoderId)
      cache.set(
        TranscoderDeactivatedEvent,
        new TranscoderDeactivatedEvent({ ...base, delegate: transcoderRef(transcoderId), deactivationRound: big(args.deactivationRound) }),
      )
      break
    }
    case 'TranscoderSlashed': {
      const transcoderId = lower(args.transcoder)
      syncDelegator(context, transcoderId)
      syncTotalStake(context, transcoderId)
      cache.set(
        TranscoderSlashedEvent,
        new TranscoderSlashedEvent({
          ...base,
          delegate: transcoderRef(transcoderId),
          finder: lower(args.finder),
          penalty: toDecimal(big(args.penalty)),
          finderReward: big(args.finderReward),
        }),
      )
      break
    }
    case 'NewRound': {
      const number = big(args.round)
      const entity = roundOf(context, number)
      entity.initialized = true
      entity.startTimestamp = timestamp
      const globals = context.ledger.globals()
      protocol.totalActiveStake = toDecimal(globals.currentRoundTotalActiveStake)
      entity.totalActiveStake = protocol.totalActiveStake
      // Pending lists for compatibility; `active` itself follows the contract's definition.
      protocol.pendingActivation = []
      protocol.pendingDeactivation = []
      let activeCount = 0n
      for (const address of context.ledger.listTranscoders()) {
        const id = address.toLowerCase()
        const state = context.ledger.transcoder(address)
        const active = state.activationRound <= number && number < state.deactivationRound
        const transcoder = cache.has(Transcoder, id) ? cache.get(Transcoder, id) : undefined
        if (!transcoder) continue
        if (transcoder.active !== active) {
          transcoder.active = active
          cache.touch(Transcoder, transcoder)
        }
        if (!active) continue
        activeCount++
        const pool = poolOf(context, entity, id)
        pool.totalStake = transcoder.totalStake
        pool.rewardCut = transcoder.rewardCut
        pool.feeShare = transcoder.feeShare
        syncPoolFactors(context, pool, id, number)
        cache.touch(Pool, pool)
      }
      protocol.activeTranscoderCount = activeCount
      refreshRecentVolumes(context, timestamp)
      protocol.lastInitializedRound = new Round({ id: entity.id })
      if (number > BigInt(protocol.currentRound.id)) protocol.currentRound = new Round({ id: entity.id })
      refreshParticipation(context, entity)
      const day = dayOf(context)
      day.inflation = protocol.inflation
      day.delegatorsCount = protocol.delegatorsCount
      day.numActiveTranscoders = protocol.numActiveTranscoders
      day.activeTranscoderCount = protocol.activeTranscoderCount
      entity.delegatorsCount = protocol.delegatorsCount
      entity.inflation = protocol.inflation
      entity.numActiveTranscoders = protocol.numActiveTranscoders
      entity.activeTranscoderCount = protocol.activeTranscoderCount
      cache.touch(Round, entity)
      cache.set(NewRoundEvent, new NewRoundEvent({ ...base, round: new Round({ id: entity.id }), blockHash: String(args.blockHash) }))
      break
    }
    case 'ParameterUpdate': {
      const param = String(args.param)
      const value = context.parameter
      if (value !== undefined) {
        if (context.contract === 'BondingManager') {
          if (param === 'unbondingPeriod') protocol.unbondingPeriod = value
          if (param === 'numActiveTranscoders') protocol.numActiveTranscoders = value
        } else if (context.contract === 'RoundsManager') {
          if (param === 'roundLength') {
            // RoundsManager.setRoundLength anchors at the current round's start block.
            const lastRound = BigInt(protocol.lastRoundLengthUpdateRound.id)
            const length = protocol.roundLength === 0n ? value : protocol.roundLength
            protocol.lastRoundLengthUpdateStartBlock = protocol.lastRoundLengthUpdateStartBlock + (log.round - lastRound) * length
            protocol.lastRoundLengthUpdateRound = new Round({ id: round.id })
            protocol.roundLength = value
          }
          if (param === 'roundLockAmount') protocol.roundLockAmount = value
          protocol.lockPeriod = (protocol.roundLength * protocol.roundLockAmount) / 1_000_000n
        } else if (context.contract === 'Minter') {
          if (param === 'targetBondingRate') protocol.targetBondingRate = value
          if (param === 'inflationChange') protocol.inflationChange = value
        }
      }
      cache.set(ParameterUpdateEvent, new ParameterUpdateEvent({ ...base, param }))
      break
    }
    case 'SetCurrentRewardTokens': {
      protocol.inflation = big(args.currentInflation)
      round.mintableTokens = toDecimal(big(args.currentMintableTokens))
      round.inflation = protocol.inflation
      cache.set(
        SetCurrentRewardTokensEvent,
        new SetCurrentRewardTokensEvent({ ...base, currentMintableTokens: toDecimal(big(args.currentMintableTokens)), currentInflation: big(args.currentInflation) }),
      )
      break
    }
    case 'WinningTicketRedeemed': {
      const senderId = lower(args.sender)
      const recipientId = lower(args.recipient)
      const faceValue = big(args.faceValue)
      const day = dayNumber(timestamp)
      const broadcaster = broadcasterOf(context, senderId)
      // Exact: the deposit pays first; reserve draws are logged as ReserveClaimed (the subgraph zeroes the deposit first).
      const deposit = toDecimal(faceValue).gt(broadcaster.deposit) ? zeroDecimal() : sub(broadcaster.deposit, faceValue)
      broadcaster.deposit = deposit
      broadcaster.totalVolumeETH = add(broadcaster.totalVolumeETH, faceValue)
      broadcaster.lastFundedDay = day * 86400
      broadcaster.lastActiveDay = day * 86400
      const broadcasterDayId = `${senderId}-${day}`
      let broadcasterDay = cache.get(BroadcasterDay, broadcasterDayId)
      if (!broadcasterDay) {
        broadcasterDay = cache.set(BroadcasterDay, newBroadcasterDay(broadcasterDayId, day, senderId))
        broadcaster.broadcasterDays = [broadcasterDayId, ...broadcaster.broadcasterDays]
      }
      broadcasterDay.volumeETH = add(broadcasterDay.volumeETH, faceValue)
      cache.touch(BroadcasterDay, broadcasterDay)
      cache.touch(Broadcaster, broadcaster)

      const transcoder = transcoderOf(context, recipientId)
      transcoder.totalVolumeETH = add(transcoder.totalVolumeETH, faceValue)
      const transcoderDayId = `${recipientId}-${day}`
      let transcoderDay = cache.get(TranscoderDay, transcoderDayId)
      if (!transcoderDay) {
        transcoderDay = cache.set(TranscoderDay, newTranscoderDay(transcoderDayId, day, recipientId))
        transcoder.transcoderDays = [transcoderDayId, ...transcoder.transcoderDays]
      }
      transcoderDay.volumeETH = add(transcoderDay.volumeETH, faceValue)
      cache.touch(TranscoderDay, transcoderDay)
      cache.touch(Transcoder, transcoder)

      protocol.totalVolumeETH = add(protocol.totalVolumeETH, faceValue)
      protocol.winningTicketCount += 1
      if (!protocol.activeBroadcasters.includes(senderId)) protocol.activeBroadcasters = [...protocol.activeBroadcasters, senderId]
      const pool = poolOf(context, round, recipientId)
      pool.fees = add(pool.fees, faceValue)
      cache.touch(Pool, pool)
      const dayEntity = dayOf(context)
      dayEntity.volumeETH = add(dayEntity.volumeETH, faceValue)
      refreshParticipation(context, undefined)
      round.volumeETH = add(round.volumeETH, faceValue)
      cache.set(
        WinningTicketRedeemedEvent,
        new WinningTicketRedeemedEvent({
          ...base,
          sender: broadcasterRef(senderId),
          recipient: transcoderRef(recipientId),
          faceValue: toDecimal(faceValue),
          faceValueUSD: zeroDecimal(),
          winProb: big(args.winProb),
          senderNonce: big(args.senderNonce),
          recipientRand: big(args.recipientRand),
          auxData: Buffer.from(String(args.auxData).slice(2), 'hex'),
        }),
      )
      break
    }
    case 'WinningTicketTransfer': {
      const senderId = lower(args.sender)
      const recipientId = lower(args.recipient)
      const amount = big(args.amount)
      broadcasterOf(context, senderId)
      const transcoder = transcoderOf(context, recipientId)
      const commission = context.ledger.transcoder(recipientId as Address).cumulativeFees - (context.before?.cumulativeFees ?? 0n)
      transcoder.feeCommission = add(transcoder.feeCommission, commission)
      syncTotalStake(context, recipientId)
      const pool = poolOf(context, round, recipientId)
      pool.feeCommission = add(pool.feeCommission, commission)
      syncPoolFactors(context, pool, recipientId, log.round)
      cache.touch(Pool, pool)
      cache.set(
        WinningTicketTransferEvent,
        new WinningTicketTransferEvent({ ...base, sender: broadcasterRef(senderId), recipient: transcoderRef(recipientId), amount: toDecimal(amount) }),
      )
      break
    }
    case 'DepositFunded':
    case 'ReserveFunded': {
      const id = lower(log.eventName === 'DepositFunded' ? args.sender : args.reserveHolder)
      const amount = big(args.amount)
      const broadcaster = broadcasterOf(context, id)
      if (log.eventName === 'DepositFunded') broadcaster.deposit = add(broadcaster.deposit, amount)
      else broadcaster.reserve = add(broadcaster.reserve, amount)
      const dayStart = dayNumber(timestamp) * 86400
      if (broadcaster.firstFundedDay === 0) {
        broadcaster.firstFundedDay = dayStart
        broadcaster.firstActiveDay = dayStart
      }
      broadcaster.lastFundedDay = dayStart
      broadcaster.lastActiveDay = dayStart
      cache.touch(Broadcaster, broadcaster)
      if (log.eventName === 'DepositFunded') cache.set(DepositFundedEvent, new DepositFundedEvent({ ...base, sender: broadcasterRef(id), amount: toDecimal(amount) }))
      else cache.set(ReserveFundedEvent, new ReserveFundedEvent({ ...base, reserveHolder: broadcasterRef(id), amount: toDecimal(amount) }))
      break
    }
    case 'ReserveClaimed': {
      const id = lower(args.reserveHolder)
      const claimant = lower(args.claimant)
      const amount = big(args.amount)
      const broadcaster = broadcasterOf(context, id)
      broadcaster.reserve = sub(broadcaster.reserve, amount)
      cache.touch(Broadcaster, broadcaster)
      transcoderOf(context, claimant)
      cache.set(ReserveClaimedEvent, new ReserveClaimedEvent({ ...base, reserveHolder: broadcasterRef(id), claimant: transcoderRef(claimant), amount: toDecimal(amount) }))
      break
    }
    case 'Withdrawal': {
      const id = lower(args.sender)
      const broadcaster = broadcasterOf(context, id)
      broadcaster.deposit = zeroDecimal()
      broadcaster.reserve = zeroDecimal()
      cache.touch(Broadcaster, broadcaster)
      cache.set(WithdrawalEvent, new WithdrawalEvent({ ...base, sender: broadcasterRef(id), deposit: toDecimal(big(args.deposit)), reserve: toDecimal(big(args.reserve)) }))
      break
    }
    case 'Unlock': {
      const id = lower(args.sender)
      broadcasterOf(context, id)
      cache.set(UnlockEvent, new UnlockEvent({ ...base, sender: broadcasterRef(id), startRound: big(args.startRound), endRound: big(args.endRound) }))
      break
    }
    case 'UnlockCancelled': {
      const id = lower(args.sender)
      broadcasterOf(context, id)
      cache.set(UnlockCancelledEvent, new UnlockCancelledEvent({ ...base, sender: broadcasterRef(id) }))
      break
    }
    case 'Pause':
    case 'Unpause': {
      protocol.paused = log.eventName === 'Pause'
      if (log.eventName === 'Pause') cache.set(PauseEvent, new PauseEvent(base))
      else cache.set(UnpauseEvent, new UnpauseEvent(base))
      break
    }
    case 'ServiceURIUpdate': {
      const id = lower(args.addr)
      const transcoder = transcoderOf(context, id)
      transcoder.serviceURI = String(args.serviceURI)
      cache.touch(Transcoder, transcoder)
      cache.set(ServiceURIUpdateEvent, new ServiceURIUpdateEvent({ ...base, addr: id, serviceURI: String(args.serviceURI) }))
      break
    }
    case 'Mint':
    case 'Burn': {
      const amount = big(args.amount)
      protocol.totalSupply = log.eventName === 'Mint' ? add(protocol.totalSupply, amount) : sub(protocol.totalSupply, amount)
      refreshParticipation(context, round)
      if (log.eventName === 'Mint') cache.set(MintEvent, new MintEvent({ ...base, to: lower(args.to), amount: toDecimal(amount) }))
      else cache.set(BurnEvent, new BurnEvent({ ...base, burner: lower(args.burner), value: toDecimal(amount) }))
      break
    }
    case 'Transfer': {
      cache.set(TransferEvent, new TransferEvent({ ...base, from: lower(args.from), to: lower(args.to), amount: toDecimal(big(args.value)) }))
      break
    }
    default:
      // SetController, SetContractInfo, Approval, OwnershipTransferred, role events: no entity.
      break
  }
}
