import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { nextAddress, startIndexedApi, type IndexedApi } from './_test/setup.ts'

// End to end: the analytics fields of schema/analytics.graphql (ClickHouse facts) against the
// Postgres entities the same indexer wrote, read here independently.
let api: IndexedApi
let currentRound: number

before(async () => {
  api = await startIndexedApi({ rounds: 14, seed: 'analytics' })
  currentRound = Number((await api.sql<{ id: string }>(`SELECT current_round_id AS id FROM protocol WHERE id = '0'`))[0]?.id)
})

after(async () => {
  await api?.stop()
})

async function data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await api.gql<T>(query, variables)
  assert.equal(result.errors, undefined, JSON.stringify(result.errors))
  return result.data as T
}

const toWei = (decimal: string | null | undefined) => {
  if (decimal == null) return 0n
  const negative = decimal.startsWith('-')
  const [int = '0', frac = ''] = (negative ? decimal.slice(1) : decimal).split('.')
  const value = BigInt(int + frac.padEnd(18, '0').slice(0, 18))
  return negative ? -value : value
}

test('behavior: orchestratorComparison per-round facts equal the Pool entities and TranscoderUpdate events', async () => {
  const fromRound = currentRound - 8
  const result = await data(
    `query($from: Int, $to: Int) { orchestratorComparison(fromRound: $from, toRound: $to, first: 1000, orderBy: stake, orderDirection: desc) {
      id fromRound toRound stake activeRounds rewardCalls missedRewardCalls rewardCallRatio rewardTokens treasuryRewardTokens rewardCommission delegatorsReward delegatorsRewardPerRound fees rewardCut feeShare
      cutChanges { round rewardCut feeShare transactionHash blockNumber }
      rounds { round stake active rewardCalled rewardTokens treasuryRewardTokens rewardCommission delegatorsReward fees delegatorsRewardRate }
    } }`,
    { from: fromRound, to: currentRound },
  )
  const list = result.orchestratorComparison as Record<string, any>[]
  const expectedIds = await api.sql<{ id: string }>(`SELECT delegate_id AS id FROM pool WHERE round_id = $1`, [String(currentRound)])
  assert.deepEqual(list.map((o) => o.id).sort(), expectedIds.map((row) => row.id).sort(), 'defaults to the active set of toRound')
  const stakes = list.map((o) => toWei(o.stake))
  for (let i = 1; i < stakes.length; i++) assert.ok((stakes[i - 1] as bigint) >= (stakes[i] as bigint), 'ordered by stake desc')
  let compared = 0
  for (const orchestrator of list) {
    const pools = await api.sql<Record<string, string | null>>(
      `SELECT round_id, total_stake::text, reward_tokens::text, reward_commission::text, treasury_reward_tokens::text FROM pool WHERE delegate_id = $1 AND round_id::int BETWEEN $2 AND $3`,
      [orchestrator.id, fromRound, currentRound],
    )
    const byRound = new Map(pools.map((pool) => [Number(pool.round_id), pool]))
    for (const round of orchestrator.rounds) {
      const pool = byRound.get(round.round)
      if (!pool || !round.active) continue
      compared++
      assert.equal(toWei(round.stake), toWei(pool.total_stake), `stake of ${orchestrator.id} in round ${round.round}`)
      assert.equal(round.rewardCalled, pool.reward_tokens !== null, `reward call of ${orchestrator.id} in round ${round.round}`)
      assert.equal(toWei(round.rewardTokens), toWei(pool.reward_tokens), `reward of ${orchestrator.id} in round ${round.round}`)
      assert.equal(toWei(round.rewardCommission), toWei(pool.reward_commission), `commission of ${orchestrator.id} in round ${round.round}`)
      assert.equal(toWei(round.treasuryRewardTokens), toWei(pool.treasury_reward_tokens), `treasury of ${orchestrator.id} in round ${round.round}`)
      assert.equal(toWei(round.rewardCommission) + toWei(round.delegatorsReward), toWei(round.rewardTokens))
    }
    const called = pools.filter((pool) => pool.reward_tokens !== null).length
    assert.equal(orchestrator.rewardCalls, called)
    assert.equal(orchestrator.rounds.length, currentRound - fromRound + 1)
    const updates = await api.sql<{ reward_cut: string; transaction_id: string }>(
      `SELECT reward_cut::text, transaction_id FROM transcoder_update_event WHERE delegate_id = $1 AND round_id::int BETWEEN $2 AND $3`,
      [orchestrator.id, fromRound, currentRound],
    )
    assert.deepEqual(orchestrator.cutChanges.map((c: { transactionHash: string }) => c.transactionHash).sort(), updates.map((u) => u.transaction_id).sort())
    const [transcoder] = await api.sql(`SELECT reward_cut::text, fee_share::text FROM transcoder WHERE id = $1`, [orchestrator.id])
    assert.deepEqual([orchestrator.rewardCut, orchestrator.feeShare], [transcoder?.reward_cut, transcoder?.fee_share])
  }
  assert.ok(compared >= 20, `rounds compared: ${compared}`)
  const chosen = await data(`query($ids: [String!]) { orchestratorComparison(orchestrators: $ids, orderBy: rewardCommission, orderDirection: asc) { id } }`, { ids: list.slice(0, 2).map((o) => o.id.toUpperCase()) })
  assert.deepEqual(chosen.orchestratorComparison.map((o: { id: string }) => o.id).sort(), list.slice(0, 2).map((o) => o.id).sort())
  const tooLong = await api.gql(`{ orchestratorComparison(fromRound: 0, toRound: 1000) { id } }`)
  assert.match(tooLong.errors?.[0]?.message ?? '', /at most 366 rounds/)
})

