// @peerscope/protocol: the Livepeer protocol as data and pure functions. Event catalogue and
// selectors, network presets, precision math, LIP-36 rewards (and the event-fed earnings ledger),
// probabilistic-micropayment tickets, and the errors they throw.
// ABIs, anvil, deployment and artifacts are separate subpath exports: `@peerscope/protocol/abi`,
// `/anvil`, `/deploy`, `/artifacts`.

// errors
export { BaseError, specPath, type BaseErrorParameters, type BaseErrorType } from './errors/base.ts'
export { LedgerInvariantError, type LedgerInvariantErrorType } from './errors/ledger.ts'
export {
  InvalidDevnetManifestError,
  PresetContractNotFoundError,
  ReadDevnetManifestError,
  type InvalidDevnetManifestErrorType,
  type PresetContractNotFoundErrorType,
  type ReadDevnetManifestErrorType,
} from './errors/preset.ts'
export {
  InsufficientSenderReserveError,
  InvalidAuxDataError,
  InvalidTicketParametersError,
  InvalidTicketSignatureError,
  type InsufficientSenderReserveErrorType,
  type InvalidAuxDataErrorType,
  type InvalidTicketParametersErrorType,
  type InvalidTicketSignatureErrorType,
} from './errors/ticket.ts'

// events
export { arbitrumEventCatalogue, arbitrumEventsAbi, arbitrumEventsByContract } from './events/arbitrumEvents.ts'
export { bondingManagerEvents, bondingManagerEventsAbi } from './events/bondingManagerEvents.ts'
export { controllerEvents, controllerEventsAbi } from './events/controllerEvents.ts'
export { functionSelectors, type FunctionSelectorEntry } from './events/functionSelectors.ts'
export { livepeerTokenEvents, livepeerTokenEventsAbi } from './events/livepeerTokenEvents.ts'
export { managerEvents } from './events/managerEvents.ts'
export { minterEvents, minterEventsAbi } from './events/minterEvents.ts'
export { roundsManagerEvents, roundsManagerEventsAbi } from './events/roundsManagerEvents.ts'
export { serviceRegistryEvents, serviceRegistryEventsAbi } from './events/serviceRegistryEvents.ts'
export { signaturesOf, type SignaturesOf } from './events/signaturesOf.ts'
export { ticketBrokerEvents, ticketBrokerEventsAbi } from './events/ticketBrokerEvents.ts'
export type { EventCatalogueEntry, EventContractName } from './events/types.ts'

// presets
export { arbitrumOne, arbitrumOneGovernance, arbitrumOneL1Addresses, arbitrumOneTargets } from './presets/arbitrumOne.ts'
export { controllerRegistryNames, multicall3Address, protocolContractNames, type ProtocolContractName } from './presets/contractNames.ts'
export {
  devnetParameterNames,
  devnetPreset,
  parseDevnetManifest,
  readDevnetManifest,
  requiredDevnetContracts,
  type DevnetManifest,
  type DevnetParameterName,
} from './presets/devnet.ts'
export { getPresetContract } from './presets/getPresetContract.ts'
export type { ContractDeployment, MinterDeployment, NetworkPreset, ProtocolParameters } from './presets/types.ts'

// math
export { percDivisor, percDivisorV2, precisePercDivisor } from './math/constants.ts'
export { percOf } from './math/percOf.ts'
export { percOfV2 } from './math/percOfV2.ts'
export { percPoints } from './math/percPoints.ts'
export { percPointsV2 } from './math/percPointsV2.ts'
export { precisePercOf } from './math/precisePercOf.ts'
export { precisePercPoints } from './math/precisePercPoints.ts'

