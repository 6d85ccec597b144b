import 'server-only'
import { cache } from 'react'
import type { NetworkSeriesPoint, Protocol, Round } from '@/lib/definitions'
import { request } from './client'

export type Overview = {
  protocol: Protocol | null
  /** Oldest first. */
  rounds: Round[]
  /** Σ rewardTokens of the current round's pools. */
  currentRoundRewards: number
  currentRoundPools: number
  headBlock: number | null
}

const roundFields = 'id initialized startBlock endBlock length startTimestamp mintableTokens volumeETH totalActiveStake totalSupply participationRate inflation activeTranscoderCount delegatorsCount'

/** Protocol totals, the current round and the per-round series of the overview (one request). */
export const getOverview = cache(async (): Promise<Overview> => {
  const data = await request<{
    protocol: (Protocol & { currentRound: Round & { pools: { rewardTokens: string | null }[] } }) | null
    rounds: Round[]
    _meta: { block: { number: number } } | null
  }>(`query Overview {
    protocol(id: "0") {
      inflation inflationChange participationRate totalActiveStake totalSupply totalVolumeETH activeTranscoderCount
      numActiveTranscoders delegatorsCount roundLength lockPeriod unbondingPeriod winningTicketCount paused
      currentRound { ${roundFields} pools(first: 1000) { rewardTokens } }
    }
    rounds(first: 120, orderBy: startBlock, orderDirection: desc) { ${roundFields} }
    _meta { block { number } }
  }`)
  const pools = data.protocol?.currentRound?.pools ?? []
  return {
    protocol: data.protocol,
    rounds: [...data.rounds].reverse(),
    currentRoundRewards: pools.reduce((sum, pool) => sum + Number(pool.rewardTokens ?? 0), 0),
    currentRoundPools: pools.length,
    headBlock: data._meta?.block.number ?? null,
  }
})

/** The analytics network series by day or week, oldest first. */
export const getNetworkSeries = cache(async (interval: 'day' | 'week'): Promise<NetworkSeriesPoint[]> => {
  const data = await request<{ networkSeries: NetworkSeriesPoint[] }>(
    `query Series($interval: SeriesInterval!) { networkSeries(interval: $interval, first: 1000) {
      date feesETH rewardTokens rewardCalls participationRate inflation delegatorsCount activeOrchestrators totalActiveStake } }`,
    { interval },
  )
  return data.networkSeries
})
