import { createEarningsLedger, type EarningsLedger, type LedgerEvent } from '@peerscope/protocol'
import type { Store } from '@subsquid/typeorm-store'
import { MoreThan } from 'typeorm'
import type { Address } from 'viem'
import { LedgerCheckpoint, LedgerEntry } from '../model/index.ts'
import { bulkWrite } from './bulkWrite.ts'

const checkpointId = 'ledger'
const zeroAddress = '0x0000000000000000000000000000000000000000'
const pageSize = 20000

/** Parameters for {@link createLedgerSync}. */
export type CreateLedgerSyncParameters = {
  /** Deployment-time treasury cut rate (1e27), as `createEarningsLedger` takes it. */
  treasuryRewardCutRate?: bigint | undefined
  verify?: boolean | undefined
}

/** One ledger event with its position, as persisted in `LedgerEntry`. */
export type LedgerInput = { id: string; blockNumber: number; logIndex: number; event: LedgerEvent }

/**
 * The earnings ledger (protocol `createEarningsLedger`) kept in step with Postgres.
 *
 * The ledger lives in memory and has no snapshot format, so its input is persisted instead: every
 * event it applies is also inserted as a `LedgerEntry` row, and a `LedgerCheckpoint` row records how
 * many entries the ledger must have applied and the last one's id. Both are written through the
 * batch's typeorm-store `Store`, so they commit, roll back (hot blocks) and retry with everything
 * else. At the start of each batch `synchronize` compares the checkpoint with what the in-memory
 * ledger applied; any difference (a fresh process, a hot-block rollback, a retried transaction whose
 * first attempt had already fed the ledger) rebuilds the ledger by replaying the entries from
 * Postgres in chain order. Replays are rare and cost a few seconds per million events.
 *
 * Also keeps `members`: delegators by delegate (lowercase), to refresh every delegator of a
 * transcoder whose earnings changed.
 */
export type LedgerSync = {
  ledger: () => EarningsLedger
  members: (transcoder: string) => ReadonlySet<string>
  /** Rebuilds the ledger from Postgres unless it already equals the stored checkpoint. */
  synchronize: (store: Store) => Promise<void>
  /** Applies and records one event. */
  apply: (input: LedgerInput) => void
  /** Inserts the batch's entries and upserts the checkpoint. */
  flush: (store: Store) => Promise<void>
}

/** Creates a {@link LedgerSync}. */
export function createLedgerSync(parameters: CreateLedgerSyncParameters): LedgerSync {
  let ledger = createEarningsLedger(parameters)
  let applied = 0
  let lastEntryId = ''
  let pending: LedgerEntry[] = []
  const members = new Map<string, Set<string>>()
  const delegateOf = new Map<string, string>()
  const empty = new Set<string>()

  const refreshMembership = (delegator: string) => {
    const state = ledger.delegator(delegator as Address)
    const delegate = state.bondedAmount > 0n ? state.delegateAddress.toLowerCase() : zeroAddress
    const previous = delegateOf.get(delegator)
    if (previous === delegate) return
    if (previous) members.get(previous)?.delete(delegator)
    if (delegate === zeroAddress) {
      delegateOf.delete(delegator)
      return
    }
    delegateOf.set(delegator, delegate)
    let set = members.get(delegate)
    if (!set) members.set(delegate, (set = new Set()))
    set.add(delegator)
  }

  const applyToLedger = (event: LedgerEvent) => {
    ledger.apply(event)
    const args = event.args as Record<string, unknown>
    for (const key of ['delegator', 'oldDelegator', 'newDelegator'])
      if (typeof args[key] === 'string') refreshMembership((args[key] as string).toLowerCase())
  }

  const rebuild = async (store: Store, expected: number) => {
    ledger = createEarningsLedger(parameters)
    members.clear()
    delegateOf.clear()
    applied = 0
    lastEntryId = ''
    // Keyset pagination in chain order: (blockNumber, logIndex) after the last row read.
    let cursor: { blockNumber: number; logIndex: number } | undefined
    for (;;) {
      const where = cursor
        ? [{ blockNumber: MoreThan(cursor.blockNumber) }, { blockNumber: cursor.blockNumber, logIndex: MoreThan(cursor.logIndex) }]
        : {}
      const rows = await store.find(LedgerEntry, { where, order: { blockNumber: 'ASC', logIndex: 'ASC' }, take: pageSize })
      const last = rows.at(-1)
      if (last) cursor = { blockNumber: last.blockNumber, logIndex: last.logIndex }
      for (const row of rows) {
        applyToLedger({ ...(JSON.parse(row.payload, reviveBigInt) as Omit<LedgerEvent, 'round'>), round: row.round } as LedgerEvent)
        applied++
        lastEntryId = row.id
      }
      if (rows.length < pageSize) break
    }
    if (applied !== expected) throw new Error(`ledger replay found ${applied} entries, the checkpoint expects ${expected}`)
  }

  return {
    ledger: () => ledger,
    members: (transcoder) => members.get(transcoder) ?? empty,
    synchronize: async (store) => {
      pending = []
      const checkpoint = await store.get(LedgerCheckpoint, checkpointId)
      const count = checkpoint?.entryCount ?? 0
      const last = checkpoint?.lastEntryId ?? ''
      if (count !== applied || last !== lastEntryId) await rebuild(store, count)
    },
    apply: ({ id, blockNumber, logIndex, event }) => {
      applyToLedger(event)
      const { round, ...rest } = event
      pending.push(new LedgerEntry({ id, blockNumber, logIndex, eventName: event.eventName, round, payload: JSON.stringify(rest, replaceBigInt) }))
      applied++
      lastEntryId = id
    },
    flush: async (store) => {
      if (pending.length === 0) return
      await bulkWrite(store, LedgerEntry, pending, 'insert')
      pending = []
      await store.upsert(new LedgerCheckpoint({ id: checkpointId, entryCount: applied, lastEntryId }))
    },
  }
}

function replaceBigInt(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? `${value}n` : value
}

function reviveBigInt(_key: string, value: unknown): unknown {
  return typeof value === 'string' && /^-?\d+n$/.test(value) ? BigInt(value.slice(0, -1)) : value
}
