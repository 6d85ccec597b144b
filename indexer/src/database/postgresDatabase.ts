import { DataSource, type DataSourceOptions } from 'typeorm'
import { TypeormDatabase } from '@subsquid/typeorm-store'

/** Parameters for {@link createPostgresDatabase}. */
export type CreatePostgresDatabaseParameters = {
  /** From `createDataSourceOptions` (postgres/): URL, generated entities, snake_case naming. */
  dataSourceOptions: DataSourceOptions
}

/**
 * typeorm-store's `TypeormDatabase` (status + hot-block change log, SERIALIZABLE transactions) on
 * the given DataSource options. NOTE: typeorm-store would otherwise build its DataSource from
 * `DB_*` environment variables and a `lib/model` folder; config is read once in config.ts instead.
 *
 * @see shared/spec/indexer-stack.md §2.3
 *
 * @example
 * const postgres = createPostgresDatabase({ dataSourceOptions: createDataSourceOptions({ url }) })
 */
export function createPostgresDatabase({ dataSourceOptions }: CreatePostgresDatabaseParameters): TypeormDatabase {
  class ConfiguredTypeormDatabase extends TypeormDatabase {
    protected override initializeDataSource(): Promise<DataSource> {
      return new DataSource(dataSourceOptions).initialize()
    }
  }
  return new ConfiguredTypeormDatabase({ supportHotBlocks: true, isolationLevel: 'SERIALIZABLE' })
}
