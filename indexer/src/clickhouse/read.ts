import type { ClickHouseClient } from '@clickhouse/client'

/**
 * Reads that stay exact after rollbacks and rewrites: `events` through FINAL (cancel rows collapse
 * their rows, duplicates collapse to one), the round tables through FINAL, the daily views through
 * `sum(...)` (cancel rows were summed in with sign −1). Amounts are `bigint` wei.
 */

/** One live row of `events`. */
export type EventRow = {
  blockNumber: number
  logIndex: number
  blockHash: string
  eventName: string
  contractName: string
  round: bigint
  orchestrator: string
  delegator: string
  amount: bigint
  amount2: bigint
  args: Record<string, unknown>
}

/** Block range filter (inclusive); both ends optional. */
export type BlockRange = { fromBlock?: number | undefined; toBlock?: number | undefined }

async function rows<T>(client: ClickHouseClient, query: string, query_params?: Record<string, unknown>): Promise<T[]> {
  const params = Object.fromEntries(Object.entries(query_params ?? {}).filter(([, value]) => value !== undefined))
  return (
    await client.query({ query, format: 'JSONEachRow', ...(Object.keys(params).length > 0 ? { query_params: params } : {}) })
  ).json<T>()
}

function rangeWhere(range: BlockRange = {}): string {
  const clauses = ['1']
  if (range.fromBlock !== undefined) clauses.push(`block_number >= ${Math.trunc(range.fromBlock)}`)
  if (range.toBlock !== undefined) clauses.push(`block_number <= ${Math.trunc(range.toBlock)}`)
  return clauses.join(' AND ')
}

/**
 * The live event rows in a block range, in chain order.
 *
 * @example
 * const rewards = (await readEvents(client)).filter((row) => row.eventName === 'Reward')
 */
export async function readEvents(client: ClickHouseClient, range?: BlockRange): Promise<EventRow[]> {
  const result = await rows<Record<string, string | number>>(
    client,
    `SELECT block_number, log_index, block_hash, event_name, contract_name, round, orchestrator, delegator, amount, amount2, args
     FROM events FINAL WHERE ${rangeWhere(range)} AND sign = 1 ORDER BY block_number, log_index`,
  )
  return result.map((row) => ({
    blockNumber: Number(row.block_number),
    logIndex: Number(row.log_index),
    blockHash: String(row.block_hash),
    eventName: String(row.event_name),
    contractName: String(row.contract_name),
    round: BigInt(row.round as string),
    orchestrator: String(row.orchestrator),
    delegator: String(row.delegator),
    amount: BigInt(row.amount as string),
    amount2: BigInt(row.amount2 as string),
    args: JSON.parse(String(row.args)) as Record<string, unknown>,
  }))
}

/** Daily protocol totals (UTC days), from the `daily_totals` view target. Amounts in wei. */
export type DailyTotals = {
  day: string
  events: bigint
  newRounds: bigint
  rewardCalls: bigint
  rewards: bigint
  treasuryRewards: bigint
  winningTickets: bigint
  ticketFaceValue: bigint
  fees: bigint
  bonds: bigint
  bonded: bigint
  unbonds: bigint
  unbonded: bigint
  rebonds: bigint
  rebonded: bigint
  withdrawnStake: bigint
  withdrawnFees: bigint
  claimedRewards: bigint
  claimedFees: bigint
  deposits: bigint
  reserves: bigint
  lptMinted: bigint
  lptBurned: bigint
  /** Orchestrators with at least one live event that day. */
  activeOrchestrators: number
  /** Delegators with at least one live bonding event that day. */
  activeDelegators: number
}

const camel = (name: string) => name.replace(/_([a-z0-9])/g, (_match, letter: string) => letter.toUpperCase())

/**
 * Daily totals with active orchestrator and delegator counts, days with live events only.
 *
 * @example
 * const [today] = (await readDailyTotals(client)).slice(-1)
 */
export async function readDailyTotals(client: ClickHouseClient): Promise<DailyTotals[]> {
  const sums = [
    'events', 'new_rounds', 'reward_calls', 'rewards', 'treasury_rewards', 'winning_tickets', 'ticket_face_value', 'fees',
    'bonds', 'bonded', 'unbonds', 'unbonded', 'rebonds', 'rebonded', 'withdrawn_stake', 'withdrawn_fees',
    'claimed_rewards', 'claimed_fees', 'deposits', 'reserves', 'lpt_minted', 'lpt_burned',
  ]
  const result = await rows<Record<string, string | number>>(
    client,
    `SELECT toString(t.day) AS day, ${sums.map((column) => `t.${column} AS ${column}`).join(', ')},
            ifNull(o.active, 0) AS active_orchestrators, ifNull(d.active, 0) AS active_delegators
     FROM (SELECT day, ${sums.map((column) => `sum(${column}) AS ${column}`).join(', ')} FROM daily_totals GROUP BY day HAVING events != 0) AS t
     LEFT JOIN (SELECT day, toUInt64(countIf(n > 0)) AS active FROM (SELECT day, orchestrator, sum(events) AS n FROM daily_orchestrators GROUP BY day, orchestrator) GROUP BY day) AS o ON o.day = t.day
     LEFT JOIN (SELECT day, toUInt64(countIf(n > 0)) AS active FROM (SELECT day, delegator, sum(events) AS n FROM daily_delegators GROUP BY day, delegator) GROUP BY day) AS d ON d.day = t.day
     ORDER BY t.day`,
  )
  return result.map((row) => {
    const out: Record<string, unknown> = { day: String(row.day) }
    for (const column of sums) out[camel(column)] = BigInt(row[column] as string)
    out.activeOrchestrators = Number(row.active_orchestrators)
    out.activeDelegators = Number(row.active_delegators)
    return out as DailyTotals
  })
}

