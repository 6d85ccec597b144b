import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { bondingManagerAbi, roundsManagerAbi } from '@peerscope/protocol/abi'
import { nextAddress, startIndexedApi, type IndexedApi } from './_test/setup.ts'

// End to end: a devnet indexed once (indexer + API in one child process, embedded Postgres + chDB),
// every explorer query shape of subgraph-and-explorer.md §11 that the indexed entities cover,
// checked against Postgres rows read here and against the chain.
let api: IndexedApi
let currentRound: string

before(async () => {
  api = await startIndexedApi({ rounds: 14 })
  currentRound = String((await api.sql<{ id: string }>(`SELECT current_round_id AS id FROM protocol WHERE id = '0'`))[0]?.id)
})

after(async () => {
  await api?.stop()
})

async function data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await api.gql<T>(query, variables)
  assert.equal(result.errors, undefined, JSON.stringify(result.errors))
  assert.equal(result.status, 200)
  return result.data as T
}

const bondingManager = () => api.devnet.deployment.contracts.BondingManager.address
const toWei = (decimal: string) => {
  const [int = '0', frac = ''] = decimal.split('.')
  return BigInt(int + frac.padEnd(18, '0').slice(0, 18))
}

test('behavior: currentRound and meta queries match the chain and the processor cursor', async () => {
  const result = await data(`query currentRound { _meta { block { number hash timestamp } hasIndexingErrors } protocol(id: 0) { currentRound { id initialized startBlock } } }`)
  assert.equal(result._meta.block.number, api.head)
  assert.equal(result._meta.hasIndexingErrors, false)
  const block = await api.client.getBlock({ blockNumber: BigInt(api.head) })
  assert.equal(result._meta.block.hash, block.hash)
  const chainRound = await api.client.readContract({ address: api.devnet.deployment.contracts.RoundsManager.address, abi: roundsManagerAbi, functionName: 'currentRound', blockNumber: BigInt(api.head) })
  assert.equal(result.protocol.currentRound.id, chainRound.toString())
  assert.equal(result.protocol.currentRound.initialized, true)
  const [round] = await api.sql(`SELECT start_block::text FROM round WHERE id = $1`, [currentRound])
  assert.equal(result.protocol.currentRound.startBlock, round?.start_block)
})

