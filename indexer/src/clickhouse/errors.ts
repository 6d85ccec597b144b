import { BaseError } from '@peerscope/protocol'

/** Where ClickHouse sink errors point: the sink design in the indexer stack reference. */
const sinkSpec = 'Spec: shared/spec/indexer-stack.md §6 (ClickHouse sink), §7 (chDB)'

/** Type of {@link ChdbDirectoryLockedError}. */
export type ChdbDirectoryLockedErrorType = ChdbDirectoryLockedError & { name: 'ChdbDirectoryLockedError' }

/**
 * The embedded chDB data directory could not be opened: another process holds its lock (an indexer
 * or API already running on it), or this process already has a different chDB directory open.
 * chDB allows one process per data directory; stop the other process, or point `CLICKHOUSE_URL`
 * at a clickhouse-server. Not retryable while the other owner lives.
 *
 * @example
 * throw new ChdbDirectoryLockedError({ path: '/data/chdb', cause })
 */
export class ChdbDirectoryLockedError extends BaseError {
  override name = 'ChdbDirectoryLockedError'
  readonly path: string

  constructor({ path, reason, cause }: { path: string; reason: 'locked' | 'otherDirectoryOpen'; cause?: unknown }) {
    super(
      reason === 'locked'
        ? `chDB data directory ${path} is locked by another process.`
        : `chDB data directory ${path} cannot be opened: this process already has another chDB directory open.`,
      {
        metaMessages: [
          reason === 'locked'
            ? 'Only one process may open a chDB directory: stop the other indexer/API, or set CLICKHOUSE_URL to use clickhouse-server.'
            : 'chDB binds one data directory per process: close the open client first.',
          sinkSpec,
        ],
        cause,
      },
    )
    this.path = path
  }
}

/** Type of {@link MigrationChecksumError}. */
export type MigrationChecksumErrorType = MigrationChecksumError & { name: 'MigrationChecksumError' }

/**
 * An applied migration file was edited after it ran: its SHA-256 differs from the recorded one.
 * Never edit an applied migration; add a new numbered file instead. Not retryable.
 *
 * @example
 * throw new MigrationChecksumError({ version: 1, name: '0001_facts.sql', recorded: 'ab…', actual: 'cd…' })
 */
export class MigrationChecksumError extends BaseError {
  override name = 'MigrationChecksumError'
  readonly version: number

  constructor({ version, name, recorded, actual }: { version: number; name: string; recorded: string; actual: string }) {
    super(`ClickHouse migration ${name} (version ${version}) changed after it was applied.`, {
      metaMessages: [`Recorded checksum: ${recorded}`, `File checksum:     ${actual}`, 'Add a new migration instead of editing an applied one.'],
    })
    this.version = version
  }
}

/** Type of {@link MigrationFileError}. */
export type MigrationFileErrorType = MigrationFileError & { name: 'MigrationFileError' }

/**
 * A migration file name or version sequence is invalid (`NNNN_name.sql`, unique versions), or a
 * statement in it failed. Not retryable without fixing the file or the database.
 *
 * @example
 * throw new MigrationFileError({ name: 'facts.sql', reason: 'name must look like 0001_name.sql' })
 */
export class MigrationFileError extends BaseError {
  override name = 'MigrationFileError'

  constructor({ name, reason, cause }: { name: string; reason: string; cause?: unknown }) {
    super(`ClickHouse migration ${name} is invalid: ${reason}.`, { cause })
  }
}

/** Type of {@link InvalidFactError}. */
export type InvalidFactErrorType = InvalidFactError & { name: 'InvalidFactError' }

/**
 * A decoded log or a precomputed rollup row handed to the sink does not match the event catalogue
 * (unknown event, missing or mistyped argument) or the row contract. The whole batch is rejected
 * before anything is written, so nothing is lost; the decoder and the sink disagree: stop the
 * indexer and fix the decoder. Not retryable.
 *
 * @example
 * throw new InvalidFactError({ blockNumber: 12, logIndex: 3, eventName: 'Bond', reason: 'args.bondedAmount must be a bigint' })
 */
export class InvalidFactError extends BaseError {
  override name = 'InvalidFactError'
  readonly blockNumber: number
  readonly logIndex: number

  constructor({ blockNumber, logIndex, eventName, reason }: { blockNumber: number; logIndex: number; eventName: string; reason: string }) {
    super(`Cannot write ${eventName} at block ${blockNumber} log ${logIndex} to ClickHouse: ${reason}.`, {
      metaMessages: ['The batch was rejected before any write; nothing was stored.', sinkSpec],
    })
    this.blockNumber = blockNumber
    this.logIndex = logIndex
  }
}

/** Type of {@link ForkNotRolledBackError}. */
export type ForkNotRolledBackErrorType = ForkNotRolledBackError & { name: 'ForkNotRolledBackError' }

/**
 * A row at (block, log index) already exists with a different block hash: a fork was not rolled
 * back before its replacement blocks were written. The caller broke the sink contract (call
 * `rollback(baseHeight)` first). Not retryable.
 *
 * @example
 * throw new ForkNotRolledBackError({ table: 'events', blockNumber: 20, storedHash: '0xaa…', newHash: '0xbb…' })
 */
export class ForkNotRolledBackError extends BaseError {
  override name = 'ForkNotRolledBackError'

  constructor({ table, blockNumber, storedHash, newHash }: { table: string; blockNumber: number; storedHash: string; newHash: string }) {
    super(`ClickHouse table ${table} already holds block ${blockNumber} with another hash; roll the fork back first.`, {
      metaMessages: [`Stored hash: ${storedHash}`, `New hash:    ${newHash}`, sinkSpec],
    })
  }
}
