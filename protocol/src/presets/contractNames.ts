/**
 * The protocol contracts Peerscope deploys and indexes, by their Controller registry name.
 * AIServiceRegistry is a second ServiceRegistry deployment that is not in the Controller.
 */
export const protocolContractNames = [
  'Controller',
  'LivepeerToken',
  'Minter',
  'BondingManager',
  'RoundsManager',
  'TicketBroker',
  'ServiceRegistry',
  'AIServiceRegistry',
  'Treasury',
] as const

/** A name from {@link protocolContractNames}. */
export type ProtocolContractName = (typeof protocolContractNames)[number]

/**
 * Names the Controller registers on Arbitrum One (spec §2.1); `Controller.getContract(keccak256(name))`
 * resolves each on the devnet with `--as-arbitrum`. `JobsManager`, `Verifier` and the
 * `<Name>Target` ids are registered by `deployProtocol` itself.
 */
export const controllerRegistryNames = [
  'BondingManager',
  'RoundsManager',
  'TicketBroker',
  'JobsManager',
  'Minter',
  'LivepeerToken',
  'ServiceRegistry',
  'BondingVotes',
  'Treasury',
  'LivepeerGovernor',
  'L2LPTDataCache',
  'L2Migrator',
  'Verifier',
  'MerkleSnapshot',
  'LivepeerTokenFaucet',
] as const

/** Multicall3's canonical address, the same on every chain. */
export const multicall3Address = '0xcA11bde05977b3631167028862bE2a173976CA11' as const
