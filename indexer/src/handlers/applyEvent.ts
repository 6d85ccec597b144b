import { Broadcaster, Delegator, Protocol, Round, Transaction, Transcoder } from '../model/index.ts'
import { lower, roundOf, type EventContext, type EventHandler, type EventScope } from './eventContext.ts'
import { delegationHandlers, orchestratorHandlers, roundHandlers, ticketHandlers, tokenHandlers } from './events/index.ts'

export { roundOf, zeroAddress, type EventContext } from './eventContext.ts'

/**
 * Every area's handlers by event name. A Map, not a merged object: an event named like an
 * `Object.prototype` member (`constructor`, `toString`) must find nothing.
 */
const eventHandlers: ReadonlyMap<string, EventHandler> = new Map(
  [delegationHandlers, orchestratorHandlers, roundHandlers, ticketHandlers, tokenHandlers].flatMap((handlers) => Object.entries(handlers)),
)

/**
 * Applies one decoded log to the entities in `context.cache`: the subgraph's handler logic
 * (shared/spec/subgraph-and-explorer.md §5) with eth_call reads replaced by the earnings ledger.
 *
 * @example
 * applyEvent({ cache, ledger, protocol, log, before, treasury, parameter, contract, touched })
 */
export function applyEvent(context: EventContext): void {
  const { cache, protocol, log } = context
  const args = log.args ?? {}
  const timestamp = Math.floor(log.block.timestamp / 1000)
  const round = roundOf(context, log.round)
  cache.touch(Round, round)
  cache.touch(Protocol, protocol)
  const transaction = cache.set(
    Transaction,
    new Transaction({
      id: log.transaction.hash,
      blockNumber: BigInt(log.block.height),
      timestamp,
      gasUsed: log.transaction.gasUsed ?? 0n,
      gasPrice: log.transaction.gasPrice ?? 0n,
      from: lower(log.transaction.from),
      to: log.transaction.to ? lower(log.transaction.to) : '',
    }),
  )
  const base = { id: `${log.transaction.hash}-${log.logIndex}`, transaction, timestamp, round: new Round({ id: round.id }) }
  const scope: EventScope = {
    context,
    cache,
    protocol,
    log,
    args,
    timestamp,
    round,
    base,
    transaction,
    transcoderRef: (id) => new Transcoder({ id }),
    delegatorRef: (id) => new Delegator({ id }),
    broadcasterRef: (id) => new Broadcaster({ id }),
  }
  // SetController, SetContractInfo, Approval, OwnershipTransferred, role events: no entity.
  eventHandlers.get(log.eventName)?.(scope)
}
