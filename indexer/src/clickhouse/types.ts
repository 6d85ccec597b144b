/** A block as the sink stores it. `timestamp` is in milliseconds (Subsquid's `block.header.timestamp`). */
export type FactBlock = { height: number; hash: string; timestamp: number }

/**
 * One decoded log, the sink's input: the decoder's output for a log of a catalogued contract
 * (`@peerscope/protocol` `arbitrumEventCatalogue`). `args` holds viem-style decoded arguments by
 * name (`bigint` for integers, checksummed or lower-case `0x` addresses); `round` is the protocol
 * round current at the log (from RoundsManager parameters and the L1 block number, never the L2 one).
 */
export type FactLog = {
  block: FactBlock
  transaction: { hash: string; index: number; from: string }
  logIndex: number
  /** Emitting contract (the proxy for proxied contracts). */
  address: string
  /** Catalogue contract name, e.g. `BondingManager`. */
  contractName: string
  eventName: string
  args: Readonly<Record<string, unknown>>
  round: bigint
}

/**
 * A per-round per-orchestrator row the caller computes from the LIP-36 ledger (the sink derives
 * `reward`, `treasury` and `fees` rows from the events itself). `blockNumber` / `logIndex` name the
 * log that produced the row; it must belong to the same batch.
 *
 * - `reward_split` (at a `Reward` log): `rewardCommission` = percOf(reward, rewardCut),
 *   `delegatorsReward` = reward − commission.
 * - `fee_split` (at a `WinningTicketTransfer` log): `feeCommission`, `delegatorsFees`.
 * - `snapshot` (at the `NewRound` log opening `round`): `stake` (the pool's totalStake for the round)
 *   and `active` (member of the round's active set). The latest snapshot of a round wins.
 */
export type OrchestratorRoundRow = {
  orchestrator: string
  round: bigint
  blockNumber: number
  logIndex: number
  kind: 'reward_split' | 'fee_split' | 'snapshot'
  stake?: bigint | undefined
  active?: boolean | undefined
  rewardCommission?: bigint | undefined
  delegatorsReward?: bigint | undefined
  feeCommission?: bigint | undefined
  delegatorsFees?: bigint | undefined
}

/**
 * A per-round per-delegator row the caller computes from the LIP-36 ledger (`pendingStake` /
 * `pendingFees` at the round's end): `stake` at the end of `round`, `reward` and `fees` earned in
 * it. The latest row per (delegator, round) by (blockNumber, logIndex) wins.
 */
export type DelegatorRoundRow = {
  delegator: string
  round: bigint
  blockNumber: number
  logIndex: number
  orchestrator: string
  stake: bigint
  reward: bigint
  fees: bigint
}

/** Entities with a version history in ClickHouse (`entity_history`), for the API's time travel. */
export type HistoryEntity = 'Protocol' | 'Transcoder' | 'Delegator'

/** One version of an entity: its Postgres row (column name → value as `pg` returns it) as of a block. */
export type EntityHistoryRow = {
  entity: HistoryEntity
  id: string
  blockNumber: number
  /** JSON object keyed by Postgres column name. */
  data: string
}

/** One batch for {@link ClickhouseSink.insert}: decoded logs in chain order plus optional precomputed rows. */
export type FactBatch = {
  logs: readonly FactLog[]
  orchestratorRounds?: readonly OrchestratorRoundRow[] | undefined
  delegatorRounds?: readonly DelegatorRoundRow[] | undefined
  entityHistory?: readonly EntityHistoryRow[] | undefined
}
