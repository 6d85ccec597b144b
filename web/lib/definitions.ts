// Shapes of the API answers the pages use (subgraph dialect and analytics SDL,
// api/src/schema/analytics.graphql). BigInt / BigDecimal arrive as strings.

type Ref = { id: string }

export type ExplorerEvent = {
  __typename: string
  id: string
  timestamp: number
  round: Ref
  transaction: { id: string; from: string }
} & Record<string, unknown>

export type Protocol = {
  inflation: string
  inflationChange: string
  participationRate: string
  totalActiveStake: string
  totalSupply: string
  totalVolumeETH: string
  activeTranscoderCount: string
  numActiveTranscoders: string
  delegatorsCount: string
  roundLength: string
  lockPeriod: string
  unbondingPeriod: string
  winningTicketCount: number
  paused: boolean
  currentRound: Round
}

export type Round = {
  id: string
  initialized: boolean
  startBlock: string
  endBlock: string
  length: string
  startTimestamp: number
  mintableTokens: string
  volumeETH: string
  totalActiveStake: string
  totalSupply: string
  participationRate: string
  inflation: string
  activeTranscoderCount: string
  delegatorsCount: string
}

export type PoolRow = {
  id: string
  round: Ref
  delegate: Ref
  totalStake: string
  rewardTokens: string | null
  rewardCommission: string | null
  fees: string
  feeCommission: string
  rewardCut: string
  feeShare: string
}

export type Transcoder = {
  id: string
  active: boolean
  status: string
  totalStake: string
  rewardCut: string
  feeShare: string
  activationRound: string
  deactivationRound: string
  activationTimestamp: number
  lastRewardRound: Ref | null
  serviceURI: string | null
  totalVolumeETH: string
  thirtyDayVolumeETH: string
  ninetyDayVolumeETH: string
  rewardCommission: string
  feeCommission: string
  pools: { rewardTokens: string | null; round: Ref }[]
}

export type Broadcaster = {
  id: string
  deposit: string
  reserve: string
  totalVolumeETH: string
  thirtyDayVolumeETH: string
  ninetyDayVolumeETH: string
  firstFundedDay: number
  lastFundedDay: number
}

export type CutChange = { round: number; timestamp: number; transactionHash: string; rewardCut: string; feeShare: string }

export type OrchestratorRoundStats = {
  round: number
  stake: string | null
  active: boolean
  rewardCalled: boolean
  rewardTokens: string
  rewardCommission: string
  delegatorsReward: string
  fees: string
  feeCommission: string
  delegatorsFees: string
  delegatorsRewardRate: string | null
}

export type OrchestratorComparison = {
  id: string
  fromRound: number
  toRound: number
  stake: string
  activeRounds: number
  rewardCalls: number
  missedRewardCalls: number
  rewardCallRatio: string
  rewardTokens: string
  rewardCommission: string
  delegatorsReward: string
  delegatorsRewardPerRound: string
  averageDelegatorsRewardRate: string
  fees: string
  delegatorsFees: string
  rewardCut: string
  feeShare: string
  cutChanges: CutChange[]
  rounds: OrchestratorRoundStats[]
}

export type OrchestratorYield = {
  id: string
  rewardCallRatio: string
  rewardsLPT: string
  rewardsYield: string
  feesETH: string
  feesYield: string
  totalYield: string
  isNew: boolean
  realizedRewardYield: string | null
}

export type ForecastedYield = {
  principal: string
  months: number
  roundsCount: number
  totalInflation: string
  treasuryRewardCut: string
  orchestrators: OrchestratorYield[]
}

export type NetworkSeriesPoint = {
  date: number
  feesETH: string
  rewardTokens: string
  rewardCalls: number
  participationRate: string
  inflation: string
  delegatorsCount: number
  activeOrchestrators: number
  totalActiveStake: string
}

export type BenchmarkEntry = {
  orchestrator: string
  serviceURI: string
  region: string
  jobType: string
  pipeline: string
  model: string
  samples: number
  successRate: number
  latencyP50Ms: number
  latencyP90Ms: number
  latencyP99Ms: number
  pricePerPixel: string | null
  score: number | null
  latencyScore: number | null
  lastSampleAt: number
}

export type IndexerStatus = {
  indexedBlock: number | null
  chainHead: number | null
  lagBlocks: number | null
  behind: boolean
  behindThresholdBlocks: number
  currentRound: number | null
}

export type DelegatorEarningsRound = { round: number; orchestrator: string; stake: string; reward: string; fees: string; rewardRate: string | null }
