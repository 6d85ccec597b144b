import { isAddressEqual, type Hex } from 'viem'
import { InvalidTicketSignatureError } from '../errors/ticket.ts'
import { recoverTicketSigner } from './recoverTicketSigner.ts'
import type { Ticket } from './types.ts'

/** Parameters for {@link verifyTicketSignature}. */
export type VerifyTicketSignatureParameters = { ticket: Ticket; signature: Hex }

/** Return type of {@link verifyTicketSignature}. */
export type VerifyTicketSignatureReturnType = boolean

/**
 * Whether the TicketBroker would accept `signature` as the ticket sender's: well-formed (see
 * `recoverTicketSigner`) and recovering to `ticket.sender`.
 *
 * @see shared/spec/protocol.md §12.2
 *
 * @example
 * if (!(await verifyTicketSignature({ ticket, signature }))) throw new Error('bad ticket')
 */
export async function verifyTicketSignature({
  ticket,
  signature,
}: VerifyTicketSignatureParameters): Promise<VerifyTicketSignatureReturnType> {
  try {
    return isAddressEqual(await recoverTicketSigner({ ticket, signature }), ticket.sender)
  } catch (error) {
    if (error instanceof InvalidTicketSignatureError) return false
    throw error
  }
}
