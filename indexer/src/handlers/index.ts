import { isLedgerEventName, percOf, splitFees, type EarningsLedger, type LedgerEvent } from '@peerscope/protocol'
import type { DelegatorRoundRow, OrchestratorRoundRow } from '../clickhouse/index.ts'
import type { Store } from '@subsquid/typeorm-store'
import type { Address } from 'viem'
import {
  Broadcaster,
  BroadcasterDay,
  Day,
  Delegator,
  DelegatorRoundEarnings,
  Pool,
  Protocol,
  Round,
  Transcoder,
  TranscoderDay,
  UnbondingLock,
} from '../model/index.ts'
import * as model from '../model/index.ts'
import { applyEvent, zeroAddress, type EventContext } from './applyEvent.ts'
import { BatchCache } from './batchCache.ts'
import { newProtocol, newRound } from './entities.ts'
import { createVersionRecorder, versionedEntities } from './entityVersions.ts'
import { createLedgerSync } from './ledgerSync.ts'
import { parameterValue } from './parameterValue.ts'
import type { CreateEntityHandlersParameters, EntityHandlers, HandlerLog } from './types.ts'
import { dayNumber, poolId, toDecimal, toWei, unbondingLockId } from './units.ts'

export type { CreateEntityHandlersParameters, EntityFacts, EntityHandlers, HandlerLog } from './types.ts'
export { toDecimal, toWei } from './units.ts'

/** Events that reach the ledger whatever contract logs them; the other ledger events only from the BondingManager. */
const ledgerEventsFromOtherContracts = new Set(['NewRound', 'WinningTicketTransfer', 'SetCurrentRewardTokens'])
/** Ledger events that change a transcoder's delegators' earnings. */
const earningEvents = new Set(['Reward', 'WinningTicketTransfer'])
/** Entities written once and never updated: inserted, not upserted. */
const appendOnlyEntities: ReadonlySet<Function> = new Set(
  (Object.values(model) as unknown[]).filter(
    (value): value is Function => typeof value === 'function' && (value.name.endsWith('Event') || value.name === 'Transaction'),
  ),
)
/** Argument names that hold accounts that may be transcoders or delegators. */
const accountArgs = ['newDelegate', 'oldDelegate', 'delegator', 'delegate', 'transcoder', 'oldDelegator', 'newDelegator', 'recipient', 'claimant', 'addr']

/**
 * The Postgres entity handlers: the Livepeer subgraph's entities (shared/spec/subgraph-and-explorer.md
 * §3 – §6) computed from events alone. eth_calls the subgraph makes (getDelegator, the transcoder-pool
 * walk, getTotalBonded, pendingStake) are replaced by protocol's event-fed earnings ledger, which also
 * provides the LIP-36 additions: pool factors, commissions, and every delegator's pendingStake /
 * pendingFees (refreshed in bulk at the end of each batch for every delegator of a transcoder that
 * earned rewards or fees in it), plus per-round delegator earnings.
 *
 * Per batch: resynchronise the ledger with Postgres (see `ledgerSync.ts`), load every entity the
 * batch touches in one query per type, apply the events in memory, then write one bulk upsert (and
 * delete) per entity type.
 *
 * @param parameters - The network preset (contract addresses, deployment parameters).
 * @returns `handleBatch(store, logs)`.
 *
 * @example
 * const handlers = createEntityHandlers({ preset: devnetPreset(manifest) })
 * await handlers.handleBatch(ctx.store, decodedLogs)
 */
