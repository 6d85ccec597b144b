import 'server-only'
import { cache } from 'react'
import type { BenchmarkEntry, ForecastedYield, OrchestratorComparison, PoolRow, Transcoder } from '@/lib/definitions'
import { request } from './client'

const transcoderFields = `id active status totalStake rewardCut feeShare activationRound deactivationRound activationTimestamp
  lastRewardRound { id } serviceURI totalVolumeETH thirtyDayVolumeETH ninetyDayVolumeETH rewardCommission feeCommission`
const benchmarkFields = 'orchestrator serviceURI region jobType pipeline model samples successRate latencyP50Ms latencyP90Ms latencyP99Ms pricePerPixel score latencyScore lastSampleAt'

/** Reward calls over the last `n` pools before the current round (explorer convention, spec §6.2). */
export type RewardCalls = { called: number; total: number }

export type OrchestratorRow = Transcoder & {
  rewardCalls30: RewardCalls
  rewardCalls90: RewardCalls
  yield: ForecastedYield['orchestrators'][number] | null
  /** Best benchmark score over regions (0..1) and the latest advertised price, when benchmarked. */
  benchmark: { score: number | null; pricePerPixel: string | null } | null
}

function rewardCalls(pools: Transcoder['pools'], currentRound: string | undefined, n: number): RewardCalls {
  const past = pools.filter((pool) => pool.round.id !== currentRound).slice(0, n)
  return { called: past.filter((pool) => pool.rewardTokens !== null).length, total: past.length }
}

/** Per orchestrator: best score and newest price over its leaderboard rows. */
export function summarizeBenchmarks(entries: BenchmarkEntry[]): Map<string, { score: number | null; pricePerPixel: string | null }> {
  const out = new Map<string, { score: number | null; pricePerPixel: string | null; at: number }>()
  for (const entry of entries) {
    const prev = out.get(entry.orchestrator)
    const score = entry.score === null ? (prev?.score ?? null) : Math.max(entry.score, prev?.score ?? 0)
    const newer = !prev || entry.lastSampleAt >= prev.at
    out.set(entry.orchestrator, { score, pricePerPixel: newer ? entry.pricePerPixel : (prev?.pricePerPixel ?? null), at: newer ? entry.lastSampleAt : prev.at })
  }
  return new Map([...out].map(([id, { score, pricePerPixel }]) => [id, { score, pricePerPixel }]))
}

/**
 * Every registered orchestrator with reward-call ratios, fees, the forecasted yield for `principal`
 * LPT over `months`, and benchmark score and price: one request.
 */
export const getOrchestratorTable = cache(async ({ principal, months }: { principal: string; months: number }) => {
  const data = await request<{
    protocol: { currentRound: { id: string } } | null
    transcoders: Transcoder[]
    forecastedYield: ForecastedYield
    benchmarkLeaderboard: BenchmarkEntry[]
  }>(
    `query Orchestrators($principal: BigDecimal!, $months: Int!) {
      protocol(id: "0") { currentRound { id } }
      transcoders(first: 500, orderBy: totalStake, orderDirection: desc) {
        ${transcoderFields} pools(first: 91, orderBy: id, orderDirection: desc) { rewardTokens round { id } }
      }
      forecastedYield(principal: $principal, months: $months) {
        principal months roundsCount totalInflation treasuryRewardCut
        orchestrators { id rewardCallRatio rewardsLPT rewardsYield feesETH feesYield totalYield isNew realizedRewardYield }
      }
      benchmarkLeaderboard(first: 1000) { ${benchmarkFields} }
    }`,
    { principal, months },
  )
  const currentRound = data.protocol?.currentRound.id
  const yields = new Map(data.forecastedYield.orchestrators.map((row) => [row.id, row]))
  const benchmarks = summarizeBenchmarks(data.benchmarkLeaderboard)
  const rows: OrchestratorRow[] = data.transcoders
    .filter((t) => t.status === 'Registered' || Number(t.totalStake) > 0)
    .map((t) => ({
      ...t,
      rewardCalls30: rewardCalls(t.pools, currentRound, 30),
      rewardCalls90: rewardCalls(t.pools, currentRound, 90),
      yield: yields.get(t.id) ?? null,
      benchmark: benchmarks.get(t.id) ?? null,
    }))
  return { currentRound, forecast: data.forecastedYield, rows }
})

