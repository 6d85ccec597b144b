import type { ClickHouseClient } from '@clickhouse/client'

/** A test region (leaderboard-serverless `regions` table): id, display name, and the job type tested there. */
export type LeaderboardRegion = { id: string; name: string; type: 'transcoding' | 'ai' }

const transcodingRegions: [string, string][] = [
  ['GLOBAL', 'Global'], ['ATL', 'Atlanta'], ['ATL2', 'Atlanta 2'], ['MDW', 'Chicago'], ['FRA', 'Frankfurt'], ['HOU', 'Houston'],
  ['LON', 'London'], ['LAX', 'Los Angeles'], ['MAD', 'Madrid'], ['MIA', 'Miami'], ['MOS2', 'Moscow 2'], ['ASH', 'Nashua'],
  ['NYC', 'New York'], ['PRG', 'Prague'], ['SJO', 'San Jose'], ['SAO', 'Sao Paulo'], ['SEA', 'Seattle'], ['SIN', 'Singapore'],
  ['STO', 'Stockholm'], ['SYD', 'Sydney'], ['HND', 'Tokyo'], ['TOR', 'Toronto'],
]
const aiRegions: [string, string][] = [['GLOBAL', 'Global'], ['MDW', 'Chicago'], ['FRA', 'Frankfurt'], ['LAX', 'Los Angeles']]

/** The seeded regions (leaderboard-serverless migration `2_seed_ref_data`, nodes.md §12.2). */
export const leaderboardRegions: readonly LeaderboardRegion[] = [
  ...transcodingRegions.map(([id, name]) => ({ id, name, type: 'transcoding' as const })),
  ...aiRegions.map(([id, name]) => ({ id, name, type: 'ai' as const })),
]

/**
 * The seeded regions plus any region that appears in `benchmark_samples` (named by its id), for
 * `/api/regions`. Live samples count as `ai`.
 *
 * @example
 * const regions = await readRegions({ clickhouse })
 */
export async function readRegions({ clickhouse }: { clickhouse: ClickHouseClient }): Promise<LeaderboardRegion[]> {
  const seen = await (
    await clickhouse.query({
      query: `SELECT DISTINCT region, if(job_type = 'transcoding', 'transcoding', 'ai') AS type FROM benchmark_samples FINAL ORDER BY region, type`,
      format: 'JSONEachRow',
    })
  ).json<{ region: string; type: 'transcoding' | 'ai' }>()
  const regions = [...leaderboardRegions]
  for (const { region, type } of seen) {
    if (!regions.some((r) => r.id === region && r.type === type)) regions.push({ id: region, name: region, type })
  }
  return regions
}
