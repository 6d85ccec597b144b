import type { Address, Hex } from 'viem'

/**
 * A probabilistic micropayment ticket, field for field the on-chain `Ticket` struct
 * (`redeemWinningTicket`'s first argument). `auxData` = abi.encodePacked(creationRound, creationRoundBlockHash).
 */
export type Ticket = {
  recipient: Address
  sender: Address
  faceValue: bigint
  winProb: bigint
  senderNonce: bigint
  recipientRandHash: Hex
  auxData: Hex
}