test('behavior: the orchestrators table query returns the active set with the explorer fields and pool history', async () => {
  const result = await data(
    `query orchestrators($currentRound: BigInt, $currentRoundString: String, $first: Int, $skip: Int) {
      transcoders(where: { activationRound_lte: $currentRound, deactivationRound_gt: $currentRound }, first: $first, skip: $skip, orderBy: thirtyDayVolumeETH, orderDirection: desc) {
        id totalVolumeETH feeShare feeShareUpdateTimestamp activationTimestamp activationRound deactivationRound rewardCut rewardCutUpdateTimestamp totalStake
        delegator { startRound bondedAmount unbondingLocks { withdrawRound } }
        delegators(first: 1000) { id }
        pools(first: 90, orderBy: id, orderDirection: desc, where: { round_not: $currentRoundString }) { rewardTokens }
        thirtyDayVolumeETH sixtyDayVolumeETH ninetyDayVolumeETH
      }
    }`,
    { currentRound, currentRoundString: currentRound, first: 100, skip: 0 },
  )
  const expected = await api.sql<{ id: string }>(
    `SELECT id FROM transcoder WHERE activation_round <= $1 AND deactivation_round > $1 ORDER BY thirty_day_volume_eth DESC, id COLLATE "C" DESC`,
    [currentRound],
  )
  assert.ok(expected.length >= 5, `active transcoders: ${expected.length}`)
  assert.deepEqual(result.transcoders.map((t: { id: string }) => t.id), expected.map((row) => row.id))
  const views = await api.client.multicall({
    contracts: expected.map((row) => ({ address: bondingManager(), abi: bondingManagerAbi, functionName: 'transcoderTotalStake', args: [row.id as `0x${string}`] }) as const),
    allowFailure: false,
    blockNumber: BigInt(api.head),
  })
  for (const [index, transcoder] of (result.transcoders as Record<string, any>[]).entries()) {
    assert.equal(toWei(transcoder.totalStake), views[index], `totalStake of ${transcoder.id} equals BondingManager.transcoderTotalStake`)
    const pools = await api.sql<{ reward_tokens: string | null }>(
      `SELECT reward_tokens::text FROM pool WHERE delegate_id = $1 AND round_id <> $2 ORDER BY id COLLATE "C" DESC LIMIT 90`,
      [transcoder.id, currentRound],
    )
    assert.deepEqual(transcoder.pools.map((p: { rewardTokens: string | null }) => p.rewardTokens), pools.map((p) => p.reward_tokens))
    const [count] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM delegator WHERE delegate_id = $1`, [transcoder.id])
    assert.equal(transcoder.delegators.length, Math.min(1000, count?.n ?? 0))
    assert.equal(transcoder.delegator?.bondedAmount !== undefined, true, 'self-delegation record')
  }
})

test('behavior: the account query resolves delegator, transcoder, gateway alias and protocol like Postgres and the chain', async () => {
  const [row] = await api.sql<{ id: string; delegate_id: string }>(`SELECT id, delegate_id FROM delegator WHERE delegate_id IS NOT NULL AND id <> delegate_id ORDER BY bonded_amount DESC LIMIT 1`)
  assert.ok(row)
  const [gateway] = await api.sql<{ id: string }>(`SELECT id FROM broadcaster ORDER BY total_volume_eth DESC LIMIT 1`)
  const result = await data(
    `query account($account: ID!, $gateway: ID!) {
      delegator(id: $account) { id bondedAmount principal unbonded withdrawnFees startRound lastClaimRound { id }
        unbondingLocks { id amount unbondingLockId withdrawRound delegate { id } }
        delegate { id active status totalStake feeShare rewardCut ninetyDayVolumeETH pools(first: 30, skip: 1, orderBy: id, orderDirection: desc) { rewardTokens } } }
      transcoder(id: $account) { id }
      gateway: broadcaster(id: $gateway) { id deposit reserve totalVolumeETH ninetyDayVolumeETH firstActiveDay lastActiveDay }
      protocol(id: "0") { totalSupply totalActiveStake participationRate inflation inflationChange lptPriceEth roundLength currentRound { id } }
    }`,
    { account: row.id, gateway: gateway?.id },
  )
  const chain = (await api.client.readContract({ address: bondingManager(), abi: bondingManagerAbi, functionName: 'getDelegator', args: [row.id as `0x${string}`], blockNumber: BigInt(api.head) })) as readonly bigint[]
  assert.equal(toWei(result.delegator.bondedAmount), chain[0], 'bondedAmount equals getDelegator')
  assert.equal(result.delegator.delegate.id, row.delegate_id)
  assert.equal(result.transcoder, null, 'a pure delegator has no transcoder')
  const pools = await api.sql<{ r: string | null }>(`SELECT reward_tokens::text AS r FROM pool WHERE delegate_id = $1 ORDER BY id COLLATE "C" DESC OFFSET 1 LIMIT 30`, [row.delegate_id])
  assert.deepEqual(result.delegator.delegate.pools.map((p: { rewardTokens: string | null }) => p.rewardTokens), pools.map((p) => p.r))
  const [broadcaster] = await api.sql(`SELECT deposit::text, reserve::text, total_volume_eth::text, first_active_day FROM broadcaster WHERE id = $1`, [gateway?.id])
  assert.deepEqual(
    [result.gateway.deposit, result.gateway.reserve, result.gateway.totalVolumeETH, result.gateway.firstActiveDay],
    [broadcaster?.deposit, broadcaster?.reserve, broadcaster?.total_volume_eth, broadcaster?.first_active_day],
  )
  const [protocol] = await api.sql(`SELECT total_supply::text, inflation::text, round_length::text FROM protocol WHERE id = '0'`)
  assert.deepEqual([result.protocol.totalSupply, result.protocol.inflation, result.protocol.roundLength], [protocol?.total_supply, protocol?.inflation, protocol?.round_length])
  assert.equal(result.protocol.currentRound.id, currentRound)
  const inactive = await data(`query accountInactive($id: ID!) { delegator(id: $id) { delegate { id active } } protocol(id: "0") { pendingActivation { id } } }`, { id: row.id })
  assert.equal(inactive.delegator.delegate.id, row.delegate_id)
  assert.ok(Array.isArray(inactive.protocol.pendingActivation))
})

test('behavior: day queries (overview, protocol-day-data paging, supply change aliases) match the day table', async () => {
  const days = await data(`{ days(first: 10, orderBy: date, orderDirection: desc) { date volumeUSD volumeETH participationRate inflation activeTranscoderCount delegatorsCount } }`)
  const rows = await api.sql(`SELECT date, volume_eth::text, inflation::text, delegators_count::text FROM day ORDER BY date DESC LIMIT 10`)
  assert.ok(rows.length >= 1)
  assert.deepEqual(
    days.days.map((d: Record<string, unknown>) => [d.date, d.volumeETH, d.inflation, d.delegatorsCount]),
    rows.map((r) => [r.date, r.volume_eth, r.inflation, r.delegators_count]),
  )
  const paged = await data(
    `query ProtocolDays($cursor: Int) { days(first: 1000, orderBy: date, orderDirection: asc, where: { date_gt: $cursor, activeTranscoderCount_gt: 0 }) { date activeTranscoderCount } }`,
    { cursor: 0 },
  )
  const expected = await api.sql(`SELECT date FROM day WHERE date > 0 AND active_transcoder_count > 0 ORDER BY date`)
  assert.deepEqual(paged.days.map((d: { date: number }) => d.date), expected.map((r) => r.date))
  const supply = await data(
    `query SupplyChange($from: Int) { first: days(first: 1, orderBy: date, orderDirection: asc, where: { date_gte: $from }) { date totalSupply } last: days(first: 1, orderBy: date, orderDirection: desc, where: { date_gte: $from }) { date totalSupply } }`,
    { from: 0 },
  )
  const [oldest] = await api.sql(`SELECT date, total_supply::text FROM day ORDER BY date ASC LIMIT 1`)
  assert.deepEqual(supply.first, [{ date: oldest?.date, totalSupply: oldest?.total_supply }])
  assert.equal(supply.last[0].date, rows[0]?.date)
})

test('behavior: the events feed resolves Transaction.events through the Event interface with __typename and fragments', async () => {
  const result = await data(`query events($first: Int) {
    transactions(first: $first, orderBy: timestamp, orderDirection: desc) {
      id timestamp from
      events { __typename id round { id } transaction { id timestamp from }
        ... on BondEvent { delegator { id } newDelegate { id } oldDelegate { id } additionalAmount }
        ... on UnbondEvent { delegate { id } delegator { id } amount }
        ... on RebondEvent { delegate { id } delegator { id } amount }
        ... on TranscoderUpdateEvent { delegate { id } rewardCut feeShare }
        ... on RewardEvent { delegate { id } rewardTokens }
        ... on WithdrawStakeEvent { delegator { id } amount }
        ... on WithdrawFeesEvent { delegator { id } amount }
        ... on WinningTicketRedeemedEvent { recipient { id } faceValue }
        ... on DepositFundedEvent { sender { id } amount }
        ... on ReserveFundedEvent { reserveHolder { id } amount }
        ... on TransferBondEvent { amount newDelegator { id } oldDelegator { id } }
        ... on TranscoderActivatedEvent { activationRound delegate { id } }
        ... on TranscoderDeactivatedEvent { deactivationRound delegate { id } }
        ... on NewRoundEvent { transaction { from } }
        ... on WithdrawalEvent { sender { id } deposit reserve }
        ... on SetCurrentRewardTokensEvent { currentInflation currentMintableTokens }
        ... on ParameterUpdateEvent { param }
        ... on ServiceURIUpdateEvent { addr serviceURI }
      }
    }
    transcoders(where: { active: true }) { id }
  }`, { first: 100 })
  assert.equal(result.transactions.length, 100)
  const hashes = result.transactions.map((t: { id: string }) => t.id)
  const expected = await api.sql<{ id: string; timestamp: number }>(`SELECT id, "timestamp" FROM "transaction" ORDER BY "timestamp" DESC, id COLLATE "C" DESC LIMIT 100`)
  assert.deepEqual(hashes, expected.map((row) => row.id))
  const tables = ['bond_event', 'reward_event', 'winning_ticket_redeemed_event', 'new_round_event', 'transcoder_update_event', 'unbond_event']
  for (const table of tables) {
    const rows: { id: string }[] = await api.sql(`SELECT id FROM ${table} WHERE transaction_id = ANY($1::text[])`, [hashes])
    const typename = table.split('_').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('').replace('Event', 'Event')
    const served = result.transactions.flatMap((t: { events: { __typename: string; id: string }[] }) => t.events).filter((e: { __typename: string }) => e.__typename === typename)
    assert.deepEqual(served.map((e: { id: string }) => e.id).sort(), rows.map((r) => r.id).sort(), `${typename} events of the feed`)
  }
  const events = result.transactions.flatMap((t: { events: Record<string, any>[] }) => t.events)
  assert.ok(events.length > 100)
  for (const event of events) assert.equal(event.transaction.id, event.id.split('-')[0])
})

test('behavior: account history queries filter with or and nested transaction_ filters', async () => {
  const [reward] = await api.sql<{ delegate_id: string; from: string }>(
    `SELECT r.delegate_id, t."from" FROM reward_event r JOIN "transaction" t ON t.id = r.transaction_id ORDER BY r.id LIMIT 1`,
  )
  assert.ok(reward)
  const account = reward.from
  const result = await data(
    `query transactions($account: String, $first: Int, $skip: Int) {
      transactions(orderBy: timestamp, orderDirection: desc, where: { from: $account }, first: $first, skip: $skip) { id }
      winningTicketRedeemedEvents(orderBy: timestamp, orderDirection: desc, where: { or: [{ recipient: $account }, { sender: $account }] }, first: $first, skip: $skip) { id faceValue sender { id } recipient { id } }
      rewardEvents(orderBy: timestamp, orderDirection: desc, where: { or: [{ delegate: $account }, { transaction_: { from: $account } }] }, first: $first, skip: $skip) { id rewardTokens delegate { id } }
    }`,
    { account, first: 1000, skip: 0 },
  )
  const txs = await api.sql<{ id: string }>(`SELECT id FROM "transaction" WHERE "from" = $1 ORDER BY "timestamp" DESC, id COLLATE "C" DESC`, [account])
  assert.deepEqual(result.transactions.map((t: { id: string }) => t.id), txs.map((t) => t.id))
  const rewards = await api.sql<{ id: string }>(
    `SELECT r.id FROM reward_event r JOIN "transaction" t ON t.id = r.transaction_id WHERE r.delegate_id = $1 OR t."from" = $1 ORDER BY r."timestamp" DESC, r.id COLLATE "C" DESC`,
    [account],
  )
  assert.ok(rewards.length > 0)
  assert.deepEqual(result.rewardEvents.map((e: { id: string }) => e.id), rewards.map((r) => r.id))
  const [ticket] = await api.sql<{ recipient_id: string }>(`SELECT recipient_id FROM winning_ticket_redeemed_event LIMIT 1`)
  const tickets = await data(`query($a: String) { winningTicketRedeemedEvents(first: 1000, where: { or: [{ recipient: $a }, { sender: $a }] }) { id } }`, { a: ticket?.recipient_id })
  const [count] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM winning_ticket_redeemed_event WHERE recipient_id = $1 OR sender_id = $1`, [ticket?.recipient_id])
  assert.equal(tickets.winningTicketRedeemedEvents.length, count?.n)
})