// rewards
export { claimEarnings, type ClaimEarningsParameters, type ClaimEarningsReturnType } from './rewards/claimEarnings.ts'
export {
  createEarningsLedger,
  type CreateEarningsLedgerParameters,
  type CreateEarningsLedgerReturnType,
} from './rewards/createEarningsLedger.ts'
export {
  currentMintableTokens,
  type CurrentMintableTokensParameters,
  type CurrentMintableTokensReturnType,
} from './rewards/currentMintableTokens.ts'
export {
  delegatorCumulativeStakeAndFees,
  type DelegatorCumulativeStakeAndFeesParameters,
  type DelegatorCumulativeStakeAndFeesReturnType,
} from './rewards/delegatorCumulativeStakeAndFees.ts'
export {
  ledgerEventNames,
  type EarningsLedger,
  type LedgerDelegator,
  type LedgerEvent,
  type LedgerEventName,
  type LedgerGlobals,
  type LedgerTranscoder,
  type LedgerUnbondingLock,
} from './rewards/earningsLedgerTypes.ts'
export {
  estimatePreviousCumulativeRewardFactor,
  type EstimatePreviousCumulativeRewardFactorParameters,
  type EstimatePreviousCumulativeRewardFactorReturnType,
} from './rewards/estimatePreviousCumulativeRewardFactor.ts'
export {
  latestCumulativeFactors,
  type LatestCumulativeFactorsParameters,
  type LatestCumulativeFactorsReturnType,
} from './rewards/latestCumulativeFactors.ts'
export {
  nextCumulativeFeeFactor,
  type NextCumulativeFeeFactorParameters,
  type NextCumulativeFeeFactorReturnType,
} from './rewards/nextCumulativeFeeFactor.ts'
export {
  nextCumulativeRewardFactor,
  type NextCumulativeRewardFactorParameters,
  type NextCumulativeRewardFactorReturnType,
} from './rewards/nextCumulativeRewardFactor.ts'
export { isLedgerEventName } from './rewards/isLedgerEventName.ts'
export { nextInflation, type NextInflationParameters, type NextInflationReturnType } from './rewards/nextInflation.ts'
export { pendingFees, type PendingFeesParameters, type PendingFeesReturnType } from './rewards/pendingFees.ts'
export { pendingStake, type PendingStakeParameters, type PendingStakeReturnType } from './rewards/pendingStake.ts'
export {
  pendingStakeAndFees,
  type PendingStakeAndFeesParameters,
  type PendingStakeAndFeesReturnType,
} from './rewards/pendingStakeAndFees.ts'
export { rewardTokens, type RewardTokensParameters, type RewardTokensReturnType } from './rewards/rewardTokens.ts'
export { splitFees, type SplitFeesParameters, type SplitFeesReturnType } from './rewards/splitFees.ts'
export { splitReward, type SplitRewardParameters, type SplitRewardReturnType } from './rewards/splitReward.ts'
export type {
  CumulativeFactors,
  CumulativeFactorsAt,
  DelegatorEarningsState,
  EarningsPool,
  TranscoderEarningsState,
} from './rewards/types.ts'

// tickets
export { computeFaceValue, type ComputeFaceValueParameters, type ComputeFaceValueReturnType } from './tickets/computeFaceValue.ts'
export { computeWinProb, type ComputeWinProbReturnType } from './tickets/computeWinProb.ts'
export {
  averageGasPrice,
  defaultTicketEV,
  defaultTxCostMultiplier,
  evMultiplier,
  maxWinProb,
  redeemGasL1,
  redeemGasL2,
} from './tickets/constants.ts'
export { createEcRecover, createTicketVerifier, type CreateTicketVerifierParameters, type TicketVerifier } from './tickets/createTicketVerifier.ts'
export { decodeAuxData, type DecodeAuxDataReturnType } from './tickets/decodeAuxData.ts'
export {
  deriveRecipientRand,
  type DeriveRecipientRandParameters,
  type DeriveRecipientRandReturnType,
} from './tickets/deriveRecipientRand.ts'
export { encodeAuxData, type EncodeAuxDataReturnType } from './tickets/encodeAuxData.ts'
export { hashTicket, type HashTicketReturnType } from './tickets/hashTicket.ts'
export { isWinningTicket, type IsWinningTicketParameters, type IsWinningTicketReturnType } from './tickets/isWinningTicket.ts'
export { recipientRandHash, type RecipientRandHashReturnType } from './tickets/recipientRandHash.ts'
export {
  recoverTicketSigner,
  type RecoverTicketSignerParameters,
  type RecoverTicketSignerReturnType,
} from './tickets/recoverTicketSigner.ts'
export { signTicket, type SignTicketParameters, type SignTicketReturnType } from './tickets/signTicket.ts'
export { ticketExpectedValue, type TicketExpectedValueReturnType } from './tickets/ticketExpectedValue.ts'
export type { Ticket } from './tickets/types.ts'
export {
  verifyTicketSignature,
  type VerifyTicketSignatureParameters,
  type VerifyTicketSignatureReturnType,
} from './tickets/verifyTicketSignature.ts'
