// bench: the benchmark runner (orch-tester's one-at-a-time test and a load mode) producing
// `benchmark_samples` rows and a table.
export { renderBenchmarkTable, type BenchmarkRow } from './renderBenchmarkTable.ts'
export { runBenchmark, type RunBenchmarkParameters, type RunBenchmarkReturnType } from './runBenchmark.ts'
export { toBenchmarkSample, type ToBenchmarkSampleParameters } from './toBenchmarkSample.ts'