export function createEntityHandlers(parameters: CreateEntityHandlersParameters): EntityHandlers {
  const { preset } = parameters
  const contractByAddress = new Map<string, string>()
  for (const [name, deployment] of Object.entries(preset.contracts)) contractByAddress.set(deployment.address.toLowerCase(), name)
  for (const minter of preset.minters) contractByAddress.set(minter.address.toLowerCase(), 'Minter')
  const sync = createLedgerSync({ treasuryRewardCutRate: preset.parameters?.treasuryRewardCutRate, verify: parameters.verifyLedger ?? true })

  const isLedgerLog = (log: HandlerLog, contract: string | undefined) =>
    isLedgerEventName(log.eventName) && (contract === 'BondingManager' || ledgerEventsFromOtherContracts.has(log.eventName))

  return {
    handleBatch: async (store: Store, logs: readonly HandlerLog[]) => {
      await sync.synchronize(store)
      const cache = new BatchCache(store, appendOnlyEntities, new Set(versionedEntities.keys()))
      cache.want(Protocol, '0')
      await cache.load()
      let protocol = cache.get(Protocol, '0')
      if (!protocol) {
        protocol = cache.set(Protocol, newProtocol(preset.parameters))
        // Protocol's round references start at round 0: that row must exist for the foreign keys.
        cache.set(Round, newRound(0n, protocol))
        protocol.roundCount = 1
      }
      const { accounts, rounds, hasNewRound } = wantBatchEntities(cache, logs, protocol, () => sync.ledger().listTranscoders())
      await cache.load()
      if (hasNewRound) {
        // NewRound recomputes 30/60/90-day volumes from the newest 90 day entries of each account.
        for (const transcoder of cache.values(Transcoder)) cache.want(TranscoderDay, ...transcoder.transcoderDays.slice(0, 90))
        for (const broadcaster of cache.values(Broadcaster)) cache.want(BroadcasterDay, ...broadcaster.broadcasterDays.slice(0, 90))
        await cache.load()
      }

      const touched = new Set<string>()
      const earned = new Set<string>()
      /** Per (round, delegator): pending values before the round's first credit, and what was earned. */
      const earnings = new Map<
        string,
        { round: bigint; delegator: string; delegate: string; stake: bigint; reward: bigint; fees: bigint; blockNumber: number; logIndex: number }
      >()
      const orchestratorRounds: OrchestratorRoundRow[] = []
      const treasury = new Map<string, bigint>()
      const versions = createVersionRecorder(store, cache)
      // The Protocol row created above belongs to the batch's first block.
      if (logs[0]) versions.advance(logs[0].block.height)

      for (const log of logs) {
        versions.advance(log.block.height)
        const contract = contractByAddress.get(log.address.toLowerCase())
        const ledgerLog = isLedgerLog(log, contract)
        const ledger = sync.ledger()
        let parameter: bigint | undefined
        let ledgerValue: bigint | undefined
        if (log.eventName === 'ParameterUpdate') {
          const param = String(log.args.param)
          const decoded = parameterValue(param, log.transaction.input)
          parameter = typeof decoded === 'bigint' ? decoded : undefined
          // The ledger needs the treasury cut rate exactly; before the first round the deployment rate applies.
          if (ledgerLog && ledger.globals().currentRound > 0n) {
            if (param === 'nextRoundTreasuryRewardCutRate') ledgerValue = decoded === 'reward' ? 0n : parameter
            if (param === 'treasuryRewardCutRate') ledgerValue = ledger.globals().nextRoundTreasuryRewardCutRate
          }
        }
        const earner = earningEvents.has(log.eventName) ? String(log.eventName === 'Reward' ? log.args.transcoder : log.args.recipient).toLowerCase() : undefined
        let before: EventContext['before']
        let pendingBefore: Map<string, { stake: bigint; fees: bigint }> | undefined
        if (ledgerLog && earner) {
          const state = ledger.transcoder(earner as Address)
          before = { cumulativeRewards: state.cumulativeRewards, cumulativeFees: state.cumulativeFees }
          pendingBefore = new Map()
          for (const delegator of sync.members(earner))
            pendingBefore.set(delegator, { stake: ledger.pendingStake(delegator as Address), fees: ledger.pendingFees(delegator as Address) })
        }
        if (ledgerLog) {
          const event = { eventName: log.eventName, args: log.args, round: log.round, ...(ledgerValue === undefined ? {} : { value: ledgerValue }) } as LedgerEvent
          sync.apply({ id: `${log.transaction.hash}-${log.logIndex}`, blockNumber: log.block.height, logIndex: log.logIndex, event })
        }
        applyEvent({ cache, ledger: sync.ledger(), protocol, log, before, treasury, parameter, contract, touched })
        if (ledgerLog) orchestratorRounds.push(...orchestratorFacts(sync.ledger(), log))
        if (earner && pendingBefore) {
          earned.add(earner)
          for (const [delegator, previous] of pendingBefore) {
            const stake = ledger.pendingStake(delegator as Address)
            const fees = ledger.pendingFees(delegator as Address)
            if (stake === previous.stake && fees === previous.fees) continue
            const id = `${log.round}-${delegator}`
            let row = earnings.get(id)
            if (!row)
              earnings.set(id, (row = { round: log.round, delegator, delegate: earner, stake: previous.stake, reward: 0n, fees: 0n, blockNumber: 0, logIndex: 0 }))
            row.blockNumber = log.block.height
            row.logIndex = log.logIndex
            row.reward += stake - previous.stake
            row.fees += fees - previous.fees
          }
        }
      }

      // Batch end: every delegator whose pending values may have changed, loaded in bulk.
      for (const transcoder of earned) for (const delegator of sync.members(transcoder)) touched.add(delegator)
      cache.want(Delegator, ...touched)
      cache.want(DelegatorRoundEarnings, ...earnings.keys())
      await cache.load()
      const ledger = sync.ledger()
      for (const id of touched) {
        const delegator = cache.get(Delegator, id)
        if (!delegator) continue
        const stake = toDecimal(ledger.pendingStake(id as Address))
        const fees = toDecimal(ledger.pendingFees(id as Address))
        if (delegator.pendingStake.eq(stake) && delegator.pendingFees.eq(fees)) continue
        delegator.pendingStake = stake
        delegator.pendingFees = fees
        cache.touch(Delegator, delegator)
      }
      // Claims and bonds copy LIP-36 factors into the current round's pool (ensureCumulativeFactors),
      // fees and rewards update them: re-read every pool the batch could have changed.
      for (const round of rounds)
        for (const account of accounts) {
          const id = poolId(round, account)
          const pool = cache.has(Pool, id) ? cache.get(Pool, id) : undefined
          if (!pool) continue
          const factors = ledger.pool(account as Address, round)
          if (pool.cumulativeRewardFactor === factors.cumulativeRewardFactor && pool.cumulativeFeeFactor === factors.cumulativeFeeFactor) continue
          pool.cumulativeRewardFactor = factors.cumulativeRewardFactor
          pool.cumulativeFeeFactor = factors.cumulativeFeeFactor
          cache.touch(Pool, pool)
        }
      const delegatorRounds: DelegatorRoundRow[] = []
      for (const [id, row] of earnings) {
        const existing = cache.get(DelegatorRoundEarnings, id)
        const totals = { reward: row.reward + (existing ? toWei(existing.reward) : 0n), fees: row.fees + (existing ? toWei(existing.fees) : 0n) }
        delegatorRounds.push({
          delegator: row.delegator,
          round: row.round,
          blockNumber: row.blockNumber,
          logIndex: row.logIndex,
          orchestrator: row.delegate,
          stake: ledger.pendingStake(row.delegator as Address),
          ...totals,
        })
        if (existing) {
          existing.reward = toDecimal(totals.reward)
          existing.fees = toDecimal(totals.fees)
          cache.touch(DelegatorRoundEarnings, existing)
        } else {
          cache.set(
            DelegatorRoundEarnings,
            new DelegatorRoundEarnings({
              id,
              round: new Round({ id: row.round.toString() }),
              delegator: new Delegator({ id: row.delegator }),
              delegate: new Transcoder({ id: row.delegate }),
              stake: toDecimal(row.stake),
              reward: toDecimal(row.reward),
              fees: toDecimal(row.fees),
            }),
          )
        }
      }
      const entityHistory = versions.finish()
      await cache.flush()
      await sync.flush(store)
      return { orchestratorRounds, delegatorRounds, entityHistory }
    },
  }
}

