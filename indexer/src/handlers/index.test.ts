import assert from 'node:assert/strict'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, test } from 'node:test'
import { arbitrumEventsAbi, devnetPreset } from '@peerscope/protocol'
import { bondingManagerAbi, minterAbi, roundsManagerAbi, ticketBrokerAbi } from '@peerscope/protocol/abi'
import { createDevnetClient } from '@peerscope/protocol/anvil'
import { createDevnet, type Devnet } from '@peerscope/nodes'
import { Store } from '@subsquid/typeorm-store'
import { DataSource, In, Not, IsNull } from 'typeorm'
import { parseEventLogs, type Address, type Hex } from 'viem'
import { Broadcaster, Delegator, DelegatorRoundEarnings, LedgerCheckpoint, Pool, Protocol, Round, Transcoder } from '../model/index.ts'
import { applyMigrations, createDataSourceOptions, startPostgres, type StartPostgresReturnType } from '../postgres/index.ts'
import { createEntityHandlers, toWei, type HandlerLog } from './index.ts'

// The default devnet scenario, decoded and fed to the entity handlers in batches (with a simulated
// restart half-way), then every indexed number compared with the contracts' own views.
let devnet: Devnet
let postgres: StartPostgresReturnType
let dataSource: DataSource
let head: bigint
const facts = { orchestratorRounds: 0, delegatorRounds: 0 }
const dir = mkdtempSync(join(tmpdir(), 'peerscope-handlers-'))
// NOTE: as root, embedded Postgres runs as the `postgres` user, which must be able to enter the directory.
chmodSync(dir, 0o755)

type Client = ReturnType<typeof createDevnetClient>

/** Every protocol log of the devnet, decoded, with block, transaction and round (RoundsManager parameters per block). */
async function decodedLogs(client: Client, devnet: Devnet, toBlock: bigint): Promise<HandlerLog[]> {
  const { manifest } = devnet
  const logs = await client.getLogs({
    address: Object.values(manifest.contracts).map((contract) => contract.address),
    fromBlock: BigInt(manifest.startBlock),
    toBlock,
  })
  const decoded = parseEventLogs({ abi: arbitrumEventsAbi, logs, strict: true })
  assert.equal(decoded.length, logs.length)
  const heights = [...new Set(decoded.map((log) => log.blockNumber))]
  const timestamps = new Map<bigint, number>()
  await Promise.all(heights.map(async (height) => timestamps.set(height, Number((await client.getBlock({ blockNumber: height })).timestamp) * 1000)))
  const transactions = new Map<string, { from: Address; to: Address | null; input: Hex; gasPrice?: bigint | undefined }>()
  await Promise.all(
    [...new Set(decoded.map((log) => log.transactionHash))].map(async (hash) => {
      const transaction = await client.getTransaction({ hash })
      transactions.set(hash, transaction)
    }),
  )
  // Round per block: RoundsManager's parameters, re-read after each round-length change.
  const roundsManager = manifest.contracts.RoundsManager?.address as Address
  const readAnchor = async (blockNumber: bigint) => {
    const [round, startBlock, length] = await Promise.all(
      (['lastRoundLengthUpdateRound', 'lastRoundLengthUpdateStartBlock', 'roundLength'] as const).map((functionName) =>
        client.readContract({ address: roundsManager, abi: roundsManagerAbi, functionName, blockNumber }),
      ),
    )
    return { height: blockNumber, round: round as bigint, startBlock: startBlock as bigint, length: length as bigint }
  }
  const changes = decoded.filter((log) => log.eventName === 'ParameterUpdate' && log.args.param === 'roundLength' && log.address.toLowerCase() === roundsManager.toLowerCase())
  const anchors = await Promise.all(changes.map((log) => readAnchor(log.blockNumber)))
  const roundAt = (height: bigint) => {
    const anchor = anchors.filter((candidate) => candidate.height <= height).at(-1)
    if (!anchor || anchor.length === 0n || height < anchor.startBlock) return 0n
    return anchor.round + (height - anchor.startBlock) / anchor.length
  }
  return decoded.map((log) => {
    const transaction = transactions.get(log.transactionHash)
    assert.ok(transaction)
    return {
      block: { height: Number(log.blockNumber), hash: log.blockHash, timestamp: timestamps.get(log.blockNumber) ?? 0 },
      transaction: { hash: log.transactionHash, from: transaction.from, to: transaction.to, gasPrice: transaction.gasPrice, input: transaction.input },
      logIndex: log.logIndex,
      address: log.address,
      eventName: log.eventName,
      args: (log.args ?? {}) as Record<string, unknown>,
      round: roundAt(log.blockNumber),
    }
  })
}

