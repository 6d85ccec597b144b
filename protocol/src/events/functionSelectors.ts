import type { Hex } from 'viem'

/** One row of {@link functionSelectors}. */
export type FunctionSelectorEntry = {
  contract: 'BondingManager' | 'RoundsManager' | 'Minter' | 'Controller' | 'TicketBroker' | 'ServiceRegistry'
  /** Canonical function signature (types only). */
  signature: string
  /** First 4 bytes of keccak256(signature), as published in the spec. */
  selector: Hex
  note?: string
}

const lip118 = 'LIP-118 (optional, unverified on chain).'

/**
 * Function selectors of the functions and views Peerscope and go-livepeer call, as published in the
 * spec (§5, TicketBroker §4.4, ServiceRegistry §4.5). Kept as data so the dev-chain contracts and the
 * indexer can be checked against it.
 *
 * @see shared/spec/protocol.md §5
 *
 * @example
 * const bond = functionSelectors.find((row) => row.signature === 'bond(uint256,address)')?.selector // '0xb78d27dc'
 */
export const functionSelectors = [
  { contract: 'BondingManager', signature: 'bond(uint256,address)', selector: '0xb78d27dc' },
  { contract: 'BondingManager', signature: 'bondWithHint(uint256,address,address,address,address,address)', selector: '0x6bd9add4' },
  { contract: 'BondingManager', signature: 'bondForWithHint(uint256,address,address,address,address,address,address)', selector: '0xee4e804a' },
  { contract: 'BondingManager', signature: 'unbond(uint256)', selector: '0x27de9e32' },
  { contract: 'BondingManager', signature: 'unbondWithHint(uint256,address,address)', selector: '0x9500ed9b' },
  { contract: 'BondingManager', signature: 'rebond(uint256)', selector: '0xeaffb3f9' },
  { contract: 'BondingManager', signature: 'rebondWithHint(uint256,address,address)', selector: '0x7fc4606f' },
  { contract: 'BondingManager', signature: 'rebondFromUnbonded(address,uint256)', selector: '0x3a080e93' },
  { contract: 'BondingManager', signature: 'rebondFromUnbondedWithHint(address,uint256,address,address)', selector: '0x0584a373' },
  { contract: 'BondingManager', signature: 'transferBond(address,uint256,address,address,address,address)', selector: '0x062e98b8' },
  { contract: 'BondingManager', signature: 'withdrawStake(uint256)', selector: '0x25d5971f' },
  { contract: 'BondingManager', signature: 'withdrawFees(address,uint256)', selector: '0xad3b1b47' },
  { contract: 'BondingManager', signature: 'reward()', selector: '0x228cb733' },
  { contract: 'BondingManager', signature: 'rewardWithHint(address,address)', selector: '0x81871056' },
  { contract: 'BondingManager', signature: 'transcoder(uint256,uint256)', selector: '0x43d3461a' },
  { contract: 'BondingManager', signature: 'transcoderWithHint(uint256,uint256,address,address)', selector: '0x3550aa10' },
  { contract: 'BondingManager', signature: 'claimEarnings(uint256)', selector: '0x24b1babf' },
  { contract: 'BondingManager', signature: 'checkpointBondingState(address)', selector: '0xd52bd62b' },
  { contract: 'BondingManager', signature: 'pendingStake(address,uint256)', selector: '0x9d0b2c7a' },
  { contract: 'BondingManager', signature: 'pendingFees(address,uint256)', selector: '0xf595f1cc' },
  { contract: 'BondingManager', signature: 'getDelegator(address)', selector: '0xa64ad595' },
  { contract: 'BondingManager', signature: 'getTranscoder(address)', selector: '0x5dce9948' },
  { contract: 'BondingManager', signature: 'getTranscoderEarningsPoolForRound(address,uint256)', selector: '0x24454fc4' },
  { contract: 'BondingManager', signature: 'getDelegatorUnbondingLock(address,uint256)', selector: '0x412f83b6' },
  { contract: 'BondingManager', signature: 'getTranscoderPoolSize()', selector: '0x2a4e0d55' },
  { contract: 'BondingManager', signature: 'getTranscoderPoolMaxSize()', selector: '0x5a2a75a9' },
  { contract: 'BondingManager', signature: 'getFirstTranscoderInPool()', selector: '0x88a6c749' },
  { contract: 'BondingManager', signature: 'getNextTranscoderInPool(address)', selector: '0x235c9603' },
  { contract: 'BondingManager', signature: 'getTotalBonded()', selector: '0x5c50c356' },
  { contract: 'BondingManager', signature: 'isActiveTranscoder(address)', selector: '0x08802374' },
  { contract: 'BondingManager', signature: 'updateTranscoderWithFees(address,uint256,uint256)', selector: '0x3aeb512c' },
  { contract: 'BondingManager', signature: 'setRewardCaller(address)', selector: '0x0103e60e', note: lip118 },
  { contract: 'BondingManager', signature: 'rewardForTranscoder(address)', selector: '0x1a8c41f8', note: lip118 },
  { contract: 'BondingManager', signature: 'rewardForTranscoderWithHint(address,address,address)', selector: '0xb556966a', note: lip118 },
  { contract: 'RoundsManager', signature: 'initializeRound()', selector: '0xd4807fb2' },
  { contract: 'RoundsManager', signature: 'currentRound()', selector: '0x8a19c8bc' },
  { contract: 'RoundsManager', signature: 'blockHashForRound(uint256)', selector: '0x3aa4add4' },
  { contract: 'RoundsManager', signature: 'lastInitializedRound()', selector: '0x8807f36e' },
  { contract: 'RoundsManager', signature: 'roundLength()', selector: '0x8b649b94' },
  { contract: 'RoundsManager', signature: 'currentRoundStartBlock()', selector: '0x8fa148f2' },
  { contract: 'RoundsManager', signature: 'currentRoundInitialized()', selector: '0x219bc76c' },
  { contract: 'RoundsManager', signature: 'currentRoundLocked()', selector: '0x6841f253' },
  { contract: 'RoundsManager', signature: 'blockNum()', selector: '0x8ae63d6d' },
  { contract: 'Minter', signature: 'getGlobalTotalSupply()', selector: '0x5507442d' },
  { contract: 'Minter', signature: 'setCurrentRewardTokens()', selector: '0xece2064c' },
  { contract: 'Controller', signature: 'getContract(bytes32)', selector: '0xe16c7d98' },
  { contract: 'TicketBroker', signature: 'getSenderInfo(address)', selector: '0xe1a589da' },
  { contract: 'TicketBroker', signature: 'claimedReserve(address,address)', selector: '0x4ac826da' },
  { contract: 'TicketBroker', signature: 'claimableReserve(address,address)', selector: '0x81779f38' },
  {
    contract: 'TicketBroker',
    signature: 'redeemWinningTicket((address,address,uint256,uint256,uint256,bytes32,bytes),bytes,uint256)',
    selector: '0xec8b3cb6',
  },
  { contract: 'TicketBroker', signature: 'fundDeposit()', selector: '0x6caa736b' },
  { contract: 'TicketBroker', signature: 'fundReserve()', selector: '0x6f9c3c8f' },
  { contract: 'TicketBroker', signature: 'fundDepositAndReserve(uint256,uint256)', selector: '0x511f4073' },
  { contract: 'TicketBroker', signature: 'fundDepositAndReserveFor(address,uint256,uint256)', selector: '0x989f789c' },
  {
    contract: 'TicketBroker',
    signature: 'batchRedeemWinningTickets((address,address,uint256,uint256,uint256,bytes32,bytes)[],bytes[],uint256[])',
    selector: '0xd01b808e',
  },
  { contract: 'TicketBroker', signature: 'unlock()', selector: '0xa69df4b5' },
  { contract: 'TicketBroker', signature: 'cancelUnlock()', selector: '0xc2c4c2c8' },
  { contract: 'TicketBroker', signature: 'withdraw()', selector: '0x3ccfd60b' },
  { contract: 'ServiceRegistry', signature: 'setServiceURI(string)', selector: '0x5f11301b' },
  { contract: 'ServiceRegistry', signature: 'getServiceURI(address)', selector: '0x214c2a4b' },
] as const satisfies readonly FunctionSelectorEntry[]
