import type { Pool } from 'pg'
import { formatFixed, formatRatio, formatWei, parseFixed } from '../decimal/fixed.ts'
import { ApiUserError } from '../errors/base.ts'
import { readProtocolState } from './readProtocolState.ts'

/** Arguments of `Query.orchestratorComparison`. */
export type OrchestratorComparisonArgs = {
  orchestrators?: string[] | null
  fromRound?: number | null
  toRound?: number | null
  first?: number | null
  skip?: number | null
  orderBy?: string | null
  orderDirection?: 'asc' | 'desc' | null
}

type PoolRow = {
  delegate_id: string
  round: number
  total_stake: string
  reward_tokens: string | null
  treasury_reward_tokens: string | null
  reward_commission: string | null
  fees: string
  fee_commission: string
}

const maxRounds = 366
const maxOrchestrators = 1000

/**
 * `Query.orchestratorComparison`: per-round stake, rewards, treasury, fees and their LIP-36 splits
 * from the Pool entities (the indexer's per-round facts), cut changes from `transcoder_update_event`,
 * current cuts from `transcoder`; aggregated, sorted and paged here. Sorted and paged after aggregation.
 *
 * @example
 * await readOrchestratorComparison({ pool, args: { fromRound: 10, toRound: 40 } })
 */
export async function readOrchestratorComparison({ pool, args }: { pool: Pool; args: OrchestratorComparisonArgs }) {
  const first = args.first ?? 100
  const skip = args.skip ?? 0
  if (first < 0 || first > maxOrchestrators) throw new ApiUserError(`The \`first\` argument must be between 0 and ${maxOrchestrators}, but is ${first}`)
  if (skip < 0) throw new ApiUserError('The `skip` argument must not be negative.')
  const protocol = await readProtocolState(pool)
  const toRound = args.toRound ?? protocol?.currentRound ?? 0
  const fromRound = args.fromRound ?? Math.max(0, toRound - 29)
  if (fromRound < 0 || toRound < fromRound) throw new ApiUserError(`Invalid round range ${fromRound}..${toRound}.`)
  if (toRound - fromRound + 1 > maxRounds) throw new ApiUserError(`A comparison spans at most ${maxRounds} rounds (asked ${toRound - fromRound + 1}).`)
  if (args.orchestrators && args.orchestrators.length > maxOrchestrators) throw new ApiUserError(`At most ${maxOrchestrators} orchestrators can be compared.`)
  const wanted = args.orchestrators?.map((address) => address.toLowerCase())

  // NOTE: every per-round number comes from the Pool entities (one per active transcoder per round):
  // their rewardCommission is what the LIP-36 ledger credited the transcoder (reward cut share plus
  // rewards on its staked commission), which ClickHouse's reward_split rows leave out, and ClickHouse's
  // ledger snapshots also list transcoders that already left the active set.
  const { rows: pools } = await pool.query({
    text: `SELECT delegate_id, round_id::int AS round, total_stake::text, reward_tokens::text, treasury_reward_tokens::text,
                  reward_commission::text, fees::text, fee_commission::text
           FROM pool
           WHERE round_id::int BETWEEN $1 AND $2 AND ${wanted ? 'delegate_id = ANY($3::text[])' : 'delegate_id IN (SELECT delegate_id FROM pool WHERE round_id = $3)'}`,
    values: [fromRound, toRound, wanted ?? String(toRound)],
  })
  const poolRows = pools as PoolRow[]
  const ids = wanted ?? [...new Set(poolRows.filter((row) => row.round === toRound).map((row) => row.delegate_id))]
  const poolOf = new Map(poolRows.map((row) => [`${row.delegate_id}:${row.round}`, row]))
  const [{ rows: transcoders }, { rows: updates }] = await Promise.all([
    pool.query({ text: 'SELECT id, reward_cut::text, fee_share::text FROM transcoder WHERE id = ANY($1::text[])', values: [ids] }),
    pool.query({
      text: `SELECT e.delegate_id, e.round_id::int AS round, e."timestamp", e.transaction_id, e.reward_cut::text, e.fee_share::text, t.block_number::text
             FROM transcoder_update_event e JOIN "transaction" t ON t.id = e.transaction_id
             WHERE e.delegate_id = ANY($1::text[]) AND e.round_id::numeric BETWEEN $2 AND $3
             ORDER BY t.block_number, e.id`,
      values: [ids, fromRound, toRound],
    }),
  ])
  const cuts = new Map((transcoders as { id: string; reward_cut: string; fee_share: string }[]).map((row) => [row.id, row]))
  const wei = (value: string | null) => (value === null ? 0n : parseFixed(value, 18))
  const results = ids.map((id) => {
    const rounds = []
    const totals = { reward: 0n, treasury: 0n, commission: 0n, fees: 0n, feeCommission: 0n }
    const stakes: bigint[] = []
    const rates: bigint[] = []
    let rewardCalls = 0
    for (let round = fromRound; round <= toRound; round++) {
      const row = poolOf.get(`${id}:${round}`)
      const stake = row ? wei(row.total_stake) : undefined
      const reward = wei(row?.reward_tokens ?? null)
      const commission = wei(row?.reward_commission ?? null)
      const fees = wei(row?.fees ?? null)
      const feeCommission = wei(row?.fee_commission ?? null)
      const called = row !== undefined && row.reward_tokens !== null
      if (called) rewardCalls++
      if (stake !== undefined) {
        stakes.push(stake)
        if (stake > 0n) rates.push(((reward - commission) * 10n ** 18n) / stake)
      }
      totals.reward += reward
      totals.treasury += wei(row?.treasury_reward_tokens ?? null)
      totals.commission += commission
      totals.fees += fees
      totals.feeCommission += feeCommission
      rounds.push({
        round,
        stake: stake === undefined ? null : formatWei(stake),
        active: stake !== undefined,
        rewardCalled: called,
        rewardTokens: formatWei(reward),
        treasuryRewardTokens: formatWei(wei(row?.treasury_reward_tokens ?? null)),
        rewardCommission: formatWei(commission),
        delegatorsReward: formatWei(reward - commission),
        fees: formatWei(fees),
        feeCommission: formatWei(feeCommission),
        delegatorsFees: formatWei(fees - feeCommission),
        delegatorsRewardRate: stake ? formatRatio(reward - commission, stake) : null,
      })
    }
    const activeRounds = stakes.length
    const lastStake = stakes.at(-1) ?? 0n
    const averageStake = activeRounds > 0 ? stakes.reduce((a, b) => a + b, 0n) / BigInt(activeRounds) : 0n
    const delegatorsReward = totals.reward - totals.commission
    const averageRate = rates.length > 0 ? rates.reduce((a, b) => a + b, 0n) / BigInt(rates.length) : 0n
    const cut = cuts.get(id)
    const sortKeys = {
      stake: lastStake,
      rewardCalls: BigInt(rewardCalls),
      rewardCommission: totals.commission,
      delegatorsReward,
      delegatorsRewardPerRound: activeRounds > 0 ? delegatorsReward / BigInt(activeRounds) : 0n,
      fees: totals.fees,
      delegatorsFees: totals.fees - totals.feeCommission,
    }
    return {
      sortKeys,
      value: {
        id,
        fromRound,
        toRound,
        stake: formatWei(lastStake),
        averageStake: formatWei(averageStake),
        activeRounds,
        rewardCalls,
        missedRewardCalls: activeRounds - rewardCalls,
        rewardCallRatio: formatRatio(BigInt(rewardCalls), BigInt(activeRounds)) ?? '0',
        rewardTokens: formatWei(totals.reward),
        treasuryRewardTokens: formatWei(totals.treasury),
        rewardCommission: formatWei(totals.commission),
        delegatorsReward: formatWei(delegatorsReward),
        delegatorsRewardPerRound: formatWei(sortKeys.delegatorsRewardPerRound),
        averageDelegatorsRewardRate: formatFixed(averageRate, 18),
        fees: formatWei(sortKeys.fees),
        feeCommission: formatWei(totals.feeCommission),
        delegatorsFees: formatWei(sortKeys.delegatorsFees),
        rewardCut: cut?.reward_cut ?? '0',
        feeShare: cut?.fee_share ?? '0',
        cutChanges: (updates as Record<string, string | number>[])
          .filter((row) => row.delegate_id === id)
          .map((row) => ({
            round: Number(row.round),
            blockNumber: Number(row.block_number),
            timestamp: Number(row.timestamp),
            transactionHash: String(row.transaction_id),
            rewardCut: String(row.reward_cut),
            feeShare: String(row.fee_share),
          })),
        rounds,
      },
    }
  })
  const key = (args.orderBy ?? 'stake') as keyof (typeof results)[number]['sortKeys']
  if (!(key in (results[0]?.sortKeys ?? { stake: 0n }))) throw new ApiUserError(`Cannot order the comparison by \`${String(key)}\`.`)
  const sign = args.orderDirection === 'asc' ? 1 : -1
  results.sort((a, b) => (a.sortKeys[key] === b.sortKeys[key] ? (a.value.id < b.value.id ? -1 : 1) : a.sortKeys[key] < b.sortKeys[key] ? -sign : sign))
  return results.slice(skip, skip + first).map((result) => result.value)
}
