import type { Address } from 'viem'
import { Broadcaster, BroadcasterDay, DepositFundedEvent, Pool, ReserveClaimedEvent, ReserveFundedEvent, Transcoder, TranscoderDay, UnlockCancelledEvent, UnlockEvent, WinningTicketRedeemedEvent, WinningTicketTransferEvent, WithdrawalEvent } from '../../model/index.ts'
import { newBroadcasterDay, newTranscoderDay } from '../entities.ts'
import { lower, big, transcoderOf, broadcasterOf, dayOf, syncTotalStake, poolOf, syncPoolFactors, refreshParticipation, add, sub, type EventHandler, type EventHandlers } from '../eventContext.ts'
import { dayNumber, toDecimal, zeroDecimal } from '../units.ts'

/** DepositFunded and ReserveFunded share one body: the deposit or reserve grows, funded/active days move. */
const fundBroadcaster: EventHandler = ({ context, cache, log, args, timestamp, base, broadcasterRef }) => {
  const id = lower(log.eventName === 'DepositFunded' ? args.sender : args.reserveHolder)
  const amount = big(args.amount)
  const broadcaster = broadcasterOf(context, id)
  if (log.eventName === 'DepositFunded') broadcaster.deposit = add(broadcaster.deposit, amount)
  else broadcaster.reserve = add(broadcaster.reserve, amount)
  const dayStart = dayNumber(timestamp) * 86400
  if (broadcaster.firstFundedDay === 0) {
    broadcaster.firstFundedDay = dayStart
    broadcaster.firstActiveDay = dayStart
  }
  broadcaster.lastFundedDay = dayStart
  broadcaster.lastActiveDay = dayStart
  cache.touch(Broadcaster, broadcaster)
  if (log.eventName === 'DepositFunded') cache.set(DepositFundedEvent, new DepositFundedEvent({ ...base, sender: broadcasterRef(id), amount: toDecimal(amount) }))
  else cache.set(ReserveFundedEvent, new ReserveFundedEvent({ ...base, reserveHolder: broadcasterRef(id), amount: toDecimal(amount) }))
}

/**
 * Tickets (TicketBroker): winning tickets and the fees they pay transcoders, broadcaster deposits and
 * reserves, unlocks and withdrawals; they keep Broadcaster, the day entries and fee volumes.
 */