before(async () => {
  devnet = await createDevnet({ port: 0, live: false, manifestPath: false })
  postgres = await startPostgres({ dataDir: join(dir, 'postgres') })
  assert.deepEqual((await applyMigrations({ url: postgres.url })).length > 0, true)
  assert.deepEqual(await applyMigrations({ url: postgres.url }), [])
  dataSource = await new DataSource(createDataSourceOptions({ url: postgres.url })).initialize()

  const client = createDevnetClient({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId })
  head = await client.getBlockNumber({ cacheTime: 0 })
  const logs = await decodedLogs(client, devnet, head)
  const preset = devnetPreset(devnet.manifest)
  // Batches of ~40 blocks, each in its own transaction; a fresh handler instance half-way stands for
  // a restart, and one batch is first rolled back after the handlers ran (a failed, retried transaction).
  let handlers = createEntityHandlers({ preset })
  const batches: HandlerLog[][] = []
  for (const log of logs) {
    const last = batches.at(-1)
    if (last && (last[0] as HandlerLog).block.height + 40 > log.block.height) last.push(log)
    else batches.push([log])
  }
  const rolledBack = new Error('rolled back on purpose')
  for (const [index, batch] of batches.entries()) {
    if (index === Math.floor(batches.length / 2)) handlers = createEntityHandlers({ preset })
    if (index === Math.floor(batches.length / 3)) {
      const attempt = dataSource.transaction('SERIALIZABLE', async (em) => {
        await handlers.handleBatch(new Store(() => em), batch)
        throw rolledBack
      })
      await assert.rejects(attempt, rolledBack)
    }
    const result = await dataSource.transaction('SERIALIZABLE', (em) => handlers.handleBatch(new Store(() => em), batch))
    facts.orchestratorRounds += result.orchestratorRounds.length
    facts.delegatorRounds += result.delegatorRounds.length
  }
})

after(async () => {
  await dataSource?.destroy()
  await postgres?.stop()
  await devnet?.stop()
  rmSync(dir, { recursive: true, force: true })
})

