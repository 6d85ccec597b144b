import type { Address } from 'viem'

/** Where and from which block to index one contract. */
export type ContractDeployment = {
  /** The address that logs its events (the proxy for proxied contracts). */
  address: Address
  /** First block to index: an L2 block number on Arbitrum One, the local height on the devnet. */
  startBlock: number
  /** True when `startBlock` is a safe lower bound rather than the creation block. */
  startBlockIsLowerBound?: boolean
}

/** One Minter deployment; the Minter is not proxied and changed address once on Arbitrum One. */
export type MinterDeployment = ContractDeployment & {
  /** 'v1' for the original Arbitrum Minter, 'current' for the one the Controller registers now. */
  label: 'v1' | 'current'
}

/** The protocol parameters a devnet is deployed with (spec §14), as integers in contract units. */
export type ProtocolParameters = {
  /** Blocks per round (L1 blocks on Arbitrum One). */
  roundLength: bigint
  /** Share of the round that is locked, 1e6 scale. */
  roundLockAmount: bigint
  /** Rounds. */
  unbondingPeriod: bigint
  numActiveTranscoders: bigint
  /** Initial Minter inflation, ppb per round (1e9 scale). */
  inflation: bigint
  inflationChange: bigint
  /** 1e9 scale. */
  targetBondingRate: bigint
  /** 1e27 scale. */
  treasuryRewardCutRate: bigint
  /** LPT wei. */
  treasuryBalanceCeiling: bigint
  /** Rounds. */
  unlockPeriod: bigint
  /** Rounds. */
  ticketValidityPeriod: bigint
}

/**
 * Everything an indexer or node needs to find the Livepeer contracts on one network.
 * One file per network: `arbitrumOne.ts`, `devnet.ts`.
 */
export type NetworkPreset = {
  name: string
  chainId: number
  /** By Controller registry name (`protocolContractNames`), plus governance and bridge contracts where known. */
  contracts: Readonly<Record<string, ContractDeployment>>
  /** Every Minter whose `SetCurrentRewardTokens` / `ParameterUpdate` logs belong to this network. */
  minters: readonly MinterDeployment[]
  /**
   * What the contracts' `block.number` is: 'l1' on Arbitrum One (rounds count L1 blocks, so never
   * derive a round from a log's L2 block number), 'local' on the devnet.
   */
  blockNumberSource: 'l1' | 'local'
  /** Round length in `blockNumberSource` blocks: a hint; the chain's `roundLength()` is authoritative. */
  roundLength: bigint
  multicall3: ContractDeployment
  /** Deployment parameters, when known exactly (the devnet). On Arbitrum One read them on chain. */
  parameters?: ProtocolParameters
}
