import assert from 'node:assert/strict'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { bondingManagerAbi, livepeerTokenAbi, roundsManagerAbi } from '@peerscope/protocol/abi'
import { createDevnetClient } from '@peerscope/protocol/anvil'
import { createDevnet, type Devnet } from '@peerscope/nodes'
import { BigDecimal } from '@subsquid/big-decimal'
import { encodeFunctionData, type Address, type Hex } from 'viem'
import { startPostgres, type StartPostgresReturnType } from './postgres/index.ts'
import { toWei } from './handlers/index.ts'
import { clickhouseFingerprint, createDatabase, postgresFingerprint, query, spawnIndexer, waitFor } from '../test/setup.ts'

// End to end: the default devnet scenario, `peerscope index` as a child process, embedded Postgres
// (one database per run) and chDB (one directory per run).
const dir = mkdtempSync(join(tmpdir(), 'peerscope-indexer-'))
// NOTE: as root, embedded Postgres runs as the `postgres` user, which must be able to enter the directory.
chmodSync(dir, 0o755)
const manifest = join(dir, 'devnet.json')
let devnet: Devnet
let postgres: StartPostgresReturnType
let head: number
let clean: { dbUrl: string; dataDir: string }
type Client = ReturnType<typeof createDevnetClient>
let client: Client

before(async () => {
  devnet = await createDevnet({ port: 0, live: false, manifestPath: manifest })
  postgres = await startPostgres({ dataDir: join(dir, 'postgres') })
  client = createDevnetClient({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId })
  head = Number(await client.getBlockNumber({ cacheTime: 0 }))
})

after(async () => {
  await postgres?.stop()
  await devnet?.stop()
  rmSync(dir, { recursive: true, force: true })
})

async function indexToHead(name: string) {
  const run = { dbUrl: await createDatabase(postgres.url, name), dataDir: join(dir, name) }
  const indexer = spawnIndexer({ manifest, dataDir: run.dataDir, dbUrl: run.dbUrl, toBlock: head })
  assert.equal(await indexer.exited, 0, indexer.output())
  return run
}

