import type { Ticket } from './types.ts'
import createKeccak from 'keccak'
import secp256k1 from 'secp256k1'

/** Parameters for {@link createTicketVerifier}. */
export type CreateTicketVerifierParameters = {
  /** Recovered public keys remembered with their address (senders are few). Default 4096. */
  cacheSize?: number | undefined
}

/** A native-speed ticket signature checker with the same verdicts as protocol's `verifyTicketSignature`. */
export type TicketVerifier = {
  /** `TicketBroker.getTicketHash` (the same bytes as protocol's `hashTicket`), as 32 bytes. */
  hashTicket: (ticket: Ticket) => Uint8Array
  /** Whether the TicketBroker would accept `signature` as `ticket.sender`'s. Synchronous. */
  verify: (parameters: { ticket: Ticket; signature: `0x${string}` }) => boolean
}

// secp256k1n / 2 as 64 lower-case hex digits: fixed-width hex compares like the number.
const halfCurveOrderHex = '7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0'
const eip191Prefix = Buffer.from('\x19Ethereum Signed Message:\n32', 'latin1')

/**
 * Ticket signature verification on libsecp256k1 and native Keccak (the `secp256k1` and `keccak`
 * packages' prebuilt N-API binaries), for an orchestrator that checks every ticket of every
 * segment. Same rules as `@peerscope/protocol` `verifyTicketSignature` (which runs on pure-JS
 * noble at a few hundred per second): 65-byte signature, v = 27/28, low s, EIP-191 over the ticket
 * hash, recovered address = sender.
 *
 * NOTE: the same rules as `verifyTicketSignature` on native code, for the hot path (orchestrators,
 * benchmarks); `createTicketVerifier.test.ts` checks both give the same verdicts.
 *
 * @example
 * const verifier = createTicketVerifier()
 * if (!verifier.verify({ ticket, signature })) return reject('bad ticket signature')
 */
export function createTicketVerifier(parameters: CreateTicketVerifierParameters = {}): TicketVerifier {
  const keccak = createKeccak256()
  const recover = createEcRecover(parameters)

  const hashTicket = (ticket: Ticket): Uint8Array => {
    const auxData = bytes(ticket.auxData, 'auxData')
    const packed = Buffer.alloc(20 + 20 + 32 * 4 + auxData.length)
    bytes(ticket.recipient, 'recipient', 20).copy(packed, 0)
    bytes(ticket.sender, 'sender', 20).copy(packed, 20)
    word(ticket.faceValue, 'faceValue').copy(packed, 40)
    word(ticket.winProb, 'winProb').copy(packed, 72)
    word(ticket.senderNonce, 'senderNonce').copy(packed, 104)
    bytes(ticket.recipientRandHash, 'recipientRandHash', 32).copy(packed, 136)
    auxData.copy(packed, 168)
    return keccak(packed)
  }

  return {
    hashTicket,
    verify({ ticket, signature }) {
      const digest = keccak(Buffer.concat([eip191Prefix, hashTicket(ticket)]))
      return recover(digest, signature) === ticket.sender.toLowerCase()
    },
  }
}

/**
 * The signer (lower-case address) of a 65-byte `r‖s‖v` signature over an already EIP-191-prefixed
 * 32-byte digest, on libsecp256k1; undefined for what OpenZeppelin's ECDSA rejects (malformed, v
 * not 27/28, high s) or what does not recover. Public keys seen before skip the address hash.
 *
 * @example
 * const recover = createEcRecover()
 * recover(hexToBytes(hashMessage({ raw: hashTicket(ticket) })), signature) // '0xab…'
 */
export function createEcRecover({ cacheSize = 4096 }: CreateTicketVerifierParameters = {}): (prefixedDigest: Uint8Array, signature: string) => string | undefined {
  const addressByKey = new Map<string, string>()
  const keccak = createKeccak256()
  return (prefixedDigest, signature) => {
    if (typeof signature !== 'string' || !/^0x[0-9a-fA-F]{130}$/.test(signature)) return undefined
    const v = Number.parseInt(signature.slice(130, 132), 16)
    if (v !== 27 && v !== 28) return undefined
    if (signature.slice(66, 130).toLowerCase() > halfCurveOrderHex) return undefined
    let publicKey: Uint8Array
    try {
      publicKey = secp256k1.ecdsaRecover(Buffer.from(signature.slice(2, 130), 'hex'), v - 27, prefixedDigest, false)
    } catch {
      return undefined
    }
    const keyHex = Buffer.from(publicKey.buffer, publicKey.byteOffset, publicKey.byteLength).toString('hex')
    let address = addressByKey.get(keyHex)
    if (address === undefined) {
      address = `0x${Buffer.from(keccak(publicKey.subarray(1))).subarray(12).toString('hex')}`
      if (addressByKey.size >= cacheSize) addressByKey.clear()
      addressByKey.set(keyHex, address)
    }
    return address
  }
}

type KeccakState = { initialize: (rate: number, capacity: number) => void; absorb: (data: Buffer) => void; absorbLastFewBits: (bits: number) => void; squeeze: (length: number) => Buffer }

/**
 * Keccak-256 on one reused sponge state. NOTE: `keccak`'s public API builds a stream Transform per
 * hash, which costs more than the hash itself; its `_state` (native, or the JS fallback, same
 * methods) is reused here. keccak is pinned (3.0.4) and the test checks hashes against viem's.
 */
function createKeccak256(): (data: Uint8Array) => Buffer {
  const state = (createKeccak('keccak256') as unknown as { _state: KeccakState })._state
  return (data) => {
    state.initialize(1088, 512)
    state.absorb(Buffer.from(data.buffer, data.byteOffset, data.byteLength))
    state.absorbLastFewBits(0x01)
    return state.squeeze(32)
  }
}

function bytes(hex: string, field: string, length?: number): Buffer {
  if (typeof hex !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(hex) || (length !== undefined && hex.length !== 2 + 2 * length))
    throw new RangeError(`ticket.${field} must be ${length === undefined ? '' : `${length}-byte `}0x hex`)
  return Buffer.from(hex.slice(2), 'hex')
}

function word(value: bigint, field: string): Buffer {
  if (typeof value !== 'bigint' || value < 0n || value >= 2n ** 256n) throw new RangeError(`ticket.${field} must be a uint256 bigint`)
  return Buffer.from(value.toString(16).padStart(64, '0'), 'hex')
}
