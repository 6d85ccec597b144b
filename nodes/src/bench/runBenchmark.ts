import { randomUUID } from 'node:crypto'
import cliProgress from 'cli-progress'
import type { Address } from 'viem'
import type { Gateway } from '../gateway/startGateway.ts'
import type { SegmentReport } from '../gateway/types.ts'
import { computeTranscodingScore } from '../leaderboard/computeTranscodingScore.ts'
import type { BenchmarkSample } from '../leaderboard/validateBenchmarkSample.ts'
import { silentNodeLogger, type NodeLogger } from '../wire/logger.ts'
import { renderBenchmarkTable, type BenchmarkRow } from './renderBenchmarkTable.ts'
import { toBenchmarkSample } from './toBenchmarkSample.ts'

/** Options of {@link runBenchmark} (the `peerscope bench` flags). */
export type RunBenchmarkParameters = {
  gateway: Gateway
  /** 'sequential': one orchestrator at a time, like orch-tester; 'load': concurrent streams through normal selection. Default 'sequential'. */
  mode?: 'sequential' | 'load' | undefined
  /** Segments per orchestrator (sequential) or per stream (load). Default 15 (orch-tester's 30 s of 2 s segments). */
  segments?: number | undefined
  /** Concurrent streams in load mode. Default 4. */
  streams?: number | undefined
  /** Send segments at their real-time cadence. Default false (back to back). */
  live?: boolean | undefined
  /** Pause between orchestrators in sequential mode (orch-tester waits 70 s). Default 0. */
  waitMs?: number | undefined
  /** Only these orchestrators (sequential mode); default every discovered one. */
  only?: readonly Address[] | undefined
  /** Region tag of the samples (leaderboard list: FRA, MDW, SIN, ...). Default 'GLOBAL'. */
  region?: string | undefined
  /** Sink for each sample (tests, files). */
  onSample?: ((sample: BenchmarkSample) => void | Promise<void>) | undefined
  /** Also POST each orchestrator's samples to `<apiUrl>/ingest/benchmark-samples`. */
  apiUrl?: string | undefined
  /** Leaderboard score of a sample. Default: leaderboard-serverless's transcoding score (nodes/src/leaderboard); false for no score column. */
  score?: ((sample: BenchmarkSample) => number) | false | undefined
  /** Where the progress and table go. Default process.stdout; a TTY gets a progress bar, anything else plain lines. */
  output?: NodeJS.WritableStream | undefined
  /** Print progress and the table. Default true. */
  print?: boolean | undefined
  logger?: NodeLogger | undefined
  signal?: AbortSignal | undefined
}

/** Result of {@link runBenchmark}. */
export type RunBenchmarkReturnType = {
  samples: BenchmarkSample[]
  rows: BenchmarkRow[]
  table: string
  reports: SegmentReport[]
  /** Samples the API refused or could not take (kept in `samples` too). */
  postErrors: string[]
}

/**
 * Benchmarks orchestrators through the reference gateway: one at a time (orch-tester: N segments
 * pinned to each) or under load (concurrent streams with normal selection). Computes per
 * orchestrator the success rate, latencies, real-time ratio, price per pixel and spend (EV sent,
 * tickets sent and won on chain), prints a table with progress, and emits `benchmark_samples` rows
 * tagged with the region to `onSample` and/or the API.
 *
 * @see shared/spec/nodes.md §12
 *
 * @example
 * const { samples, table } = await runBenchmark({ gateway, segments: 15, region: 'FRA', onSample: (s) => rows.push(s) })
 */
