import { parseAbi } from 'viem'
import { signaturesOf } from './signaturesOf.ts'

/**
 * Controller events: registry updates (follow proxy-target upgrades with `SetContractInfo`), pause and ownership.
 *
 * @see shared/spec/protocol.md §2.1, §3.9
 *
 * @example
 * const row = controllerEvents.find((event) => event.name === 'SetContractInfo')
 */
export const controllerEvents = [
  {
    contract: 'Controller',
    name: 'SetContractInfo',
    signature: 'event SetContractInfo(bytes32 id, address contractAddress, bytes20 gitCommitHash)',
    topic0: '0xf9a6cf519167d81bc5cb3d26c60c0c9a19704aa908c148e82a861b570f4cd2d7',
  },
  {
    contract: 'Controller',
    name: 'Pause',
    signature: 'event Pause()',
    topic0: '0x6985a02210a168e66602d3235cb6db0e70f92b3ba4d376a33c0f3d9434bff625',
  },
  {
    contract: 'Controller',
    name: 'Unpause',
    signature: 'event Unpause()',
    topic0: '0x7805862f689e2f13df9f062ff482ad3ad112aca9e0847911ed832e158c525b33',
  },
  {
    contract: 'Controller',
    name: 'OwnershipTransferred',
    signature: 'event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)',
    topic0: '0x8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0',
  },
] as const

/**
 * viem ABI of {@link controllerEvents}, for `decodeEventLog` and `getLogs`.
 *
 * @example
 * const { eventName, args } = decodeEventLog({ abi: controllerEventsAbi, data: log.data, topics: log.topics })
 */
export const controllerEventsAbi = parseAbi(signaturesOf(controllerEvents))