export type OrchestratorDetail = {
  currentRound: string | undefined
  transcoder: (Transcoder & {
    pools: PoolRow[]
    delegators: { id: string; bondedAmount: string; pendingStake: string; startRound: string }[]
  }) | null
  cutHistory: { id: string; rewardCut: string; feeShare: string; timestamp: number; round: { id: string } }[]
  benchmarks: BenchmarkEntry[]
}

/** One orchestrator: stats, pools of the last 90 rounds, delegators, cut history and benchmarks. */
export const getOrchestrator = cache(async (address: string): Promise<OrchestratorDetail> => {
  const data = await request<Omit<OrchestratorDetail, 'currentRound' | 'benchmarks'> & { protocol: { currentRound: { id: string } } | null; transcoderUpdateEvents: OrchestratorDetail['cutHistory']; benchmarkLeaderboard: BenchmarkEntry[] }>(
    `query Orchestrator($id: ID!, $address: String!) {
      protocol(id: "0") { currentRound { id } }
      transcoder(id: $id) {
        ${transcoderFields}
        pools(first: 90, orderBy: id, orderDirection: desc) { id round { id } delegate { id } totalStake rewardTokens rewardCommission fees feeCommission rewardCut feeShare }
        delegators(first: 100, orderBy: bondedAmount, orderDirection: desc) { id bondedAmount pendingStake startRound }
      }
      transcoderUpdateEvents(where: { delegate: $address }, first: 1000, orderBy: timestamp, orderDirection: asc) { id rewardCut feeShare timestamp round { id } }
      benchmarkLeaderboard(first: 1000) { ${benchmarkFields} }
    }`,
    { id: address, address },
  )
  return {
    currentRound: data.protocol?.currentRound.id,
    transcoder: data.transcoder,
    cutHistory: data.transcoderUpdateEvents,
    benchmarks: data.benchmarkLeaderboard.filter((entry) => entry.orchestrator === address),
  }
})

/** Side-by-side analytics of 2–4 orchestrators over the last `rounds` rounds (one request). */
export const getComparison = cache(async ({ ids, rounds }: { ids: string[]; rounds: number }) => {
  const status = await request<{ protocol: { currentRound: { id: string } } | null }>('{ protocol(id: "0") { currentRound { id } } }')
  const toRound = Number(status.protocol?.currentRound.id ?? 0)
  const data = await request<{ orchestratorComparison: OrchestratorComparison[]; transcoders: Transcoder[]; benchmarkLeaderboard: BenchmarkEntry[] }>(
    `query Compare($ids: [String!]!, $idList: [ID!], $from: Int!, $to: Int!) {
      orchestratorComparison(orchestrators: $ids, fromRound: $from, toRound: $to, first: 4) {
        id fromRound toRound stake activeRounds rewardCalls missedRewardCalls rewardCallRatio rewardTokens rewardCommission
        delegatorsReward delegatorsRewardPerRound averageDelegatorsRewardRate fees delegatorsFees rewardCut feeShare
        cutChanges { round timestamp transactionHash rewardCut feeShare }
        rounds { round stake active rewardCalled rewardTokens rewardCommission delegatorsReward fees feeCommission delegatorsFees delegatorsRewardRate }
      }
      transcoders(where: { id_in: $idList }) { ${transcoderFields} pools(first: 1) { rewardTokens round { id } } }
      benchmarkLeaderboard(first: 1000) { ${benchmarkFields} }
    }`,
    { ids, idList: ids, from: Math.max(0, toRound - rounds + 1), to: toRound },
  )
  return { toRound, ...data }
})
