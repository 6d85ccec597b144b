import { DataSource, type EntitySchema, type MixedList } from 'typeorm'
import { TypeormDatabase } from '@subsquid/typeorm-store'
// NOTE: typeorm-store builds its DataSource from DB_* variables; we pass the URL in instead and keep
// its naming strategy so the generated models map to the same snake_case tables.
import { SnakeNamingStrategy } from '@subsquid/typeorm-config/lib/namingStrategy.js'

/** Parameters for {@link createPostgresDatabase}. */
export type CreatePostgresDatabaseParameters = {
  url: string
  // biome-ignore lint: TypeORM's own entity list type
  entities: MixedList<Function | string | EntitySchema>
}

/**
 * typeorm-store's `TypeormDatabase` (status + hot-block change log, SERIALIZABLE transactions) on
 * a given Postgres URL instead of environment variables.
 *
 * @see shared/spec/indexer-stack.md §2.3
 *
 * @example
 * const postgres = createPostgresDatabase({ url, entities: Object.values(model) })
 */
export function createPostgresDatabase({ url, entities }: CreatePostgresDatabaseParameters): TypeormDatabase {
  class UrlTypeormDatabase extends TypeormDatabase {
    protected override initializeDataSource(): Promise<DataSource> {
      return new DataSource({ type: 'postgres', url, entities, namingStrategy: new SnakeNamingStrategy(), synchronize: false, logging: false }).initialize()
    }
  }
  return new UrlTypeormDatabase({ supportHotBlocks: true, isolationLevel: 'SERIALIZABLE' })
}
