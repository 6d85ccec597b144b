import { parseAbi } from 'viem'
import { managerEvents } from './managerEvents.ts'
import { signaturesOf } from './signaturesOf.ts'

/**
 * Minter events. The Minter is not proxied and changed address once (see the presets' `minters`).
 *
 * @see shared/spec/protocol.md §3.3
 *
 * @example
 * const row = minterEvents.find((event) => event.name === 'SetCurrentRewardTokens')
 */
export const minterEvents = [
  {
    contract: 'Minter',
    name: 'SetCurrentRewardTokens',
    signature: 'event SetCurrentRewardTokens(uint256 currentMintableTokens, uint256 currentInflation)',
    topic0: '0x39567a366345edf17f50c1967a31b597745186c4632f34c4f8ebe06b6890784d',
  },
  ...managerEvents('Minter'),
] as const

/**
 * viem ABI of {@link minterEvents}, for `decodeEventLog` and `getLogs`.
 *
 * @example
 * const { eventName, args } = decodeEventLog({ abi: minterEventsAbi, data: log.data, topics: log.topics })
 */
export const minterEventsAbi = parseAbi(signaturesOf(minterEvents))
