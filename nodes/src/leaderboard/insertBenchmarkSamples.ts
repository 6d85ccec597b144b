import type { ClickHouseClient } from '@clickhouse/client'
import { InvalidBenchmarkSampleError } from './errors.ts'
import { validateBenchmarkSample, type BenchmarkSample } from './validateBenchmarkSample.ts'

/** Parameters for {@link insertBenchmarkSamples}. */
export type InsertBenchmarkSamplesParameters = {
  clickhouse: ClickHouseClient
  /** Raw JSON rows; each goes through `validateBenchmarkSample`. */
  samples: readonly unknown[]
}

/** Return type of {@link insertBenchmarkSamples}: the normalised rows written. */
export type InsertBenchmarkSamplesReturnType = { inserted: BenchmarkSample[] }

/**
 * Validates every sample first and writes them with one INSERT into `benchmark_samples`, so a bad
 * row means nothing is written. Re-sending a sample is harmless: the table is a
 * ReplacingMergeTree read with FINAL.
 *
 * @throws {InvalidBenchmarkSampleError} naming the first bad row and field.
 * @example
 * await insertBenchmarkSamples({ clickhouse, samples: [{ sample_id: 'a', started_at: '2026-01-01T00:00:00Z', … }] })
 */
export async function insertBenchmarkSamples({ clickhouse, samples }: InsertBenchmarkSamplesParameters): Promise<InsertBenchmarkSamplesReturnType> {
  const rows: BenchmarkSample[] = []
  for (const [index, sample] of samples.entries()) {
    const result = validateBenchmarkSample(sample)
    if (result.status === 'error') throw new InvalidBenchmarkSampleError({ index, field: result.error.field, reason: result.error.message })
    rows.push(result.sample)
  }
  if (rows.length > 0) {
    // NOTE: 'YYYY-MM-DD hh:mm:ss.sss' parses with any date_time_input_format; ISO 'T…Z' needs best_effort.
    const values = rows.map((row) => ({ ...row, started_at: toClickhouseTime(row.started_at), finished_at: toClickhouseTime(row.finished_at) }))
    await clickhouse.insert({ table: 'benchmark_samples', values, format: 'JSONEachRow' })
  }
  return { inserted: rows }
}

function toClickhouseTime(iso: string): string {
  return iso.replace('T', ' ').replace('Z', '')
}
