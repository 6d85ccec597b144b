import type { ClickHouseClient } from '@clickhouse/client'
import { formatRatio, formatWei } from '../decimal/fixed.ts'
import { ApiUserError } from '../errors/base.ts'
import { clickhouseRows } from './clickhouseRows.ts'

/** Arguments of `Query.delegatorEarnings`. */
export type DelegatorEarningsArgs = {
  delegator: string
  fromRound?: number | null
  toRound?: number | null
  first?: number | null
  skip?: number | null
  orderDirection?: 'asc' | 'desc' | null
}

/**
 * `Query.delegatorEarnings`: what the LIP-36 ledger credited a delegator each round, from ClickHouse
 * `delegator_rounds` (the latest row per round holds the round's totals).
 *
 * @example
 * await readDelegatorEarnings({ clickhouse, args: { delegator: '0xabc…', first: 30 } })
 */
export async function readDelegatorEarnings({ clickhouse, args }: { clickhouse: ClickHouseClient; args: DelegatorEarningsArgs }) {
  const first = args.first ?? 100
  const skip = args.skip ?? 0
  if (first < 0 || first > 1000) throw new ApiUserError(`The \`first\` argument must be between 0 and 1000, but is ${first}`)
  if (skip < 0) throw new ApiUserError('The `skip` argument must not be negative.')
  const delegator = args.delegator.toLowerCase()
  const fromRound = args.fromRound ?? 0
  const toRound = args.toRound ?? Number.MAX_SAFE_INTEGER
  if (toRound < fromRound) throw new ApiUserError(`Invalid round range ${fromRound}..${toRound}.`)
  const params = { delegator, from: fromRound, to: String(toRound) }
  const perRound = `SELECT round, argMax(orchestrator, (block_number, log_index)) AS orchestrator, argMax(stake, (block_number, log_index)) AS stake,
                           argMax(reward, (block_number, log_index)) AS reward, argMax(fees, (block_number, log_index)) AS fees
                    FROM delegator_rounds FINAL
                    WHERE delegator = {delegator:String} AND round >= {from:UInt64} AND round <= {to:UInt64}
                    GROUP BY round`
  const direction = args.orderDirection === 'asc' ? 'ASC' : 'DESC'
  const [rows, totals] = await Promise.all([
    clickhouseRows<{ round: string; orchestrator: string; stake: string; reward: string; fees: string }>(
      clickhouse,
      `${perRound} ORDER BY round ${direction} LIMIT {first:UInt32} OFFSET {skip:UInt32}`,
      { ...params, first, skip },
    ),
    clickhouseRows<{ reward: string; fees: string; first_round: string | null; last_round: string | null }>(
      clickhouse,
      `SELECT sum(reward) AS reward, sum(fees) AS fees, min(round) AS first_round, max(round) AS last_round FROM (${perRound})`,
      params,
    ),
  ])
  const total = totals[0]
  return {
    id: delegator,
    fromRound: args.fromRound ?? Number(total?.first_round ?? 0),
    toRound: args.toRound ?? Number(total?.last_round ?? 0),
    totalReward: formatWei(total?.reward ?? 0n),
    totalFees: formatWei(total?.fees ?? 0n),
    rounds: rows.map((row) => {
      const stake = BigInt(row.stake)
      const reward = BigInt(row.reward)
      return {
        round: Number(row.round),
        orchestrator: row.orchestrator,
        stake: formatWei(stake),
        reward: formatWei(reward),
        fees: formatWei(row.fees),
        rewardRate: stake - reward > 0n ? formatRatio(reward, stake - reward) : null,
      }
    }),
  }
}
