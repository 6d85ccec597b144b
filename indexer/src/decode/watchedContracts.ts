import type { Address, Hex } from 'viem'
import { arbitrumEventsByContract, type EventContractName, type NetworkPreset } from '@peerscope/protocol'

/** One address the indexer reads logs from, with its catalogued topics. */
export type WatchedContract = {
  contract: EventContractName
  address: Address
  startBlock: number
  topics: Hex[]
}

/**
 * Every (address, topics, start block) of a preset whose events the catalogue lists: both Minters
 * on Arbitrum One, and AIServiceRegistry beside ServiceRegistry (it shares its events).
 *
 * @example
 * watchedContracts(arbitrumOne).filter((c) => c.contract === 'Minter').length // 2
 */
export function watchedContracts(preset: NetworkPreset): WatchedContract[] {
  const watched: WatchedContract[] = []
  for (const [name, events] of Object.entries(arbitrumEventsByContract) as [EventContractName, readonly { topic0: Hex }[]][]) {
    const topics = [...new Set(events.map((event) => event.topic0))]
    const deployments =
      name === 'Minter'
        ? preset.minters
        : name === 'ServiceRegistry'
          ? [preset.contracts.ServiceRegistry, preset.contracts.AIServiceRegistry]
          : [preset.contracts[name]]
    for (const deployment of deployments)
      if (deployment) watched.push({ contract: name, address: deployment.address, startBlock: deployment.startBlock, topics })
  }
  return watched
}
