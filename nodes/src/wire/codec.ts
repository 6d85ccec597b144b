import { isAddress, isHex, type Address, type Hex } from 'viem'
import { NodeProtocolError } from './errors.ts'
import type { PaymentJson, PriceInfoJson, SegDataJson, TicketParamsJson } from './types.ts'

/** HTTP header carrying base64(JSON {@link SegDataJson}). */
export const segmentHeader = 'livepeer-segment'
/** HTTP header carrying base64(JSON {@link PaymentJson}). */
export const paymentHeader = 'livepeer-payment'

/**
 * base64(JSON) for a `Livepeer-Segment` / `Livepeer-Payment` header.
 *
 * @example
 * headers[paymentHeader] = encodeHeader(payment)
 */
export function encodeHeader(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64')
}

/**
 * Decodes a base64(JSON) header.
 *
 * @throws {NodeProtocolError} `BadRequest` naming the header.
 */
export function decodeHeader(value: string | string[] | undefined, name: string): unknown {
  if (typeof value !== 'string' || value.length === 0) throw new NodeProtocolError({ code: 'BadRequest', message: `missing ${name} header` })
  try {
    return JSON.parse(Buffer.from(value, 'base64').toString('utf8'))
  } catch (cause) {
    throw new NodeProtocolError({ code: 'BadRequest', message: `${name} header is not base64 JSON`, cause })
  }
}

const bad = (field: string, reason: string) => new NodeProtocolError({ code: 'BadRequest', message: `${field} ${reason}` })

/** A non-negative decimal string as bigint. */
export function parseWei(value: unknown, field: string): bigint {
  if (typeof value !== 'string' || !/^\d{1,78}$/.test(value)) throw bad(field, 'must be a decimal string')
  return BigInt(value)
}

function hex(value: unknown, field: string, bytes?: number): Hex {
  if (typeof value !== 'string' || !isHex(value, { strict: true }) || (bytes !== undefined && value.length !== 2 + bytes * 2))
    throw bad(field, bytes === undefined ? 'must be hex' : `must be ${bytes} bytes of hex`)
  return value
}

function address(value: unknown, field: string): Address {
  if (typeof value !== 'string' || !isAddress(value, { strict: false })) throw bad(field, 'must be an address')
  return value as Address
}

function object(value: unknown, field: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad(field, 'must be an object')
  return value as Record<string, unknown>
}

/** Price as a validated bigint fraction. */
export type Price = { pricePerUnit: bigint; pixelsPerUnit: bigint }

/** Parses a {@link PriceInfoJson}. */
export function parsePrice(value: unknown, field = 'price'): Price {
  const json = object(value, field)
  const price = { pricePerUnit: parseWei(json.pricePerUnit, `${field}.pricePerUnit`), pixelsPerUnit: parseWei(json.pixelsPerUnit, `${field}.pixelsPerUnit`) }
  if (price.pixelsPerUnit === 0n) throw bad(`${field}.pixelsPerUnit`, 'must be positive')
  return price
}

/** Formats a {@link Price} for the wire. */
export function priceJson(price: Price): PriceInfoJson {
  return { pricePerUnit: price.pricePerUnit.toString(), pixelsPerUnit: price.pixelsPerUnit.toString() }
}

/** Ticket params as bigints. */
export type TicketParams = {
  recipient: Address
  faceValue: bigint
  winProb: bigint
  recipientRandHash: Hex
  seed: Hex
  expirationBlock: bigint
  creationRound: bigint
  creationRoundBlockHash: Hex
}

/** Parses a {@link TicketParamsJson}. */
export function parseTicketParams(value: unknown, field = 'ticketParams'): TicketParams {
  const json = object(value, field)
  const expiration = object(json.expirationParams, `${field}.expirationParams`)
  return {
    recipient: address(json.recipient, `${field}.recipient`),
    faceValue: parseWei(json.faceValue, `${field}.faceValue`),
    winProb: parseWei(json.winProb, `${field}.winProb`),
    recipientRandHash: hex(json.recipientRandHash, `${field}.recipientRandHash`, 32),
    seed: hex(json.seed, `${field}.seed`, 32),
    expirationBlock: parseWei(json.expirationBlock, `${field}.expirationBlock`),
    creationRound: parseWei(expiration.creationRound, `${field}.expirationParams.creationRound`),
    creationRoundBlockHash: hex(expiration.creationRoundBlockHash, `${field}.expirationParams.creationRoundBlockHash`, 32),
  }
}

