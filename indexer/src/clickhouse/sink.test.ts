import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createChdbFixture, blockOfLogs, log, orchestratorA, orchestratorB, delegatorA } from './_test/fixtures.ts'
import { createClickhouseSink, type ClickhouseSink } from './index.ts'

const chdb = createChdbFixture()
after(() => chdb.cleanup())

async function freshSink(): Promise<ClickhouseSink> {
  const sink = createClickhouseSink({ client: await chdb.client() })
  await sink.migrate()
  return sink
}

async function count(sink: ClickhouseSink, table: string): Promise<number> {
  const [row] = await (await sink.client.query({ query: `SELECT count() AS n FROM ${table} FINAL`, format: 'JSONEachRow' })).json<{ n: string }>()
  return Number(row?.n)
}

describe('clickhouse sink', () => {
  test('behavior: writing the same batch twice yields no duplicates', async () => {
    const sink = await freshSink()
    const logs = [...blockOfLogs(1), ...blockOfLogs(2)]
    const first = await sink.insert({ logs })
    const second = await sink.insert({ logs })
    assert.equal(first.events, 10)
    assert.deepEqual([second.events, second.skippedEvents], [0, 10])
    assert.equal((await sink.read.events()).length, 10)
    const [day] = await sink.read.dailyTotals()
    assert.equal(day?.events, 10n)
    assert.equal(day?.rewards, 2_000_000_000_000_000_000n)
    assert.equal(day?.fees, 14_000n)
    const rounds = await sink.read.orchestratorRounds({ orchestrator: orchestratorA })
    assert.deepEqual(
      rounds.map((row) => [row.round, row.rewardCalls, row.reward, row.treasuryReward]),
      [[0n, 2, 2_000_000_000_000_000_000n, 200_000_000_000_000_000n]],
    )
  })

  test('behavior: recover() after a crash removes exactly the rows above the cursor, view targets included', async () => {
    const sink = await freshSink()
    // Committed batch (cursor 10), then a batch written to ClickHouse whose Postgres commit never happened.
    await sink.insert({ logs: [...blockOfLogs(9), ...blockOfLogs(10)] })
    const crashed = [...blockOfLogs(11), ...blockOfLogs(12)]
    await sink.insert({
      logs: crashed,
      orchestratorRounds: [{ orchestrator: orchestratorA, round: 1n, blockNumber: 11, logIndex: 1, kind: 'reward_split', rewardCommission: 1n, delegatorsReward: 2n }],
      delegatorRounds: [{ delegator: delegatorA, round: 1n, blockNumber: 12, logIndex: 2, orchestrator: orchestratorA, stake: 10n, reward: 1n, fees: 0n }],
      entityHistory: [
        { entity: 'Delegator', id: delegatorA, blockNumber: 10, data: '{"id":"a"}' },
        { entity: 'Delegator', id: delegatorA, blockNumber: 12, data: '{"id":"a"}' },
      ],
    })
    const before = await sink.read.dailyTotals()
    assert.equal(before[0]?.events, 20n)

    const removed = await sink.recover(10)
    assert.deepEqual(removed, { events: 10, orchestrator_rounds: 7, delegator_rounds: 1, entity_history: 1 })
    assert.deepEqual([...new Set((await sink.read.events()).map((row) => row.blockNumber))], [9, 10])
    const [day] = await sink.read.dailyTotals()
    assert.equal(day?.events, 10n)
    assert.equal(day?.rewardCalls, 2n)
    assert.equal(day?.bonded, 10n)
    assert.equal(await count(sink, 'delegator_rounds'), 0)
    assert.equal(await count(sink, 'entity_history'), 1)
    assert.deepEqual(await sink.recover(10), { events: 0, orchestrator_rounds: 0, delegator_rounds: 0, entity_history: 0 })

    // The replayed batch lands once, even when it is written twice.
    assert.equal((await sink.insert({ logs: crashed })).events, 10)
    assert.deepEqual([(await sink.insert({ logs: crashed })).skippedEvents, (await sink.insert({ logs: blockOfLogs(12) })).skippedEvents], [10, 5])
    assert.equal((await sink.read.dailyTotals())[0]?.events, 20n)
  })

  test('behavior: rollback() of a fork removes the orphaned blocks and the daily totals drop', async () => {
    const sink = await freshSink()
    // Blocks 22–25 straddle two days (24 is 2026-01-02).
    await sink.insert({ logs: [22, 23, 24, 25].flatMap((height) => blockOfLogs(height)) })
    assert.deepEqual((await sink.read.dailyTotals()).map((day) => [day.day, day.events, day.activeOrchestrators]), [
      ['2026-01-01', 10n, 2],
      ['2026-01-02', 10n, 2],
    ])
    // Fork with base 23: blocks 24–25 are orphaned; the new chain has one Reward at 24.
    await sink.rollback(23)
    assert.deepEqual((await sink.read.dailyTotals()).map((day) => day.day), ['2026-01-01'])
    const replacement = [log(24, 0, 'Reward', { transcoder: orchestratorB, amount: 3n }, { fork: 1 })]
    await sink.insert({ logs: replacement })
    const days = await sink.read.dailyTotals()
    assert.deepEqual(days.map((day) => [day.day, day.events, day.rewards, day.fees, day.activeOrchestrators]), [
      ['2026-01-01', 10n, 2_000_000_000_000_000_000n, 14_000n, 2],
      ['2026-01-02', 1n, 3n, 0n, 1],
    ])
    const events = await sink.read.events({ fromBlock: 24 })
    assert.deepEqual(events.map((row) => [row.blockNumber, row.blockHash.slice(0, 6), row.eventName]), [[24, '0x0001', 'Reward']])
  })

  test('behavior: rebuildRollups() recomputes the daily views from the live events', async () => {
    const sink = await freshSink()
    await sink.insert({ logs: [22, 23, 24].flatMap((height) => blockOfLogs(height)) })
    await sink.rollback(23)
    const expected = await sink.read.dailyTotals()
    // A view target that missed a cancel row (process killed between the source and view parts).
    await sink.client.command({ query: "INSERT INTO daily_totals (day, events, rewards) VALUES ('2026-01-02', 5, 1)" })
    assert.equal((await sink.read.dailyTotals()).length, 2)
    const rebuilt = await sink.rebuildRollups()
    assert.deepEqual(rebuilt.map((name) => name.split('.').at(-1)), ['daily_delegators', 'daily_orchestrators', 'daily_totals'])
    assert.deepEqual(await sink.read.dailyTotals(), expected)
  })

  test('behavior: a fork written without rollback is refused', async () => {
    const sink = await freshSink()
    await sink.insert({ logs: blockOfLogs(30) })
    await assert.rejects(sink.insert({ logs: blockOfLogs(30, { fork: 1 }) }), {
      name: 'ForkNotRolledBackError',
      shortMessage: 'ClickHouse table events already holds block 30 with another hash; roll the fork back first.',
    })
  })

  test('behavior: bad input gets a clear error and loses nothing', async () => {
    const sink = await freshSink()
    await sink.insert({ logs: blockOfLogs(40) })
    const good = blockOfLogs(41)
    await assert.rejects(sink.insert({ logs: [...good, log(41, 9, 'Frobnicate', { x: 1n })] }), {
      name: 'InvalidFactError',
      shortMessage: 'Cannot write Frobnicate at block 41 log 9 to ClickHouse: unknown event "Frobnicate" (not in the Arbitrum event catalogue).',
    })
    await assert.rejects(sink.insert({ logs: [...good, log(41, 9, 'Reward', { transcoder: orchestratorA, amount: '12' })] }), {
      name: 'InvalidFactError',
      shortMessage: 'Cannot write Reward at block 41 log 9 to ClickHouse: args.amount (uint256) must be a bigint, got string "12".',
    })
    await assert.rejects(
      sink.insert({ logs: good, delegatorRounds: [{ delegator: delegatorA, round: 4n, blockNumber: 99, logIndex: 0, orchestrator: orchestratorA, stake: 1n, reward: 0n, fees: 0n }] }),
      { name: 'InvalidFactError', shortMessage: 'Cannot write delegator round at block 99 log 0 to ClickHouse: its block has no log in this batch.' },
    )
    assert.deepEqual([...new Set((await sink.read.events()).map((row) => row.blockNumber))], [40])
    assert.equal(await count(sink, 'orchestrator_rounds'), 3)
    assert.equal((await sink.read.dailyTotals())[0]?.events, 5n)
    await sink.insert({ logs: good })
    assert.equal((await sink.read.events()).length, 10)
  })

  test('behavior: per-round rows combine derived and precomputed values; snapshots give stake and missed rewards', async () => {
    const sink = await freshSink()
    const logs = [log(50, 0, 'NewRound', { round: 5n, blockHash: `0x${'11'.repeat(32)}` }, { round: 5n }), ...blockOfLogs(51, { reward: 1000n }).map((entry) => ({ ...entry, round: 5n }))]
    await sink.insert({
      logs,
      orchestratorRounds: [
        { orchestrator: orchestratorA, round: 5n, blockNumber: 50, logIndex: 0, kind: 'snapshot', stake: 2n ** 200n, active: true },
        { orchestrator: orchestratorB, round: 5n, blockNumber: 50, logIndex: 0, kind: 'snapshot', stake: 7n, active: true },
        { orchestrator: orchestratorA, round: 5n, blockNumber: 51, logIndex: 1, kind: 'reward_split', rewardCommission: 100n, delegatorsReward: 900n },
      ],
      delegatorRounds: [{ delegator: delegatorA, round: 5n, blockNumber: 51, logIndex: 2, orchestrator: orchestratorA, stake: 2n ** 255n, reward: 9n, fees: 1n }],
    })
    const rounds = await sink.read.orchestratorRounds({ round: 5n })
    assert.deepEqual(
      rounds.map((row) => [row.orchestrator, row.stake, row.reward, row.treasuryReward, row.rewardCommission, row.delegatorsReward, row.fees, row.missedReward]),
      [
        [orchestratorA, 2n ** 200n, 1000n, 100n, 100n, 900n, 0n, false],
        [orchestratorB, 7n, 0n, 0n, 0n, 0n, 7000n, true],
      ],
    )
    assert.deepEqual(await sink.read.delegatorRounds({ delegator: delegatorA }), [
      { delegator: delegatorA, round: 5n, orchestrator: orchestratorA, stake: 2n ** 255n, reward: 9n, fees: 1n },
    ])
  })
})
