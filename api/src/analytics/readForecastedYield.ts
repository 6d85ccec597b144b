import type { ClickHouseClient } from '@clickhouse/client'
import type { Pool } from 'pg'
import { formatFixed, formatRatio, parseFixed } from '../decimal/fixed.ts'
import { ApiUserError } from '../errors/base.ts'
import { clickhouseRows } from './clickhouseRows.ts'
import { computeForecastedYield, ray, roundsInHorizon, totalInflation, type ForecastInputs } from './computeForecastedYield.ts'
import { readProtocolState } from './readProtocolState.ts'

/** Arguments of `Query.forecastedYield`. */
export type ForecastedYieldArgs = {
  principal?: string | null
  months?: number | null
  inflationChange?: 'none' | 'positive' | 'negative' | null
  factors?: 'lptAndEth' | 'lpt' | 'eth' | null
  orchestrators?: string[] | null
}

const newDays = 45
const realizedWindow = 30

/**
 * `Query.forecastedYield`: the explorer's yield calculator computed server-side. Inputs: Protocol,
 * the transcoders active in the current round (activationRound ≤ current < deactivationRound), their
 * last ≤ 90 pools excluding the current round (reward-call ratio), the treasury cut applied at the
 * latest reward call and the measured delegators' reward rate of the last 30 rounds (ClickHouse).
 *
 * @example
 * await readForecastedYield({ pool, clickhouse, args: { principal: '1000', months: 24 } })
 */
