import { encodePacked, keccak256, type Hex } from 'viem'
import type { Ticket } from './types.ts'

/** Return type of {@link hashTicket}. */
export type HashTicketReturnType = Hex

/**
 * `TicketBroker.getTicketHash`: keccak256 of the packed ticket, recipient ‖ sender ‖ faceValue ‖
 * winProb ‖ senderNonce ‖ recipientRandHash ‖ auxData (20 + 20 + 32 × 4 + 64 = 232 bytes with a
 * 64-byte auxData). The same bytes as go-livepeer's `Ticket.flatten()`.
 *
 * @see shared/spec/protocol.md §12.1
 *
 * @example
 * const hash = hashTicket(ticket) // what the sender signs (EIP-191) and usedTickets is keyed by
 */
export function hashTicket(ticket: Ticket): HashTicketReturnType {
  return keccak256(
    encodePacked(
      ['address', 'address', 'uint256', 'uint256', 'uint256', 'bytes32', 'bytes'],
      [ticket.recipient, ticket.sender, ticket.faceValue, ticket.winProb, ticket.senderNonce, ticket.recipientRandHash, ticket.auxData],
    ),
  )
}
