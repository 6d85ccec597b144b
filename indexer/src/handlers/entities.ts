import type { ProtocolParameters } from '@peerscope/protocol'
import {
  Broadcaster,
  BroadcasterDay,
  Day,
  Delegator,
  Pool,
  Protocol,
  Round,
  Transcoder,
  TranscoderDay,
  TranscoderStatus,
} from '../model/index.ts'
import { zeroDecimal } from './units.ts'

// Constructors with the subgraph's defaults for every non-null field.

/** The singleton Protocol, seeded with the deployment parameters when the preset knows them. */
export function newProtocol(parameters: ProtocolParameters | undefined): Protocol {
  const roundLength = parameters?.roundLength ?? 0n
  const roundLockAmount = parameters?.roundLockAmount ?? 0n
  return new Protocol({
    id: '0',
    inflation: parameters?.inflation ?? 0n,
    inflationChange: parameters?.inflationChange ?? 0n,
    numActiveTranscoders: parameters?.numActiveTranscoders ?? 0n,
    activeTranscoderCount: 0n,
    paused: false,
    targetBondingRate: parameters?.targetBondingRate ?? 0n,
    unbondingPeriod: parameters?.unbondingPeriod ?? 0n,
    lockPeriod: (roundLength * roundLockAmount) / 1_000_000n,
    roundLockAmount,
    totalActiveStake: zeroDecimal(),
    totalVolumeETH: zeroDecimal(),
    totalVolumeUSD: zeroDecimal(),
    participationRate: zeroDecimal(),
    currentRound: new Round({ id: '0' }),
    lastInitializedRound: new Round({ id: '0' }),
    lastRoundLengthUpdateRound: new Round({ id: '0' }),
    roundLength,
    lastRoundLengthUpdateStartBlock: 0n,
    totalSupply: zeroDecimal(),
    lptPriceEth: zeroDecimal(),
    winningTicketCount: 0,
    roundCount: 0,
    pendingActivation: [],
    pendingDeactivation: [],
    delegatorsCount: 0n,
    activeBroadcasters: [],
    totalTreasuryRewards: zeroDecimal(),
  })
}

/** A Round with the protocol's round-length parameters. */
export function newRound(round: bigint, protocol: Protocol): Round {
  const lastRound = BigInt(protocol.lastRoundLengthUpdateRound.id)
  const startBlock = protocol.lastRoundLengthUpdateStartBlock + (round - lastRound) * protocol.roundLength
  return new Round({
    id: round.toString(),
    initialized: false,
    startTimestamp: 0,
    length: protocol.roundLength,
    startBlock,
    endBlock: startBlock + protocol.roundLength,
    mintableTokens: zeroDecimal(),
    volumeETH: zeroDecimal(),
    volumeUSD: zeroDecimal(),
    totalActiveStake: zeroDecimal(),
    totalSupply: protocol.totalSupply,
    participationRate: zeroDecimal(),
    movedStake: zeroDecimal(),
    newStake: zeroDecimal(),
    inflation: protocol.inflation,
    numActiveTranscoders: protocol.numActiveTranscoders,
    activeTranscoderCount: protocol.activeTranscoderCount,
    delegatorsCount: protocol.delegatorsCount,
  })
}

export function newTranscoder(id: string): Transcoder {
  return new Transcoder({
    id,
    activationRound: 0n,
    deactivationRound: 0n,
    lastActiveStakeUpdateRound: 0n,
    active: false,
    status: TranscoderStatus.NotRegistered,
    activationTimestamp: 0,
    lastRewardRound: null,
    rewardCut: 0n,
    rewardCutUpdateTimestamp: 0,
    feeShare: 0n,
    feeShareUpdateTimestamp: 0,
    totalStake: zeroDecimal(),
    totalVolumeETH: zeroDecimal(),
    thirtyDayVolumeETH: zeroDecimal(),
    sixtyDayVolumeETH: zeroDecimal(),
    ninetyDayVolumeETH: zeroDecimal(),
    totalVolumeUSD: zeroDecimal(),
    delegator: null,
    serviceURI: null,
    transcoderDays: [],
    rewardCaller: null,
    rewardCommission: zeroDecimal(),
    feeCommission: zeroDecimal(),
    cumulativeRewards: zeroDecimal(),
    cumulativeFees: zeroDecimal(),
    treasuryRewardTokens: zeroDecimal(),
    lastFeeRound: 0n,
  })
}

export function newDelegator(id: string): Delegator {
  return new Delegator({
    id,
    delegate: null,
    startRound: 0n,
    lastClaimRound: null,
    bondedAmount: zeroDecimal(),
    principal: zeroDecimal(),
    unbonded: zeroDecimal(),
    fees: zeroDecimal(),
    withdrawnFees: zeroDecimal(),
    delegatedAmount: zeroDecimal(),
    pendingStake: zeroDecimal(),
    pendingFees: zeroDecimal(),
  })
}

export function newPool(round: Round, transcoder: Transcoder, id: string): Pool {
  return new Pool({
    id,
    round: new Round({ id: round.id }),
    delegate: new Transcoder({ id: transcoder.id }),
    fees: zeroDecimal(),
    rewardTokens: null,
    totalStake: transcoder.totalStake,
    rewardCut: transcoder.rewardCut,
    feeShare: transcoder.feeShare,
    cumulativeRewardFactor: 0n,
    cumulativeFeeFactor: 0n,
    rewardCommission: null,
    feeCommission: zeroDecimal(),
    treasuryRewardTokens: null,
  })
}

export function newBroadcaster(id: string): Broadcaster {
  return new Broadcaster({
    id,
    deposit: zeroDecimal(),
    reserve: zeroDecimal(),
    totalVolumeETH: zeroDecimal(),
    totalVolumeUSD: zeroDecimal(),
    thirtyDayVolumeETH: zeroDecimal(),
    sixtyDayVolumeETH: zeroDecimal(),
    ninetyDayVolumeETH: zeroDecimal(),
    firstFundedDay: 0,
    firstActiveDay: 0,
    lastFundedDay: 0,
    lastActiveDay: 0,
    broadcasterDays: [],
  })
}

/** A Day, its non-volume fields carried forward from Protocol (the subgraph leaves them 0). */
export function newDay(day: number, protocol: Protocol): Day {
  return new Day({
    id: day.toString(),
    date: day * 86400,
    volumeETH: zeroDecimal(),
    volumeUSD: zeroDecimal(),
    totalActiveStake: protocol.totalActiveStake,
    totalSupply: protocol.totalSupply,
    participationRate: protocol.participationRate,
    inflation: protocol.inflation,
    numActiveTranscoders: protocol.numActiveTranscoders,
    activeTranscoderCount: protocol.activeTranscoderCount,
    delegatorsCount: protocol.delegatorsCount,
  })
}

export function newTranscoderDay(id: string, day: number, transcoder: string): TranscoderDay {
  return new TranscoderDay({ id, date: day * 86400, volumeETH: zeroDecimal(), volumeUSD: zeroDecimal(), transcoder: new Transcoder({ id: transcoder }) })
}

export function newBroadcasterDay(id: string, day: number, broadcaster: string): BroadcasterDay {
  return new BroadcasterDay({ id, date: day * 86400, volumeETH: zeroDecimal(), volumeUSD: zeroDecimal(), broadcaster: new Broadcaster({ id: broadcaster }) })
}
