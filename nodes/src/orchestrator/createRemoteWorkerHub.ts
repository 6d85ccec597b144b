import { randomUUID, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { TranscodedRendition } from '../media/transcodeSegment.ts'
import { NodeProtocolError } from '../wire/errors.ts'
import type { NodeLogger } from '../wire/logger.ts'
import { WorkerLostError, type AiJob, type AiJobResult, type TranscodeJob, type TranscodeJobResult, type WorkerAiCapability, type WorkerPool } from './createWorkerPool.ts'

/** A job line the orchestrator streams to a remote worker (NDJSON over the register response). */
export type WorkerNotification =
  | { type: 'registered'; workerId: string }
  | { type: 'ping' }
  | { type: 'transcode'; jobId: string; manifestId: string; seq: number; durationMs: number; profiles: TranscodeJob['profiles'] }
  | { type: 'ai'; jobId: string; path: string; contentType: string }

/** What a worker posts back for a job. */
export type WorkerResultJson =
  | { renditions: { name: string; frames: number; data: string }[]; encoder: string; ffmpegMs: number }
  | { error: { code: string; message: string } }
  | { status: number; headers: Record<string, string>; body: string }

type PendingJob = {
  workerId: string
  input: Uint8Array
  job: TranscodeJob | undefined
  resolve: (result: TranscodeJobResult | AiJobResult) => void
  reject: (error: Error) => void
  timer: NodeJS.Timeout
}

/** Parameters for {@link createRemoteWorkerHub}. */
export type CreateRemoteWorkerHubParameters = {
  pool: WorkerPool
  /** Shared secret remote workers present (`-orchSecret`). */
  secret: string
  logger: NodeLogger
  /** A job not answered within this fails and drops the worker. Default max(10 s, 8 × segment duration) for transcodes, 60 s for AI. */
  jobTimeoutMs?: number | undefined
}

/**
 * The orchestrator's end of remote workers (go-livepeer `RegisterTranscoder` + `/transcodeResults`,
 * over plain HTTP): a worker holds `GET /worker/register` open and receives NDJSON job lines, fetches
 * the segment from `GET /worker/jobs/:id/input` and posts renditions to `POST /worker/jobs/:id/result`.
 * A closed connection or a job timeout removes the worker from the pool; its jobs retry elsewhere.
 *
 * @example
 * const hub = createRemoteWorkerHub({ pool, secret, logger })
 * if (path === '/worker/register') hub.register(req, res)
 */
export function createRemoteWorkerHub({ pool, secret, logger, jobTimeoutMs }: CreateRemoteWorkerHubParameters) {
  const jobs = new Map<string, PendingJob>()
  const expected = Buffer.from(secret)

  const authorized = (req: IncomingMessage): boolean => {
    const header = req.headers.authorization ?? ''
    const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '')
    return given.length === expected.length && timingSafeEqual(given, expected)
  }

  const failJobsOf = (workerId: string, reason: string) => {
    for (const [jobId, pending] of jobs) {
      if (pending.workerId !== workerId) continue
      clearTimeout(pending.timer)
      jobs.delete(jobId)
      pending.reject(new WorkerLostError({ binary: 'ffmpeg', reason: `remote worker lost: ${reason}` }))
    }
  }

  return {
    authorized,

    /** `GET /worker/register?name=&capacity=`: keeps the response open as the job stream. */
    register(req: IncomingMessage, res: ServerResponse, url: URL) {
      const workerId = randomUUID()
      const name = (url.searchParams.get('name') || `worker-${workerId.slice(0, 8)}`).slice(0, 64)
      const capacity = Math.max(1, Math.min(64, Number.parseInt(url.searchParams.get('capacity') ?? '1', 10) || 1))
      let ai: WorkerAiCapability[] = []
      try {
        const parsed = JSON.parse(url.searchParams.get('ai') ?? '[]') as unknown
        if (Array.isArray(parsed))
          ai = parsed
            .filter((c): c is WorkerAiCapability => typeof c?.pipeline === 'string' && typeof c?.modelId === 'string')
            .map((c) => ({ pipeline: c.pipeline, modelId: c.modelId, capacity: Number(c.capacity) || 1, warm: c.warm !== false }))
      } catch {
        throw new NodeProtocolError({ code: 'BadRequest', message: 'ai must be a JSON list of {pipeline, modelId, capacity, warm}' })
      }
      res.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' })
      const write = (line: WorkerNotification) => res.write(`${JSON.stringify(line)}\n`)
      write({ type: 'registered', workerId })
      const ping = setInterval(() => write({ type: 'ping' }), 5_000)
      let closed = false
      const onGone = (reason: string) => {
        if (closed) return
        closed = true
        clearInterval(ping)
        pool.remove(workerId, reason)
        failJobsOf(workerId, reason)
      }
      req.socket.setKeepAlive(true, 5_000)
      res.on('close', () => onGone('disconnected'))
      const dispatch = <T extends TranscodeJobResult | AiJobResult>(input: Uint8Array, job: TranscodeJob | undefined, timeout: number, notify: (jobId: string) => WorkerNotification) =>
        new Promise<T>((resolve, reject) => {
          if (closed) return reject(new WorkerLostError({ binary: 'ffmpeg', reason: 'remote worker lost: disconnected' }))
          const jobId = randomUUID()
          const timer = setTimeout(() => {
            jobs.delete(jobId)
            reject(new WorkerLostError({ binary: 'ffmpeg', reason: `remote worker ${name} did not answer within ${timeout} ms` }))
          }, timeout)
          jobs.set(jobId, { workerId, input, job, resolve: resolve as PendingJob['resolve'], reject, timer })
          write(notify(jobId))
        })
      pool.add({
        id: workerId,
        name,
        remote: true,
        capacity,
        ai,
        transcode: (job) =>
          dispatch<TranscodeJobResult>(job.segment, job, jobTimeoutMs ?? Math.max(10_000, 8 * job.durationMs), (jobId) => ({
            type: 'transcode',
            jobId,
            manifestId: job.manifestId,
            seq: job.seq,
            durationMs: job.durationMs,
            profiles: job.profiles,
          })),
        runAi: (job: AiJob) => dispatch<AiJobResult>(job.body, undefined, jobTimeoutMs ?? 60_000, (jobId) => ({ type: 'ai', jobId, path: job.path, contentType: job.contentType })),
        close: (reason) => {
          if (!closed) logger.info({ worker: name, reason }, 'closing remote worker')
          res.end()
          onGone(reason)
        },
      })
    },

    /** `GET /worker/jobs/:id/input`: the source segment of a job. */
    input(jobId: string, res: ServerResponse) {
      const pending = jobs.get(jobId)
      if (!pending) throw new NodeProtocolError({ code: 'NotFound', message: `no job ${jobId}` })
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': pending.input.byteLength })
      res.end(pending.input)
    },

    /** `POST /worker/jobs/:id/result`: completes a job. */
    result(jobId: string, body: WorkerResultJson) {
      const pending = jobs.get(jobId)
      if (!pending) throw new NodeProtocolError({ code: 'NotFound', message: `no job ${jobId}` })
      jobs.delete(jobId)
      clearTimeout(pending.timer)
      if ('error' in body) {
        pending.reject(new NodeProtocolError({ code: 'TranscodeFailed', message: `remote worker: ${body.error.message}` }))
        return
      }
      if (!pending.job) {
        if (!('status' in body) || typeof body.body !== 'string') return pending.reject(new NodeProtocolError({ code: 'InternalError', message: 'remote worker sent no AI response' }))
        pending.resolve({ status: Number(body.status), headers: body.headers ?? {}, body: Buffer.from(body.body, 'base64') })
        return
      }
      if (!('renditions' in body)) return pending.reject(new NodeProtocolError({ code: 'TranscodeFailed', message: 'remote worker sent no renditions' }))
      const renditions: TranscodedRendition[] = []
      for (const profile of pending.job.profiles) {
        const entry = body.renditions?.find((r) => r.name === profile.name)
        if (!entry || !Number.isInteger(entry.frames) || entry.frames <= 0) {
          pending.reject(new NodeProtocolError({ code: 'TranscodeFailed', message: `remote worker returned no ${profile.name}` }))
          return
        }
        // The orchestrator bills frames × the profile's size, whatever the worker claims as pixels.
        renditions.push({ profile, data: Buffer.from(entry.data, 'base64'), frames: entry.frames, pixels: BigInt(entry.frames) * BigInt(profile.width) * BigInt(profile.height) })
      }
      pending.resolve({ renditions, encoder: String(body.encoder), ffmpegMs: Number(body.ffmpegMs) || 0 })
    },

    close() {
      for (const [jobId, pending] of jobs) {
        clearTimeout(pending.timer)
        jobs.delete(jobId)
        pending.reject(new WorkerLostError({ binary: 'ffmpeg', reason: 'orchestrator stopping' }))
      }
    },
  }
}

/** The hub returned by {@link createRemoteWorkerHub}. */
export type RemoteWorkerHub = ReturnType<typeof createRemoteWorkerHub>
