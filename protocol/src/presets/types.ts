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

/**
 * Protocol parameters set at deployment (spec §14). Percentages: `roundLockAmount` 1e6,
 * `inflation`/`inflationChange`/`targetBondingRate` 1e9 (Minter), `treasuryRewardCutRate` 1e27.
 */
export type ProtocolParameters = {
  /** RoundsManager: round length in blocks. */
  roundLength: bigint
  /** RoundsManager: locked tail of each round (1e6; 100_000 = last 10 %). */
  roundLockAmount: bigint
  /** BondingManager: rounds between unbond and withdrawStake. */
  unbondingPeriod: bigint
  /** BondingManager: transcoder pool (active set) size. */
  numActiveTranscoders: bigint
  /** Minter: starting inflation per round (1e9). */
  inflation: bigint
  /** Minter: inflation step per round (1e9). */
  inflationChange: bigint
  /** Minter: target bonding rate (1e9). */
  targetBondingRate: bigint
  /** BondingManager: treasury share of minted rewards (1e27), effective from the first initialized round. */
  treasuryRewardCutRate: bigint
  /** BondingManager: treasury LPT balance that halts the cut (wei; 0 = no ceiling). */
  treasuryBalanceCeiling: bigint
  /** TicketBroker: rounds between unlock and withdraw. */
  unlockPeriod: bigint
  /** TicketBroker: rounds a ticket stays redeemable after its creation round. */
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
