import type { ClickHouseClient } from '@clickhouse/client'
import type { Pool } from 'pg'
import { formatWei } from '../decimal/fixed.ts'
import { ApiUserError } from '../errors/base.ts'
import { clickhouseRows } from './clickhouseRows.ts'

/** Arguments of `Query.networkSeries`. */
export type NetworkSeriesArgs = { interval?: 'day' | 'week' | null; from?: number | null; to?: number | null; first?: number | null }

type DailyFlow = { day: number; face: string; tickets: string; rewards: string; treasury: string; calls: string; bonded: string; unbonded: string }
type DayState = { date: number; participation_rate: string; inflation: string; delegators_count: string; active_transcoder_count: string; total_active_stake: string; total_supply: string }

const daySeconds = 86_400

/** Monday 00:00 UTC of the week holding `day` (day number since the epoch; 1970-01-01 was a Thursday). */
function mondayOf(day: number): number {
  return day - ((((day + 3) % 7) + 7) % 7)
}

/**
 * `Query.networkSeries`: flows per UTC day from ClickHouse `daily_totals` (winning-ticket face value,
 * reward minting, bonding) and state at each bucket's end from Postgres `day` (participation,
 * inflation, delegators, active orchestrators, stake, supply), carried forward over days without a
 * Day entity. Buckets run continuously from the first indexed day; the latest `first` are returned,
 * oldest first.
 *
 * @example
 * await readNetworkSeries({ pool, clickhouse, args: { interval: 'week' } })
 */
export async function readNetworkSeries({ pool, clickhouse, args }: { pool: Pool; clickhouse: ClickHouseClient; args: NetworkSeriesArgs }) {
  const first = args.first ?? 1000
  if (first < 0 || first > 1000) throw new ApiUserError(`The \`first\` argument must be between 0 and 1000, but is ${first}`)
  const weekly = args.interval === 'week'
  const to = args.to ?? Number.MAX_SAFE_INTEGER
  const from = args.from ?? 0
  if (to < from) throw new ApiUserError(`Invalid time range ${from}..${to}.`)
  const [flows, { rows: states }] = await Promise.all([
    clickhouseRows<DailyFlow>(
      clickhouse,
      `SELECT toUInt32(toRelativeDayNum(day) - toRelativeDayNum(toDate('1970-01-01'))) AS day, sum(ticket_face_value) AS face, sum(winning_tickets) AS tickets,
              sum(rewards) AS rewards, sum(treasury_rewards) AS treasury, sum(reward_calls) AS calls, sum(bonded) AS bonded, sum(unbonded) AS unbonded
       FROM daily_totals GROUP BY day ORDER BY day`,
    ),
    pool.query({
      text: `SELECT date, participation_rate::text, inflation::text, delegators_count::text, active_transcoder_count::text, total_active_stake::text, total_supply::text
             FROM day ORDER BY date`,
      values: [],
    }),
  ])
  const dayStates = (states as DayState[]).map((row) => ({ ...row, date: Number(row.date) }))
  const days = [...flows.map((row) => Number(row.day)), ...dayStates.map((row) => Math.floor(row.date / daySeconds))]
  if (days.length === 0) return []
  const step = weekly ? 7 : 1
  const bucketOf = (day: number) => (weekly ? mondayOf(day) : day)
  const firstBucket = Math.max(bucketOf(Math.min(...days)), bucketOf(Math.floor(Math.max(0, from) / daySeconds)))
  const lastBucket = Math.min(bucketOf(Math.max(...days)), bucketOf(Math.floor(Math.min(to, 8.64e12) / daySeconds)))
  const flowByBucket = new Map<number, DailyFlow[]>()
  for (const flow of flows) {
    const bucket = bucketOf(Number(flow.day))
    flowByBucket.set(bucket, [...(flowByBucket.get(bucket) ?? []), flow])
  }
  const points = []
  let stateIndex = -1
  for (let bucket = firstBucket; bucket <= lastBucket; bucket += step) {
    const end = (bucket + step) * daySeconds
    while (stateIndex + 1 < dayStates.length && (dayStates[stateIndex + 1] as DayState).date < end) stateIndex++
    const state = stateIndex >= 0 ? dayStates[stateIndex] : undefined
    const bucketFlows = flowByBucket.get(bucket) ?? []
    const sum = (key: keyof DailyFlow) => bucketFlows.reduce((total, flow) => total + BigInt(flow[key]), 0n)
    points.push({
      date: bucket * daySeconds,
      feesETH: formatWei(sum('face')),
      feesUSD: '0',
      winningTickets: Number(sum('tickets')),
      rewardTokens: formatWei(sum('rewards')),
      treasuryRewardTokens: formatWei(sum('treasury')),
      rewardCalls: Number(sum('calls')),
      participationRate: state?.participation_rate ?? '0',
      inflation: state?.inflation ?? '0',
      delegatorsCount: Number(state?.delegators_count ?? 0),
      activeOrchestrators: Number(state?.active_transcoder_count ?? 0),
      totalActiveStake: state?.total_active_stake ?? '0',
      totalSupply: state?.total_supply ?? '0',
      bonded: formatWei(sum('bonded')),
      unbonded: formatWei(sum('unbonded')),
    })
  }
  return points.slice(Math.max(0, points.length - first))
}
