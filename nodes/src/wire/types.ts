import type { Address, Hex } from 'viem'
import type { VideoProfile } from '../media/videoProfiles.ts'

// JSON reference protocol: go-livepeer's messages (net/lp_rpc.proto) with the same field meanings,
// as JSON with camelCase keys; wei and other big integers as decimal strings.

/** `PriceInfo`: price per pixel = pricePerUnit / pixelsPerUnit (a rational). */
export type PriceInfoJson = { pricePerUnit: string; pixelsPerUnit: string }

/** `TicketParams` with its `expiration_params`. */
export type TicketParamsJson = {
  recipient: Address
  faceValue: string
  winProb: string
  recipientRandHash: Hex
  seed: Hex
  expirationBlock: string
  expirationParams: { creationRound: string; creationRoundBlockHash: Hex }
}

/** `AuthToken`: valid until `expiration` (unix seconds). */
export type AuthTokenJson = { token: Hex; sessionId: string; expiration: number }

/** Per-model AI constraints (`Capabilities.constraints.PerCapability`). */
export type AiModelConstraintJson = { warm: boolean; capacity: number; capacityInUse: number; runnerVersion?: string }

/** `Capabilities`, reduced: named capabilities, capacities, per-pipeline models. */
export type CapabilitiesJson = {
  /** Capability names (`transcode:h264`, `mpegts`, `ai:text-to-image`, ...). */
  list: string[]
  /** Free and total transcode slots across workers. */
  capacities: { transcode: number; transcodeInUse: number }
  /** AI models by pipeline, when the AI module is present. */
  models: Record<string, Record<string, AiModelConstraintJson>>
  version: string
}

/** `capabilities_prices` entry: a price per AI pipeline/model. */
export type CapabilityPriceJson = PriceInfoJson & { pipeline: string; modelId: string }

/** `OrchestratorInfo`. */
export type OrchestratorInfoJson = {
  transcoder: string
  address: Address
  priceInfo: PriceInfoJson
  /** null when the price is 0 (no payment needed). */
  ticketParams: TicketParamsJson | null
  capabilities: CapabilitiesJson
  capabilitiesPrices: CapabilityPriceJson[]
  authToken: AuthTokenJson
  hardware: { encoder: string; gpu: boolean; gpus: string[]; reason: string }
}

/** `OrchestratorRequest`: the gateway proves its address. */
export type OrchestratorRequestJson = { address: Address; sig: Hex }

/** `SegData` (the `Livepeer-Segment` header). */
export type SegDataJson = {
  manifestId: string
  seq: number
  /** keccak256 of the segment bytes. */
  hash: Hex
  /** The gateway's signature over {@link segmentCredentialsMessage}. */
  sig: Hex
  /** Segment duration, ms. */
  duration: number
  profiles: VideoProfile[]
  authToken: AuthTokenJson
}

/** One ticket's sender part. */
export type TicketSenderParamsJson = { senderNonce: string; sig: Hex }

/** `Payment` (the `Livepeer-Payment` header). */
export type PaymentJson = {
  sender: Address
  ticketParams: TicketParamsJson | null
  ticketSenderParams: TicketSenderParamsJson[]
  expectedPrice: PriceInfoJson
}

/** One rendition in a `TranscodeData`. */
export type RenditionJson = { name: string; url: string; pixels: string; frames: number; hash: Hex }

/** `TranscodeResult`: either `data` or `error`, and a refreshed `info`. */
export type TranscodeResultJson = {
  seq: number
  data?: { segments: RenditionJson[]; sig: Hex } | undefined
  error?: ErrorJson | undefined
  info?: OrchestratorInfoJson | undefined
  /** Orchestrator-side timings, ms: ffmpeg alone, and the whole job (queue + worker). */
  timings?: { ffmpegMs: number; jobMs: number } | undefined
  encoder?: string | undefined
  worker?: string | undefined
}

/** Error body: the go-livepeer error string as `code`. */
export type ErrorJson = { code: string; message: string }
