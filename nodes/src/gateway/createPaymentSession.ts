import { createTicketVerifier, encodeAuxData, ticketExpectedValue, type Ticket } from '@peerscope/protocol'
import { bytesToHex, type Address, type Hex } from 'viem'
import { signDigest } from '../chain/signatures.ts'
import { parsePrice, parseTicketParams, priceJson, ticketParamsJson, type Price, type TicketParams } from '../wire/codec.ts'
import { feeFor } from '../wire/estimateFee.ts'
import type { OrchestratorInfoJson, PaymentJson } from '../wire/types.ts'

/** A payment ready to attach, with what it is worth. */
export type PreparedPayment = { payment: PaymentJson; tickets: number; evSent: bigint; faceValue: bigint; winProb: bigint }

/**
 * The gateway's per-orchestrator balance (go-livepeer `core/accounting.go` + `pm/sender.go`): tickets
 * cover the segment's estimated fee net of existing credit, numbered with increasing sender nonces
 * under the current ticket params; the actual fee is debited when renditions come back. Refuses
 * params the sender must not accept (EV too high, face value above its deposit, params about to
 * expire).
 *
 * @see shared/spec/nodes.md §8.1
 *
 * @example
 * const session = createPaymentSession({ info, sender, privateKey })
 * const { payment, tickets } = session.prepare({ estimatedPixels, latestBlock })
 * session.settle(billedPixels)
 */
export function createPaymentSession({ info, sender, privateKey, maxTicketEV = 3_000_000_000_000n }: { info: OrchestratorInfoJson; sender: Address; privateKey: Hex; maxTicketEV?: bigint }) {
  let params: TicketParams | null = info.ticketParams && parseTicketParams(info.ticketParams)
  let price: Price = parsePrice(info.priceInfo)
  const initialPrice = price
  let nextNonce = 0n
  let credit = 0n
  let current = info
  // Native ticket hashing (the signing itself is the gateway's own key on libsecp256k1).
  const verifier = createTicketVerifier()

  return {
    get info() {
      return current
    },
    get price() {
      return price
    },
    get credit() {
      return credit
    },
    /** The price rose more than 2× since the session began (`priceIncreaseThreshold`): drop it. */
    priceJumped: () => price.pricePerUnit * initialPrice.pixelsPerUnit > 2n * initialPrice.pricePerUnit * price.pixelsPerUnit,
    /** Takes refreshed info (new params reset the nonce). */
    refresh(next: OrchestratorInfoJson) {
      const nextParams = next.ticketParams && parseTicketParams(next.ticketParams)
      if (nextParams?.recipientRandHash !== params?.recipientRandHash) nextNonce = 0n
      params = nextParams
      price = parsePrice(next.priceInfo)
      current = next
    },
    /** Whether the current params expire within a block (then refresh info first). */
    expiring: (latestBlock: bigint) => params !== null && params.expirationBlock - latestBlock <= 1n,
    /**
     * Tickets for a job estimated at `estimatedPixels` (the caller applies go-livepeer's 1.02 margin).
     *
     * @throws {Error} when the params break the sender's limits.
     */
    prepare({ estimatedPixels, deposit }: { estimatedPixels: bigint; deposit?: bigint | undefined }): PreparedPayment {
      if (!params || price.pricePerUnit === 0n) return { payment: { sender, ticketParams: null, ticketSenderParams: [], expectedPrice: priceJson(price) }, tickets: 0, evSent: 0n, faceValue: 0n, winProb: 0n }
      const ev = ticketExpectedValue(params.faceValue, params.winProb)
      if (ev > maxTicketEV) throw new Error(`ticket EV ${ev} is above the max ticket EV ${maxTicketEV}`)
      if (deposit !== undefined && params.faceValue > deposit) throw new Error(`face value ${params.faceValue} is above the deposit ${deposit}`)
      const fee = feeFor(estimatedPixels, price)
      const minCredit = fee > ev ? fee : ev
      const count = credit >= minCredit ? 0n : (minCredit - credit + ev - 1n) / ev
      const auxData = encodeAuxData(params.creationRound, params.creationRoundBlockHash)
      const ticketSenderParams = []
      const template: Omit<Ticket, 'senderNonce'> = { recipient: params.recipient, sender, faceValue: params.faceValue, winProb: params.winProb, recipientRandHash: params.recipientRandHash, auxData }
      for (let i = 0n; i < count; i++) {
        const senderNonce = nextNonce++
        const ticketHash = bytesToHex(verifier.hashTicket({ ...template, senderNonce }))
        ticketSenderParams.push({ senderNonce: senderNonce.toString(), sig: signDigest(privateKey, ticketHash) })
      }
      credit += count * ev
      return {
        payment: { sender, ticketParams: ticketParamsJson(params), ticketSenderParams, expectedPrice: priceJson(price) },
        tickets: Number(count),
        evSent: count * ev,
        faceValue: params.faceValue,
        winProb: params.winProb,
      }
    },
    /** Forgets the credit (the orchestrator's view is unknown after a refused payment). */
    resetCredit() {
      credit = 0n
    },
    /** Debits the fee of the pixels actually billed. */
    settle(billedPixels: bigint): bigint {
      const fee = feeFor(billedPixels, price)
      credit -= fee
      return fee
    },
  }
}

/** The session of {@link createPaymentSession}. */
export type PaymentSession = ReturnType<typeof createPaymentSession>
