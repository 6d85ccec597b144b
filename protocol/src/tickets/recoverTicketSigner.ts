import { hexToBigInt, recoverMessageAddress, size, slice, type Address, type Hex } from 'viem'
import { InvalidTicketSignatureError } from '../errors/ticket.ts'
import { hashTicket } from './hashTicket.ts'
import type { Ticket } from './types.ts'

/** Parameters for {@link recoverTicketSigner}. */
export type RecoverTicketSignerParameters = { ticket: Ticket; signature: Hex }

/** Return type of {@link recoverTicketSigner}. */
export type RecoverTicketSignerReturnType = Address

/** secp256k1n / 2: OpenZeppelin's ECDSA rejects larger `s` (malleable signatures). */
const halfCurveOrder = 0x7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0n

/**
 * The address that signed a ticket, recovered as the TicketBroker does
 * (`ECDSA.recover(toEthSignedMessageHash(ticketHash), sig)`): only 65-byte signatures with v = 27/28
 * and a low `s` are accepted.
 *
 * @see shared/spec/protocol.md §12.2
 *
 * @throws {InvalidTicketSignatureError} when the signature is not one the contract would accept.
 *
 * @example
 * const signer = await recoverTicketSigner({ ticket, signature })
 */
export async function recoverTicketSigner({ ticket, signature }: RecoverTicketSignerParameters): Promise<RecoverTicketSignerReturnType> {
  if (size(signature) !== 65)
    throw new InvalidTicketSignatureError({ signature, reason: `must be 65 bytes, got ${size(signature)}` })
  const v = hexToBigInt(slice(signature, 64, 65))
  if (v !== 27n && v !== 28n) throw new InvalidTicketSignatureError({ signature, reason: `v must be 27 or 28, got ${v}` })
  if (hexToBigInt(slice(signature, 32, 64)) > halfCurveOrder)
    throw new InvalidTicketSignatureError({ signature, reason: 's is in the upper half of the curve order' })
  try {
    return await recoverMessageAddress({ message: { raw: hashTicket(ticket) }, signature })
  } catch (cause) {
    throw new InvalidTicketSignatureError({ signature, reason: `no public key recovers from it (${(cause as Error).message.split('\n')[0]})` })
  }
}
