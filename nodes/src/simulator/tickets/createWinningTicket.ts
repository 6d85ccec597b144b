import {
  computeWinProb,
  deriveRecipientRand,
  encodeAuxData,
  isWinningTicket,
  recipientRandHash,
  signTicket,
  type Ticket,
} from '@peerscope/protocol'
import { keccak256, stringToBytes, type Address, type Hex } from 'viem'

/** Parameters for {@link createWinningTicket}. */
export type CreateWinningTicketParameters = {
  /** Gateway (ticket sender) key: tickets are signed for real, as go-livepeer signs them. */
  senderPrivateKey: Hex
  sender: Address
  recipient: Address
  /** The orchestrator's HMAC secret for recipientRand. */
  recipientSecret: Hex
  faceValue: bigint
  /** Expected value; winProb = faceValue / ev odds (spec §12.4). */
  ev: bigint
  creationRound: bigint
  creationRoundBlockHash: Hex
  /** Off-chain ticket params seed (32 bytes) and expiration block, folded into recipientRand. */
  paramsSeed: Hex
  expirationBlock: bigint
  /** First sender nonce to try. */
  firstNonce: bigint
}

/** A ticket that wins, with what `redeemWinningTicket` needs. */
export type WinningTicket = { ticket: Ticket; signature: Hex; recipientRand: bigint; attempts: number }

/**
 * Plays a gateway paying an orchestrator until one ticket wins: the orchestrator derives
 * recipientRand from its secret and the ticket params (HMAC, spec §12.4); the gateway signs
 * tickets with increasing nonces under those params; the first whose signature passes the win test
 * is returned. Only winners reach the chain, as in go-livepeer.
 *
 * @returns The winning ticket; `attempts` tickets were signed.
 *
 * @example
 * const { ticket, signature, recipientRand } = await createWinningTicket({ ... })
 * calls.redeemWinningTicket(orchestrator, ticket, signature, recipientRand)
 */
export async function createWinningTicket(parameters: CreateWinningTicketParameters): Promise<WinningTicket> {
  const { sender, recipient, faceValue, ev, creationRound, creationRoundBlockHash } = parameters
  const winProb = computeWinProb(ev, faceValue)
  const auxData = encodeAuxData(creationRound, creationRoundBlockHash)
  const recipientRand = deriveRecipientRand({
    secret: parameters.recipientSecret,
    seed: parameters.paramsSeed,
    sender,
    faceValue,
    winProb,
    expirationBlock: parameters.expirationBlock,
    priceNum: 1_200n,
    priceDenom: 1n,
    auxData,
  })
  const randHash = recipientRandHash(recipientRand)
  for (let attempt = 1; ; attempt++) {
    const ticket: Ticket = {
      recipient,
      sender,
      faceValue,
      winProb,
      senderNonce: parameters.firstNonce + BigInt(attempt - 1),
      recipientRandHash: randHash,
      auxData,
    }
    const signature = await signTicket({ ticket, privateKey: parameters.senderPrivateKey })
    if (isWinningTicket({ sig: signature, recipientRand, winProb })) return { ticket, signature, recipientRand, attempts: attempt }
  }
}

/**
 * An orchestrator's deterministic recipientRand secret.
 *
 * @example
 * const secret = recipientSecretFor('peerscope', orchestrator)
 */
export function recipientSecretFor(seed: string, orchestrator: Address): Hex {
  return keccak256(stringToBytes(`${seed}/recipientSecret/${orchestrator}`))
}