export async function readForecastedYield({ pool, clickhouse, args }: { pool: Pool; clickhouse: ClickHouseClient; args: ForecastedYieldArgs }) {
  const months = args.months ?? 12
  if (!Number.isInteger(months) || months < 1 || months > 48) throw new ApiUserError(`\`months\` must be between 1 and 48, but is ${months}`)
  const principal = args.principal ?? '150'
  if (parseFixed(principal, 18) <= 0n) throw new ApiUserError('`principal` must be above 0.')
  const protocol = await readProtocolState(pool)
  if (!protocol) throw new ApiUserError('The protocol has not been indexed yet.')
  const current = protocol.currentRound
  const wanted = args.orchestrators?.map((address) => address.toLowerCase())
  const { rows: transcoders } = await pool.query({
    text: `SELECT id, total_stake::text, reward_cut::text, fee_share::text, ninety_day_volume_eth::text, activation_timestamp
           FROM transcoder WHERE activation_round <= $1 AND deactivation_round > $1 ${wanted ? 'AND id = ANY($2::text[])' : ''}`,
    values: wanted ? [current, wanted] : [current],
  })
  const ids = (transcoders as { id: string }[]).map((row) => row.id)
  const [{ rows: ratios }, { rows: windowPools }, treasury, realized, clock] = await Promise.all([
    pool.query({
      text: `SELECT delegate_id, count(*)::int AS pools, count(reward_tokens)::int AS called FROM (
               SELECT delegate_id, reward_tokens, row_number() OVER (PARTITION BY delegate_id ORDER BY id COLLATE "C" DESC) AS rn
               FROM pool WHERE delegate_id = ANY($1::text[]) AND round_id <> $2) p
             WHERE rn <= 90 GROUP BY delegate_id`,
      values: [ids, String(current)],
    }),
    // NOTE: a round counts for the realized rate when the transcoder had a Pool (was active) in it.
    pool.query({
      text: `SELECT delegate_id, round_id::int AS round, total_stake::text FROM pool WHERE delegate_id = ANY($1::text[]) AND round_id::int >= $2 AND round_id::int < $3 AND total_stake > 0`,
      values: [ids, Math.max(0, current - realizedWindow), current],
    }),
    clickhouseRows<{ reward: string; treasury: string }>(
      clickhouse,
      `SELECT sum(reward) AS reward, sum(treasury_reward) AS treasury FROM orchestrator_rounds FINAL
       WHERE round = (SELECT max(round) FROM orchestrator_rounds FINAL WHERE reward_calls > 0) AND kind IN ('reward', 'treasury')`,
    ),
    clickhouseRows<{ orchestrator: string; round: string; delegators_reward: string }>(
      clickhouse,
      `SELECT orchestrator, round, sum(delegators_reward) AS delegators_reward FROM orchestrator_rounds FINAL
       WHERE round >= {from:UInt64} AND round < {current:UInt64} AND orchestrator IN {ids:Array(String)} AND kind = 'reward_split'
       GROUP BY orchestrator, round`,
      { from: Math.max(0, current - realizedWindow), current, ids },
    ),
    clickhouseRows<{ now: string | number }>(clickhouse, 'SELECT toUnixTimestamp(max(block_time)) AS now FROM events'),
  ])
  const minted = BigInt(treasury[0]?.reward ?? 0) + BigInt(treasury[0]?.treasury ?? 0)
  const treasuryRewardCut = formatRatio(BigInt(treasury[0]?.treasury ?? 0), minted) ?? '0'
  const inputs: ForecastInputs = {
    principal,
    months,
    inflationChange: args.inflationChange ?? 'none',
    factors: args.factors ?? 'lptAndEth',
    protocol,
    treasuryRewardCut,
  }
  const rounds = roundsInHorizon(months, protocol.roundLength)
  if (inputs.inflationChange !== 'none' && rounds > 200_000) throw new ApiUserError(`The horizon spans ${rounds} rounds; simulate an inflation change over at most 200000.`)
  const inflation = totalInflation(inputs, rounds)
  const ratioBy = new Map((ratios as { delegate_id: string; pools: number; called: number }[]).map((row) => [row.delegate_id, row]))
  const ratesBy = new Map<string, bigint[]>()
  const rewardOf = new Map(realized.map((row) => [`${row.orchestrator}:${Number(row.round)}`, BigInt(row.delegators_reward)]))
  for (const row of windowPools as { delegate_id: string; round: number; total_stake: string }[]) {
    const rate = ((rewardOf.get(`${row.delegate_id}:${row.round}`) ?? 0n) * ray) / parseFixed(row.total_stake, 18)
    ratesBy.set(row.delegate_id, [...(ratesBy.get(row.delegate_id) ?? []), rate])
  }
  const now = Number(clock[0]?.now ?? 0)
  const orchestrators = (transcoders as Record<string, string | number>[]).map((row) => {
    const ratio = ratioBy.get(String(row.id))
    const rewardCallRatio = ratio ? (formatRatio(BigInt(ratio.called), BigInt(ratio.pools)) ?? '0') : '0'
    const forecast = computeForecastedYield(inputs, inflation, {
      totalStake: String(row.total_stake),
      rewardCut: String(row.reward_cut),
      feeShare: String(row.fee_share),
      ninetyDayVolumeETH: String(row.ninety_day_volume_eth),
      rewardCallRatio,
    })
    const rates = ratesBy.get(String(row.id))
    const rate = rates && rates.length > 0 ? rates.reduce((a, b) => a + b, 0n) / BigInt(rates.length) : undefined
    let compounded: bigint | undefined
    if (rate !== undefined) {
      compounded = ray
      let base = ray + rate
      for (let n = rounds; n > 0; n >>= 1) {
        if (n & 1) compounded = (compounded * base) / ray
        base = (base * base) / ray
      }
      compounded -= ray
    }
    const activationTimestamp = Number(row.activation_timestamp)
    return {
      id: String(row.id),
      totalStake: String(row.total_stake),
      rewardCut: String(row.reward_cut),
      feeShare: String(row.fee_share),
      ninetyDayVolumeETH: String(row.ninety_day_volume_eth),
      rewardCallRatio,
      rewardsLPT: forecast.rewardsLPT,
      rewardsYield: forecast.rewardsYield,
      feesETH: forecast.feesETH,
      feesYield: forecast.feesYield,
      totalYield: forecast.totalYield,
      isNew: now > 0 && activationTimestamp > now - newDays * 86_400,
      activationTimestamp,
      realizedRewardRate: rate === undefined ? null : formatFixed(rate / 10n ** 9n, 18),
      realizedRewardYield: compounded === undefined ? null : formatFixed(compounded / 10n ** 9n, 18),
      sortKey: forecast.totalYieldRay,
    }
  })
  orchestrators.sort((a, b) => (a.isNew !== b.isNew ? (a.isNew ? 1 : -1) : a.sortKey === b.sortKey ? (a.id < b.id ? -1 : 1) : a.sortKey > b.sortKey ? -1 : 1))
  return {
    principal,
    months,
    roundsCount: rounds,
    currentRound: current,
    treasuryRewardCut,
    totalInflation: formatFixed(inflation / 10n ** 9n, 18),
    orchestrators: orchestrators.map(({ sortKey: _sortKey, ...rest }) => rest),
  }
}
