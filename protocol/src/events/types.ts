import type { Hex } from 'viem'

/** The contracts whose events the catalogue lists. AIServiceRegistry shares ServiceRegistry's events. */
export type EventContractName =
  | 'BondingManager'
  | 'RoundsManager'
  | 'Minter'
  | 'TicketBroker'
  | 'ServiceRegistry'
  | 'LivepeerToken'
  | 'Controller'

/** One row of the Arbitrum One event catalogue (spec §3). */
export type EventCatalogueEntry = {
  /** The contract that emits it (the proxy address for proxied contracts, §2.2). */
  contract: EventContractName
  /** Event name. */
  name: string
  /** Human-readable ABI signature with parameter names and `indexed` flags exactly as the spec. */
  signature: `event ${string}`
  /** keccak256 of the canonical signature, as published in the spec. */
  topic0: Hex
  /** When the event appeared, or why it may be absent. */
  note?: string
}