/** Formats {@link TicketParams} for the wire. */
export function ticketParamsJson(params: TicketParams): TicketParamsJson {
  return {
    recipient: params.recipient,
    faceValue: params.faceValue.toString(),
    winProb: params.winProb.toString(),
    recipientRandHash: params.recipientRandHash,
    seed: params.seed,
    expirationBlock: params.expirationBlock.toString(),
    expirationParams: { creationRound: params.creationRound.toString(), creationRoundBlockHash: params.creationRoundBlockHash },
  }
}

/** A parsed {@link PaymentJson}. */
export type Payment = {
  sender: Address
  ticketParams: TicketParams | null
  tickets: { senderNonce: bigint; sig: Hex }[]
  expectedPrice: Price
}

/**
 * Parses and validates a `Livepeer-Payment` header value.
 *
 * @throws {NodeProtocolError} `BadRequest` naming the bad field.
 */
export function parsePayment(value: unknown): Payment {
  const json = object(value, 'payment')
  const senderParams = json.ticketSenderParams
  if (!Array.isArray(senderParams) || senderParams.length > 1_000) throw bad('payment.ticketSenderParams', 'must be an array of at most 1000')
  const ticketParams = json.ticketParams === null || json.ticketParams === undefined ? null : parseTicketParams(json.ticketParams, 'payment.ticketParams')
  if (!ticketParams && senderParams.length > 0) throw bad('payment.ticketParams', 'are required with tickets')
  return {
    sender: address(json.sender, 'payment.sender'),
    ticketParams,
    tickets: senderParams.map((entry, index) => {
      const ticket = object(entry, `payment.ticketSenderParams[${index}]`)
      const senderNonce = parseWei(ticket.senderNonce, `payment.ticketSenderParams[${index}].senderNonce`)
      if (senderNonce >= 2n ** 32n) throw bad(`payment.ticketSenderParams[${index}].senderNonce`, 'must be a uint32')
      return { senderNonce, sig: hex(ticket.sig, `payment.ticketSenderParams[${index}].sig`, 65) }
    }),
    expectedPrice: parsePrice(json.expectedPrice, 'payment.expectedPrice'),
  }
}

/**
 * Parses a `Livepeer-Segment` header value (profiles are validated by the caller).
 *
 * @throws {NodeProtocolError} `BadRequest` naming the bad field.
 */
export function parseSegData(value: unknown): SegDataJson {
  const json = object(value, 'segment')
  if (typeof json.manifestId !== 'string' || !/^[\w.-]{1,128}$/.test(json.manifestId)) throw bad('segment.manifestId', 'must be 1-128 word characters')
  if (!Number.isSafeInteger(json.seq) || (json.seq as number) < 0) throw bad('segment.seq', 'must be a non-negative integer')
  if (!Number.isFinite(json.duration) || (json.duration as number) <= 0 || (json.duration as number) > 300_000) throw bad('segment.duration', 'must be 1..300000 ms')
  if (!Array.isArray(json.profiles) || json.profiles.length === 0 || json.profiles.length > 8) throw bad('segment.profiles', 'must list 1 to 8 profiles')
  const token = object(json.authToken, 'segment.authToken')
  return {
    manifestId: json.manifestId,
    seq: json.seq as number,
    hash: hex(json.hash, 'segment.hash', 32),
    sig: hex(json.sig, 'segment.sig', 65),
    duration: json.duration as number,
    profiles: json.profiles as SegDataJson['profiles'],
    authToken: { token: hex(token.token, 'segment.authToken.token'), sessionId: String(token.sessionId ?? ''), expiration: Number(token.expiration) },
  }
}

/**
 * The text the gateway signs for a segment (go-livepeer `SegTranscodingMetadata.Flatten`:
 * manifestID | seq | hash | profiles).
 *
 * @example
 * const sig = await account.signMessage({ message: segmentCredentialsMessage(segData) })
 */
export function segmentCredentialsMessage(seg: Pick<SegDataJson, 'manifestId' | 'seq' | 'hash' | 'profiles'>): string {
  const profiles = seg.profiles.map((p) => `${p.name}:${p.width}x${p.height}@${p.fps}/${p.bitrate}`).join(',')
  return `${seg.manifestId}|${seg.seq}|${seg.hash}|${profiles}`
}
