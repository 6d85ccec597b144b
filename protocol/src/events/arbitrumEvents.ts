import { bondingManagerEvents, bondingManagerEventsAbi } from './bondingManagerEvents.ts'
import { controllerEvents, controllerEventsAbi } from './controllerEvents.ts'
import { livepeerTokenEvents, livepeerTokenEventsAbi } from './livepeerTokenEvents.ts'
import { minterEvents, minterEventsAbi } from './minterEvents.ts'
import { roundsManagerEvents, roundsManagerEventsAbi } from './roundsManagerEvents.ts'
import { serviceRegistryEvents, serviceRegistryEventsAbi } from './serviceRegistryEvents.ts'
import { ticketBrokerEvents, ticketBrokerEventsAbi } from './ticketBrokerEvents.ts'
import type { EventCatalogueEntry } from './types.ts'

/**
 * The Arbitrum One event catalogue grouped by emitting contract. Each group includes the shared
 * `ParameterUpdate` / `SetController` rows for the contracts that are Managers.
 *
 * @see shared/spec/protocol.md §3
 *
 * @example
 * const topics = arbitrumEventsByContract.TicketBroker.map((event) => event.topic0)
 */
export const arbitrumEventsByContract = {
  BondingManager: bondingManagerEvents,
  RoundsManager: roundsManagerEvents,
  Minter: minterEvents,
  TicketBroker: ticketBrokerEvents,
  ServiceRegistry: serviceRegistryEvents,
  LivepeerToken: livepeerTokenEvents,
  Controller: controllerEvents,
} as const

/**
 * The whole catalogue as one table, `{ contract, name, signature, topic0 }` per row: the single home
 * of "which events exist on Arbitrum One, with which topic0". A shared event appears once per contract.
 *
 * @see shared/spec/protocol.md §3
 *
 * @example
 * const byTopic = new Map(arbitrumEventCatalogue.map((row) => [row.topic0, row]))
 */
export const arbitrumEventCatalogue: readonly EventCatalogueEntry[] = Object.values(arbitrumEventsByContract).flat()

const allEvents = [
  ...bondingManagerEventsAbi,
  ...roundsManagerEventsAbi,
  ...minterEventsAbi,
  ...ticketBrokerEventsAbi,
  ...serviceRegistryEventsAbi,
  ...livepeerTokenEventsAbi,
  ...controllerEventsAbi,
] as const

/**
 * One viem ABI with every catalogued event (shared Manager events once), typed from the signatures,
 * so a single `decodeEventLog` call decodes any Peerscope-relevant log.
 *
 * @example
 * const decoded = decodeEventLog({ abi: arbitrumEventsAbi, data: log.data, topics: log.topics })
 * if (decoded.eventName === 'Bond') decoded.args.bondedAmount // bigint
 */
export const arbitrumEventsAbi = allEvents.filter(
  (event, index) => allEvents.findIndex((other) => other.name === event.name) === index,
) as readonly (typeof allEvents)[number][]
