import { parseAbi } from 'viem'
import { signaturesOf } from './signaturesOf.ts'

/**
 * ServiceRegistry events; AIServiceRegistry is a second deployment with the same event.
 *
 * @see shared/spec/protocol.md §3.5
 *
 * @example
 * const row = serviceRegistryEvents.find((event) => event.name === 'ServiceURIUpdate')
 */
export const serviceRegistryEvents = [
  {
    contract: 'ServiceRegistry',
    name: 'ServiceURIUpdate',
    signature: 'event ServiceURIUpdate(address indexed addr, string serviceURI)',
    topic0: '0xfbb63068732c85741c9f8e61caffaabe038d577bfafd2d2dcc0e352a4f653a4c',
  },
] as const

/**
 * viem ABI of {@link serviceRegistryEvents}, for `decodeEventLog` and `getLogs`.
 *
 * @example
 * const { eventName, args } = decodeEventLog({ abi: serviceRegistryEventsAbi, data: log.data, topics: log.topics })
 */
export const serviceRegistryEventsAbi = parseAbi(signaturesOf(serviceRegistryEvents))
