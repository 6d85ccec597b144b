import type { Address } from 'viem'
import type { TransactionRequest } from '../chain/createTransactionSender.ts'
import { createWinningTicket, recipientSecretFor } from '../tickets/createWinningTicket.ts'
import type { ScenarioContext } from './context.ts'
import type { NetworkState } from './readNetworkState.ts'
import { keccak256, stringToBytes } from 'viem'

const zeroHash = `0x${'0'.repeat(64)}`

/**
 * Block D of a round: each funded, locked gateway pays a few active orchestrators (weighted by
 * stake); each payment is one winning ticket that the orchestrator redeems itself. A quarter of
 * the tickets were created in the previous round (redeemed late, still within
 * `ticketValidityPeriod`). Tickets of the low-deposit gateway exceed its deposit, so part is paid
 * from its reserve (ReserveClaimed).
 *
 * @param step - 0-based scenario round.
 *
 * @example
 * await executeBlock(ctx, await ticketPhase(ctx, state, step))
 */
export async function ticketPhase(ctx: ScenarioContext, state: NetworkState, step: number): Promise<TransactionRequest[]> {
  const { calls, plan, model, accounts, seed } = ctx
  const random = ctx.random.fork(`tickets/${step}`)
  const recipients = state.orchestrators.filter((o) => o.active && o.registered)
  if (recipients.length === 0) return []
  const txs: TransactionRequest[] = []

  for (const g of plan.gateways) {
    const s = state.gateways[g.index]!
    if (s.withdrawRound > 0n || (s.deposit === 0n && s.reserve === 0n)) continue
    const privateKey = accounts.privateKeys.get(g.address)!
    const chosen = new Set<Address>()
    for (let i = 0; i < Math.min(g.ticketsPerRound, recipients.length); i++) {
      const candidates = recipients.filter((o) => !chosen.has(o.address))
      const recipient = random.weighted(
        candidates,
        candidates.map((o) => Math.sqrt(Number(o.delegatedAmount / 10n ** 18n) + 1)),
      ).address
      chosen.add(recipient)
      const late = state.previousRoundBlockHash !== zeroHash && random.chance(0.25)
      const nonce = model.nextTicketNonce(g.address)
      const { ticket, signature, recipientRand } = await createWinningTicket({
        senderPrivateKey: privateKey,
        sender: g.address,
        recipient,
        recipientSecret: recipientSecretFor(seed, recipient),
        faceValue: g.faceValue,
        ev: g.faceValue / 4n,
        creationRound: late ? state.round - 1n : state.round,
        creationRoundBlockHash: late ? state.previousRoundBlockHash : state.roundBlockHash,
        paramsSeed: keccak256(stringToBytes(`${seed}/ticketParams/${g.address}/${nonce}`)),
        expirationBlock: state.block + 40n,
        // Nonces grow by 1,000 per payment: one payment's losing tickets never collide with the next.
        firstNonce: nonce * 1_000n,
      })
      txs.push(calls.redeemWinningTicket(recipient, ticket, signature, recipientRand))
    }
  }
  return txs
}
