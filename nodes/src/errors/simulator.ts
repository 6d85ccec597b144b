import { BaseError } from './base.ts'

/** Type of {@link ScenarioCoverageError}. */
export type ScenarioCoverageErrorType = ScenarioCoverageError & { name: 'ScenarioCoverageError' }

/** The scenario finished without emitting some contract events (too few rounds, or a scenario bug). */
export class ScenarioCoverageError extends BaseError {
  override name = 'ScenarioCoverageError'
  readonly missing: readonly string[]
  constructor({ missing, rounds }: { missing: readonly string[]; rounds: number }) {
    super(`the scenario did not emit ${missing.length} contract event(s)`, {
      docsPath: '#3-event-catalogue',
      metaMessages: [`missing: ${missing.join(', ')}`, `rounds played: ${rounds}`],
      details: 'Every event needs at least 12 rounds (unbonding period 7, unlock period 2).',
    })
    this.missing = missing
  }
}

/** Type of {@link DevnetStoppedError}. */
export type DevnetStoppedErrorType = DevnetStoppedError & { name: 'DevnetStoppedError' }

/** The devnet was stopped (abort signal or `stop()`) before it was ready. */
export class DevnetStoppedError extends BaseError {
  override name = 'DevnetStoppedError'
  constructor({ cause }: { cause?: unknown } = {}) {
    super('the devnet was stopped before it was ready', { cause })
  }
}
