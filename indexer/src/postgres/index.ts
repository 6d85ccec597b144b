// Postgres for the entity store: an embedded server by default, the committed migrations, and the
// TypeORM options matching what typeorm-store writes.
export { applyMigrations, type ApplyMigrationsParameters, type ApplyMigrationsReturnType } from './applyMigrations.ts'
export {
  createDataSourceOptions,
  entities,
  type CreateDataSourceOptionsParameters,
  type CreateDataSourceOptionsReturnType,
} from './createDataSourceOptions.ts'
export { startPostgres, type StartPostgresParameters, type StartPostgresReturnType } from './startPostgres.ts'