test('behavior: gateways, orchestratorsSorted, orchestratorDelegators, activation and update event queries', async () => {
  const gateways = await data(
    `query gateways($minActiveDay: Int) { gateways: broadcasters(first: 250, skip: 0, orderBy: ninetyDayVolumeETH, orderDirection: desc, where: { or: [{ ninetyDayVolumeETH_gt: "0" }, { firstActiveDay_gte: $minActiveDay }] }) { id ninetyDayVolumeETH firstActiveDay } }`,
    { minActiveDay: 0 },
  )
  const expected = await api.sql<{ id: string }>(
    `SELECT id FROM broadcaster WHERE ninety_day_volume_eth > 0 OR first_active_day >= 0 ORDER BY ninety_day_volume_eth DESC, id COLLATE "C" DESC LIMIT 250`,
  )
  assert.deepEqual(gateways.gateways.map((g: { id: string }) => g.id), expected.map((g) => g.id))
  const sorted = await data(`{ transcoders(orderBy: totalStake, orderDirection: desc, where: { active: true }) { id totalStake } }`)
  const stakes = sorted.transcoders.map((t: { totalStake: string }) => toWei(t.totalStake))
  for (let i = 1; i < stakes.length; i++) assert.ok(stakes[i - 1] >= stakes[i], 'ordered by totalStake numerically')
  const top = sorted.transcoders[0].id
  const delegators = await data(
    `query orchestratorDelegators($id: ID!, $first: Int, $skip: Int, $orderBy: Delegator_orderBy, $orderDirection: OrderDirection) { transcoder(id: $id) { delegators(first: $first, skip: $skip, orderBy: $orderBy, orderDirection: $orderDirection) { id bondedAmount startRound } } }`,
    { id: top, first: 5, skip: 2, orderBy: 'bondedAmount', orderDirection: 'desc' },
  )
  const rows = await api.sql<{ id: string }>(`SELECT id FROM delegator WHERE delegate_id = $1 ORDER BY bonded_amount DESC, id COLLATE "C" DESC OFFSET 2 LIMIT 5`, [top])
  assert.deepEqual(delegators.transcoder.delegators.map((d: { id: string }) => d.id), rows.map((r) => r.id))
  const activated = await data(`query($d: String) { transcoderActivatedEvents(where: { delegate: $d }, first: 1, orderBy: activationRound, orderDirection: asc) { activationRound id } }`, { d: top })
  const [first] = await api.sql(`SELECT id, activation_round::text FROM transcoder_activated_event WHERE delegate_id = $1 ORDER BY activation_round, id COLLATE "C" LIMIT 1`, [top])
  assert.deepEqual(activated.transcoderActivatedEvents, [{ activationRound: first?.activation_round, id: first?.id }])
  const updates = await data(`query($d: String) { transcoderUpdateEvents(where: { delegate: $d }, first: 1000, orderBy: timestamp, orderDirection: desc) { id rewardCut feeShare timestamp round { id } transaction { id } } }`, { d: top })
  const [n] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM transcoder_update_event WHERE delegate_id = $1`, [top])
  assert.equal(updates.transcoderUpdateEvents.length, n?.n)
  const self = await data(`query($a: String) { winningTicketRedeemedEvents(first: 1, orderBy: timestamp, orderDirection: desc, where: { sender: $a, recipient: $a }) { transaction { timestamp } } }`, { a: top })
  assert.deepEqual(self.winningTicketRedeemedEvents, [])
})

test('behavior: the protocol query and protocolByBlock time travel', async () => {
  const live = await data(`query protocol { protocol(id: "0") { totalVolumeUSD totalVolumeETH participationRate inflation activeTranscoderCount delegatorsCount lockPeriod totalSupply totalActiveStake inflationChange roundLength lptPriceEth paused currentRound { id mintableTokens volumeETH volumeUSD pools { rewardTokens } } } }`)
  const [row] = await api.sql(`SELECT total_active_stake::text, delegators_count::text, total_volume_eth::text FROM protocol WHERE id = '0'`)
  assert.deepEqual([live.protocol.totalActiveStake, live.protocol.delegatorsCount, live.protocol.totalVolumeETH], [row?.total_active_stake, row?.delegators_count, row?.total_volume_eth])
  const [pools] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM pool WHERE round_id = $1`, [currentRound])
  assert.equal(live.protocol.currentRound.pools.length, Math.min(100, pools?.n ?? 0))
  const atHead = await data(`query protocolByBlock($block: Block_height) { protocol(id: 0, block: $block) { totalActiveStake delegatorsCount totalVolumeETH } }`, { block: { number: api.head } })
  assert.deepEqual(atHead.protocol, { totalActiveStake: row?.total_active_stake, delegatorsCount: row?.delegators_count, totalVolumeETH: row?.total_volume_eth })
  const past = Math.floor(api.head / 2)
  const old = await data(`query protocolByBlock($block: Block_height) { protocol(id: 0, block: $block) { totalActiveStake currentRound { id } } }`, { block: { number: past } })
  const roundAt = await api.client.readContract({ address: api.devnet.deployment.contracts.RoundsManager.address, abi: roundsManagerAbi, functionName: 'currentRound', blockNumber: BigInt(past) })
  assert.equal(old.protocol.currentRound.id, roundAt.toString(), 'currentRound as of the past block')
  assert.ok(toWei(old.protocol.totalActiveStake) < toWei(live.protocol.totalActiveStake))
})

