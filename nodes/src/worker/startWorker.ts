import { cpus } from 'node:os'
import type { AiPipelines } from '../ai/index.ts'
import { detectEncoder, type EncoderChoice } from '../media/detectEncoder.ts'
import { resolveMediaBinaries } from '../media/resolveMediaBinaries.ts'
import { transcodeSegment } from '../media/transcodeSegment.ts'
import { validateProfile } from '../media/videoProfiles.ts'
import type { WorkerNotification, WorkerResultJson } from '../orchestrator/createRemoteWorkerHub.ts'
import { silentNodeLogger, type NodeLogger } from '../wire/logger.ts'

/** Options of {@link startWorker} (the `peerscope node worker` flags). */
export type StartWorkerParameters = {
  /** The orchestrator's URL. */
  orchestrator: string
  /** The orchestrator's `workerSecret` (`-orchSecret`). */
  secret: string
  /** Shown in the orchestrator's logs and routing stats. Default `worker-<pid>`. */
  name?: string | undefined
  /** Concurrent transcodes. Default max(1, cpus / 2). */
  capacity?: number | undefined
  encoder?: 'auto' | 'libx264' | 'h264_nvenc' | undefined
  x264Preset?: string | undefined
  ffmpegPath?: string | undefined
  ffprobePath?: string | undefined
  /** AI pipelines from nodes/src/ai (`createAiPipelines()`): the worker also takes AI jobs for them. */
  ai?: { pipelines: AiPipelines } | undefined
  /** Wait before reconnecting after a lost connection, ms. Default 1,000. */
  reconnectMs?: number | undefined
  logger?: NodeLogger | undefined
}

/** A running worker. */
export type Worker = {
  name: string
  encoder: EncoderChoice
  /** Resolves once registered (again after a reconnect). */
  ready: () => Promise<void>
  stats: () => { jobs: number; failed: number; connected: boolean }
  stop: () => Promise<void>
}

/**
 * Starts a remote worker (go-livepeer `-transcoder -orchAddr -orchSecret`, and an AI worker when
 * `ai` is given): registers with the orchestrator, receives jobs on the held-open NDJSON stream,
 * fetches each input, transcodes it with ffmpeg (all profiles in one process) or runs the AI
 * pipeline, and posts the result back.
 * Reconnects after a lost connection until stopped.
 *
 * @example
 * const worker = await startWorker({ orchestrator: 'http://127.0.0.1:8935', secret: 's3cret', capacity: 2 })
 * await worker.ready()
 * await worker.stop()
 */
