import {
  computeFaceValue,
  computeWinProb,
  createTicketVerifier,
  deriveRecipientRand,
  encodeAuxData,
  InsufficientSenderReserveError,
  isWinningTicket,
  recipientRandHash,
  redeemGasL2,
  ticketExpectedValue,
  type Ticket,
} from '@peerscope/protocol'
import { randomBytes } from 'node:crypto'
import { bytesToHex, isAddressEqual, type Address, type Hex } from 'viem'
import type { ChainView } from '../chain/createChainView.ts'
import type { Payment, Price, TicketParams } from '../wire/codec.ts'
import { NodeProtocolError } from '../wire/errors.ts'

/** A winning ticket with what `redeemWinningTicket` needs. */
export type WinningTicket = { ticket: Ticket; sig: Hex; recipientRand: bigint }

/** Parameters for {@link createTicketRecipient}. */
export type CreateTicketRecipientParameters = {
  address: Address
  /** 32-byte HMAC secret for recipientRand (keep it across restarts to redeem old tickets). */
  secret: Hex
  /** Expected value per ticket, wei (`-ticketEV`, default 8 gwei). */
  ev: bigint
  price: () => Price
  view: Pick<ChainView, 'state' | 'senderFunds' | 'claimedReserve' | 'ticketValidityPeriod'>
  /** `-maxFaceValue`; 0 = none. Setting it to EV makes every ticket win (tests). */
  maxFaceValue?: bigint | undefined
  redeemGas?: bigint | undefined
  /** L1 blocks ticket params stay valid. Default 40. */
  expirationBlocks?: bigint | undefined
  /** Nonces accepted per recipientRandHash. Default 600. */
  maxNonces?: number | undefined
  onWinningTicket?: ((ticket: WinningTicket) => void) | undefined
}

/** What {@link TicketRecipient.receivePayment} accepted. */
export type ReceivePaymentReturnType = { tickets: number; credited: bigint; winners: number; balance: bigint }

/**
 * The orchestrator's side of probabilistic micropayments (go-livepeer `pm/recipient.go` and
 * `core/accounting.go`): issues per-sender ticket params, validates payments as a whole before any
 * state changes (params issued by us, price, expiry, replay, signatures, sender funds), credits EV
 * per ticket, hands winners to the redeemer, and keeps per-sender credit that work is debited from.
 *
 * @see shared/spec/nodes.md §8.2, shared/spec/protocol.md §12
 *
 * @example
 * const recipient = createTicketRecipient({ address, secret, ev: 8_000_000_000n, price: () => price, view })
 * const params = await recipient.ticketParams(gateway)
 * await recipient.receivePayment(payment) // throws NodeProtocolError('TicketReplay' | ...)
 */
