import type { ClickHouseClient } from '@clickhouse/client'
import { sampleWhere, type SampleFilter } from './sampleFilter.ts'

/** One AI pipeline with the models and regions it was tested with (leaderboard-serverless `/api/pipelines`). */
export type LeaderboardPipeline = { id: string; models: string[]; regions: string[] }

/** Parameters for {@link readPipelines}. */
export type ReadPipelinesParameters = Pick<SampleFilter, 'region' | 'since' | 'until'> & { clickhouse: ClickHouseClient }

/**
 * The AI (and live) pipelines sampled in the window, each with its models and regions, sorted.
 *
 * @example
 * const pipelines = await readPipelines({ clickhouse }) // [{ id: 'image-to-text', models: ['PaddlePaddle/PP-OCRv4'], regions: ['FRA'] }]
 */
export async function readPipelines(parameters: ReadPipelinesParameters): Promise<LeaderboardPipeline[]> {
  const { clickhouse, region, since, until } = parameters
  const { where, params } = sampleWhere({ region, since, until })
  const rows = await (
    await clickhouse.query({
      query: `SELECT pipeline, arraySort(groupUniqArray(model)) AS models, arraySort(groupUniqArray(region)) AS regions
        FROM benchmark_samples FINAL
        WHERE ${where} AND job_type != 'transcoding'
        GROUP BY pipeline ORDER BY pipeline`,
      query_params: params,
      format: 'JSONEachRow',
    })
  ).json<{ pipeline: string; models: string[]; regions: string[] }>()
  return rows.map((row) => ({ id: row.pipeline, models: row.models, regions: row.regions }))
}