test('behavior: delegatorEarnings per round equal the DelegatorRoundEarnings entities', async () => {
  const [top] = await api.sql<{ delegator_id: string; n: number }>(
    `SELECT delegator_id, count(*)::int AS n FROM delegator_round_earnings GROUP BY delegator_id ORDER BY n DESC, delegator_id LIMIT 1`,
  )
  assert.ok(top && top.n >= 3)
  const result = await data(`query($d: String!) { delegatorEarnings(delegator: $d, first: 1000, orderDirection: asc) { id totalReward totalFees rounds { round orchestrator stake reward fees rewardRate } } }`, { d: top.delegator_id })
  const rows = await api.sql<{ round: number; delegate_id: string; reward: string; fees: string }>(
    `SELECT round_id::int AS round, delegate_id, reward::text, fees::text FROM delegator_round_earnings WHERE delegator_id = $1 ORDER BY round_id::int`,
    [top.delegator_id],
  )
  const earnings = result.delegatorEarnings
  assert.deepEqual(
    earnings.rounds.map((r: Record<string, any>) => [r.round, r.orchestrator, toWei(r.reward), toWei(r.fees)]),
    rows.map((r) => [r.round, r.delegate_id, toWei(r.reward), toWei(r.fees)]),
  )
  assert.equal(toWei(earnings.totalReward), rows.reduce((sum, r) => sum + toWei(r.reward), 0n))
  const page = await data(`query($d: String!) { delegatorEarnings(delegator: $d, first: 2, skip: 1) { rounds { round } } }`, { d: top.delegator_id })
  assert.deepEqual(page.delegatorEarnings.rounds.map((r: { round: number }) => r.round), rows.map((r) => r.round).reverse().slice(1, 3))
})