/** ClickHouse rows of one ledger event: the reward and fee splits, and the pool snapshots at NewRound. */
function orchestratorFacts(ledger: EarningsLedger, log: HandlerLog): OrchestratorRoundRow[] {
  const position = { round: log.round, blockNumber: log.block.height, logIndex: log.logIndex }
  const args = log.args
  if (log.eventName === 'Reward') {
    const orchestrator = String(args.transcoder).toLowerCase()
    const amount = args.amount as bigint
    const rewardCommission = percOf(amount, ledger.pool(orchestrator as Address, log.round).transcoderRewardCut)
    return [{ orchestrator, ...position, kind: 'reward_split', rewardCommission, delegatorsReward: amount - rewardCommission }]
  }
  if (log.eventName === 'WinningTicketTransfer') {
    const orchestrator = String(args.recipient).toLowerCase()
    const split = splitFees({ fees: args.amount as bigint, feeShare: ledger.pool(orchestrator as Address, log.round).transcoderFeeShare })
    return [{ orchestrator, ...position, kind: 'fee_split', feeCommission: split.transcoderCommission, delegatorsFees: split.delegatorsFees }]
  }
  if (log.eventName === 'NewRound') {
    const round = args.round as bigint
    return ledger.listTranscoders().map((address) => {
      const state = ledger.transcoder(address)
      const active = state.activationRound <= round && round < state.deactivationRound
      const stakeRound = state.lastActiveStakeUpdateRound <= round ? state.lastActiveStakeUpdateRound : round
      return { orchestrator: address.toLowerCase(), ...position, round, kind: 'snapshot', stake: ledger.pool(address, stakeRound).totalStake, active }
    })
  }
  return []
}

