import 'server-only'
import { cache } from 'react'
import type { IndexerStatus } from '@/lib/definitions'
import { request } from './client'

/** Indexer lag for the header banner; null when the API cannot tell (the banner then stays hidden). */
export const getIndexerStatus = cache(async (): Promise<IndexerStatus | null> => {
  try {
    const data = await request<{ indexerStatus: IndexerStatus }>(
      '{ indexerStatus { indexedBlock chainHead lagBlocks behind behindThresholdBlocks currentRound } }',
    )
    return data.indexerStatus
  } catch {
    return null
  }
})