test('behavior: the default devnet indexed to the head equals the chain views for every delegator and transcoder', async () => {
  clean = await indexToHead('clean')
  const [status] = await query<{ height: number }>(clean.dbUrl, 'SELECT height FROM squid_processor.status')
  assert.ok(status && status.height >= head - 2, `cursor ${status?.height} head ${head}`)

  const bondingManager = devnet.deployment.contracts.BondingManager.address
  const accounts: Address[] = [...devnet.manifest.accounts.orchestrators, ...devnet.manifest.accounts.delegators]
  const views = await client.multicall({
    contracts: accounts.flatMap((account) => [
      { address: bondingManager, abi: bondingManagerAbi, functionName: 'getDelegator', args: [account] } as const,
      { address: bondingManager, abi: bondingManagerAbi, functionName: 'pendingStake', args: [account, 0n] } as const,
      { address: bondingManager, abi: bondingManagerAbi, functionName: 'pendingFees', args: [account, 0n] } as const,
      { address: bondingManager, abi: bondingManagerAbi, functionName: 'transcoderTotalStake', args: [account] } as const,
      { address: bondingManager, abi: bondingManagerAbi, functionName: 'isActiveTranscoder', args: [account] } as const,
      { address: bondingManager, abi: bondingManagerAbi, functionName: 'getTranscoder', args: [account] } as const,
    ]),
    allowFailure: false,
    blockNumber: BigInt(head),
  })
  type Row = { id: string; bonded_amount: string; pending_stake: string; pending_fees: string }
  const delegators = new Map(
    (await query<Row>(clean.dbUrl, 'SELECT id, bonded_amount::text, pending_stake::text, pending_fees::text FROM delegator')).map((row) => [row.id, row]),
  )
  const transcoders = new Map(
    (await query<{ id: string; total_stake: string; active: boolean; last_reward_round_id: string | null }>(
      clean.dbUrl,
      'SELECT id, total_stake::text, active, last_reward_round_id FROM transcoder',
    )).map((row) => [row.id, row]),
  )
  const rewardCalls = await query<{ delegate_id: string; round: string }>(
    clean.dbUrl,
    'SELECT delegate_id, max(round_id::numeric)::text AS round FROM pool WHERE reward_tokens IS NOT NULL GROUP BY delegate_id',
  )
  const lastRewarded = new Map(rewardCalls.map((row) => [row.delegate_id, BigInt(row.round)]))
  let checkedTranscoders = 0
  accounts.forEach((account, index) => {
    const [chainDelegator, pendingStake, pendingFees, totalStake, active, chainTranscoder] = views.slice(index * 6, index * 6 + 6) as unknown as [
      readonly bigint[],
      bigint,
      bigint,
      bigint,
      boolean,
      readonly bigint[],
    ]
    const id = account.toLowerCase()
    const delegator = delegators.get(id)
    const bonded = chainDelegator[0] as bigint
    if (!delegator) return assert.equal(bonded, 0n, `${account} is bonded on chain but not indexed`)
    assert.equal(toWei(BigDecimal(delegator.bonded_amount)), bonded, `bondedAmount of ${account}`)
    assert.equal(toWei(BigDecimal(delegator.pending_stake)), pendingStake, `pendingStake of ${account}`)
    assert.equal(toWei(BigDecimal(delegator.pending_fees)), pendingFees, `pendingFees of ${account}`)
    const transcoder = transcoders.get(id)
    if (!transcoder) return assert.equal(totalStake, 0n, `${account} has stake on chain but no Transcoder`)
    checkedTranscoders++
    assert.equal(toWei(BigDecimal(transcoder.total_stake)), totalStake, `totalStake of ${account}`)
    assert.equal(transcoder.active, active, `active flag of ${account}`)
    assert.equal(lastRewarded.get(id) ?? 0n, chainTranscoder[0], `reward-call history (last rewarded round) of ${account}`)
  })
  assert.ok(checkedTranscoders >= 10, `transcoders checked: ${checkedTranscoders}`)

  const roundsManager = devnet.deployment.contracts.RoundsManager.address
  const currentRound = await client.readContract({ address: roundsManager, abi: roundsManagerAbi, functionName: 'currentRound', blockNumber: BigInt(head) })
  const [protocol] = await query<{ current_round_id: string }>(clean.dbUrl, `SELECT current_round_id FROM protocol WHERE id = '0'`)
  assert.equal(BigInt(protocol?.current_round_id ?? -1), currentRound)

  // ClickHouse: one row per catalogued log.
  const facts = await clickhouseFingerprint(join(clean.dataDir, 'chdb'))
  const events = JSON.parse(facts.events as string) as { eventName: string }[]
  assert.ok(events.length > 6_000, `events in ClickHouse: ${events.length}`)
  const indexedByName: Record<string, number> = {}
  for (const event of events) indexedByName[event.eventName] = (indexedByName[event.eventName] ?? 0) + 1
  // Every event the devnet emitted is indexed, except SetController of the deploy-time Managers
  // the catalogue does not list (ServiceRegistry, AIServiceRegistry, Treasury): the four it lists.
  const expected: Record<string, number> = { ...devnet.stats.eventsByName, SetController: 4 }
  assert.deepEqual(indexedByName, expected)

  // Entity history: the newest version of every entity is its live Postgres row, and a past
  // version matches the chain's views at that block (the API's `block: { number }`).
  type Version = { entity: string; id: string; block_number: string; data: string }
  const versions = (JSON.parse(facts.entityHistory as string) as Version[]).map((row) => ({ ...row, data: JSON.parse(row.data) as Record<string, unknown> }))
  const newest = new Map<string, Record<string, unknown>>()
  for (const row of versions) newest.set(`${row.entity}:${row.id}`, row.data)
  for (const [entity, table] of [['Protocol', 'protocol'], ['Transcoder', 'transcoder'], ['Delegator', 'delegator']] as const) {
    const rows = await query<Record<string, unknown>>(clean.dbUrl, `SELECT * FROM ${table}`)
    assert.ok(rows.length > 0, table)
    for (const row of rows) assert.deepEqual(newest.get(`${entity}:${row.id}`), row, `newest ${entity} version of ${row.id}`)
  }
  const past = Math.floor(head / 2)
  const asOf = new Map<string, Record<string, unknown>>()
  for (const row of versions) if (row.entity === 'Delegator' && Number(row.block_number) <= past) asOf.set(row.id, row.data)
  assert.ok(asOf.size >= 20, `delegators with a version at block ${past}: ${asOf.size}`)
  const pastViews = await client.multicall({
    contracts: [...asOf.keys()].map((account) => ({ address: bondingManager, abi: bondingManagerAbi, functionName: 'getDelegator', args: [account as Address] }) as const),
    allowFailure: false,
    blockNumber: BigInt(past),
  })
  ;[...asOf.values()].forEach((data, index) => {
    assert.equal(toWei(BigDecimal(data.bonded_amount as string)), (pastViews[index] as readonly bigint[])[0], `bondedAmount of ${data.id} at block ${past}`)
  })
})