test('behavior: forecastedYield follows the explorer formula on the indexed protocol and pools', async () => {
  const result = await data(`{ forecastedYield(principal: "1000", months: 6, factors: lptAndEth) { principal months roundsCount currentRound treasuryRewardCut totalInflation orchestrators { id totalStake rewardCut feeShare ninetyDayVolumeETH rewardCallRatio rewardsLPT rewardsYield feesETH feesYield totalYield isNew realizedRewardRate } } }`)
  const forecast = result.forecastedYield
  const [protocol] = await api.sql(`SELECT inflation::float8, total_supply::float8, total_active_stake::float8, round_length::int, lpt_price_eth::float8 FROM protocol WHERE id = '0'`)
  assert.ok(protocol)
  assert.equal(forecast.roundsCount, Math.round((6 * 2_628_000) / (protocol.round_length * 12)))
  assert.equal(forecast.currentRound, currentRound)
  const cut = Number(forecast.treasuryRewardCut)
  assert.ok(cut >= 0 && cut < 1)
  const inflation = (1 + (protocol.inflation / 1e9) * (1 - cut)) ** forecast.roundsCount - 1
  assert.ok(Math.abs(Number(forecast.totalInflation) / inflation - 1) < 1e-6, `${forecast.totalInflation} vs ${inflation}`)
  const active = await api.sql<{ id: string }>(`SELECT id FROM transcoder WHERE activation_round <= $1 AND deactivation_round > $1`, [currentRound])
  assert.deepEqual(forecast.orchestrators.map((o: { id: string }) => o.id).sort(), active.map((a) => a.id).sort())
  for (const orchestrator of forecast.orchestrators) {
    const pools = await api.sql<{ r: string | null }>(`SELECT reward_tokens::text AS r FROM pool WHERE delegate_id = $1 AND round_id <> $2 ORDER BY id COLLATE "C" DESC LIMIT 90`, [orchestrator.id, String(currentRound)])
    const ratio = pools.length > 0 ? pools.filter((p) => p.r !== null).length / pools.length : 0
    assert.ok(Math.abs(Number(orchestrator.rewardCallRatio) - ratio) < 1e-15, `reward-call ratio of ${orchestrator.id}`)
    const expected = ((protocol.total_supply * inflation) / protocol.total_active_stake) * ratio * (1 - Number(orchestrator.rewardCut) / 1e6) * 1000
    if (expected > 0) assert.ok(Math.abs(Number(orchestrator.rewardsLPT) / expected - 1) < 1e-6, `rewards of ${orchestrator.id}: ${orchestrator.rewardsLPT} vs ${expected}`)
    const fees = ((Number(orchestrator.ninetyDayVolumeETH) / 90) * 365 * 6) / 12 * (Number(orchestrator.feeShare) / 1e6) * (1000 / (1000 + Number(orchestrator.totalStake)))
    assert.ok(Math.abs(Number(orchestrator.feesETH) - fees) <= Math.max(1e-12, fees * 1e-9), `fees of ${orchestrator.id}`)
    assert.ok(orchestrator.realizedRewardRate === null || Number(orchestrator.realizedRewardRate) > 0)
  }
  const yields = forecast.orchestrators.filter((o: { isNew: boolean }) => !o.isNew).map((o: { totalYield: string }) => Number(o.totalYield))
  for (let i = 1; i < yields.length; i++) assert.ok(yields[i - 1] >= yields[i], 'sorted by yield')
  const bad = await api.gql(`{ forecastedYield(months: 99) { months } }`)
  assert.match(bad.errors?.[0]?.message ?? '', /`months` must be between 1 and 48, but is 99/)
})

test('behavior: networkSeries days and weeks add up to the Day entities and the reward events', async () => {
  const daily = (await data(`{ networkSeries(interval: day) { date feesETH rewardCalls rewardTokens participationRate inflation delegatorsCount activeOrchestrators totalSupply } }`)).networkSeries
  const weekly = (await data(`{ networkSeries(interval: week) { date feesETH rewardCalls } }`)).networkSeries
  const days = await api.sql<Record<string, string | number>>(`SELECT date, volume_eth::text, participation_rate::text, inflation::text, delegators_count::int, active_transcoder_count::int, total_supply::text FROM day ORDER BY date`)
  assert.ok(daily.length >= 1)
  const sum = (points: { feesETH: string }[]) => points.reduce((total, point) => total + toWei(point.feesETH), 0n)
  assert.equal(sum(daily), days.reduce((total, day) => total + toWei(String(day.volume_eth)), 0n), 'fees = Σ winning-ticket face value = Σ Day.volumeETH')
  assert.equal(sum(weekly), sum(daily), 'weeks add up to days')
  const [rewards] = await api.sql<{ n: number }>(`SELECT count(*)::int AS n FROM reward_event`)
  assert.equal(daily.reduce((total: number, point: { rewardCalls: number }) => total + point.rewardCalls, 0), rewards?.n)
  const last = days[days.length - 1] as Record<string, string | number>
  const lastPoint = daily[daily.length - 1]
  assert.equal(lastPoint.date, Number(last.date))
  assert.deepEqual(
    [lastPoint.participationRate, lastPoint.inflation, lastPoint.delegatorsCount, lastPoint.activeOrchestrators, lastPoint.totalSupply],
    [last.participation_rate, last.inflation, last.delegators_count, last.active_transcoder_count, last.total_supply],
  )
  for (const week of weekly) assert.equal(new Date(week.date * 1000).getUTCDay(), 1, 'weeks start on Monday')
})

