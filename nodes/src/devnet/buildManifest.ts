import { devnetParameterNames, type DevnetManifest } from '@peerscope/protocol'
import type { ProtocolDeployment, ProtocolParameters } from '@peerscope/protocol/deploy'
import { getAddress, type Address } from 'viem'

/** Parameters for {@link buildManifest}. */
export type BuildManifestParameters = {
  chainId: number
  rpcUrl: string
  deployment: ProtocolDeployment
  accounts: { orchestrators: readonly Address[]; delegators: readonly Address[]; gateways: readonly Address[] }
  asArbitrum: boolean
  seed: string
  parameters: ProtocolParameters
}

/**
 * Builds the {@link DevnetManifest} of a devnet: chain, contracts and start blocks, accounts,
 * parameters as decimal strings, Multicall3. Addresses are checksummed (deployment receipts give
 * lowercase ones), so the manifest equals what `parseDevnetManifest` returns for it.
 *
 * @example
 * const manifest = buildManifest({ chainId, rpcUrl, deployment, accounts, asArbitrum: false, seed, parameters })
 */
export function buildManifest(p: BuildManifestParameters): DevnetManifest {
  const contracts = Object.fromEntries(Object.entries(p.deployment.contracts).map(([name, { address, startBlock }]) => [name, { address: getAddress(address), startBlock }]))
  const startBlock = Math.min(...Object.values(p.deployment.contracts).map((contract) => contract.startBlock))
  return {
    chainId: p.chainId,
    rpcUrl: p.rpcUrl,
    startBlock,
    contracts,
    accounts: { orchestrators: checksum(p.accounts.orchestrators), delegators: checksum(p.accounts.delegators), gateways: checksum(p.accounts.gateways) },
    asArbitrum: p.asArbitrum,
    seed: p.seed,
    deployer: getAddress(p.deployment.deployer),
    parameters: Object.fromEntries(devnetParameterNames.map((name) => [name, p.parameters[name].toString()])) as DevnetManifest['parameters'],
    multicall3: getAddress(p.deployment.multicall3),
  }
}

// NOTE: not `.map(getAddress)`: its second parameter is a chain id (EIP-1191), map would pass the index.
function checksum(addresses: readonly Address[]): Address[] {
  return addresses.map((address) => getAddress(address))
}
