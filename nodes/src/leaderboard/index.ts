// @peerscope/nodes/leaderboard: benchmark samples in ClickHouse `benchmark_samples`, the
// leaderboard-serverless scores and REST API over them (nodes.md §12.3), and the ticket
// verification benchmark.
export { benchTicketVerification, type BenchTicketVerificationParameters, type BenchTicketVerificationReturnType } from './benchTicketVerification.ts'
export { aiRoundTripScore, computeAiScore, type ComputeAiScoreParameters } from './computeAiScore.ts'
export { computeSuccessRate, type ComputeSuccessRateParameters } from './computeSuccessRate.ts'
export { computeTranscodingScore, transcodingRoundTripScore, type ComputeTranscodingScoreParameters, type LeaderboardScore } from './computeTranscodingScore.ts'
export {
  createLeaderboardRoutes,
  ingestBenchmarkSamplesPath,
  type CreateLeaderboardRoutesParameters,
  type LeaderboardRouteHandler,
} from './createLeaderboardRoutes.ts'
export { InvalidBenchmarkSampleError, LeaderboardParameterError, type InvalidBenchmarkSampleErrorType, type LeaderboardParameterErrorType } from './errors.ts'
export { formatWeiRatio } from './formatWeiRatio.ts'
export { insertBenchmarkSamples, type InsertBenchmarkSamplesParameters, type InsertBenchmarkSamplesReturnType } from './insertBenchmarkSamples.ts'
export { leaderboardRegions, readRegions, type LeaderboardRegion } from './leaderboardRegions.ts'
export { percentileCont } from './percentileCont.ts'
export { readLeaderboard, type LeaderboardRow, type ReadLeaderboardParameters } from './readLeaderboard.ts'
export { readPipelines, type LeaderboardPipeline, type ReadPipelinesParameters } from './readPipelines.ts'
export { readRawStats, type RawStats, type ReadRawStatsParameters } from './readRawStats.ts'
export { defaultLeaderboardWindowMs, type SampleFilter } from './sampleFilter.ts'
export {
  validateBenchmarkSample,
  type BenchmarkJobType,
  type BenchmarkSample,
  type BenchmarkSampleFieldError,
  type BenchmarkSampleInput,
  type ValidateBenchmarkSampleReturnType,
} from './validateBenchmarkSample.ts'
