import 'server-only'
import { cache } from 'react'
import type { BenchmarkEntry } from '@/lib/definitions'
import { request } from './client'

const fields = 'orchestrator serviceURI region jobType pipeline model samples successRate latencyP50Ms latencyP90Ms latencyP99Ms pricePerPixel score latencyScore lastSampleAt'

export type LeaderboardFilter = { jobType: string; region?: string | undefined; pipeline?: string | undefined }

/** The benchmark leaderboard for a filter, plus the regions and pipelines there are to pick from. */
export const getLeaderboard = cache(async ({ jobType, region, pipeline }: LeaderboardFilter) => {
  const data = await request<{ rows: BenchmarkEntry[]; all: BenchmarkEntry[]; benchmarkRegions: string[] }>(
    `query Leaderboard($jobType: String!, $region: String, $pipeline: String) {
      rows: benchmarkLeaderboard(jobType: $jobType, region: $region, pipeline: $pipeline, first: 200) { ${fields} }
      all: benchmarkLeaderboard(jobType: $jobType, first: 1000) { pipeline }
      benchmarkRegions
    }`,
    { jobType, region: region ?? null, pipeline: pipeline ?? null },
  )
  const pipelines = [...new Set(data.all.map((entry) => entry.pipeline).filter(Boolean))].sort()
  return { rows: data.rows, regions: data.benchmarkRegions, pipelines }
})
