import assert from 'node:assert/strict'
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync, appendFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { createChdbFixture } from './_test/fixtures.ts'
import { migrate, migrationsDirectory } from './migrate.ts'

const chdb = createChdbFixture()
const folders: string[] = []
after(async () => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
  await chdb.cleanup()
})

function copyOfMigrations(): string {
  const folder = mkdtempSync(join(tmpdir(), 'peerscope-migrations-'))
  folders.push(folder)
  cpSync(migrationsDirectory, folder, { recursive: true })
  return folder
}

const committed = readdirSync(migrationsDirectory).filter((file) => file.endsWith('.sql')).sort()

describe('migrate', () => {
  test('behavior: applies every migration once, then is idempotent', async () => {
    const client = await chdb.client()
    assert.deepEqual(await migrate({ client }), { applied: committed, alreadyApplied: [] })
    assert.deepEqual(await migrate({ client }), { applied: [], alreadyApplied: committed })
    const tables = await (await client.query({ query: 'SELECT name FROM system.tables WHERE database = currentDatabase() ORDER BY name', format: 'JSONEachRow' })).json<{ name: string }>()
    assert.deepEqual(tables.map((row) => row.name), [
      'benchmark_samples', 'daily_delegators', 'daily_delegators_mv', 'daily_orchestrators', 'daily_orchestrators_mv',
      'daily_totals', 'daily_totals_mv', 'delegator_rounds', 'entity_history', 'events', 'orchestrator_rounds', 'schema_migrations',
    ])
    const [recorded] = await (await client.query({ query: 'SELECT count() AS n FROM schema_migrations', format: 'JSONEachRow' })).json<{ n: string }>()
    assert.equal(Number(recorded?.n), committed.length)
  })

  test('behavior: applies only the new files, in order', async () => {
    const client = await chdb.client()
    const folder = copyOfMigrations()
    await migrate({ client, directory: folder })
    writeFileSync(join(folder, '9998_extra.sql'), 'CREATE TABLE IF NOT EXISTS extra_a (x UInt8) ENGINE = MergeTree ORDER BY x;\n')
    writeFileSync(join(folder, '9999_more.sql'), '-- depends on 9998;\nINSERT INTO extra_a VALUES (1);\nINSERT INTO extra_a VALUES (2)\n')
    assert.deepEqual(await migrate({ client, directory: folder }), { applied: ['9998_extra.sql', '9999_more.sql'], alreadyApplied: committed })
    const [row] = await (await client.query({ query: 'SELECT sum(x) AS s FROM extra_a', format: 'JSONEachRow' })).json<{ s: string }>()
    assert.equal(Number(row?.s), 3)
  })

  test('behavior: an applied file that changed is a clear error', async () => {
    const client = await chdb.client()
    const folder = copyOfMigrations()
    await migrate({ client, directory: folder })
    const first = committed[0] as string
    appendFileSync(join(folder, first), '\n-- edited\n')
    await assert.rejects(migrate({ client, directory: folder }), {
      name: 'MigrationChecksumError',
      shortMessage: `ClickHouse migration ${first} (version 1) changed after it was applied.`,
    })
  })

  test('behavior: a badly named file is a clear error', async () => {
    const client = await chdb.client()
    const folder = copyOfMigrations()
    writeFileSync(join(folder, 'facts.sql'), 'SELECT 1;\n')
    await assert.rejects(migrate({ client, directory: folder }), {
      name: 'MigrationFileError',
      shortMessage: 'ClickHouse migration facts.sql is invalid: the name must look like 0001_name.sql.',
    })
  })
})