export const ticketHandlers = {
  WinningTicketRedeemed: ({ context, cache, protocol, args, timestamp, round, base, transcoderRef, broadcasterRef }) => {
    const senderId = lower(args.sender)
    const recipientId = lower(args.recipient)
    const faceValue = big(args.faceValue)
    const day = dayNumber(timestamp)
    const broadcaster = broadcasterOf(context, senderId)
    // Exact: the deposit pays first; reserve draws are logged as ReserveClaimed (the subgraph zeroes the deposit first).
    const deposit = toDecimal(faceValue).gt(broadcaster.deposit) ? zeroDecimal() : sub(broadcaster.deposit, faceValue)
    broadcaster.deposit = deposit
    broadcaster.totalVolumeETH = add(broadcaster.totalVolumeETH, faceValue)
    broadcaster.lastFundedDay = day * 86400
    broadcaster.lastActiveDay = day * 86400
    const broadcasterDayId = `${senderId}-${day}`
    let broadcasterDay = cache.get(BroadcasterDay, broadcasterDayId)
    if (!broadcasterDay) {
      broadcasterDay = cache.set(BroadcasterDay, newBroadcasterDay(broadcasterDayId, day, senderId))
      broadcaster.broadcasterDays = [broadcasterDayId, ...broadcaster.broadcasterDays]
    }
    broadcasterDay.volumeETH = add(broadcasterDay.volumeETH, faceValue)
    cache.touch(BroadcasterDay, broadcasterDay)
    cache.touch(Broadcaster, broadcaster)

    const transcoder = transcoderOf(context, recipientId)
    transcoder.totalVolumeETH = add(transcoder.totalVolumeETH, faceValue)
    const transcoderDayId = `${recipientId}-${day}`
    let transcoderDay = cache.get(TranscoderDay, transcoderDayId)
    if (!transcoderDay) {
      transcoderDay = cache.set(TranscoderDay, newTranscoderDay(transcoderDayId, day, recipientId))
      transcoder.transcoderDays = [transcoderDayId, ...transcoder.transcoderDays]
    }
    transcoderDay.volumeETH = add(transcoderDay.volumeETH, faceValue)
    cache.touch(TranscoderDay, transcoderDay)
    cache.touch(Transcoder, transcoder)

    protocol.totalVolumeETH = add(protocol.totalVolumeETH, faceValue)
    protocol.winningTicketCount += 1
    if (!protocol.activeBroadcasters.includes(senderId)) protocol.activeBroadcasters = [...protocol.activeBroadcasters, senderId]
    const pool = poolOf(context, round, recipientId)
    pool.fees = add(pool.fees, faceValue)
    cache.touch(Pool, pool)
    const dayEntity = dayOf(context)
    dayEntity.volumeETH = add(dayEntity.volumeETH, faceValue)
    refreshParticipation(context, undefined)
    round.volumeETH = add(round.volumeETH, faceValue)
    cache.set(
      WinningTicketRedeemedEvent,
      new WinningTicketRedeemedEvent({
        ...base,
        sender: broadcasterRef(senderId),
        recipient: transcoderRef(recipientId),
        faceValue: toDecimal(faceValue),
        faceValueUSD: zeroDecimal(),
        winProb: big(args.winProb),
        senderNonce: big(args.senderNonce),
        recipientRand: big(args.recipientRand),
        auxData: Buffer.from(String(args.auxData).slice(2), 'hex'),
      }),
    )
  },
  WinningTicketTransfer: ({ context, cache, log, args, round, base, transcoderRef, broadcasterRef }) => {
    const senderId = lower(args.sender)
    const recipientId = lower(args.recipient)
    const amount = big(args.amount)
    broadcasterOf(context, senderId)
    const transcoder = transcoderOf(context, recipientId)
    const commission = context.ledger.transcoder(recipientId as Address).cumulativeFees - (context.before?.cumulativeFees ?? 0n)
    transcoder.feeCommission = add(transcoder.feeCommission, commission)
    syncTotalStake(context, recipientId)
    const pool = poolOf(context, round, recipientId)
    pool.feeCommission = add(pool.feeCommission, commission)
    syncPoolFactors(context, pool, recipientId, log.round)
    cache.touch(Pool, pool)
    cache.set(
      WinningTicketTransferEvent,
      new WinningTicketTransferEvent({ ...base, sender: broadcasterRef(senderId), recipient: transcoderRef(recipientId), amount: toDecimal(amount) }),
    )
  },
  DepositFunded: fundBroadcaster,
  ReserveFunded: fundBroadcaster,
  ReserveClaimed: ({ context, cache, args, base, transcoderRef, broadcasterRef }) => {
    const id = lower(args.reserveHolder)
    const claimant = lower(args.claimant)
    const amount = big(args.amount)
    const broadcaster = broadcasterOf(context, id)
    broadcaster.reserve = sub(broadcaster.reserve, amount)
    cache.touch(Broadcaster, broadcaster)
    transcoderOf(context, claimant)
    cache.set(ReserveClaimedEvent, new ReserveClaimedEvent({ ...base, reserveHolder: broadcasterRef(id), claimant: transcoderRef(claimant), amount: toDecimal(amount) }))
  },
  Withdrawal: ({ context, cache, args, base, broadcasterRef }) => {
    const id = lower(args.sender)
    const broadcaster = broadcasterOf(context, id)
    broadcaster.deposit = zeroDecimal()
    broadcaster.reserve = zeroDecimal()
    cache.touch(Broadcaster, broadcaster)
    cache.set(WithdrawalEvent, new WithdrawalEvent({ ...base, sender: broadcasterRef(id), deposit: toDecimal(big(args.deposit)), reserve: toDecimal(big(args.reserve)) }))
  },
  Unlock: ({ context, cache, args, base, broadcasterRef }) => {
    const id = lower(args.sender)
    broadcasterOf(context, id)
    cache.set(UnlockEvent, new UnlockEvent({ ...base, sender: broadcasterRef(id), startRound: big(args.startRound), endRound: big(args.endRound) }))
  },
  UnlockCancelled: ({ context, cache, args, base, broadcasterRef }) => {
    const id = lower(args.sender)
    broadcasterOf(context, id)
    cache.set(UnlockCancelledEvent, new UnlockCancelledEvent({ ...base, sender: broadcasterRef(id) }))
  },
} satisfies EventHandlers