test('behavior: kill -9 during a backfill, then a restart, leaves both stores equal to a clean run', async () => {
  assert.ok(clean, 'needs the clean run of the previous test')
  const dbUrl = await createDatabase(postgres.url, 'killed')
  const dataDir = join(dir, 'killed')
  const first = spawnIndexer({ manifest, dataDir, dbUrl, toBlock: head })
  const killAt = Math.floor(head / 3)
  await waitFor(
    async () => ((await query<{ height: number }>(dbUrl, 'SELECT height FROM squid_processor.status'))[0]?.height ?? -1) >= killAt,
    60_000,
    `the cursor to pass ${killAt}`,
  )
  first.child.kill('SIGKILL')
  await first.exited
  const [cursor] = await query<{ height: number }>(dbUrl, 'SELECT height FROM squid_processor.status')
  assert.ok(cursor && cursor.height < head - 2, `killed before the end (cursor ${cursor?.height})`)

  const second = spawnIndexer({ manifest, dataDir, dbUrl, toBlock: head })
  assert.equal(await second.exited, 0, second.output())
  assert.deepEqual(await postgresFingerprint(dbUrl), await postgresFingerprint(clean.dbUrl))
  const killedFacts = await clickhouseFingerprint(join(dataDir, 'chdb'))
  assert.deepEqual(killedFacts, await clickhouseFingerprint(join(clean.dataDir, 'chdb')))
})

test('behavior: an anvil_reorg rolls back the orphaned blocks in Postgres and ClickHouse', async () => {
  const dbUrl = await createDatabase(postgres.url, 'reorg')
  const dataDir = join(dir, 'reorg')
  const indexer = spawnIndexer({ manifest, dataDir, dbUrl })
  try {
    const cursor = async () => {
      const [status] = await query<{ height: number }>(dbUrl, 'SELECT height FROM squid_processor.status')
      const [top] = await query<{ height: number | null }>(dbUrl, 'SELECT max(height) AS height FROM squid_processor.hot_block')
      return Math.max(status?.height ?? -1, top?.height ?? -1)
    }
    await waitFor(async () => (await cursor()) >= head, 60_000, 'the indexer to reach the head')

    // Two LPT transfers in two new blocks, indexed as hot blocks.
    const token = devnet.deployment.contracts.LivepeerToken.address
    const [from, to] = devnet.manifest.accounts.delegators as [Address, Address]
    await client.request({ method: 'anvil_impersonateAccount' as never, params: [from] as never })
    const hashes: Hex[] = []
    for (let i = 0; i < 2; i++) {
      const data = encodeFunctionData({ abi: livepeerTokenAbi, functionName: 'transfer', args: [to, 1n] })
      hashes.push((await client.request({ method: 'eth_sendTransaction' as never, params: [{ from, to: token, data, gas: '0x30000', maxFeePerGas: '0x174876e800', maxPriorityFeePerGas: '0x0' }] as never })) as Hex)
      await client.request({ method: 'evm_mine' as never, params: [] as never })
    }
    const forkHead = head + 2
    const transfersAt = (url: string) => query<{ n: string }>(url, `SELECT count(*)::text AS n FROM transfer_event WHERE transaction_id = ANY($1)`, [hashes])
    await waitFor(async () => (await cursor()) >= forkHead && Number((await transfersAt(dbUrl))[0]?.n) === 2, 30_000, 'the transfers to be indexed')

    // Replace both blocks by empty ones, then mine one more (polling only reacts to a higher head).
    await client.request({ method: 'anvil_reorg' as never, params: [2, []] as never })
    await client.request({ method: 'evm_mine' as never, params: [] as never })
    await waitFor(async () => Number((await transfersAt(dbUrl))[0]?.n) === 0 && (await cursor()) >= forkHead + 1, 30_000, 'the fork to be rolled back in Postgres')
    const hot = await query<{ height: number; hash: string }>(dbUrl, 'SELECT height, hash FROM squid_processor.hot_block ORDER BY height')
    for (const block of hot) {
      const chain = await client.getBlock({ blockNumber: BigInt(block.height) })
      assert.equal(block.hash, chain.hash, `hot block ${block.height} is on the new chain`)
    }
  } finally {
    indexer.child.kill('SIGTERM')
    await indexer.exited
  }
  const facts = JSON.parse((await clickhouseFingerprint(join(dataDir, 'chdb'))).events as string) as { blockNumber?: number; block_number?: number }[]
  const above = facts.filter((row) => Number(row.blockNumber ?? row.block_number) > head)
  assert.deepEqual(above, [], 'no ClickHouse event above the common base survives the fork')
})