/** Declares every entity id the batch's events read, so they load in one query per type. */
function wantBatchEntities(
  cache: BatchCache,
  logs: readonly HandlerLog[],
  protocol: Protocol,
  listTranscoders: () => readonly string[],
): { accounts: Set<string>; rounds: Set<bigint>; hasNewRound: boolean } {
  cache.want(Round, protocol.currentRound.id)
  cache.want(Transcoder, ...protocol.pendingActivation, ...protocol.pendingDeactivation)
  const newRounds: bigint[] = []
  const rounds = new Set<bigint>()
  const accounts = new Set<string>()
  for (const log of logs) {
    const args = log.args ?? {}
    const lower = (value: unknown) => String(value).toLowerCase()
    cache.want(Round, log.round.toString())
    rounds.add(log.round)
    const day = dayNumber(log.block.timestamp / 1000)
    cache.want(Day, day.toString())
    for (const key of accountArgs) if (typeof args[key] === 'string') accounts.add(lower(args[key]))
    switch (log.eventName) {
      case 'NewRound':
        newRounds.push(args.round as bigint)
        cache.want(Round, String(args.round))
        break
      case 'EarningsClaimed':
        cache.want(Round, String(args.endRound))
        break
      case 'Reward':
      case 'TreasuryReward':
        cache.want(Pool, poolId(log.round, lower(args.transcoder)))
        break
      case 'WinningTicketRedeemed':
      case 'WinningTicketTransfer':
        cache.want(Pool, poolId(log.round, lower(args.recipient)))
        cache.want(Broadcaster, lower(args.sender))
        cache.want(TranscoderDay, `${lower(args.recipient)}-${day}`)
        cache.want(BroadcasterDay, `${lower(args.sender)}-${day}`)
        break
      case 'Unbond':
      case 'Rebond':
      case 'WithdrawStake':
        cache.want(UnbondingLock, unbondingLockId(args.unbondingLockId as bigint, lower(args.delegator)))
        break
      case 'TransferBond':
        cache.want(UnbondingLock, unbondingLockId(args.oldUnbondingLockId as bigint, lower(args.oldDelegator)))
        cache.want(UnbondingLock, unbondingLockId(args.newUnbondingLockId as bigint, lower(args.newDelegator)))
        break
      case 'DepositFunded':
      case 'Unlock':
      case 'UnlockCancelled':
      case 'Withdrawal':
        cache.want(Broadcaster, lower(args.sender))
        break
      case 'ReserveFunded':
      case 'ReserveClaimed':
        cache.want(Broadcaster, lower(args.reserveHolder))
        break
    }
  }
  if (newRounds.length > 0) for (const address of listTranscoders()) accounts.add(address.toLowerCase())
  accounts.delete(zeroAddress)
  cache.want(Transcoder, ...accounts)
  cache.want(Delegator, ...accounts)
  for (const round of newRounds) rounds.add(round)
  if (newRounds.length > 0) cache.want(Broadcaster, ...protocol.activeBroadcasters)
  for (const round of rounds) for (const account of accounts) cache.want(Pool, poolId(round, account))
  return { accounts, rounds, hasNewRound: newRounds.length > 0 }
}
