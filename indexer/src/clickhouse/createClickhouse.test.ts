import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { after, describe, test } from 'node:test'
import { createChdbFixture, log, orchestratorA } from './_test/fixtures.ts'
import { createClickhouse } from './createClickhouse.ts'
import { createClickhouseSink } from './index.ts'

const chdb = createChdbFixture()
after(() => chdb.cleanup())

const maxUint256 = 2n ** 256n - 1n

describe('createClickhouse', () => {
  test('behavior: 64-bit and 256-bit integers come back exact', async () => {
    const client = await chdb.client()
    const [row] = await (
      await client.query({
        query: `SELECT toUInt64('18446744073709551615') AS u64, toInt64('-9223372036854775808') AS i64,
                toUInt256('${maxUint256}') AS u256, toInt256('-${2n ** 255n}') AS i256,
                getSetting('async_insert') AS async_insert`,
        format: 'JSONEachRow',
      })
    ).json<Record<string, unknown>>()
    assert.deepEqual(row, {
      u64: '18446744073709551615',
      i64: '-9223372036854775808',
      u256: maxUint256.toString(),
      i256: `-${2n ** 255n}`,
      async_insert: false,
    })
  })

  test('behavior: wei amounts round-trip through the sink to the wei', async () => {
    const sink = createClickhouseSink({ client: await chdb.client() })
    await sink.migrate()
    // Daily sums are Int256 (cancel rows subtract): exact while a day's total stays below 2^255 wei.
    const amounts = [2n ** 254n + 1n, 2n ** 64n + 1n, 123_456_789_012_345_678_901_234_567n]
    const ticket = log(1, 3, 'WinningTicketRedeemed', {
      sender: orchestratorA, recipient: orchestratorA, faceValue: 1n, winProb: maxUint256, senderNonce: 0n, recipientRand: maxUint256, auxData: '0x',
    })
    await sink.insert({ logs: [...amounts.map((amount, index) => log(1, index, 'Reward', { transcoder: orchestratorA, amount })), ticket] })
    const events = await sink.read.events()
    assert.deepEqual(events.map((row) => row.amount), [...amounts, 1n])
    assert.deepEqual(events.map((row) => row.args.amount ?? row.args.faceValue), [...amounts, 1n].map(String))
    assert.equal(events[3]?.amount2, maxUint256)
    assert.equal(events[3]?.args.recipientRand, maxUint256.toString())
    const [day] = await sink.read.dailyTotals()
    assert.equal(day?.rewards, amounts.reduce((sum, amount) => sum + amount, 0n))
  })

  test('behavior: a directory held by another process gets a clear error', () => {
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./_test/openChdb.ts', import.meta.url)), chdb.path], {
      encoding: 'utf8',
      timeout: 60_000,
    })
    const result = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>
    assert.deepEqual(result, {
      opened: false,
      name: 'ChdbDirectoryLockedError',
      shortMessage: `chDB data directory ${chdb.path} is locked by another process.`,
    })
  })

  test('behavior: a second directory in the same process gets a clear error', async () => {
    await chdb.client()
    const other = mkdtempSync(join(tmpdir(), 'peerscope-chdb-other-'))
    try {
      await assert.rejects(createClickhouse({ path: other }), {
        name: 'ChdbDirectoryLockedError',
        shortMessage: `chDB data directory ${other} cannot be opened: this process already has another chDB directory open.`,
      })
    } finally {
      rmSync(other, { recursive: true, force: true })
    }
  })

  test('behavior: exactly one of url and path', async () => {
    await assert.rejects(createClickhouse({}), { message: 'createClickhouse: pass exactly one of `url` and `path`.' })
  })
})
