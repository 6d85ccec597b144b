import { parseAbi } from 'viem'
import { signaturesOf } from './signaturesOf.ts'

/**
 * L2 LivepeerToken events (ERC-20, mint/burn and OpenZeppelin AccessControl role events).
 *
 * @see shared/spec/protocol.md §3.6
 *
 * @example
 * const row = livepeerTokenEvents.find((event) => event.name === 'Mint')
 */
export const livepeerTokenEvents = [
  {
    contract: 'LivepeerToken',
    name: 'Transfer',
    signature: 'event Transfer(address indexed from, address indexed to, uint256 value)',
    topic0: '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef',
  },
  {
    contract: 'LivepeerToken',
    name: 'Approval',
    signature: 'event Approval(address indexed owner, address indexed spender, uint256 value)',
    topic0: '0x8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b925',
  },
  {
    contract: 'LivepeerToken',
    name: 'Mint',
    signature: 'event Mint(address indexed to, uint256 amount)',
    topic0: '0x0f6798a560793a54c3bcfe86a93cde1e73087d944c0ea20544137d4121396885',
  },
  {
    contract: 'LivepeerToken',
    name: 'Burn',
    signature: 'event Burn(address indexed burner, uint256 amount)',
    topic0: '0xcc16f5dbb4873280815c1ee09dbd06736cffcc184412cf7a71a0fdb75d397ca5',
  },
  {
    contract: 'LivepeerToken',
    name: 'RoleGranted',
    signature: 'event RoleGranted(bytes32 indexed role, address indexed account, address indexed sender)',
    topic0: '0x2f8788117e7eff1d82e926ec794901d17c78024a50270940304540a733656f0d',
  },
  {
    contract: 'LivepeerToken',
    name: 'RoleRevoked',
    signature: 'event RoleRevoked(bytes32 indexed role, address indexed account, address indexed sender)',
    topic0: '0xf6391f5c32d9c69d2a47ea670b442974b53935d1edc7fd64eb21e047a839171b',
  },
  {
    contract: 'LivepeerToken',
    name: 'RoleAdminChanged',
    signature: 'event RoleAdminChanged(bytes32 indexed role, bytes32 indexed previousAdminRole, bytes32 indexed newAdminRole)',
    topic0: '0xbd79b86ffe0ab8e8776151514217cd7cacd52c909f66475c3af44e129f0b00ff',
  },
] as const

/**
 * viem ABI of {@link livepeerTokenEvents}, for `decodeEventLog` and `getLogs`.
 *
 * @example
 * const { eventName, args } = decodeEventLog({ abi: livepeerTokenEventsAbi, data: log.data, topics: log.topics })
 */
export const livepeerTokenEventsAbi = parseAbi(signaturesOf(livepeerTokenEvents))
