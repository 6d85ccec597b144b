import { parseAbi } from 'viem'
import { managerEvents } from './managerEvents.ts'
import { signaturesOf } from './signaturesOf.ts'

/**
 * BondingManager events (Arbitrum One, delta + LIP-118), logged by the BondingManager proxy.
 *
 * @see shared/spec/protocol.md §3.1
 *
 * @example
 * const row = bondingManagerEvents.find((event) => event.name === 'Bond')
 */
export const bondingManagerEvents = [
  {
    contract: 'BondingManager',
    name: 'Bond',
    signature: 'event Bond(address indexed newDelegate, address indexed oldDelegate, address indexed delegator, uint256 additionalAmount, uint256 bondedAmount)',
    topic0: '0xe5917769f276ddca9f2ee7c6b0b33e1d1e1b61008010ce622c632dd20d168a23',
  },
  {
    contract: 'BondingManager',
    name: 'Unbond',
    signature: 'event Unbond(address indexed delegate, address indexed delegator, uint256 unbondingLockId, uint256 amount, uint256 withdrawRound)',
    topic0: '0x2d5d98d189bee5496a08db2a5948cb7e5e786f09d17d0c3f228eb41776c24a06',
  },
  {
    contract: 'BondingManager',
    name: 'Rebond',
    signature: 'event Rebond(address indexed delegate, address indexed delegator, uint256 unbondingLockId, uint256 amount)',
    topic0: '0x9f5b64cc71e1e26ff178caaa7877a04d8ce66fde989251870e80e6fbee690c17',
  },
  {
    contract: 'BondingManager',
    name: 'TransferBond',
    signature: 'event TransferBond(address indexed oldDelegator, address indexed newDelegator, uint256 oldUnbondingLockId, uint256 newUnbondingLockId, uint256 amount)',
    topic0: '0xf136b986590e86cf1abd7b6600186a7a1178ad3cbbdf0f3312e79f6214a2a567',
  },
  {
    contract: 'BondingManager',
    name: 'WithdrawStake',
    signature: 'event WithdrawStake(address indexed delegator, uint256 unbondingLockId, uint256 amount, uint256 withdrawRound)',
    topic0: '0x1340f1a8f3d456a649e1a12071dfa15655e3d09252131d0f980c3b405cc8dd2e',
  },
  {
    contract: 'BondingManager',
    name: 'WithdrawFees',
    signature: 'event WithdrawFees(address indexed delegator, address recipient, uint256 amount)',
    topic0: '0x4f1b51dd7a2fcb861aa2670f668be66835c4ee12b4bbbf037e4d0018f39819e4',
  },
  {
    contract: 'BondingManager',
    name: 'EarningsClaimed',
    signature: 'event EarningsClaimed(address indexed delegate, address indexed delegator, uint256 rewards, uint256 fees, uint256 startRound, uint256 endRound)',
    topic0: '0xd7eab0765b772ea6ea859d5633baf737502198012e930f257f90013d9b211094',
  },
  {
    contract: 'BondingManager',
    name: 'Reward',
    signature: 'event Reward(address indexed transcoder, uint256 amount)',
    topic0: '0x619caafabdd75649b302ba8419e48cccf64f37f1983ac4727cfb38b57703ffc9',
  },
  {
    contract: 'BondingManager',
    name: 'TreasuryReward',
    signature: 'event TreasuryReward(address indexed transcoder, address treasury, uint256 amount)',
    topic0: '0x40e200718fe552021167687e5491d09f5931275b6f88f14a462650f0effb5237',
    note: 'Delta (about Oct 2023, L2 block ~140M) onward.',
  },
  {
    contract: 'BondingManager',
    name: 'TranscoderUpdate',
    signature: 'event TranscoderUpdate(address indexed transcoder, uint256 rewardCut, uint256 feeShare)',
    topic0: '0x7346854431dbb3eb8e373c604abf89e90f4865b8447e1e2834d7b3e4677bf544',
  },
  {
    contract: 'BondingManager',
    name: 'TranscoderActivated',
    signature: 'event TranscoderActivated(address indexed transcoder, uint256 activationRound)',
    topic0: '0x65d72d782835d64c3287844a829608d5abdc7e864cc9affe96d910ab3db665e9',
  },
  {
    contract: 'BondingManager',
    name: 'TranscoderDeactivated',
    signature: 'event TranscoderDeactivated(address indexed transcoder, uint256 deactivationRound)',
    topic0: '0xfee3e693fc72d0a0a673805f3e606c551f4c677b9072444b90dd2d0406bc995c',
  },
  {
    contract: 'BondingManager',
    name: 'TranscoderSlashed',
    signature: 'event TranscoderSlashed(address indexed transcoder, address finder, uint256 penalty, uint256 finderReward)',
    topic0: '0xf4b71fed8e2c9a8c67c388bc6d35ad20b9368a24eed6d565459f2b277b6c0c22',
    note: 'Slashing is disabled (Verifier unset): never emitted on Arbitrum.',
  },
  {
    contract: 'BondingManager',
    name: 'RewardCallerSet',
    signature: 'event RewardCallerSet(address indexed transcoder, address indexed rewardCaller)',
    topic0: '0x15932b87747cac36d3c505e86a946c6d3a79d9d7bdb79d81584d32bbe54516c2',
    note: 'LIP-118 (2026, optional): not in the delta branch; verify on chain before relying on it.',
  },
  ...managerEvents('BondingManager'),
] as const

/**
 * viem ABI of {@link bondingManagerEvents}, for `decodeEventLog` and `getLogs`.
 *
 * @example
 * const { eventName, args } = decodeEventLog({ abi: bondingManagerEventsAbi, data: log.data, topics: log.topics })
 */
export const bondingManagerEventsAbi = parseAbi(signaturesOf(bondingManagerEvents))
