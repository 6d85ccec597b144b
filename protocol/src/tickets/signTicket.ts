import type { Hex } from 'viem'
import { signMessage } from 'viem/accounts'
import { hashTicket } from './hashTicket.ts'
import type { Ticket } from './types.ts'

/** Parameters for {@link signTicket}. */
export type SignTicketParameters = {
  ticket: Ticket
  /** The sender's (gateway's) private key. */
  privateKey: Hex
}

/** Return type of {@link signTicket}: a 65-byte r ‖ s ‖ v signature with v = 27 or 28. */
export type SignTicketReturnType = Hex

/**
 * Signs a ticket as go-livepeer does: EIP-191 (`"\x19Ethereum Signed Message:\n32"`) over the 32-byte
 * ticket hash, v = 27/28, 65 bytes, accepted by `TicketBroker.redeemWinningTicket`.
 *
 * @see shared/spec/protocol.md §12.2
 *
 * @example
 * const sig = await signTicket({ ticket, privateKey: gatewayKey })
 */
export async function signTicket({ ticket, privateKey }: SignTicketParameters): Promise<SignTicketReturnType> {
  return signMessage({ message: { raw: hashTicket(ticket) }, privateKey })
}
