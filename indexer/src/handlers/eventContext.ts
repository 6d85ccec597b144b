import type { EarningsLedger } from '@peerscope/protocol'
import type { BigDecimal } from '@subsquid/big-decimal'
import type { Address } from 'viem'
import { Broadcaster, BroadcasterDay, Day, Delegator, LivepeerAccount, Pool, type Protocol, Round, type Transaction, Transcoder, TranscoderDay, TranscoderStatus } from '../model/index.ts'
import type { BatchCache, EntityClass } from './batchCache.ts'
import { newBroadcaster, newDay, newDelegator, newPool, newRound, newTranscoder } from './entities.ts'
import type { HandlerLog } from './types.ts'
import { dayNumber, poolId, toDecimal, zeroDecimal } from './units.ts'

export const zeroAddress = '0x0000000000000000000000000000000000000000'

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

/**
 * What every event handler reads: the {@link EventContext} plus what `applyEvent` derives once per
 * log (the log's Round, its Transaction row and the fields every `*Event` entity shares).
 */
export type EventScope = {
  context: EventContext
  cache: BatchCache
  protocol: Protocol
  log: HandlerLog
  /** The log's decoded arguments (`{}` when it has none). */
  args: Record<string, unknown>
  /** Block time in seconds. */
  timestamp: number
  /** The Round of the log's block. */
  round: Round
  /** Fields shared by every `*Event` entity: id `<tx hash>-<log index>`, transaction, timestamp, round. */
  base: { id: string; transaction: Transaction; timestamp: number; round: Round }
  transaction: Transaction
  /** Id-only references, for relation fields. */
  transcoderRef: (id: string) => Transcoder
  delegatorRef: (id: string) => Delegator
  broadcasterRef: (id: string) => Broadcaster
}

/**
 * Applies one event name's entity updates.
 *
 * @example
 * const handlers: EventHandlers = { Pause: ({ protocol }) => { protocol.paused = true } }
 */
export type EventHandler = (scope: EventScope) => void

/** Handlers by event name, one record per area (see `events/`). */
export type EventHandlers = Readonly<Record<string, EventHandler>>

export const lower = (value: unknown): string => String(value).toLowerCase()
export const big = (value: unknown): bigint => value as bigint

/** The Transcoder (created when missing). */
export function transcoderOf(context: EventContext, id: string): Transcoder {
  return context.cache.get(Transcoder, id) ?? context.cache.set(Transcoder, newTranscoder(id))
}

/** The Delegator (created when missing). */
export function delegatorOf(context: EventContext, id: string): Delegator {
  return context.cache.get(Delegator, id) ?? context.cache.set(Delegator, newDelegator(id))
}

/** The Broadcaster (created when missing). */
export function broadcasterOf(context: EventContext, id: string): Broadcaster {
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

/** The Day of the log's block (created when missing). */
export function dayOf(context: EventContext): Day {
  const day = dayNumber(context.log.block.timestamp / 1000)
  return context.cache.get(Day, day.toString()) ?? context.cache.set(Day, newDay(day, context.protocol))
}

/** Copies the ledger's view of a delegator (getDelegator) onto its entity. */
export function syncDelegator(context: EventContext, id: string): Delegator {
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
export function syncTotalStake(context: EventContext, id: string): void {
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

/** Marks the transcoder Registered (pointing at its self-Delegator) or NotRegistered. */
export function setRegistered(context: EventContext, id: string, registered: boolean) {
  const transcoder = transcoderOf(context, id)
  transcoder.status = registered ? TranscoderStatus.Registered : TranscoderStatus.NotRegistered
  if (registered) transcoder.delegator = new Delegator({ id })
  context.cache.touch(Transcoder, transcoder)
}

/** Changes the delegator count of the protocol and of the round. */
export function setDelegatorsCount(context: EventContext, round: Round, change: bigint) {
  context.protocol.delegatorsCount += change
  round.delegatorsCount += change
}

/** The transcoder's Pool of the round (created when missing). */
export function poolOf(context: EventContext, round: Round, transcoderId: string): Pool {
  const id = poolId(BigInt(round.id), transcoderId)
  return context.cache.get(Pool, id) ?? context.cache.set(Pool, newPool(round, transcoderOf(context, transcoderId), id))
}

/** Copies the ledger's LIP-36 factors of `earningsPool[T][round]` onto the Pool. */
export function syncPoolFactors(context: EventContext, pool: Pool, transcoderId: string, round: bigint) {
  const factors = context.ledger.pool(transcoderId as Address, round)
  pool.cumulativeRewardFactor = factors.cumulativeRewardFactor
  pool.cumulativeFeeFactor = factors.cumulativeFeeFactor
}

/** Participation rate from the protocol's supply and active stake, copied onto the Day (and the round when given). */
export function refreshParticipation(context: EventContext, round: Round | undefined) {
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
export function refreshRecentVolumes(context: EventContext, timestamp: number) {
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

export const add = (a: BigDecimal, wei: bigint): BigDecimal => a.plus(toDecimal(wei))
export const sub = (a: BigDecimal, wei: bigint): BigDecimal => a.minus(toDecimal(wei))
