import { arbitrumOne, controllerRegistryNames, protocolContractNames, type ProtocolContractName } from '@peerscope/protocol'
import { getAddress, keccak256, slice, stringToBytes, type Address } from 'viem'

/** Runtime code of a placeholder contract: every call reverts (PUSH0 PUSH0 REVERT). */
export const placeholderCode = '0x5f5ffd' as const

/** Where an Arbitrum-shaped devnet puts things. */
export type ArbitrumLayout = {
  /** Our contracts at their Arbitrum One addresses (the current Minter), Multicall3 at its own. */
  placement: Partial<Record<ProtocolContractName | 'Multicall3', Address>>
  /** Registry names we do not implement → their Arbitrum One address, or a placeholder address. */
  registry: Record<string, Address>
  /** Addresses that get {@link placeholderCode} so every registry entry points at code. */
  placeholders: Address[]
}

/**
 * The layout of `asArbitrum` devnets, read from the `arbitrumOne` preset (never retyped).
 *
 * @example
 * const { placement, registry, placeholders } = arbitrumLayout()
 * for (const address of placeholders) await client.setCode({ address, bytecode: placeholderCode })
 * await deployProtocol({ client, deployer, parameters, placement, registry, verifier })
 */
export function arbitrumLayout(): ArbitrumLayout {
  const contracts: Readonly<Record<string, { address: Address }>> = arbitrumOne.contracts
  const placement: ArbitrumLayout['placement'] = { Multicall3: arbitrumOne.multicall3.address }
  const implemented = new Set<string>(['JobsManager', 'Verifier'])
  for (const name of protocolContractNames) {
    const entry = contracts[name]
    if (entry) placement[name] = entry.address
    implemented.add(name)
  }
  const registry: Record<string, Address> = {}
  const placeholders: Address[] = []
  for (const name of controllerRegistryNames) {
    if (implemented.has(name)) continue
    const address = contracts[name]?.address ?? placeholderAddress(name)
    registry[name] = address
    placeholders.push(address)
  }
  return { placement, registry, placeholders }
}

/**
 * A deterministic address for a registry name that has none on Arbitrum One.
 *
 * @example
 * placeholderAddress('LivepeerTokenFaucet')
 */
export function placeholderAddress(name: string): Address {
  return getAddress(slice(keccak256(stringToBytes(`peerscope/placeholder/${name}`)), 12))
}