export function createTicketRecipient(parameters: CreateTicketRecipientParameters) {
  const { address, secret, ev, price, view, maxFaceValue = 0n, redeemGas = redeemGasL2, expirationBlocks = 40n, maxNonces = 600, onWinningTicket } = parameters
  const verifier = createTicketVerifier()
  // Credit per sender and stream (go-livepeer `AddressBalances`: sender → manifestID → balance).
  const balances = new Map<string, bigint>()
  const key = (sender: Address, manifestId: string) => `${sender.toLowerCase()}/${manifestId}`
  const nonces = new Map<Hex, { used: Set<bigint>; expirationBlock: bigint }>()
  const pending = new Map<Address, bigint>()
  const totals = { ticketsReceived: 0, valueReceived: 0n, winningTickets: 0, rejected: 0 }

  const maxFloat = async (sender: Address): Promise<{ maxFloat: bigint; reserveAlloc: bigint }> => {
    const [funds, claimedByMe] = await Promise.all([view.senderFunds(sender), view.claimedReserve(sender, address)])
    const { poolSize } = view.state()
    const reserveAlloc = poolSize === 0n ? 0n : (funds.reserve.fundsRemaining + funds.reserve.claimedInCurrentRound) / poolSize - claimedByMe
    const pendingAmount = pending.get(sender) ?? 0n
    const float = pendingAmount > 0n && funds.deposit / pendingAmount < 3n ? reserveAlloc - pendingAmount : reserveAlloc
    return { maxFloat: float > 0n ? float : 0n, reserveAlloc: reserveAlloc > 0n ? reserveAlloc : 0n }
  }

  const deriveRand = (params: TicketParams, sender: Address, expected: Price) =>
    deriveRecipientRand({
      secret,
      seed: params.seed,
      sender,
      faceValue: params.faceValue,
      winProb: params.winProb,
      expirationBlock: params.expirationBlock,
      priceNum: expected.pricePerUnit,
      priceDenom: expected.pixelsPerUnit,
      auxData: encodeAuxData(params.creationRound, params.creationRoundBlockHash),
    })

  const reject = (code: ConstructorParameters<typeof NodeProtocolError>[0]['code'], message: string): never => {
    totals.rejected++
    throw new NodeProtocolError({ code, message })
  }

  return {
    /**
     * Fresh ticket params for `sender` (null when the price is 0).
     *
     * @throws {NodeProtocolError} `InsufficientSenderReserve` when the sender's reserve cannot back a ticket.
     */
    async ticketParams(sender: Address): Promise<TicketParams | null> {
      const current = price()
      if (current.pricePerUnit === 0n) return null
      const state = view.state()
      let faceValue: bigint
      try {
        faceValue = computeFaceValue({ ev, gasPrice: state.gasPrice, maxFloat: (await maxFloat(sender)).maxFloat, maxFaceValue, redeemGas, pricePerUnit: current.pricePerUnit })
      } catch (error) {
        if (error instanceof InsufficientSenderReserveError) throw new NodeProtocolError({ code: 'InsufficientSenderReserve', message: error.details, cause: error })
        throw error
      }
      const params: TicketParams = {
        recipient: address,
        faceValue,
        winProb: computeWinProb(ev, faceValue),
        recipientRandHash: '0x',
        seed: bytesToHex(randomBytes(32)),
        expirationBlock: state.block + expirationBlocks,
        creationRound: state.creationRound,
        creationRoundBlockHash: state.creationRoundBlockHash,
      }
      params.recipientRandHash = recipientRandHash(deriveRand(params, sender, current))
      return params
    },

    /**
     * Validates every ticket of a payment, then credits them all (or none).
     *
     * @throws {NodeProtocolError} PriceMismatch, InvalidTicketParams, TicketExpired, TicketReplay,
     *   TooManyNonces, InvalidTicketSignature, InsufficientSenderFunds.
     */
    async receivePayment(payment: Payment, manifestId = ''): Promise<ReceivePaymentReturnType> {
      const { sender, ticketParams: params, tickets, expectedPrice } = payment
      const current = price()
      if (expectedPrice.pricePerUnit * current.pixelsPerUnit < current.pricePerUnit * expectedPrice.pixelsPerUnit)
        reject('PriceMismatch', `expected price ${expectedPrice.pricePerUnit}/${expectedPrice.pixelsPerUnit} is below ${current.pricePerUnit}/${current.pixelsPerUnit}`)
      if (!params || tickets.length === 0) return { tickets: 0, credited: 0n, winners: 0, balance: balances.get(key(sender, manifestId)) ?? 0n }
      if (!isAddressEqual(params.recipient, address)) reject('InvalidTicketParams', `recipient ${params.recipient} is not this orchestrator`)
      const recipientRand = deriveRand(params, sender, expectedPrice)
      if (recipientRandHash(recipientRand) !== params.recipientRandHash) reject('InvalidTicketParams', 'ticket params were not issued by this orchestrator for this sender and price')
      const state = view.state()
      if (params.expirationBlock <= state.block) reject('TicketExpired', `ticket params expired at block ${params.expirationBlock} (now ${state.block})`)
      if (params.creationRound + view.ticketValidityPeriod <= state.currentRound)
        reject('TicketExpired', `creation round ${params.creationRound} is outside the validity period (round ${state.currentRound})`)

      const seen = nonces.get(params.recipientRandHash)
      const batch = new Set<bigint>()
      for (const { senderNonce } of tickets) {
        if (seen?.used.has(senderNonce) || batch.has(senderNonce)) reject('TicketReplay', `sender nonce ${senderNonce} was already used`)
        batch.add(senderNonce)
      }
      if ((seen?.used.size ?? 0) + batch.size > maxNonces) reject('TooManyNonces', `more than ${maxNonces} nonces for one recipientRandHash`)

      const auxData = encodeAuxData(params.creationRound, params.creationRoundBlockHash)
      const full: { ticket: Ticket; sig: Hex }[] = tickets.map(({ senderNonce, sig }) => ({
        ticket: { recipient: address, sender, faceValue: params.faceValue, winProb: params.winProb, senderNonce, recipientRandHash: params.recipientRandHash, auxData },
        sig,
      }))
      for (const { ticket, sig } of full)
        if (!verifier.verify({ ticket, signature: sig })) reject('InvalidTicketSignature', `ticket ${ticket.senderNonce} is not signed by ${sender}`)

      const funds = await view.senderFunds(sender)
      if (funds.withdrawRound !== 0n) reject('InsufficientSenderFunds', `sender ${sender} is unlocking its deposit (withdraw round ${funds.withdrawRound})`)
      const { reserveAlloc } = await maxFloat(sender)
      if (funds.deposit + reserveAlloc < params.faceValue)
        reject('InsufficientSenderFunds', `deposit ${funds.deposit} + reserve allocation ${reserveAlloc} cannot cover face value ${params.faceValue}`)

      // Accepted: apply.
      let entry = seen
      if (!entry) {
        entry = { used: new Set(), expirationBlock: params.expirationBlock }
        nonces.set(params.recipientRandHash, entry)
      }
      for (const nonce of batch) entry.used.add(nonce)
      const value = ticketExpectedValue(params.faceValue, params.winProb)
      const credited = value * BigInt(full.length)
      const balance = (balances.get(key(sender, manifestId)) ?? 0n) + credited
      balances.set(key(sender, manifestId), balance)
      totals.ticketsReceived += full.length
      totals.valueReceived += credited
      let winners = 0
      for (const { ticket, sig } of full) {
        if (!isWinningTicket({ sig, recipientRand, winProb: params.winProb })) continue
        winners++
        totals.winningTickets++
        pending.set(sender, (pending.get(sender) ?? 0n) + ticket.faceValue)
        onWinningTicket?.({ ticket, sig, recipientRand })
      }
      // Forget nonce sets of long-expired params.
      if (nonces.size > 10_000) for (const [hash, value] of nonces) if (value.expirationBlock < state.block) nonces.delete(hash)
      return { tickets: full.length, credited, winners, balance }
    },

    /** The sender's credit for a stream, wei (may go negative by at most one segment, as in go-livepeer). */
    balance: (sender: Address, manifestId = ''): bigint => balances.get(key(sender, manifestId)) ?? 0n,
    debit(sender: Address, amount: bigint, manifestId = '') {
      balances.set(key(sender, manifestId), (balances.get(key(sender, manifestId)) ?? 0n) - amount)
    },
    /** A winning ticket left the pending set (redeemed or given up). */
    settled(ticket: Ticket) {
      const left = (pending.get(ticket.sender) ?? 0n) - ticket.faceValue
      if (left > 0n) pending.set(ticket.sender, left)
      else pending.delete(ticket.sender)
    },
    ev,
    totals,
  }
}

/** The recipient returned by {@link createTicketRecipient}. */
export type TicketRecipient = ReturnType<typeof createTicketRecipient>