test('behavior: time travel on transcoders and delegators equals the chain at that block', async () => {
  const past = Math.floor((api.head * 2) / 3)
  const result = await data(
    `query($block: Block_height) { transcoders(block: $block, first: 1000, where: { totalStake_gt: "0" }, orderBy: totalStake, orderDirection: desc) { id totalStake delegators(first: 3, orderBy: bondedAmount, orderDirection: desc) { id bondedAmount } } }`,
    { block: { number: past } },
  )
  assert.ok(result.transcoders.length >= 5)
  const views = await api.client.multicall({
    contracts: result.transcoders.map((t: { id: string }) => ({ address: bondingManager(), abi: bondingManagerAbi, functionName: 'transcoderTotalStake', args: [t.id] }) as const),
    allowFailure: false,
    blockNumber: BigInt(past),
  })
  result.transcoders.forEach((t: { id: string; totalStake: string }, i: number) => assert.equal(toWei(t.totalStake), views[i], `totalStake of ${t.id} at block ${past}`))
  for (const transcoder of result.transcoders.slice(0, 3))
    for (const delegator of transcoder.delegators) {
      const chain = (await api.client.readContract({ address: bondingManager(), abi: bondingManagerAbi, functionName: 'getDelegator', args: [delegator.id], blockNumber: BigInt(past) })) as readonly bigint[]
      assert.equal(toWei(delegator.bondedAmount), chain[0], `bondedAmount of ${delegator.id} at ${past}`)
    }
  const single = await data(`query($id: ID!, $block: Block_height) { delegator(id: $id, block: $block) { bondedAmount delegate { id totalStake } } }`, {
    id: result.transcoders[0].delegators[0].id,
    block: { number: past },
  })
  assert.equal(single.delegator.bondedAmount, result.transcoders[0].delegators[0].bondedAmount)
  const [withEvents] = await api.sql<{ n: number }>(`SELECT block_number::int AS n FROM "transaction" WHERE block_number <= $1 ORDER BY block_number DESC LIMIT 1`, [past])
  const hash = (await api.client.getBlock({ blockNumber: BigInt(withEvents?.n ?? 0) })).hash
  const byHash = await data(`query($h: Bytes) { protocol(id: 0, block: { hash: $h }) { totalActiveStake } _meta(block: { hash: $h }) { block { number hash } } }`, { h: hash })
  const byNumber = await data(`query($n: Int) { protocol(id: 0, block: { number: $n }) { totalActiveStake } }`, { n: withEvents?.n })
  assert.deepEqual(byHash.protocol, byNumber.protocol, 'block by hash = block by number')
  assert.deepEqual(byHash._meta.block, { number: withEvents?.n, hash })
  const gte = await data(`{ protocol(id: 0, block: { number_gte: ${past} }) { id } }`)
  assert.deepEqual(gte.protocol, { id: '0' })
  const ahead = await api.gql(`{ protocol(id: 0, block: { number: ${api.head + 1000} }) { inflation } }`)
  assert.equal(ahead.errors?.[0]?.message, `The API has only indexed up to block number ${api.head} and data for block number ${api.head + 1000} is therefore not yet available`)
  const rounds = await api.gql(`{ rounds(block: { number: ${past} }) { id } }`)
  assert.match(rounds.errors?.[0]?.message ?? '', /Time travel \(`block`\) is available for Protocol, Transcoder and Delegator/)
})