test('behavior: every delegator and orchestrator equals the chain: bonded stake, pendingStake, pendingFees, total stake, active flag', async () => {
  const client = createDevnetClient({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId })
  const bondingManager = devnet.deployment.contracts.BondingManager.address
  const accounts: Address[] = [...devnet.manifest.accounts.orchestrators, ...devnet.manifest.accounts.delegators]
  const calls = accounts.flatMap((account) => [
    { address: bondingManager, abi: bondingManagerAbi, functionName: 'getDelegator', args: [account] } as const,
    { address: bondingManager, abi: bondingManagerAbi, functionName: 'pendingStake', args: [account, 0n] } as const,
    { address: bondingManager, abi: bondingManagerAbi, functionName: 'pendingFees', args: [account, 0n] } as const,
    { address: bondingManager, abi: bondingManagerAbi, functionName: 'transcoderTotalStake', args: [account] } as const,
    { address: bondingManager, abi: bondingManagerAbi, functionName: 'isActiveTranscoder', args: [account] } as const,
  ])
  const results = await client.multicall({ contracts: calls, allowFailure: false, blockNumber: head })
  const ids = accounts.map((account) => account.toLowerCase())
  const delegators = new Map((await dataSource.manager.findBy(Delegator, { id: In(ids) })).map((row) => [row.id, row]))
  const transcoders = new Map((await dataSource.manager.findBy(Transcoder, { id: In(ids) })).map((row) => [row.id, row]))
  let checkedTranscoders = 0
  let earning = 0
  accounts.forEach((account, index) => {
    const [chainDelegator, chainStake, chainFees, chainTotalStake, chainActive] = results.slice(index * 5, index * 5 + 5) as [
      readonly bigint[],
      bigint,
      bigint,
      bigint,
      boolean,
    ]
    const delegator = delegators.get(account.toLowerCase())
    const bonded = chainDelegator[0] as bigint
    if (!delegator) {
      assert.equal(bonded, 0n, `${account} is bonded on chain but has no Delegator`)
      return
    }
    assert.equal(toWei(delegator.bondedAmount), bonded, `bondedAmount of ${account}`)
    assert.equal(toWei(delegator.fees), chainDelegator[1], `fees of ${account}`)
    assert.equal(toWei(delegator.pendingStake), chainStake, `pendingStake of ${account}`)
    assert.equal(toWei(delegator.pendingFees), chainFees, `pendingFees of ${account}`)
    if (chainStake > bonded) earning++
    const transcoder = transcoders.get(account.toLowerCase())
    if (transcoder) {
      checkedTranscoders++
      assert.equal(toWei(transcoder.totalStake), chainTotalStake, `totalStake of ${account}`)
      assert.equal(transcoder.active, chainActive, `active flag of ${account}`)
    } else assert.equal(chainTotalStake, 0n, `${account} has stake on chain but no Transcoder`)
  })
  assert.ok(checkedTranscoders >= 10, `transcoders checked: ${checkedTranscoders}`)
  // delegatorsCount: +1 per bond from nothing, −1 per unbond to nothing = accounts bonded now.
  const bondedNow = accounts.filter((_, index) => ((results[index * 5] as readonly bigint[])[0] as bigint) > 0n).length
  const protocol = await dataSource.manager.findOneBy(Protocol, { id: '0' })
  assert.equal(protocol?.delegatorsCount, BigInt(bondedNow))
  assert.ok(earning > accounts.length / 4, `delegators with pending rewards: ${earning}`)
})

test('behavior: every gateway deposit and reserve equals TicketBroker.getSenderInfo', async () => {
  const client = createDevnetClient({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId })
  const ticketBroker = devnet.deployment.contracts.TicketBroker.address
  const gateways = devnet.manifest.accounts.gateways
  const infos = await client.multicall({
    contracts: gateways.map((gateway) => ({ address: ticketBroker, abi: ticketBrokerAbi, functionName: 'getSenderInfo', args: [gateway] })) as never,
    allowFailure: false,
    blockNumber: head,
  })
  const broadcasters = new Map((await dataSource.manager.find(Broadcaster)).map((row) => [row.id, row]))
  gateways.forEach((gateway, index) => {
    const [sender, reserve] = infos[index] as unknown as [{ deposit: bigint }, { fundsRemaining: bigint }]
    const broadcaster = broadcasters.get(gateway.toLowerCase())
    assert.ok(broadcaster, `Broadcaster ${gateway}`)
    assert.equal(toWei(broadcaster.deposit), sender.deposit, `deposit of ${gateway}`)
    assert.equal(toWei(broadcaster.reserve), reserve.fundsRemaining, `reserve of ${gateway}`)
    assert.ok(broadcaster.totalVolumeETH.gt(0), `volume of ${gateway}`)
  })
})

