import { BaseError } from '../errors/base.ts'

/** Type of {@link LeaderboardParameterError}. */
export type LeaderboardParameterErrorType = LeaderboardParameterError & { name: 'LeaderboardParameterError' }

/** A leaderboard query parameter is missing or malformed (the REST routes answer 400 naming it). */
export class LeaderboardParameterError extends BaseError {
  override name = 'LeaderboardParameterError'
  readonly field: string
  constructor({ field, reason }: { field: string; reason: string }) {
    super(`invalid parameter "${field}": ${reason}`)
    this.field = field
  }
}

/** Type of {@link InvalidBenchmarkSampleError}. */
export type InvalidBenchmarkSampleErrorType = InvalidBenchmarkSampleError & { name: 'InvalidBenchmarkSampleError' }

/** A benchmark sample failed validation; nothing of its batch was written. */
export class InvalidBenchmarkSampleError extends BaseError {
  override name = 'InvalidBenchmarkSampleError'
  readonly index: number
  readonly field: string
  readonly reason: string
  constructor({ index, field, reason }: { index: number; field: string; reason: string }) {
    super(`samples[${index}].${field}: ${reason}`, { details: 'Nothing of this batch was inserted.' })
    this.index = index
    this.field = field
    this.reason = reason
  }
}