test('behavior: filter operators, nested filters, ordering and pagination follow The Graph semantics', async () => {
  const all = await api.sql<{ id: string; total_stake: string; active: boolean }>(`SELECT id, total_stake::text, active FROM transcoder ORDER BY id COLLATE "C"`)
  const ids = all.map((row) => row.id)
  const check = async (where: string, expected: string[], label: string) => {
    const result = await data(`{ transcoders(first: 1000, where: ${where}) { id } }`)
    assert.deepEqual(result.transcoders.map((t: { id: string }) => t.id), expected, label)
  }
  await check(`{ id_in: ["${ids[0]}", "${ids[2]}"] }`, [ids[0] as string, ids[2] as string], '_in')
  await check(`{ id_not_in: ["${ids[0]}"] }`, ids.slice(1), '_not_in')
  await check(`{ id_gt: "${ids[3]}" }`, ids.slice(4), 'string _gt in byte order')
  const uris = await api.sql<{ id: string; service_uri: string | null }>(`SELECT id, service_uri FROM transcoder ORDER BY id COLLATE "C"`)
  const uri = uris.find((row) => row.service_uri)?.service_uri as string
  await check(`{ serviceURI_starts_with: "${uri.slice(0, 12)}" }`, uris.filter((row) => row.service_uri?.startsWith(uri.slice(0, 12))).map((row) => row.id), '_starts_with')
  await check(`{ serviceURI_contains_nocase: "${uri.slice(-6).toUpperCase()}" }`, uris.filter((row) => row.service_uri?.toLowerCase().includes(uri.slice(-6).toLowerCase())).map((row) => row.id), '_contains_nocase')
  await check(`{ serviceURI_not_ends_with: "${uri.slice(-3)}" }`, uris.filter((row) => row.service_uri != null && !row.service_uri.endsWith(uri.slice(-3))).map((row) => row.id), '_not_ends_with (NULL excluded)')
  await check(`{ serviceURI_contains: "%" }`, [], 'LIKE wildcards match themselves')
  const byDelegatePrefix = await data(`{ delegators(first: 1000, where: { delegate_starts_with: "${ids[1]?.slice(0, 5)}" }) { id } }`)
  const prefixed = await api.sql<{ id: string }>(`SELECT id FROM delegator WHERE delegate_id LIKE $1 ORDER BY id COLLATE "C" LIMIT 1000`, [`${ids[1]?.slice(0, 5)}%`])
  assert.deepEqual(byDelegatePrefix.delegators.map((d: { id: string }) => d.id), prefixed.map((d) => d.id), 'reference _starts_with')
  await check(`{ active: true }`, all.filter((row) => row.active).map((row) => row.id), 'boolean equality')
  const big = all.map((row) => toWei(row.total_stake)).sort((a, b) => (a < b ? -1 : 1))
  const threshold = big[Math.floor(big.length / 2)] as bigint
  const thresholdDecimal = `${threshold / 10n ** 18n}.${(threshold % 10n ** 18n).toString().padStart(18, '0')}`
  await check(`{ totalStake_gte: "${thresholdDecimal}" }`, all.filter((row) => toWei(row.total_stake) >= threshold).map((row) => row.id), 'BigDecimal compares numerically')
  await check(
    `{ or: [{ id: "${ids[0]}" }, { and: [{ active: false }, { id_not: "${ids[1]}" }] }] }`,
    all.filter((row) => row.id === ids[0] || (!row.active && row.id !== ids[1])).map((row) => row.id),
    'and / or',
  )
  const nested = await data(`{ delegators(first: 1000, where: { delegate_: { active: true }, bondedAmount_gt: "0" }) { id } }`)
  const expected = await api.sql<{ id: string }>(
    `SELECT d.id FROM delegator d JOIN transcoder t ON t.id = d.delegate_id WHERE t.active AND d.bonded_amount > 0 ORDER BY d.id COLLATE "C" LIMIT 1000`,
  )
  assert.deepEqual(nested.delegators.map((d: { id: string }) => d.id), expected.map((d) => d.id), 'nested reference filter')
  const derived = await data(`{ transcoders(first: 1000, where: { pools_: { rewardTokens: null } }) { id } }`)
  const missed = await api.sql<{ id: string }>(`SELECT DISTINCT delegate_id AS id FROM pool WHERE reward_tokens IS NULL ORDER BY 1`)
  assert.deepEqual(derived.transcoders.map((t: { id: string }) => t.id), missed.map((t) => t.id).sort(), 'nested derived filter with null equality')
  const byDelegate = await data(`{ delegators(first: 20, orderBy: delegate__totalStake, orderDirection: desc, where: { delegate_not: null }) { id delegate { totalStake } } }`)
  const delegateStakes = byDelegate.delegators.map((d: { delegate: { totalStake: string } }) => toWei(d.delegate.totalStake))
  for (let i = 1; i < delegateStakes.length; i++) assert.ok(delegateStakes[i - 1] >= delegateStakes[i], 'nested orderBy delegate__totalStake')
  const full = (await data(`{ delegators(first: 60, orderBy: bondedAmount, orderDirection: desc) { id } }`)).delegators.map((d: { id: string }) => d.id)
  const pages = []
  for (let skip = 0; skip < 60; skip += 25) pages.push(...(await data(`{ delegators(first: 25, skip: ${skip}, orderBy: bondedAmount, orderDirection: desc) { id } }`)).delegators.map((d: { id: string }) => d.id))
  assert.deepEqual(pages.slice(0, 60), full, 'first/skip pages concatenate to the full ordering')
  const past = Math.floor(api.head * 0.8)
  const sqlPath = await data(`{ transcoders(first: 1000, orderBy: totalStake, orderDirection: desc, where: { active: true, id_not: "${ids[0]}" }) { id } }`)
  const memoryPath = await data(`{ transcoders(block: { number: ${api.head} }, first: 1000, orderBy: totalStake, orderDirection: desc, where: { active: true, id_not: "${ids[0]}" }) { id } }`)
  assert.deepEqual(memoryPath, sqlPath, 'the head block is served live')
  const pastNested = await data(`{ delegators(block: { number: ${past} }, first: 5, skip: 1, orderBy: bondedAmount, orderDirection: desc, where: { delegate_: { active: true } }) { id bondedAmount } }`)
  assert.equal(pastNested.delegators.length, 5)
})

