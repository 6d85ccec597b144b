import 'server-only'
import { cache } from 'react'
import type { PoolRow, Round } from '@/lib/definitions'
import { request } from './client'

const roundFields = 'id initialized startBlock endBlock length startTimestamp mintableTokens volumeETH totalActiveStake totalSupply participationRate inflation activeTranscoderCount delegatorsCount'

export type RoundSummary = Round & { pools: { rewardTokens: string | null; fees: string }[] }

/** The newest `first` rounds with their pools' reward calls and fees, newest first. */
export const getRounds = cache(async ({ first = 100, skip = 0 }: { first?: number; skip?: number } = {}): Promise<RoundSummary[]> => {
  const data = await request<{ rounds: RoundSummary[] }>(
    `query Rounds($first: Int!, $skip: Int!) { rounds(first: $first, skip: $skip, orderBy: startBlock, orderDirection: desc) { ${roundFields} pools(first: 1000) { rewardTokens fees } } }`,
    { first, skip },
  )
  return data.rounds
})

/** One round and every pool of it, by stake. */
export const getRound = cache(async (n: string): Promise<(Round & { pools: PoolRow[] }) | null> => {
  const data = await request<{ round: (Round & { pools: PoolRow[] }) | null }>(
    `query Round($id: ID!) { round(id: $id) { ${roundFields}
      pools(first: 1000, orderBy: totalStake, orderDirection: desc) { id round { id } delegate { id } totalStake rewardTokens rewardCommission fees feeCommission rewardCut feeShare } } }`,
    { id: n },
  )
  return data.round
})
