import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { test } from 'node:test'
import { createCatalog } from '../schema/createCatalog.ts'
import { readEntityModel } from '../schema/readEntityModel.ts'
import { buildOrderSql } from './buildOrderSql.ts'
import { buildWhereSql } from './buildWhereSql.ts'
import { createSqlParams } from './sqlParams.ts'

const catalog = createCatalog(readEntityModel({ sdl: readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8') }))

test('unit: filters become SQL with every value bound as a parameter', () => {
  const params = createSqlParams()
  const hostile = "x' OR 1=1; DROP TABLE delegator; --"
  const sql = buildWhereSql({
    catalog,
    type: catalog.type('Delegator'),
    alias: 't',
    filter: { id: hostile, bondedAmount_gt: '10.5', delegate_: { active: true, serviceURI_contains_nocase: '50%_off' }, or: [{ startRound_in: ['1', '2'] }, { delegate: null }] },
    params,
  })
  assert.equal(
    sql,
    't."id" = $1::text AND t."bonded_amount" > $2::numeric AND EXISTS (SELECT 1 FROM "transcoder" n1 WHERE n1.id = t."delegate_id" AND n1."active" = $3::boolean AND (n1."service_uri" ILIKE $4::text)) AND (t."start_round" = ANY($5::numeric[]) OR t."delegate_id" IS NULL)',
  )
  assert.deepEqual(params.values, [hostile, '10.5', true, '%50\\%\\_off%', ['1', '2']])
  assert.doesNotMatch(sql, /DROP|OR 1=1/)
})

test('unit: unknown filter keys and out-of-grammar orderings are user errors', () => {
  assert.throws(() => buildWhereSql({ catalog, type: catalog.type('Pool'), alias: 't', filter: { 'id; DROP': 1 }, params: createSqlParams() }), /Type `Pool` has no filter `id; DROP`/)
  assert.throws(() => buildOrderSql({ catalog, type: catalog.type('Pool'), alias: 't', orderBy: 'delegate__pools', direction: 'asc' }), /Cannot order Pool by `delegate__pools`/)
  assert.deepEqual(buildOrderSql({ catalog, type: catalog.type('Delegator'), alias: 't', orderBy: 'delegate__totalStake', direction: 'desc' }), {
    join: ' LEFT JOIN "transcoder" t_o ON t_o.id = t."delegate_id"',
    orderBy: 't_o."total_stake" DESC, t.id COLLATE "C" DESC',
  })
})

test('unit: every entity column the API reads exists in the indexer migration (typeorm-store naming)', () => {
  const migrations = new URL('../../../indexer/db/migrations/', import.meta.url)
  const text = readdirSync(migrations)
    .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
    .map((file) => readFileSync(new URL(file, migrations), 'utf8'))
    .join('\n')
  const tables = new Map<string, string>()
  for (const match of text.matchAll(/CREATE TABLE \\"([a-z_]+)\\" \((.*?)CONSTRAINT/g)) tables.set(match[1] as string, match[2] as string)
  let checked = 0
  for (const [name, entity] of catalog.model.entities) {
    const columns = tables.get(entity.table)
    assert.ok(columns, `table ${entity.table} of ${name}`)
    for (const field of entity.fields) {
      if (field.kind === 'derived') continue
      assert.ok(columns.includes(`\\"${field.column}\\"`), `column ${entity.table}.${field.column} of ${name}.${field.name}`)
      checked++
    }
  }
  assert.ok(checked > 300, `columns checked: ${checked}`)
})