test('behavior: reward-call history, pool factors and the current round equal the chain', async () => {
  const client = createDevnetClient({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId })
  const bondingManager = devnet.deployment.contracts.BondingManager.address
  const roundsManager = devnet.deployment.contracts.RoundsManager.address
  const pools = await dataSource.manager.find(Pool, { loadRelationIds: true })
  assert.ok(pools.length > 0)
  const rewarded = pools.filter((pool) => pool.rewardTokens != null)
  assert.ok(rewarded.length > 10, `pools with rewards: ${rewarded.length}`)
  const results = await client.multicall({
    contracts: pools.map((pool) => ({
      address: bondingManager,
      abi: bondingManagerAbi,
      functionName: 'getTranscoderEarningsPoolForRound',
      args: [pool.delegate as unknown as Address, BigInt(pool.round as unknown as string)],
    })) as never,
    allowFailure: false,
    blockNumber: head,
  })
  pools.forEach((pool, index) => {
    const [totalStake, , , cumulativeRewardFactor, cumulativeFeeFactor] = results[index] as unknown as readonly bigint[]
    assert.equal(pool.cumulativeRewardFactor, cumulativeRewardFactor, `cumulativeRewardFactor of pool ${pool.id}`)
    assert.equal(pool.cumulativeFeeFactor, cumulativeFeeFactor, `cumulativeFeeFactor of pool ${pool.id}`)
    if (pool.rewardTokens != null) assert.equal(toWei(pool.totalStake), totalStake, `totalStake of pool ${pool.id}`)
  })
  // lastRewardRound of every orchestrator = the latest round whose pool has rewardTokens.
  const orchestrators = devnet.manifest.accounts.orchestrators
  const transcoders = await client.multicall({
    contracts: orchestrators.map((account) => ({ address: bondingManager, abi: bondingManagerAbi, functionName: 'getTranscoder', args: [account] })) as never,
    allowFailure: false,
    blockNumber: head,
  })
  orchestrators.forEach((account, index) => {
    const lastRewardRound = (transcoders[index] as unknown as readonly bigint[])[0] as bigint
    const latest = rewarded
      .filter((pool) => (pool.delegate as unknown as string) === account.toLowerCase())
      .reduce((max, pool) => (BigInt(pool.round as unknown as string) > max ? BigInt(pool.round as unknown as string) : max), 0n)
    assert.equal(latest, lastRewardRound, `last rewarded pool of ${account}`)
  })
  const protocol = await dataSource.manager.findOne(Protocol, { where: { id: '0' }, loadRelationIds: true })
  assert.ok(protocol)
  const [currentRound, lastInitializedRound] = await Promise.all(
    (['currentRound', 'lastInitializedRound'] as const).map((functionName) =>
      client.readContract({ address: roundsManager, abi: roundsManagerAbi, functionName, blockNumber: head }),
    ),
  )
  assert.equal(BigInt(protocol.lastInitializedRound as unknown as string), lastInitializedRound)
  assert.equal(BigInt(protocol.currentRound as unknown as string), currentRound)
  const read = (address: Address, abi: typeof bondingManagerAbi | typeof roundsManagerAbi | typeof minterAbi, functionName: string) =>
    client.readContract({ address, abi, functionName, blockNumber: head } as never) as Promise<bigint>
  const minter = devnet.deployment.contracts.Minter.address
  assert.equal(protocol.roundLength, await read(roundsManager, roundsManagerAbi, 'roundLength'))
  assert.equal(protocol.roundLockAmount, await read(roundsManager, roundsManagerAbi, 'roundLockAmount'))
  assert.equal(protocol.unbondingPeriod, await read(bondingManager, bondingManagerAbi, 'unbondingPeriod'))
  assert.equal(protocol.numActiveTranscoders, await read(bondingManager, bondingManagerAbi, 'getTranscoderPoolMaxSize'))
  assert.equal(protocol.inflation, await read(minter, minterAbi, 'inflation'))
  assert.equal(protocol.inflationChange, await read(minter, minterAbi, 'inflationChange'))
  assert.equal(protocol.targetBondingRate, await read(minter, minterAbi, 'targetBondingRate'))
  const round = await dataSource.manager.findOneBy(Round, { id: String(lastInitializedRound) })
  assert.equal(round?.initialized, true)
  if (lastInitializedRound === currentRound) assert.equal(round?.startBlock, await read(roundsManager, roundsManagerAbi, 'currentRoundStartBlock'))
})

test('behavior: per-round delegator earnings and ClickHouse facts are produced, and the ledger checkpoint is stored', async () => {
  const earnings = await dataSource.manager.find(DelegatorRoundEarnings, { where: { reward: Not(IsNull()) } })
  assert.ok(earnings.length > 50, `earnings rows: ${earnings.length}`)
  const checkpoint = await dataSource.manager.findOneBy(LedgerCheckpoint, { id: 'ledger' })
  assert.ok(checkpoint && checkpoint.entryCount > 100)
  assert.ok(facts.orchestratorRounds > 50, `orchestrator round facts: ${facts.orchestratorRounds}`)
  assert.ok(facts.delegatorRounds > 50, `delegator round facts: ${facts.delegatorRounds}`)
})
