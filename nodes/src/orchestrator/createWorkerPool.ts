import type { TranscodedRendition } from '../media/transcodeSegment.ts'
import type { VideoProfile } from '../media/videoProfiles.ts'
import { MediaProcessError, NodeProtocolError } from '../wire/errors.ts'
import type { NodeLogger } from '../wire/logger.ts'

/** A transcode job: one source segment into profiles. */
export type TranscodeJob = { manifestId: string; seq: number; segment: Uint8Array; profiles: VideoProfile[]; durationMs: number }

/** A finished transcode job. */
export type TranscodeJobResult = { renditions: TranscodedRendition[]; encoder: string; ffmpegMs: number }

/** An AI pipeline/model a worker serves. */
export type WorkerAiCapability = { pipeline: string; modelId: string; capacity: number; warm: boolean }

/** An AI request forwarded to a worker (after the orchestrator took payment). */
export type AiJob = { path: string; contentType: string; body: Uint8Array }

/** A worker's answer to an AI job: the HTTP response of its AI routes. */
export type AiJobResult = { status: number; headers: Record<string, string>; body: Buffer }

/** A local or remote worker as the pool sees it. */
export type PoolWorker = {
  id: string
  name: string
  remote: boolean
  capacity: number
  transcode(job: TranscodeJob): Promise<TranscodeJobResult>
  /** AI pipelines it serves (remote workers started with the AI module). */
  ai?: WorkerAiCapability[] | undefined
  runAi?: ((job: AiJob) => Promise<AiJobResult>) | undefined
  close(reason: string): void
}

/** A worker vanished or timed out: the job may run elsewhere and the worker leaves the pool. */
export class WorkerLostError extends MediaProcessError {
  override name = 'WorkerLostError'
}

type Slot = { worker: PoolWorker; inUse: number; failures: number }

/**
 * Tracks workers and their free slots, routes each job to the least-loaded worker that can take
 * it, and drops a worker that disconnects or fails (its job retries once on another worker).
 *
 * @example
 * const pool = createWorkerPool({ logger })
 * pool.add(localWorker)
 * const { renditions, worker } = await pool.transcode(job) // throws OrchestratorBusy when every slot is taken
 */
export function createWorkerPool({ logger }: { logger: NodeLogger }) {
  const slots = new Map<string, Slot>()
  const stats = { jobs: 0, retried: 0, workersLost: 0, routed: new Map<string, number>() }

  const pick = (exclude: ReadonlySet<string>, pipeline?: string): Slot | undefined => {
    let best: Slot | undefined
    for (const slot of slots.values()) {
      if (exclude.has(slot.worker.id) || slot.inUse >= slot.worker.capacity) continue
      if (pipeline !== undefined && !slot.worker.ai?.some((c) => c.pipeline === pipeline)) continue
      // Least loaded first; remote workers before the local one at equal load (offload the orchestrator).
      const load = slot.inUse / slot.worker.capacity
      const bestLoad = best ? best.inUse / best.worker.capacity : Infinity
      if (load < bestLoad || (load === bestLoad && slot.worker.remote && !best?.worker.remote)) best = slot
    }
    return best
  }

  const run = async <T>(pipeline: string | undefined, work: (worker: PoolWorker) => Promise<T>): Promise<T & { worker: string }> => {
    const tried = new Set<string>()
    for (let attempt = 0; attempt < 2; attempt++) {
      const slot = pick(tried, pipeline)
      if (!slot) {
        if (attempt === 0) throw new NodeProtocolError({ code: 'OrchestratorBusy', message: `no free ${pipeline ?? 'transcode'} slot (${slots.size} workers)` })
        break
      }
      tried.add(slot.worker.id)
      slot.inUse++
      stats.jobs++
      stats.routed.set(slot.worker.name, (stats.routed.get(slot.worker.name) ?? 0) + 1)
      try {
        const result = await work(slot.worker)
        slot.failures = 0
        return { ...result, worker: slot.worker.name }
      } catch (error) {
        if (!(error instanceof WorkerLostError)) throw error
        logger.warn({ worker: slot.worker.name, error: error.shortMessage }, 'worker lost; removing it and retrying the job elsewhere')
        remove(slot.worker.id, error.shortMessage)
        stats.retried++
      } finally {
        slot.inUse--
      }
    }
    throw new NodeProtocolError({ code: 'OrchestratorBusy', message: 'the worker failed and no other worker is free' })
  }

  const remove = (id: string, reason: string) => {
    const slot = slots.get(id)
    if (!slot) return
    slots.delete(id)
    stats.workersLost++
    slot.worker.close(reason)
  }

  return {
    add(worker: PoolWorker) {
      slots.set(worker.id, { worker, inUse: 0, failures: 0 })
      logger.info({ worker: worker.name, remote: worker.remote, capacity: worker.capacity }, 'worker joined')
    },
    remove,
    has: (id: string) => slots.has(id),
    workers: () => [...slots.values()].map(({ worker, inUse }) => ({ id: worker.id, name: worker.name, remote: worker.remote, capacity: worker.capacity, inUse })),
    capacity() {
      let total = 0
      let inUse = 0
      for (const slot of slots.values()) {
        total += slot.worker.capacity
        inUse += slot.inUse
      }
      return { total, inUse }
    },
    hasFreeSlot: (pipeline?: string) => pick(new Set(), pipeline) !== undefined,
    transcode: (job: TranscodeJob) => run(undefined, (worker) => worker.transcode(job)),
    /** AI capabilities of the workers, for the orchestrator's info. */
    aiCapabilities: () => [...slots.values()].flatMap(({ worker }) => worker.ai ?? []),
    runAi: (pipeline: string, job: AiJob) =>
      run(pipeline, async (worker) => {
        if (!worker.runAi) throw new NodeProtocolError({ code: 'AiUnavailable', message: `worker ${worker.name} serves no AI` })
        return { response: await worker.runAi(job) }
      }),
    stats,
    close() {
      for (const id of [...slots.keys()]) remove(id, 'orchestrator stopping')
    },
  }
}

/** The pool returned by {@link createWorkerPool}. */
export type WorkerPool = ReturnType<typeof createWorkerPool>
