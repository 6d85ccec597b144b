import type { Address } from 'viem'

/** What the gateway records for every segment (leaderboard and go-livepeer census fields). */
export type SegmentReport = {
  manifestId: string
  seq: number
  success: boolean
  /** The wire error code of the last failure (`OrchestratorBusy`, `RenditionMismatch`, `TicketReplay`, ...). */
  errorCode: string | undefined
  error: string | undefined
  /** Per attempt: orchestrator and outcome. At most 3, each on a different orchestrator. */
  attempts: { orchestrator: Address; serviceUri: string; errorCode: string | undefined; error: string | undefined }[]
  /** The orchestrator that delivered (or the last one tried). */
  orchestrator: Address | undefined
  serviceUri: string | undefined
  startedAt: Date
  finishedAt: Date
  segDurationMs: number
  /** Until the orchestrator's 200 (request body sent). */
  uploadMs: number
  /** From the 200 to the end of the result body. */
  transcodeMs: number
  /** Rendition GETs, in parallel. */
  downloadMs: number
  /** From the segment's emergence to every rendition in hand. */
  roundTripMs: number
  /** ffmpeg time the orchestrator reported. */
  ffmpegMs: number
  renditionsExpected: number
  renditionsReceived: number
  /** Output pixels billed and verified. */
  pixels: bigint
  pricePerUnit: bigint
  pixelsPerUnit: bigint
  /** pixels × price, wei. */
  feeWei: bigint
  /** Tickets' expected value sent for this segment (all attempts), wei. */
  evSentWei: bigint
  ticketsSent: number
  faceValue: bigint
  winProb: bigint
  encoder: string | undefined
}
