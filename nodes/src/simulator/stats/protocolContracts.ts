import { protocolAbis, type ProtocolDeployment } from '@peerscope/protocol/deploy'
import type { Abi } from 'viem'
import type { DevnetStats, StatsContract } from './createEventStats.ts'

/**
 * Events a contract's ABI declares but no function can emit: the ServiceRegistries inherit
 * `ParameterUpdate` from Manager and have no setter.
 */
export const unreachableEvents: readonly string[] = ['ServiceRegistry.ParameterUpdate', 'AIServiceRegistry.ParameterUpdate']

/**
 * The deployed contracts with their ABIs, for {@link createEventStats}.
 *
 * @example
 * const stats = createEventStats({ contracts: statsContracts(deployment) })
 */
export function statsContracts(deployment: ProtocolDeployment): StatsContract[] {
  return Object.entries(deployment.contracts).map(([name, { address }]) => ({ name, address, abi: protocolAbis[name as keyof typeof protocolAbis] }))
}

/**
 * Every `Contract.Event` the generated ABIs declare that never occurred in `stats`, except the
 * {@link unreachableEvents}.
 *
 * @example
 * const missing = missingEvents(devnet.stats) // [] after the default scenario
 */
export function missingEvents(stats: Pick<DevnetStats, 'eventsByContract'>): string[] {
  const missing: string[] = []
  for (const [contract, abi] of Object.entries(protocolAbis)) {
    for (const item of abi as Abi) {
      if (item.type !== 'event') continue
      const key = `${contract}.${item.name}`
      if (unreachableEvents.includes(key)) continue
      if (!stats.eventsByContract[contract]?.[item.name]) missing.push(key)
    }
  }
  return missing
}
