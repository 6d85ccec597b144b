import { SnakeNamingStrategy } from '@subsquid/typeorm-config/lib/namingStrategy.js'
import type { DataSourceOptions, MigrationInterface } from 'typeorm'
import { migrations } from '../../db/migrations/index.ts'
import * as model from '../model/index.ts'

/** Parameters for {@link createDataSourceOptions}. */
export type CreateDataSourceOptionsParameters = {
  /** `postgres://user:password@host:port/database` (`DB_URL`, or `startPostgres().url`). */
  url: string
}

/** Return type of {@link createDataSourceOptions}. */
export type CreateDataSourceOptionsReturnType = DataSourceOptions & { type: 'postgres' }

/** Every entity class of the generated model (the enums are skipped). */
export const entities: Function[] = Object.values(model).filter((value) => typeof value === 'function')

/**
 * TypeORM options for the indexer's Postgres: the generated entities (as classes, not file globs,
 * so it works under tsx), the committed migrations, and the snake_case naming strategy that
 * typeorm-store's `createOrmConfig` uses, so tables and columns match what `TypeormDatabase` writes.
 *
 * `TypeormDatabase` builds its own DataSource from `createOrmConfig({ projectDir })`, which looks for
 * `lib/model` (or `src/model` under ts-node only): give it these options instead, e.g. by overriding
 * its `initializeDataSource`.
 *
 * @param parameters - The connection URL.
 * @returns DataSource options; `synchronize` off, migrations listed but not run.
 *
 * @example
 * const dataSource = new DataSource(createDataSourceOptions({ url }))
 */
export function createDataSourceOptions(parameters: CreateDataSourceOptionsParameters): CreateDataSourceOptionsReturnType {
  return {
    type: 'postgres',
    url: parameters.url,
    namingStrategy: new SnakeNamingStrategy(),
    entities,
    migrations: migrations as (new () => MigrationInterface)[],
    synchronize: false,
    migrationsRun: false,
    logging: false,
  }
}