test('behavior: indexerStatus reports the indexed head, the chain head and the lag', async () => {
  const status = (await data(`{ indexerStatus { indexedBlock indexedBlockHash chainHead lagBlocks behind behindThresholdBlocks currentRound } }`)).indexerStatus
  const block = await api.client.getBlock({ blockNumber: BigInt(api.head) })
  assert.deepEqual(status, { indexedBlock: api.head, indexedBlockHash: block.hash, chainHead: api.head + 5, lagBlocks: 5, behind: false, behindThresholdBlocks: 3600, currentRound })
})

test('behavior: benchmarkLeaderboard aggregates ingested samples with latency percentiles, price and score', async () => {
  const now = Date.now()
  const orchestrator = '0x' + 'ab'.repeat(20)
  const latencies = [900, 1000, 1100, 1200, 5000]
  const samples = latencies.map((roundTrip, i) => ({
    sample_id: `s-${i}`,
    started_at: new Date(now - 60_000 + i * 1000).toISOString(),
    finished_at: new Date(now - 59_000 + i * 1000).toISOString(),
    orchestrator,
    service_uri: 'https://orch.example:8935',
    region: 'FRA',
    job_type: 'transcoding',
    success_rate: 1,
    round_trip_ms: roundTrip,
    seg_duration_ms: 2000,
    price_per_unit_wei: '1200',
    pixels_per_unit: 1,
  }))
  samples.push({ ...samples[0]!, sample_id: 's-fail', success_rate: 0, round_trip_ms: 0, region: 'FRA' })
  const ingest = await fetch(`${api.url}/ingest/benchmark-samples`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': nextAddress() }, body: JSON.stringify(samples) })
  assert.equal(ingest.status, 200, await ingest.clone().text())
  const rows = (await data(`{ benchmarkLeaderboard(jobType: "transcoding", region: "FRA") { orchestrator serviceURI region samples successRate latencyP50Ms latencyP90Ms latencyP99Ms latencyMeanMs pricePerUnit pricePerPixel latencyScore score lastSampleAt } benchmarkRegions }`))
  const [row] = rows.benchmarkLeaderboard
  // PERCENTILE_CONT over the successful round trips.
  const percentile = (p: number) => {
    const rank = p * (latencies.length - 1)
    const low = Math.floor(rank)
    return (latencies[low] as number) + ((latencies[Math.min(low + 1, latencies.length - 1)] as number) - (latencies[low] as number)) * (rank - low)
  }
  assert.equal(row.orchestrator, orchestrator)
  assert.equal(row.serviceURI, 'https://orch.example:8935')
  assert.equal(row.samples, 6)
  assert.ok(Math.abs(row.successRate - 5 / 6) < 1e-12)
  assert.equal(row.latencyP50Ms, percentile(0.5))
  assert.ok(Math.abs(row.latencyP90Ms - percentile(0.9)) < 1e-9)
  assert.ok(Math.abs(row.latencyP99Ms - percentile(0.99)) < 1e-9)
  assert.equal(row.pricePerUnit, '1200')
  assert.equal(row.pricePerPixel, '1200')
  assert.ok(row.score > 0 && row.score <= 1 && row.latencyScore > 0)
  assert.ok(Math.abs(row.lastSampleAt - Math.floor((now - 56_000) / 1000)) <= 1)
  assert.deepEqual(rows.benchmarkRegions, ['FRA'])
  const none = await data(`{ benchmarkLeaderboard(jobType: "transcoding", region: "LAX") { orchestrator } }`)
  assert.deepEqual(none.benchmarkLeaderboard, [])
})
