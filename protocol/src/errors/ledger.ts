import { BaseError } from './base.ts'

/** Type of {@link LedgerInvariantError}. */
export type LedgerInvariantErrorType = LedgerInvariantError & { name: 'LedgerInvariantError' }

/**
 * The event-fed LIP-36 earnings ledger saw an event its model of the BondingManager cannot explain
 * (a claimed amount differs, a pool operation is unexpected, an input is missing). The model and the
 * chain have diverged: stop and fix the model (or the event feed); retrying cannot help.
 *
 * @example
 * throw new LedgerInvariantError({ eventName: 'EarningsClaimed', round: 12n, reason: 'rewards differ', expected: 607n, actual: 608n })
 */
export class LedgerInvariantError extends BaseError {
  override name = 'LedgerInvariantError'
  readonly eventName: string
  readonly round: bigint
  readonly reason: string

  constructor({
    eventName,
    round,
    reason,
    expected,
    actual,
  }: {
    eventName: string
    round: bigint
    reason: string
    expected?: unknown
    actual?: unknown
  }) {
    super(`Earnings ledger diverged from the chain at ${eventName} in round ${round}: ${reason}.`, {
      metaMessages:
        expected === undefined && actual === undefined
          ? undefined
          : [`Expected: ${String(expected)}`, `Actual:   ${String(actual)}`],
      docsPath: '#10-lip-36-cumulative-factors-pendingstake-pendingfees-claiming',
    })
    this.eventName = eventName
    this.round = round
    this.reason = reason
  }
}
