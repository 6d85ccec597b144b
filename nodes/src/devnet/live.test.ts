import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { roundsManagerAbi } from '@peerscope/protocol/abi'
import { createDevnetClient } from '@peerscope/protocol/anvil'
import { createDevnet, type Devnet, type DevnetProgress } from './index.ts'

// Live mode on a small network with 10 ms blocks: a 40-block round every ~0.5 s.
let devnet: Devnet
const progress: DevnetProgress[] = []
before(async () => {
  devnet = await createDevnet({
    port: 0,
    manifestPath: false,
    orchestrators: 6,
    delegators: 20,
    gateways: 2,
    rounds: 3,
    blockIntervalMs: 10,
    onProgress: (state) => void progress.push(state),
  })
})
after(async () => {
  await devnet?.stop()
})

test('behavior: reports every phase in order, history before live', () => {
  const phases = [...new Set(progress.map((state) => state.phase))]
  assert.deepEqual(phases.slice(0, 2), ['deploy', 'scenario'])
  const scenario = progress.filter((state) => state.phase === 'scenario')
  assert.deepEqual(scenario.at(-1), { ...scenario.at(-1), done: 3, total: 3, unit: 'rounds', final: true })
})

test('behavior: live activity initializes new rounds with rewards, bonds and tickets', async () => {
  const client = createDevnetClient({ rpcUrl: devnet.rpcUrl })
  const rm = devnet.deployment.contracts.RoundsManager.address
  const lastInitialized = () => client.readContract({ address: rm, abi: roundsManagerAbi, functionName: 'lastInitializedRound' })
  const first = await lastInitialized()
  const deadline = Date.now() + 60_000
  let last = first
  let stats = devnet.liveStats()
  const liveRoundReported = () => progress.some((state) => state.phase === 'live' && state.round >= Number(first) + 1)
  // Wait for everything asserted below: under load the live loop may lag the rounds by a few blocks.
  while (
    Date.now() < deadline &&
    (last < first + 2n || !stats.eventsByName.WinningTicketRedeemed || !stats.eventsByName.Bond || !stats.eventsByName.Reward || (stats.eventsByName.NewRound ?? 0) < 2 || !liveRoundReported())
  ) {
    await new Promise((resolve) => setTimeout(resolve, 100))
    last = await lastInitialized()
    stats = devnet.liveStats()
  }
  assert.ok(last >= first + 2n, `rounds ${first} to ${last}`)
  assert.ok((stats.eventsByName.NewRound ?? 0) >= 2, 'live NewRound events')
  assert.ok((stats.eventsByName.Reward ?? 0) >= 1, 'live Reward events')
  assert.ok((stats.eventsByName.Bond ?? 0) >= 1, 'live Bond events')
  assert.ok((stats.eventsByName.WinningTicketRedeemed ?? 0) >= 1, 'live WinningTicketRedeemed events')
  assert.ok(liveRoundReported(), 'live progress reports a new round')
  // History stats stay what the scenario produced.
  assert.equal(devnet.stats.eventsByName.NewRound, 3)
})

test('behavior: stop() ends live activity and anvil', async () => {
  await devnet.stop()
  await devnet.stop()
  const client = createDevnetClient({ rpcUrl: devnet.rpcUrl })
  await assert.rejects(client.getBlockNumber({ cacheTime: 0 }))
})
