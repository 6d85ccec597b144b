import { createHmac } from 'node:crypto'
import { bytesToBigInt, concat, hexToBigInt, hexToBytes, isHex, size, type Address, type Hex } from 'viem'
import { InvalidTicketParametersError } from '../errors/ticket.ts'

/** Parameters for {@link deriveRecipientRand}. */
export type DeriveRecipientRandParameters = {
  /** The orchestrator's 32-byte HMAC secret. */
  secret: Hex | Uint8Array
  /** The ticket params' seed (a big integer: leading zero bytes do not count). */
  seed: bigint | Hex
  sender: Address
  faceValue: bigint
  winProb: bigint
  /** L1 block after which the params expire. */
  expirationBlock: bigint
  /** Price per pixel as a fraction; reduced like Go's `big.Rat` (0 has denominator 1). */
  priceNum: bigint
  priceDenom: bigint
  /** The 64-byte ticket auxData. */
  auxData: Hex
}

/** Return type of {@link deriveRecipientRand}: the uint256 the recipient reveals on redemption. */
export type DeriveRecipientRandReturnType = bigint

/**
 * go-livepeer's `recipient.rand`: HMAC-SHA256(secret, seed ‖ sender ‖ faceValue ‖ winProb ‖
 * expirationBlock ‖ price.num ‖ price.denom ‖ auxData), every big integer as minimal big-endian bytes
 * (Go `big.Int.Bytes()`: 0 is empty). The orchestrator stays stateless: it re-derives recipientRand
 * from the seed when a winning ticket arrives.
 *
 * @see shared/spec/protocol.md §12.4
 *
 * @example
 * const rand = deriveRecipientRand({ secret, seed, sender, faceValue, winProb, expirationBlock, priceNum: 1n, priceDenom: 1n, auxData })
 * const hash = recipientRandHash(rand)
 */
export function deriveRecipientRand(parameters: DeriveRecipientRandParameters): DeriveRecipientRandReturnType {
  const { secret, seed, sender, faceValue, winProb, expirationBlock, auxData } = parameters
  if (parameters.priceNum < 0n || parameters.priceDenom <= 0n)
    throw new InvalidTicketParametersError({ reason: `price ${parameters.priceNum}/${parameters.priceDenom} is not a non-negative fraction` })
  const divisor = gcd(parameters.priceNum, parameters.priceDenom)
  const priceNum = parameters.priceNum / divisor
  const priceDenom = priceNum === 0n ? 1n : parameters.priceDenom / divisor
  const message = concat([
    minimalBytes(typeof seed === 'bigint' ? seed : hexToBigInt(seed)),
    hexToBytes(sender),
    minimalBytes(faceValue),
    minimalBytes(winProb),
    minimalBytes(expirationBlock),
    minimalBytes(priceNum),
    minimalBytes(priceDenom),
    hexToBytes(auxData),
  ])
  if (typeof secret === 'string' ? !isHex(secret, { strict: true }) || size(secret) === 0 : secret.length === 0)
    throw new InvalidTicketParametersError({ reason: 'the HMAC secret must be non-empty bytes' })
  const key = typeof secret === 'string' ? hexToBytes(secret) : secret
  return bytesToBigInt(createHmac('sha256', key).update(message).digest())
}

/** Go's `big.Int.Bytes()`: big-endian without leading zeros; 0 is the empty slice. */
function minimalBytes(value: bigint): Uint8Array {
  if (value < 0n) throw new InvalidTicketParametersError({ reason: `${value} is negative` })
  if (value === 0n) return new Uint8Array()
  const hex = value.toString(16)
  return hexToBytes(`0x${hex.length % 2 ? '0' : ''}${hex}`)
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b]
  return a === 0n ? 1n : a
}
