import type { Hex } from 'viem'
import { createTransactionSender } from '../chain/createTransactionSender.ts'
import type { RpcClient } from '../rpc/createRpcClient.ts'
import type { ScenarioContext } from '../scenario/context.ts'
import type { NetworkState } from '../scenario/readNetworkState.ts'
import { createEventStats, type DevnetStats, type EventStats } from '../stats/createEventStats.ts'
import { statsContracts } from '../stats/protocolContracts.ts'
import { createLiveClock } from './createLiveClock.ts'
import { playLive } from './playLive.ts'

/** Parameters for {@link startLive}. */
export type StartLiveParameters = {
  /** The history's context; live gets its own sender, clock and random stream. */
  ctx: ScenarioContext
  rpc: RpcClient
  firstStep: number
  previous: NetworkState | undefined
  blockIntervalMs: number
  signal: AbortSignal
  onRound?: ((played: number, round: bigint, stats: DevnetStats) => void) | undefined
}

/** A running live loop. */
export type LiveRun = {
  /** Resolves once `signal` aborted and the current block finished. */
  done: Promise<void>
  /** What live activity put on chain. */
  stats: EventStats
}

/**
 * Switches the chain from history to live: block timestamps follow the wall clock again (never
 * going back), one block every `blockIntervalMs`, reverts tolerated, scripted episodes off. Then
 * plays rounds in the background until `signal` aborts.
 *
 * @example
 * const run = await startLive({ ctx, rpc, firstStep: 30, previous: state, blockIntervalMs: 1_000, signal })
 * run.stats.snapshot().eventsByName.NewRound
 */
export async function startLive(p: StartLiveParameters): Promise<LiveRun> {
  const { ctx, rpc, signal } = p
  const stats = createEventStats({ contracts: statsContracts(ctx.deployment) })
  await rpc.request('anvil_removeBlockTimestampInterval')
  const latest = await rpc.request<{ timestamp: Hex }>('eth_getBlockByNumber', ['latest', false])
  let lastTimestamp = BigInt(latest.timestamp)
  const sender = await createTransactionSender({
    rpc,
    nextTimestamp: () => {
      const now = BigInt(Math.floor(Date.now() / 1000))
      lastTimestamp = now > lastTimestamp ? now : lastTimestamp + 1n
      return lastTimestamp
    },
    onMined: (mined) => stats.record(mined),
  })
  const liveCtx: ScenarioContext = {
    ...ctx,
    sender,
    clock: createLiveClock({ sender, blockIntervalMs: p.blockIntervalMs, signal }),
    tolerateReverts: true,
    episodes: false,
    random: ctx.random.fork('live'),
  }
  const done = playLive({
    ctx: liveCtx,
    rpc,
    firstStep: p.firstStep,
    previous: p.previous,
    signal,
    retryMs: Math.max(p.blockIntervalMs, 500),
    onRound: (played, round) => p.onRound?.(played, round, stats.snapshot()),
  })
  return { done, stats }
}