test('behavior: hostile queries are rejected quickly with GraphQL errors and the server keeps serving', async () => {
  const started = performance.now()
  const expectError = async (query: string, pattern: RegExp, variables?: Record<string, unknown>) => {
    const result = await api.gql(query, variables)
    assert.ok(result.status < 500, `status ${result.status}`)
    assert.ok(result.errors && result.errors.length > 0, `errors for ${query.slice(0, 60)}`)
    assert.match(result.errors[0]?.message ?? '', pattern)
    assert.doesNotMatch(JSON.stringify(result.errors), /SELECT|stack|at .*\.ts/)
  }
  await expectError('{ transcoders(first: 100000) { id } }', /The `first` argument must be between 0 and 1000, but is 100000/)
  await expectError('{ transcoders(skip: 9999999) { id } }', /The `skip` argument must be between 0 and 5000/)
  const bomb = `{ transcoders { ${'delegator { delegate { '.repeat(10)} id ${'} } '.repeat(10)} } }`
  await expectError(bomb, /Query is too deep/)
  await expectError(`{ ${Array.from({ length: 60 }, (_, i) => `a${i}: protocol(id: 0) { id }`).join(' ')} }`, /too many aliases/)
  await expectError(`{ transcoders(first: 1000) { pools(first: 1000) { id } delegators(first: 1000) { id } } }`, /Query is too expensive/)
  await expectError(`{ protocol(id: 0) { ${'id '.repeat(6000)} } }`, /more than 5000 tokens/)
  await expectError(`{ transcoders(where: { totalStake_gt: "1; DROP TABLE transcoder" }) { id } }`, /Invalid BigDecimal value/)
  await expectError(`{ transcoders(where: { nope: 1 }) { id } }`, /nope/)
  await expectError(`query($w: Transcoder_filter) { transcoders(where: $w) { id } }`, /The `where` argument is too large/, { w: { id_in: Array.from({ length: 5_000 }, (_, i) => `0x${i}`) } })
  const injection = await data(`query($id: ID) { transcoders(where: { id: $id, id_not_in: ["' OR 1=1 --"] }) { id } delegators(where: { delegate_starts_with: "0x'; DROP TABLE delegator; --" }) { id } }`, { id: "x' OR '1'='1" })
  assert.deepEqual(injection, { transcoders: [], delegators: [] })
  const body = await fetch(api.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': nextAddress() }, body: '{"query": "{ protocol(id: 0) { id } ' })
  assert.ok(body.status >= 400 && body.status < 500, `malformed JSON → ${body.status}`)
  assert.ok(performance.now() - started < 5_000, 'rejections are fast')
  assert.ok(api.alive())
  const [count] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM transcoder`)
  const after = await data(`{ transcoders(first: 1000) { id } }`)
  assert.equal(after.transcoders.length, count?.n, 'tables intact and the server still answers')
})

test('behavior: the server serves health, metrics, GraphiQL, CORS, the routes hook and a per-IP rate limit', async () => {
  const health = await fetch(`${api.url}/health`, { headers: { 'x-forwarded-for': nextAddress() } })
  assert.deepEqual(await health.json(), { status: 'ok', indexedBlock: api.head })
  const graphiql = await fetch(api.graphqlUrl, { headers: { accept: 'text/html', 'x-forwarded-for': nextAddress() } })
  assert.match(await graphiql.text(), /GraphiQL|graphiql/)
  const preflight = await fetch(api.graphqlUrl, { method: 'OPTIONS', headers: { origin: 'https://explorer.example', 'access-control-request-method': 'POST' } })
  assert.ok(['*', 'https://explorer.example'].includes(preflight.headers.get('access-control-allow-origin') ?? ''), 'any origin is allowed')
  const get = await fetch(`${api.graphqlUrl}?query=${encodeURIComponent('{ protocol(id: 0) { id } }')}`, { headers: { accept: 'application/json', origin: 'https://x.example', 'x-forwarded-for': nextAddress() } })
  assert.deepEqual(await get.json(), { data: { protocol: { id: '0' } } })
  const echo = await fetch(`${api.url}/test/echo`, { method: 'POST', body: 'hello', headers: { 'x-forwarded-for': nextAddress() } })
  assert.equal(echo.status, 201)
  assert.deepEqual(await echo.json(), { method: 'POST', body: 'hello' })
  assert.equal((await fetch(`${api.url}/nowhere`, { headers: { 'x-forwarded-for': nextAddress() } })).status, 404)
  const metrics = await (await fetch(`${api.url}/metrics`, { headers: { 'x-forwarded-for': nextAddress() } })).text()
  assert.match(metrics, /peerscope_api_requests_total\{route="\/graphql",status="200"\} \d+/)
  const statuses: number[] = []
  for (let i = 0; i < 15; i++) statuses.push((await fetch(`${api.url}/health`, { headers: { 'x-forwarded-for': '192.0.2.7' } })).status)
  assert.deepEqual(statuses.slice(0, 10), Array(10).fill(200), 'the burst passes')
  assert.ok(statuses.slice(10).includes(429), `then the client is limited: ${statuses}`)
  assert.equal((await fetch(`${api.url}/health`, { headers: { 'x-forwarded-for': nextAddress() } })).status, 200, 'other clients are not')
  const local: number[] = []
  for (let i = 0; i < 15; i++) local.push((await fetch(`${api.url}/health`, { headers: { 'x-forwarded-for': '127.0.0.1' } })).status)
  assert.deepEqual(local, Array(15).fill(200), 'loopback (the web server) is exempt')
})

test('behavior: the response cache serves repeated queries until the indexed head moves', async () => {
  const query = '{ _meta { block { number } } transactions(first: 1, orderBy: timestamp, orderDirection: desc) { id } }'
  const first = await data(query)
  assert.equal(first._meta.block.number, api.head)
  const repeat = await fetch(api.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': nextAddress() }, body: JSON.stringify({ query }) })
  assert.equal(repeat.headers.get('x-cache'), 'hit', 'the repeated query is served from the cache')
  assert.deepEqual(((await repeat.json()) as { data: unknown }).data, first)
  await api.client.request({ method: 'evm_mine' as never, params: [] as never })
  await api.client.request({ method: 'evm_mine' as never, params: [] as never })
  const deadline = Date.now() + 30_000
  let latest = first
  while (Date.now() < deadline && latest._meta.block.number === api.head) {
    await new Promise((resolve) => setTimeout(resolve, 200))
    latest = await data(query)
  }
  assert.ok(latest._meta.block.number > api.head, `the head moved past ${api.head}: ${latest._meta.block.number}`)
})
