import { parseAbi } from 'viem'
import { managerEvents } from './managerEvents.ts'
import { signaturesOf } from './signaturesOf.ts'

/**
 * RoundsManager events, logged by the RoundsManager proxy. `NewRound.round` is indexed.
 *
 * @see shared/spec/protocol.md §3.2
 *
 * @example
 * const row = roundsManagerEvents.find((event) => event.name === 'NewRound')
 */
export const roundsManagerEvents = [
  {
    contract: 'RoundsManager',
    name: 'NewRound',
    signature: 'event NewRound(uint256 indexed round, bytes32 blockHash)',
    topic0: '0x22f2fc17c5daf07db2379b3a03a8ef20a183f761097a58fce219c8a14619e786',
  },
  ...managerEvents('RoundsManager'),
] as const

/**
 * viem ABI of {@link roundsManagerEvents}, for `decodeEventLog` and `getLogs`.
 *
 * @example
 * const { eventName, args } = decodeEventLog({ abi: roundsManagerEventsAbi, data: log.data, topics: log.topics })
 */
export const roundsManagerEventsAbi = parseAbi(signaturesOf(roundsManagerEvents))
