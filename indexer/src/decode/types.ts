import type { Address, Hex } from 'viem'
import type { EventContractName } from '@peerscope/protocol'

/** The block of a decoded log. `timestamp` is in milliseconds (Subsquid's unit, spec §1.4). */
export type DecodedBlock = { height: number; hash: Hex; timestamp: number }

/** The transaction of a decoded log. */
export type DecodedTransaction = {
  hash: Hex
  index: number
  from: Address
  to: Address | null
  gasUsed?: bigint
  gasPrice?: bigint
  /** Calldata: `ParameterUpdate` names a parameter; its new value is in the setter's input. */
  input?: Hex
}

/**
 * One catalogued Livepeer event, decoded, with the protocol round it happened in. What handlers
 * (Postgres entities) and the ClickHouse sink receive, in chain order.
 */
export type DecodedLog = {
  /** Subsquid log id: `<height 10>-<hash 5>-<logIndex 6>`; differs across forks. */
  id: string
  block: DecodedBlock
  transaction: DecodedTransaction
  logIndex: number
  /** Checksummed emitting address. */
  address: Address
  /** Catalogue contract name of the emitter (`BondingManager`, `Minter`, ...). */
  contractName: EventContractName
  eventName: string
  /** Decoded arguments by name; uint values are bigint, addresses checksummed. */
  args: Record<string, unknown>
  /** The protocol round at this block (RoundsManager math on L1 block numbers on Arbitrum). */
  round: bigint
}