export async function startWorker(parameters: StartWorkerParameters): Promise<Worker> {
  const { orchestrator, secret, name = `worker-${process.pid}`, capacity = Math.max(1, Math.floor(cpus().length / 2)), x264Preset, reconnectMs = 1_000, logger = silentNodeLogger } = parameters
  const base = orchestrator.replace(/\/+$/, '')
  const { ffmpegPath, ffprobePath } = resolveMediaBinaries(parameters)
  const encoder = await detectEncoder({ ffmpegPath, prefer: parameters.encoder })
  logger.info({ encoder: encoder.encoder, reason: encoder.reason }, 'worker encoder')
  const headers = { authorization: `Bearer ${secret}` }
  const stats = { jobs: 0, failed: 0, connected: false }
  // The AI module is loaded only for a worker that serves AI (it pulls in onnxruntime).
  const aiRoutes = parameters.ai ? (await import('../ai/index.ts')).createAiRoutes({ pipelines: parameters.ai.pipelines }) : undefined
  const aiCapabilities = (parameters.ai?.pipelines.capabilities ?? []).map((c) => ({ pipeline: c.pipeline, modelId: c.modelId, capacity: c.capacity, warm: c.warm }))
  const controller = new AbortController()
  const running = new Set<Promise<void>>()
  let onReady: (() => void) | undefined
  let readyPromise = new Promise<void>((resolve) => (onReady = resolve))

  const runAiJob = async (job: Extract<WorkerNotification, { type: 'ai' }>): Promise<WorkerResultJson> => {
    const input = await fetch(`${base}/worker/jobs/${job.jobId}/input`, { headers, signal: controller.signal })
    if (!input.ok) throw new Error(`input: HTTP ${input.status}`)
    const body = new Uint8Array(await input.arrayBuffer())
    const response = await aiRoutes?.(new Request(`http://worker${job.path}`, { method: 'POST', headers: { 'content-type': job.contentType }, body }))
    if (!response) throw new Error(`this worker serves no ${job.path}`)
    return { status: response.status, headers: Object.fromEntries(response.headers), body: Buffer.from(await response.arrayBuffer()).toString('base64') }
  }

  const runJob = async (job: Extract<WorkerNotification, { type: 'transcode' | 'ai' }>) => {
    let result: WorkerResultJson
    try {
      if (job.type === 'ai') {
        result = await runAiJob(job)
      } else {
        const input = await fetch(`${base}/worker/jobs/${job.jobId}/input`, { headers, signal: controller.signal })
        if (!input.ok) throw new Error(`input: HTTP ${input.status}`)
        const segment = new Uint8Array(await input.arrayBuffer())
        const { renditions, ffmpegMs } = await transcodeSegment({ ffmpegPath, ffprobePath, segment, profiles: job.profiles.map(validateProfile), encoder: encoder.encoder, x264Preset, signal: controller.signal })
        result = { renditions: renditions.map((r) => ({ name: r.profile.name, frames: r.frames, data: r.data.toString('base64') })), encoder: encoder.encoder, ffmpegMs }
      }
      stats.jobs++
    } catch (error) {
      if (controller.signal.aborted) return
      stats.failed++
      result = { error: { code: 'TranscodeFailed', message: String((error as Error).message).split('\n')[0] ?? 'failed' } }
    }
    await fetch(`${base}/worker/jobs/${job.jobId}/result`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify(result),
      signal: controller.signal,
    }).catch((error) => logger.warn({ jobId: job.jobId, error: String(error) }, 'could not post a job result'))
  }

  const connect = async () => {
    const query = `name=${encodeURIComponent(name)}&capacity=${capacity}${aiCapabilities.length ? `&ai=${encodeURIComponent(JSON.stringify(aiCapabilities))}` : ''}`
    const response = await fetch(`${base}/worker/register?${query}`, { headers, signal: controller.signal })
    if (!response.ok || !response.body) throw new Error(`register: HTTP ${response.status} ${await response.text().catch(() => '')}`)
    const decoder = new TextDecoder()
    let buffered = ''
    for await (const chunk of response.body) {
      buffered += decoder.decode(chunk as Uint8Array, { stream: true })
      let newline = buffered.indexOf('\n')
      while (newline >= 0) {
        const line = buffered.slice(0, newline)
        buffered = buffered.slice(newline + 1)
        newline = buffered.indexOf('\n')
        if (!line.trim()) continue
        const message = JSON.parse(line) as WorkerNotification
        if (message.type === 'registered') {
          stats.connected = true
          logger.info({ orchestrator: base, workerId: message.workerId }, 'worker registered')
          onReady?.()
        } else if (message.type === 'transcode' || message.type === 'ai') {
          const job = runJob(message).finally(() => running.delete(job))
          running.add(job)
        }
      }
    }
  }

  const loop = (async () => {
    while (!controller.signal.aborted) {
      try {
        await connect()
        if (!controller.signal.aborted) logger.warn({ orchestrator: base }, 'orchestrator closed the job stream; reconnecting')
      } catch (error) {
        if (controller.signal.aborted) break
        logger.warn({ orchestrator: base, error: String((error as Error).message) }, 'worker connection failed; reconnecting')
      }
      if (stats.connected) readyPromise = new Promise<void>((resolve) => (onReady = resolve))
      stats.connected = false
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, reconnectMs)
        controller.signal.addEventListener('abort', () => (clearTimeout(timer), resolve()), { once: true })
      })
    }
  })()

  return {
    name,
    encoder,
    ready: () => readyPromise,
    stats: () => ({ ...stats }),
    async stop() {
      controller.abort()
      await loop
      await Promise.allSettled([...running])
    },
  }
}
