import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ClickHouseClient } from '@clickhouse/client'
import { MigrationChecksumError, MigrationFileError } from './errors.ts'

/** The committed migrations: `indexer/clickhouse/migrations/NNNN_name.sql`. */
export const migrationsDirectory = fileURLToPath(new URL('../../clickhouse/migrations/', import.meta.url))

/** The table that records applied migrations. */
export const migrationsTable = 'schema_migrations'

/** Parameters for {@link migrate}. */
export type MigrateParameters = {
  client: ClickHouseClient
  /** Folder of `NNNN_name.sql` files. Default {@link migrationsDirectory}. */
  directory?: string | undefined
}

/** Return type of {@link migrate}: file names applied now, and those found already applied. */
export type MigrateReturnType = { applied: string[]; alreadyApplied: string[] }

/** Error types {@link migrate} may throw. */
export type MigrateErrorType = MigrationChecksumError | MigrationFileError

type Migration = { version: number; name: string; checksum: string; statements: string[] }

/**
 * Applies the pending versioned SQL migrations in version order and records each one (version,
 * file name, SHA-256, time) in {@link migrationsTable}. Idempotent: applied versions are skipped.
 * An applied file whose checksum changed fails with {@link MigrationChecksumError} before anything
 * runs. A file's statements are separated by a `;` at the end of a line; write them with
 * `IF NOT EXISTS` so a file interrupted half-way (no transactions in ClickHouse) re-runs cleanly.
 *
 * @param parameters The client, and optionally another migrations folder.
 * @returns The files applied by this call and those already applied.
 * @example
 * const { applied } = await migrate({ client })
 */
export async function migrate(parameters: MigrateParameters): Promise<MigrateReturnType> {
  const { client, directory = migrationsDirectory } = parameters
  const migrations = readMigrations(directory)

  await client.command({
    query: `CREATE TABLE IF NOT EXISTS ${migrationsTable}
      (version UInt32, name String, checksum String, applied_at DateTime64(3, 'UTC'))
      ENGINE = MergeTree ORDER BY version`,
  })
  const recorded = await (
    await client.query({ query: `SELECT version, name, checksum FROM ${migrationsTable} ORDER BY version`, format: 'JSONEachRow' })
  ).json<{ version: number; name: string; checksum: string }>()
  const recordedByVersion = new Map(recorded.map((row) => [Number(row.version), row]))

  for (const migration of migrations) {
    const row = recordedByVersion.get(migration.version)
    if (row && row.checksum !== migration.checksum)
      throw new MigrationChecksumError({ version: migration.version, name: migration.name, recorded: row.checksum, actual: migration.checksum })
  }

  const applied: string[] = []
  const alreadyApplied: string[] = []
  for (const migration of migrations) {
    if (recordedByVersion.has(migration.version)) {
      alreadyApplied.push(migration.name)
      continue
    }
    for (const statement of migration.statements) {
      try {
        await client.command({ query: statement })
      } catch (error) {
        throw new MigrationFileError({ name: migration.name, reason: `statement failed: ${statement.slice(0, 80)}…`, cause: error })
      }
    }
    await client.insert({
      table: migrationsTable,
      values: [{ version: migration.version, name: migration.name, checksum: migration.checksum, applied_at: new Date().toISOString() }],
      format: 'JSONEachRow',
    })
    applied.push(migration.name)
  }
  return { applied, alreadyApplied }
}

function readMigrations(directory: string): Migration[] {
  const files = readdirSync(directory)
    .filter((file) => file.endsWith('.sql'))
    .sort()
  const seen = new Map<number, string>()
  return files.map((name) => {
    const match = /^(\d{4})_[a-z0-9_]+\.sql$/.exec(name)
    if (!match) throw new MigrationFileError({ name, reason: 'the name must look like 0001_name.sql' })
    const version = Number(match[1])
    const other = seen.get(version)
    if (other) throw new MigrationFileError({ name, reason: `version ${version} is also used by ${other}` })
    seen.set(version, name)
    const text = readFileSync(join(directory, name), 'utf8')
    const checksum = createHash('sha256').update(text).digest('hex')
    // Full-line comments go first, so a `;` ending a comment line never splits a statement.
    const statements = text
      .split('\n')
      .filter((line) => !/^\s*--/.test(line))
      .join('\n')
      .split(/;[ \t]*(?:\r?\n|$)/)
      .map((statement) => statement.trim())
      .filter((statement) => statement.length > 0)
    if (statements.length === 0) throw new MigrationFileError({ name, reason: 'it contains no statement' })
    return { version, name, checksum, statements }
  })
}
