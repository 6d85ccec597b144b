// `npm run bench:api`: indexes a devnet, serves it with the API (indexer and API in one process, as
// in embedded mode), then load-tests three explorer-shaped queries with autocannon and prints p50 /
// p99 latency and requests per second: cached at a fixed 1,000 req/s (the goal: p99 < 20 ms at
// ≥ 1,000 req/s on 2 cores), cached at full speed (a repeated query: the response cache's steady
// state while the head stands still), and uncached at full speed (every request a distinct document,
// so each one is parsed, validated and executed against Postgres / ClickHouse).
// BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 20), BENCH_ROUNDS (devnet rounds, default 30).
import autocannon from 'autocannon'
import { startIndexedApi } from '../src/_test/setup.ts'

const seconds = Number(process.env.BENCH_SECONDS ?? 10)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 20)

const fixture = await startIndexedApi({ rounds: Number(process.env.BENCH_ROUNDS ?? 30), rateLimit: false })
try {
  const [protocol] = await fixture.sql<{ round: string }>(`SELECT current_round_id AS round FROM protocol WHERE id = '0'`)
  const [account] = await fixture.sql<{ id: string }>(`SELECT id FROM delegator WHERE delegate_id IS NOT NULL ORDER BY bonded_amount DESC LIMIT 1`)
  const round = protocol?.round ?? '0'
  const queries: Record<string, { query: string; variables: Record<string, unknown> }> = {
    'orchestrators table': {
      query: `query orchestrators($currentRound: BigInt, $currentRoundString: String) {
        transcoders(where: { activationRound_lte: $currentRound, deactivationRound_gt: $currentRound }, first: 100, orderBy: thirtyDayVolumeETH, orderDirection: desc) {
          id totalVolumeETH feeShare feeShareUpdateTimestamp activationTimestamp activationRound deactivationRound rewardCut rewardCutUpdateTimestamp totalStake
          delegator { startRound bondedAmount unbondingLocks { withdrawRound } }
          delegators(first: 1000) { id }
          pools(first: 90, orderBy: id, orderDirection: desc, where: { round_not: $currentRoundString }) { rewardTokens }
          thirtyDayVolumeETH sixtyDayVolumeETH ninetyDayVolumeETH
        }
      }`,
      variables: { currentRound: round, currentRoundString: round },
    },
    'account page': {
      query: `query account($account: ID!, $delegator: String!) {
        delegator(id: $account) { id bondedAmount principal unbonded withdrawnFees startRound lastClaimRound { id }
          unbondingLocks { id amount unbondingLockId withdrawRound delegate { id } }
          delegate { id active status totalStake feeShare rewardCut ninetyDayVolumeETH pools(first: 30, skip: 1, orderBy: id, orderDirection: desc) { rewardTokens } } }
        transcoder(id: $account) { id active feeShare rewardCut totalStake pools(first: 30, skip: 1, orderBy: id, orderDirection: desc) { rewardTokens } delegators(first: 1000) { id } }
        protocol(id: "0") { totalSupply totalActiveStake participationRate inflation inflationChange lptPriceEth roundLength currentRound { id } }
        delegatorEarnings(delegator: $delegator, first: 30) { totalReward rounds { round reward fees } }
      }`,
      variables: { account: account?.id, delegator: account?.id },
    },
    'overview series': {
      query: `query overview { networkSeries(interval: day) { date feesETH participationRate inflation delegatorsCount activeOrchestrators }
        weeks: networkSeries(interval: week) { date feesETH }
        days(first: 1000, orderBy: date, orderDirection: desc) { date volumeUSD participationRate inflation activeTranscoderCount delegatorsCount } }`,
      variables: {},
    },
  }
  console.log(`bench:api: devnet head ${fixture.head}, ${connections} connections, ${seconds} s per run`)
  for (const [name, { query, variables }] of Object.entries(queries)) {
    const check = await fixture.gql(query, variables)
    if (check.errors) throw new Error(`${name}: ${JSON.stringify(check.errors)}`)
    for (const mode of ['cached@1000/s', 'cached', 'uncached'] as const) {
      let n = 0
      const result = await autocannon({
        url: fixture.graphqlUrl,
        connections,
        duration: seconds,
        ...(mode === 'cached@1000/s' ? { overallRate: 1000 } : {}),
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => ({
              ...request,
              // NOTE: a distinct comment makes a distinct document, so nothing is served from the response cache.
              body: JSON.stringify({ query: mode === 'uncached' ? `# ${n++}\n${query}` : query, variables }),
            }),
          },
        ],
      })
      const failed = result.non2xx + result.errors + result.timeouts
      console.log(
        `${name.padEnd(20)} ${mode.padEnd(14)} p50 ${String(result.latency.p50).padStart(4)} ms  p99 ${String(result.latency.p99).padStart(4)} ms  ${Math.round(result.requests.average).toString().padStart(6)} req/s${failed ? `  (${failed} failed)` : ''}`,
      )
    }
  }
} finally {
  await fixture.stop()
}
