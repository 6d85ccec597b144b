import 'server-only'
import { cache } from 'react'
import type { Broadcaster } from '@/lib/definitions'
import { request } from './client'

/** Gateways by lifetime fees (the explorer lists the first 250). */
export const getGateways = cache(async (): Promise<Broadcaster[]> => {
  const data = await request<{ broadcasters: Broadcaster[] }>(
    `{ broadcasters(first: 250, orderBy: totalVolumeETH, orderDirection: desc) {
      id deposit reserve totalVolumeETH thirtyDayVolumeETH ninetyDayVolumeETH firstFundedDay lastFundedDay } }`,
  )
  return data.broadcasters
})
