import { concat, isAddressEqual, keccak256, type Address, type Hex } from 'viem'
import { keccakBytes } from '../chain/keccakBytes.ts'
import type { SignerRecovery } from '../chain/signatures.ts'
import { signText } from '../chain/signatures.ts'
import { probeMedia } from '../media/probeMedia.ts'
import { verifyRendition } from '../media/verifyRendition.ts'
import type { VideoProfile } from '../media/videoProfiles.ts'
import { encodeHeader, parseWei, paymentHeader, segmentCredentialsMessage, segmentHeader } from '../wire/codec.ts'
import { estimatePixels } from '../wire/estimateFee.ts'
import { BaseError } from '../errors/base.ts'
import { RenditionMismatchError } from '../wire/errors.ts'
import type { SegDataJson, TranscodeResultJson } from '../wire/types.ts'
import type { PaymentSession } from './createPaymentSession.ts'

/** Parameters for {@link submitSegment}. */
export type SubmitSegmentParameters = {
  session: PaymentSession
  sender: Address
  privateKey: Hex
  recover: SignerRecovery
  ffprobePath: string
  manifestId: string
  seq: number
  segment: Uint8Array
  durationMs: number
  sourceFps: number
  profiles: readonly VideoProfile[]
  deposit?: bigint | undefined
  /** Until the 200; default max(2 s, segment duration / 2). */
  uploadTimeoutMs?: number | undefined
  /** Whole call; default max(8 s, 4 × segment duration). */
  httpTimeoutMs?: number | undefined
}

/** One attempt's outcome. */
export type SubmitSegmentReturnType = {
  uploadMs: number
  transcodeMs: number
  downloadMs: number
  ffmpegMs: number
  pixels: bigint
  renditions: { name: string; data: Buffer }[]
  tickets: number
  evSent: bigint
  faceValue: bigint
  winProb: bigint
  encoder: string | undefined
}

/** Error of one attempt, with the EV already sent (spent even though the attempt failed). */
export class AttemptError extends BaseError {
  override name = 'AttemptError'
  /** The orchestrator's error code, or the gateway's (`RenditionMismatch`, `SegmentUploadFailed`, ...). */
  readonly wireCode: string
  evSent = 0n
  tickets = 0
  constructor({ wireCode, message, cause }: { wireCode: string; message: string; cause?: unknown }) {
    super(`${wireCode}: ${message}`, { cause, details: '', retryable: true })
    this.wireCode = wireCode
  }
}

/**
 * Sends one segment to one orchestrator as go-livepeer's `SubmitSegment` does: signed segment
 * credentials and tickets in the `Livepeer-Segment` / `Livepeer-Payment` headers, upload timed to
 * the 200, the result body timed as transcode, then every rendition downloaded, hash-checked against
 * the orchestrator's signed result, and verified with ffprobe against its profile and billed pixels.
 *
 * @throws {AttemptError} with the wire code (`TicketReplay`, `OrchestratorBusy`, `RenditionMismatch`, ...).
 *
 * @example
 * const result = await submitSegment({ session, sender, privateKey, recover, ffprobePath, manifestId, seq, segment, durationMs: 2000, sourceFps: 30, profiles })
 */
