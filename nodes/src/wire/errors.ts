import { BaseError } from '../errors/base.ts'

/**
 * Error codes the reference orchestrator answers with (go-livepeer's strings where one exists).
 * `status` is the HTTP status before the 200; after it, the code travels in the result body.
 */
export const errorCodes = {
  BadRequest: 400,
  InvalidSegmentCredentials: 400,
  SegmentHashMismatch: 400,
  InvalidAuthToken: 403,
  Unauthorized: 401,
  NotFound: 404,
  InvalidTicketParams: 402,
  InvalidTicketSignature: 402,
  TicketReplay: 402,
  TooManyNonces: 402,
  TicketExpired: 402,
  InsufficientSenderFunds: 402,
  InsufficientSenderReserve: 402,
  InsufficientBalance: 402,
  PriceMismatch: 402,
  OrchestratorBusy: 503,
  OrchestratorCapped: 503,
  TranscodeFailed: 500,
  AiUnavailable: 501,
  InternalError: 500,
} as const

/** A code from {@link errorCodes}. */
export type ErrorCode = keyof typeof errorCodes

/** Type of {@link NodeProtocolError}. */
export type NodeProtocolErrorType = NodeProtocolError & { name: 'NodeProtocolError' }

/**
 * A refusal of the reference orchestrator (or a failure the gateway saw), with a wire code. Busy,
 * capped and transcode failures may pass on retry (elsewhere); payment and credential errors don't.
 *
 * @example
 * throw new NodeProtocolError({ code: 'TicketReplay', message: 'nonce 3 was already used' })
 */
export class NodeProtocolError extends BaseError {
  override name = 'NodeProtocolError'
  readonly code: ErrorCode
  readonly status: number
  /** The message without the code, as sent in error bodies. */
  readonly reason: string
  constructor({ code, message, cause }: { code: ErrorCode; message: string; cause?: unknown }) {
    super(`${code}: ${message}`, {
      cause,
      docsPath: '#124-off-chain-side-summary-details-in-nodesmd',
      retryable: code === 'OrchestratorBusy' || code === 'OrchestratorCapped' || code === 'TranscodeFailed' || code === 'InternalError',
    })
    this.code = code
    this.status = errorCodes[code]
    this.reason = message
  }
}

/** Type of {@link InvalidProfileError}. */
export type InvalidProfileErrorType = InvalidProfileError & { name: 'InvalidProfileError' }

/** A transcode profile name or field that is not usable. */
export class InvalidProfileError extends BaseError {
  override name = 'InvalidProfileError'
  constructor({ reason }: { reason: string }) {
    super(`Invalid transcode profile: ${reason}.`)
  }
}

/** Type of {@link MediaBinaryError}. */
export type MediaBinaryErrorType = MediaBinaryError & { name: 'MediaBinaryError' }

/** ffmpeg or ffprobe is missing for this platform (set FFMPEG_PATH / FFPROBE_PATH). */
export class MediaBinaryError extends BaseError {
  override name = 'MediaBinaryError'
  constructor({ binary, cause }: { binary: string; cause?: unknown }) {
    super(`No ${binary} binary for ${process.platform}-${process.arch}.`, { cause, details: 'Install ffmpeg and set FFMPEG_PATH / FFPROBE_PATH.' })
  }
}

/** Type of {@link MediaProcessError}. */
export type MediaProcessErrorType = MediaProcessError & { name: 'MediaProcessError' }

/** An ffmpeg or ffprobe run failed; `stderr` holds its last lines. */
export class MediaProcessError extends BaseError {
  override name = 'MediaProcessError'
  readonly stderr: string
  constructor({ binary, reason, stderr = '', cause }: { binary: 'ffmpeg' | 'ffprobe'; reason: string; stderr?: string; cause?: unknown }) {
    super(`${binary} failed: ${reason}`, { cause, metaMessages: stderr ? [`stderr: ${stderr.slice(-800)}`] : undefined, retryable: true })
    this.stderr = stderr
  }
}

/** Type of {@link RenditionMismatchError}. */
export type RenditionMismatchErrorType = RenditionMismatchError & { name: 'RenditionMismatchError' }

/** A rendition does not match its profile or the pixels billed for it: counted as a failure. */
export class RenditionMismatchError extends BaseError {
  override name = 'RenditionMismatchError'
  readonly profile: string
  readonly problems: readonly string[]
  constructor({ profile, problems }: { profile: string; problems: readonly string[] }) {
    super(`Rendition ${profile} does not match: ${problems.join('; ')}.`, { docsPath: '#7-pixel-accounting-and-fees' })
    this.profile = profile
    this.problems = problems
  }
}

/** Type of {@link ChainSetupError}. */
export type ChainSetupErrorType = ChainSetupError & { name: 'ChainSetupError' }

/** The orchestrator or gateway could not get ready on chain (funds, stake, registration). */
export class ChainSetupError extends BaseError {
  override name = 'ChainSetupError'
  constructor({ step, reason, cause }: { step: string; reason: string; cause?: unknown }) {
    super(`On-chain setup failed at ${step}: ${reason}`, { cause, docsPath: '#4-functions-guards-and-emission-order' })
  }
}

/** Type of {@link NoOrchestratorsError}. */
export type NoOrchestratorsErrorType = NoOrchestratorsError & { name: 'NoOrchestratorsError' }

/** Discovery found no usable orchestrator (none registered, unreachable, or all above the price cap). */
export class NoOrchestratorsError extends BaseError {
  override name = 'NoOrchestratorsError'
  constructor({ reason }: { reason: string }) {
    super(`No orchestrator available: ${reason}`, { retryable: true })
  }
}
