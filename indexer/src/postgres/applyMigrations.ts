import { DataSource } from 'typeorm'
import { createDataSourceOptions } from './createDataSourceOptions.ts'

/** Parameters for {@link applyMigrations}. */
export type ApplyMigrationsParameters = {
  /** Connection URL of the target database. */
  url: string
}

/** Return type of {@link applyMigrations}: the names of the migrations this call applied. */
export type ApplyMigrationsReturnType = string[]

/**
 * Applies the committed migrations (`indexer/db/migrations/`) that the database has not seen yet,
 * all in one transaction, like `squid-typeorm-migration apply` (`runMigrations({ transaction: 'all' })`).
 * Idempotent: a second call applies nothing.
 *
 * @see shared/spec/indexer-stack.md §3.2
 *
 * @param parameters - The database URL.
 * @returns Names of the newly applied migrations.
 *
 * @example
 * await applyMigrations({ url: process.env.DB_URL })
 */
export async function applyMigrations(parameters: ApplyMigrationsParameters): Promise<ApplyMigrationsReturnType> {
  const dataSource = new DataSource(createDataSourceOptions(parameters))
  await dataSource.initialize()
  try {
    const applied = await dataSource.runMigrations({ transaction: 'all' })
    return applied.map((migration) => migration.name)
  } finally {
    await dataSource.destroy()
  }
}