/** One orchestrator in one round. `missedReward` is final only once the round has ended. */
export type OrchestratorRound = {
  orchestrator: string
  round: bigint
  /** Pool total stake for the round (from the latest snapshot row; 0 without one). */
  stake: bigint
  active: boolean
  rewardCalls: number
  /** Reward net of the treasury cut (`Reward.amount`). */
  reward: bigint
  treasuryReward: bigint
  rewardCommission: bigint
  delegatorsReward: bigint
  fees: bigint
  feeCommission: bigint
  delegatorsFees: bigint
  /** Active in the round (per its snapshot) and no `Reward` in it. */
  missedReward: boolean
}

/**
 * Per-round per-orchestrator figures: additive columns summed, stake/active from the latest snapshot.
 *
 * @example
 * const history = await readOrchestratorRounds(client, { orchestrator: '0xabc…' })
 */
export async function readOrchestratorRounds(
  client: ClickHouseClient,
  filter: { orchestrator?: string | undefined; round?: bigint | undefined } = {},
): Promise<OrchestratorRound[]> {
  const where = ['1']
  if (filter.orchestrator !== undefined) where.push('orchestrator = {orchestrator:String}')
  if (filter.round !== undefined) where.push('round = {round:UInt64}')
  const result = await rows<Record<string, string | number>>(
    client,
    `SELECT orchestrator, round,
            argMaxIf(stake, (block_number, log_index), kind = 'snapshot') AS stake,
            argMaxIf(active, (block_number, log_index), kind = 'snapshot') AS active,
            sum(reward_calls) AS reward_calls, sum(reward) AS reward, sum(treasury_reward) AS treasury_reward,
            sum(reward_commission) AS reward_commission, sum(delegators_reward) AS delegators_reward,
            sum(fees) AS fees, sum(fee_commission) AS fee_commission, sum(delegators_fees) AS delegators_fees
     FROM orchestrator_rounds FINAL WHERE ${where.join(' AND ')}
     GROUP BY orchestrator, round ORDER BY round, orchestrator`,
    { orchestrator: filter.orchestrator?.toLowerCase(), round: filter.round?.toString() },
  )
  return result.map((row) => ({
    orchestrator: String(row.orchestrator),
    round: BigInt(row.round as string),
    stake: BigInt(row.stake as string),
    active: Number(row.active) === 1,
    rewardCalls: Number(row.reward_calls),
    reward: BigInt(row.reward as string),
    treasuryReward: BigInt(row.treasury_reward as string),
    rewardCommission: BigInt(row.reward_commission as string),
    delegatorsReward: BigInt(row.delegators_reward as string),
    fees: BigInt(row.fees as string),
    feeCommission: BigInt(row.fee_commission as string),
    delegatorsFees: BigInt(row.delegators_fees as string),
    missedReward: Number(row.active) === 1 && Number(row.reward_calls) === 0,
  }))
}

/** One delegator in one round (the latest row written for it). */
export type DelegatorRound = { delegator: string; round: bigint; orchestrator: string; stake: bigint; reward: bigint; fees: bigint }

/**
 * Per-round per-delegator figures.
 *
 * @example
 * const rounds = await readDelegatorRounds(client, { delegator: '0xabc…' })
 */
export async function readDelegatorRounds(
  client: ClickHouseClient,
  filter: { delegator?: string | undefined; round?: bigint | undefined } = {},
): Promise<DelegatorRound[]> {
  const where = ['1']
  if (filter.delegator !== undefined) where.push('delegator = {delegator:String}')
  if (filter.round !== undefined) where.push('round = {round:UInt64}')
  const result = await rows<Record<string, string>>(
    client,
    `SELECT delegator, round,
            argMax(orchestrator, (block_number, log_index)) AS orchestrator,
            argMax(stake, (block_number, log_index)) AS stake,
            argMax(reward, (block_number, log_index)) AS reward,
            argMax(fees, (block_number, log_index)) AS fees
     FROM delegator_rounds FINAL WHERE ${where.join(' AND ')}
     GROUP BY delegator, round ORDER BY round, delegator`,
    { delegator: filter.delegator?.toLowerCase(), round: filter.round?.toString() },
  )
  return result.map((row) => ({
    delegator: row.delegator as string,
    round: BigInt(row.round as string),
    orchestrator: row.orchestrator as string,
    stake: BigInt(row.stake as string),
    reward: BigInt(row.reward as string),
    fees: BigInt(row.fees as string),
  }))
}
