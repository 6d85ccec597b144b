import { BurnEvent, MintEvent, TransferEvent } from '../../model/index.ts'
import { lower, big, refreshParticipation, add, sub, type EventHandler, type EventHandlers } from '../eventContext.ts'
import { toDecimal } from '../units.ts'

/** Mint and Burn share one body: total supply and participation change, then the matching event entity. */
const changeSupply: EventHandler = ({ context, cache, protocol, log, args, round, base }) => {
  const amount = big(args.amount)
  protocol.totalSupply = log.eventName === 'Mint' ? add(protocol.totalSupply, amount) : sub(protocol.totalSupply, amount)
  refreshParticipation(context, round)
  if (log.eventName === 'Mint') cache.set(MintEvent, new MintEvent({ ...base, to: lower(args.to), amount: toDecimal(amount) }))
  else cache.set(BurnEvent, new BurnEvent({ ...base, burner: lower(args.burner), value: toDecimal(amount) }))
}

/**
 * LPT token: total supply (Mint, Burn) and transfers.
 */
export const tokenHandlers = {
  Mint: changeSupply,
  Burn: changeSupply,
  Transfer: ({ cache, args, base }) => {
    cache.set(TransferEvent, new TransferEvent({ ...base, from: lower(args.from), to: lower(args.to), amount: toDecimal(big(args.value)) }))
  },
} satisfies EventHandlers