export async function submitSegment(parameters: SubmitSegmentParameters): Promise<SubmitSegmentReturnType> {
  const { session, sender, privateKey, recover, ffprobePath, manifestId, seq, segment, durationMs, sourceFps, profiles, deposit } = parameters
  const uploadTimeoutMs = parameters.uploadTimeoutMs ?? Math.max(2_000, durationMs / 2)
  const httpTimeoutMs = parameters.httpTimeoutMs ?? Math.max(8_000, 4 * durationMs)
  const info = session.info
  const seg: SegDataJson = {
    manifestId,
    seq,
    hash: keccakBytes(segment),
    sig: '0x',
    duration: durationMs,
    profiles: [...profiles],
    authToken: info.authToken,
  }
  seg.sig = signText(privateKey, segmentCredentialsMessage(seg))
  const estimated = (estimatePixels(profiles, durationMs) * 102n) / 100n
  const prepared = (() => {
    try {
      return session.prepare({ estimatedPixels: estimated, deposit })
    } catch (cause) {
      throw new AttemptError({ wireCode: 'PaymentRefused', message: (cause as Error).message, cause })
    }
  })()
  const fail = (wireCode: string, message: string, cause?: unknown): never => {
    const error = new AttemptError({ wireCode, message, cause })
    error.evSent = prepared.evSent
    error.tickets = prepared.tickets
    throw error
  }

  const controller = new AbortController()
  const total = setTimeout(() => controller.abort(new Error(`no result within ${httpTimeoutMs} ms`)), httpTimeoutMs)
  const upload = setTimeout(() => controller.abort(new Error(`upload not acknowledged within ${uploadTimeoutMs} ms`)), uploadTimeoutMs)
  const started = performance.now()
  let result: TranscodeResultJson
  let uploadMs = 0
  let transcodeMs = 0
  try {
    let response: Response
    try {
      response = await fetch(`${info.transcoder.replace(/\/+$/, '')}/segment`, {
        method: 'POST',
        headers: { 'content-type': 'video/MP2T', [segmentHeader]: encodeHeader(seg), [paymentHeader]: encodeHeader(prepared.payment) },
        body: new Uint8Array(segment),
        signal: controller.signal,
      })
    } catch (cause) {
      return fail('SegmentUploadFailed', String((controller.signal.reason as Error | undefined)?.message ?? (cause as Error).message), cause)
    }
    clearTimeout(upload)
    uploadMs = performance.now() - started
    let text: string
    try {
      text = await response.text()
    } catch (cause) {
      return fail('ReadBody', String((controller.signal.reason as Error | undefined)?.message ?? (cause as Error).message), cause)
    }
    transcodeMs = performance.now() - started - uploadMs
    try {
      result = JSON.parse(text) as TranscodeResultJson
    } catch (cause) {
      return fail('ParseResponse', `HTTP ${response.status}: ${text.slice(0, 200)}`, cause)
    }
    if (!response.ok || result.error) {
      const error = (result as { error?: { code: string; message: string } }).error
      return fail(error?.code ?? `HTTP${response.status}`, error?.message ?? `HTTP ${response.status}`)
    }
  } finally {
    clearTimeout(total)
    clearTimeout(upload)
  }
  if (result.info) session.refresh(result.info)
  const data = result.data
  if (!data || data.segments.length !== profiles.length) return fail('ParseResponse', `expected ${profiles.length} renditions, got ${data?.segments.length ?? 0}`)
  const signer = recover.digest(keccak256(concat(data.segments.map((s) => s.hash))), data.sig)
  if (!signer || !isAddressEqual(signer, info.address)) return fail('InvalidResultSignature', `result not signed by ${info.address}`)

  const downloadStarted = performance.now()
  let renditions: { name: string; data: Buffer }[]
  try {
    renditions = await Promise.all(
      data.segments.map(async (entry) => {
        const response = await fetch(entry.url, { signal: AbortSignal.timeout(httpTimeoutMs) })
        if (!response.ok) throw new Error(`GET ${entry.url}: HTTP ${response.status}`)
        return { name: entry.name, data: Buffer.from(await response.arrayBuffer()) }
      }),
    )
  } catch (cause) {
    return fail('DownloadFailed', (cause as Error).message, cause)
  }
  const downloadMs = performance.now() - downloadStarted

  let pixels = 0n
  try {
    await Promise.all(
      profiles.map(async (profile, index) => {
        const entry = data.segments[index]!
        const rendition = renditions[index]!
        if (entry.name !== profile.name) throw new RenditionMismatchError({ profile: profile.name, problems: [`got ${entry.name} in its place`] })
        if (keccakBytes(rendition.data) !== entry.hash) throw new RenditionMismatchError({ profile: profile.name, problems: ['bytes do not match the signed hash'] })
        const billed = parseWei(entry.pixels, 'pixels')
        verifyRendition({ probe: await probeMedia(ffprobePath, rendition.data), profile, billedPixels: billed, segmentDurationSec: durationMs / 1000, sourceFps })
        pixels += billed
      }),
    )
  } catch (cause) {
    if (cause instanceof RenditionMismatchError) return fail('RenditionMismatch', cause.shortMessage, cause)
    return fail('VerifyFailed', (cause as Error).message, cause)
  }
  session.settle(pixels)
  return {
    uploadMs,
    transcodeMs,
    downloadMs,
    ffmpegMs: result.timings?.ffmpegMs ?? 0,
    pixels,
    renditions,
    tickets: prepared.tickets,
    evSent: prepared.evSent,
    faceValue: prepared.faceValue,
    winProb: prepared.winProb,
    encoder: result.encoder,
  }
}
