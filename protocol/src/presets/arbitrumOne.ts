import { multicall3Address } from './contractNames.ts'
import type { NetworkPreset } from './types.ts'

/**
 * Livepeer on Arbitrum One (chain 42161): every contract address and start block of the spec, both
 * Minters, and Multicall3. Start blocks are L2 block numbers; rounds count L1 blocks
 * (`blockNumberSource: 'l1'`). The roundLength hint is LIP-83's 6377 L1 blocks (read
 * `roundLength()` for the value at a given block).
 *
 * AIServiceRegistry's creation block is not documented (spec §16): its start block is
 * ServiceRegistry's, a safe lower bound (`startBlockIsLowerBound`). Replace it once the creation
 * transaction is looked up.
 *
 * @see shared/spec/protocol.md §13
 *
 * @example
 * const { address, startBlock } = arbitrumOne.contracts.BondingManager
 */
export const arbitrumOne = {
  name: 'arbitrum-one',
  chainId: 42161,
  blockNumberSource: 'l1',
  roundLength: 6377n,
  contracts: {
    Controller: { address: '0xD8E8328501E9645d16Cf49539efC04f734606ee4', startBlock: 5_856_334 },
    LivepeerToken: { address: '0x289ba1701C2F088cf0faf8B3705246331cB8A839', startBlock: 5_856_156 },
    Minter: { address: '0xc20DE37170B45774e6CD3d2304017fc962f27252', startBlock: 6_253_359 },
    TicketBroker: { address: '0xa8bB618B1520E284046F3dFc448851A1Ff26e41B', startBlock: 5_856_357 },
    BondingManager: { address: '0x35Bcf3c30594191d53231E4FF333E8A770453e40', startBlock: 5_856_381 },
    RoundsManager: { address: '0xdd6f56DcC28D3F5f27084381fE8Df634985cc39f', startBlock: 5_856_394 },
    ServiceRegistry: { address: '0xC92d3A360b8f9e083bA64DE15d95Cf8180897431', startBlock: 5_860_363 },
    AIServiceRegistry: {
      address: '0x04C0b249740175999E5BF5c9ac1dA92431EF34C5',
      startBlock: 5_860_363,
      startBlockIsLowerBound: true,
    },
    Treasury: { address: '0xf82C1FF415F1fCf582554fDba790E27019c8E8C4', startBlock: 139_793_473 },
    BondingVotes: { address: '0x0B9C254837E72Ebe9Fe04960C43B69782E68169A', startBlock: 139_793_454 },
    LivepeerGovernor: { address: '0xcFE4E2879B786C3aa075813F0E364bb5acCb6aa0', startBlock: 139_793_525 },
    PollCreator: { address: '0x8bb50806D60c492c0004DAD5D9627DAA2d9732E6', startBlock: 5_857_075 },
    MerkleSnapshot: { address: '0x10736ffaCe687658F88a46D042631d182C7757f7', startBlock: 5_856_407 },
    Governor: { address: '0xD9dEd6f9959176F0A04dcf88a0d2306178A736a6', startBlock: 5_856_411 },
    L2Migrator: { address: '0x148D5b6B4df9530c7C76A810bd1Cdf69EC4c2085', startBlock: 5_864_923 },
    L2LPTGateway: { address: '0x6D2457a4ad276000A615295f7A80F79E48CcD318', startBlock: 5_864_786 },
    L2LPTDataCache: { address: '0xd78b6bD09cd28A83cFb21aFa0DA95c685A6bb0B1', startBlock: 5_864_754 },
  },
  minters: [
    { label: 'v1', address: '0x4969dcCF5186e1c49411638fc8A2a020Fdab752E', startBlock: 5_856_338 },
    { label: 'current', address: '0xc20DE37170B45774e6CD3d2304017fc962f27252', startBlock: 6_253_359 },
  ],
  multicall3: { address: multicall3Address, startBlock: 7_654_707 },
} as const satisfies NetworkPreset

/**
 * Arbitrum One governance: the L2 multisig that owns the Controller (protocol parameters and
 * upgrades go through it and the `Governor` contract), and the on-chain governance contracts.
 *
 * @see shared/spec/protocol.md §13
 *
 * @example
 * arbitrumOneGovernance.controllerOwner // '0x04F53A0bb244f015cC97731570BeD26F0229da05'
 */
export const arbitrumOneGovernance = {
  /** L2 governance multisig, owner of the Controller. */
  controllerOwner: '0x04F53A0bb244f015cC97731570BeD26F0229da05',
  /** Multisig-driven upgrade executor. */
  governor: arbitrumOne.contracts.Governor.address,
  /** LIP-89 treasury (timelock) and its governor, from Delta (Oct 2023). */
  treasury: arbitrumOne.contracts.Treasury.address,
  livepeerGovernor: arbitrumOne.contracts.LivepeerGovernor.address,
} as const

/**
 * Proxy targets (implementations) as of the spec's source (`delta`, Mar 2024). Later upgrades are
 * followed through Controller `SetContractInfo` logs; blocks are L2 blocks where documented.
 *
 * @see shared/spec/protocol.md §13
 *
 * @example
 * arbitrumOneTargets.BondingManagerTarget.address
 */
export const arbitrumOneTargets = {
  BondingManagerTarget: { address: '0x6b397f20DC227B4E23fEc20BBDBe166d0DFFC452', startBlock: 194_176_436 },
  TicketBrokerTarget: { address: '0xea1b0F6c8D158328a6e3D3F924B86A759F41465c', startBlock: 128_664_470 },
  RoundsManagerTarget: { address: '0x92d804Ed49D92438aEA6fe552BD9163aacb7E841' },
  ServiceRegistryTarget: { address: '0x38093CDca43aeCd7bb474983519A246e93A3b0a7' },
  BondingVotesTarget: { address: '0x68AF80376Bc1CA0C25a83b28e5570E8c7bdD3119' },
  LivepeerGovernorTarget: { address: '0xd2Ce37BCB287CaDc40647f567C2D3C4220901634', startBlock: 139_793_510 },
} as const

/**
 * Livepeer addresses on Ethereum mainnet that Arbitrum One history refers to: the L1 side of the
 * Confluence migration and the pre-Feb-2022 L1 Controller.
 *
 * @see shared/spec/protocol.md §13
 *
 * @example
 * arbitrumOneL1Addresses.L1Migrator
 */
export const arbitrumOneL1Addresses = {
  L1Migrator: '0x2a69191B43c9DB47C927bD7287F9C93838d07759',
  Controller: '0xF96D54E490317c557A967ABfA5d6e33006BE69b3',
} as const
