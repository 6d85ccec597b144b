// @peerscope/nodes: the local Livepeer network. `devnet/` starts anvil, deploys the protocol and
// writes the manifest; `simulator/` plays the deterministic scenario, the large bulk load and live
// activity. Later issues add `gateway/` and `orchestrator/` reference nodes.

// devnet
export {
  createDevnet,
  type CreateDevnetParameters,
  type Devnet,
  type DevnetProgress,
} from './devnet/index.ts'
export { createDevnetAccounts, type CreateDevnetAccountsParameters, type DevnetAccounts } from './devnet/createDevnetAccounts.ts'
export { deriveDevnetAccount, deriveDevnetPrivateKey, devnetRoles, type DevnetRole } from './devnet/deriveDevnetAccount.ts'
export { arbitrumLayout, placeholderAddress, placeholderCode, type ArbitrumLayout } from './devnet/arbitrumLayout.ts'
export { buildManifest, type BuildManifestParameters } from './devnet/buildManifest.ts'
export { writeManifest } from './devnet/writeManifest.ts'

// simulator
export { type DevnetStats } from './simulator/stats/createEventStats.ts'
export { missingEvents, unreachableEvents } from './simulator/stats/protocolContracts.ts'
export { episodeRounds, minimumCoverageRounds } from './simulator/scenario/createScenarioPlan.ts'
export { createRandom, type Random } from './simulator/random/createRandom.ts'
export { createWinningTicket, type CreateWinningTicketParameters, type WinningTicket } from './simulator/tickets/createWinningTicket.ts'
export { silentLogger, type Logger } from './simulator/logger.ts'

// errors
export { BaseError, type BaseErrorParameters, type BaseErrorType } from './errors/base.ts'
export {
  RpcRequestError,
  TransactionNotMinedError,
  TransactionRevertedError,
  type RpcRequestErrorType,
  type TransactionNotMinedErrorType,
  type TransactionRevertedErrorType,
} from './errors/chain.ts'
export { DevnetStoppedError, ScenarioCoverageError, type DevnetStoppedErrorType, type ScenarioCoverageErrorType } from './errors/simulator.ts'

// reference nodes (issue 6): orchestrator, gateway, workers, ffmpeg media, benchmark runner
export { startOrchestrator, type Orchestrator, type StartOrchestratorParameters } from './orchestrator/index.ts'
export { startGateway, type Gateway, type SegmentReport, type StartGatewayParameters } from './gateway/index.ts'
export { startWorker, type StartWorkerParameters, type Worker } from './worker/index.ts'
export { fundDevnetAccount, type FundDevnetAccountParameters } from './chain/index.ts'
export { renderBenchmarkTable, runBenchmark, toBenchmarkSample, type BenchmarkRow, type RunBenchmarkParameters, type RunBenchmarkReturnType } from './bench/index.ts'
export { defaultProfiles, detectEncoder, makeTestSegment, mediaBinariesFromEnv, parseProfiles, probeMedia, resolveMediaBinaries, transcodeSegment, videoProfiles, type EncoderChoice, type VideoProfile } from './media/index.ts'
export { ChainSetupError, MediaBinaryError, MediaProcessError, NodeProtocolError, NoOrchestratorsError, RenditionMismatchError, errorCodes, type ErrorCode, type NodeLogger } from './wire/index.ts'
