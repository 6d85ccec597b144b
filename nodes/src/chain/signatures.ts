import { createEcRecover } from '@peerscope/protocol'
import secp256k1 from 'secp256k1'
import { bytesToHex, getAddress, hashMessage, hexToBytes, type Address, type Hex } from 'viem'

// NOTE: signatures are made and checked thousands per second; viem's pure-JS secp256k1 does a few
// hundred, so both sides use libsecp256k1 (the `secp256k1` package's prebuilt binding, no install
// script); recovery is protocol's `createEcRecover` (TicketBroker semantics: EIP-191, v 27/28, low s).

/**
 * Signs `digest` as `personal_sign` would (EIP-191 prefix over 32 raw bytes), v = 27 or 28: what
 * go-livepeer's `accounts.Sign(TextHash(hash))` produces and the TicketBroker accepts.
 *
 * @example
 * const sig = signDigest(privateKey, hashTicket(ticket))
 */
export function signDigest(privateKey: Hex, digest: Hex): Hex {
  return signPrefixed(privateKey, hashMessage({ raw: digest }))
}

/**
 * Signs a UTF-8 message with the EIP-191 prefix (viem `signMessage({ message })`).
 *
 * @example
 * const sig = signText(privateKey, segmentCredentialsMessage(seg))
 */
export function signText(privateKey: Hex, message: string): Hex {
  return signPrefixed(privateKey, hashMessage(message))
}

/**
 * Signs an already EIP-191-prefixed hash.
 *
 * @example
 * const sig = signPrefixed(privateKey, digest(nonce))
 */
export function signPrefixed(privateKey: Hex, prefixedHash: Hex): Hex {
  const { signature, recid } = secp256k1.ecdsaSign(hexToBytes(prefixedHash), hexToBytes(privateKey))
  const out = new Uint8Array(65)
  out.set(signature, 0)
  out[64] = 27 + recid
  return bytesToHex(out)
}

/** Recovers signers of EIP-191 signatures, caching public key → address. */
export type SignerRecovery = {
  /** Signer of `sig` over the raw 32-byte `digest` (prefixed like `signDigest`), or undefined when malformed. */
  digest: (digest: Hex, sig: Hex) => Address | undefined
  /** Signer of `sig` over a UTF-8 message (prefixed like `signText`). */
  text: (message: string, sig: Hex) => Address | undefined
  /** Signer of `sig` over an already EIP-191-prefixed hash. */
  prefixed: (prefixedHash: Hex, sig: Hex) => Address | undefined
}

/**
 * Creates a {@link SignerRecovery}. Rejects what OpenZeppelin's ECDSA rejects: not 65 bytes, v not
 * 27/28, high s.
 *
 * @example
 * const recover = createSignerRecovery()
 * recover.digest(hashTicket(ticket), sig) === ticket.sender
 */
export function createSignerRecovery(): SignerRecovery {
  const ecRecover = createEcRecover({ cacheSize: 10_000 })
  const recover = (prefixedHash: Hex, sig: Hex): Address | undefined => {
    const signer = ecRecover(hexToBytes(prefixedHash), sig)
    return signer === undefined ? undefined : getAddress(signer)
  }
  return {
    digest: (digest, sig) => recover(hashMessage({ raw: digest }), sig),
    text: (message, sig) => recover(hashMessage(message), sig),
    prefixed: recover,
  }
}