export async function runBenchmark(parameters: RunBenchmarkParameters): Promise<RunBenchmarkReturnType> {
  const { gateway, mode = 'sequential', segments = 15, streams = 4, live = false, waitMs = 0, region = 'GLOBAL', onSample, apiUrl, output = process.stdout, print = true, logger = silentNodeLogger, signal } = parameters
  const score = parameters.score === false ? undefined : (parameters.score ?? transcodingScore)
  if (!Number.isInteger(segments) || segments < 1) throw new RangeError('runBenchmark: segments must be a positive integer')
  const { block: fromBlock, round } = await gateway.chainState()
  const { found } = await gateway.discover({ force: true })
  const targets = mode === 'sequential' ? found.filter((o) => !parameters.only || parameters.only.some((a) => a.toLowerCase() === o.address.toLowerCase())) : found
  const source = await gateway.makeSegments(segments)
  const total = mode === 'sequential' ? targets.length * segments : streams * segments
  const tty = print && (output as { isTTY?: boolean }).isTTY === true
  const bar = tty ? new cliProgress.SingleBar({ stream: output, format: 'bench [{bar}] {value}/{total} segments | {status}', hideCursor: true }, cliProgress.Presets.shades_classic) : undefined
  bar?.start(total, 0, { status: 'starting' })
  let done = 0
  const onSegment = (report: SegmentReport) => {
    done++
    const status = `${report.orchestrator?.slice(0, 10) ?? '-'} #${report.seq} ${report.success ? `ok ${(report.roundTripMs / 1000).toFixed(2)} s` : report.errorCode}`
    if (bar) bar.update(done, { status })
    else if (print) output.write(`[${done}/${total}] ${status}\n`)
  }
  const reports: SegmentReport[] = []
  const inputParameters = { mode, segments, streams: mode === 'load' ? streams : 1, live, profiles: gateway.profiles.map((p) => p.name), source: gateway.source }
  const byOrchestrator = new Map<string, SegmentReport[]>()
  const collect = (list: SegmentReport[]) => {
    for (const report of list) {
      reports.push(report)
      const key = report.orchestrator ?? 'none'
      byOrchestrator.set(key, [...(byOrchestrator.get(key) ?? []), report])
    }
  }

  if (mode === 'sequential') {
    for (const [index, target] of targets.entries()) {
      signal?.throwIfAborted()
      if (index > 0 && waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs))
      const list = await gateway.stream({ segments: source, live, pin: target.address, onSegment, signal, manifestId: `bench-${randomUUID().slice(0, 8)}` })
      for (const report of list) {
        report.orchestrator ??= target.address
        report.serviceUri ??= target.serviceUri
      }
      collect(list)
    }
  } else {
    const all = await Promise.all(Array.from({ length: streams }, () => gateway.stream({ segments: source, live, onSegment, signal })))
    for (const list of all) collect(list)
  }
  bar?.stop()

  const won = await gateway.ticketsWon(fromBlock).catch(() => new Map<Address, { count: number; faceValue: bigint }>())
  const samples: BenchmarkSample[] = []
  const rows: BenchmarkRow[] = []
  const postErrors: string[] = []
  for (const [orchestrator, list] of byOrchestrator) {
    if (orchestrator === 'none') continue
    const sample = toBenchmarkSample({
      reports: list,
      orchestrator,
      serviceUri: list.find((r) => r.serviceUri)?.serviceUri ?? '',
      region,
      gateway: gateway.address,
      round,
      profiles: gateway.profiles.length,
      inputParameters,
    })
    samples.push(sample)
    await onSample?.(sample)
    if (apiUrl) {
      const error = await postSamples(apiUrl, [sample])
      if (error) {
        postErrors.push(error)
        logger.warn({ orchestrator, error }, 'could not post a benchmark sample')
      }
    }
    const wins = [...won.entries()].find(([address]) => address.toLowerCase() === orchestrator.toLowerCase())?.[1]
    rows.push({
      orchestrator,
      segments: `${sample.segments_received}/${sample.segments_sent}`,
      successRate: sample.success_rate,
      roundTripMs: sample.round_trip_ms,
      uploadMs: sample.upload_ms,
      transcodeMs: sample.transcode_ms,
      downloadMs: sample.download_ms,
      realtimeRatio: sample.seg_duration_ms > 0 ? sample.round_trip_ms / sample.seg_duration_ms : 0,
      pricePerPixel: Number(sample.price_per_unit_wei) / Number(sample.pixels_per_unit),
      feeWei: list.reduce((sum, r) => sum + r.feeWei, 0n),
      evSentWei: BigInt(sample.spend_wei),
      ticketsSent: sample.tickets_sent,
      ticketsWon: wins?.count ?? 0,
      score: score?.(sample),
    })
  }
  const table = renderBenchmarkTable(rows)
  if (print) output.write(`${table}\n`)
  return { samples, rows, table, reports, postErrors }
}

/** POSTs samples as a JSON array; returns an error message or undefined. */
async function postSamples(apiUrl: string, samples: readonly BenchmarkSample[]): Promise<string | undefined> {
  try {
    const response = await fetch(`${apiUrl.replace(/\/+$/, '')}/ingest/benchmark-samples`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(samples),
      signal: AbortSignal.timeout(10_000),
    })
    if (!response.ok) return `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`
    return undefined
  } catch (error) {
    return (error as Error).message
  }
}

/** The leaderboard's transcoding score of one sample: success rate × (1 − e^(−segDur/RTT)). */
function transcodingScore(sample: BenchmarkSample): number {
  return computeTranscodingScore({ successRate: sample.success_rate, segDuration: sample.seg_duration_ms, roundTripTime: sample.round_trip_ms }).score
}
