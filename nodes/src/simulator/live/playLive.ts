import { numberToHex, parseEther, type Hex } from 'viem'
import type { RpcClient } from '../rpc/createRpcClient.ts'
import type { ScenarioContext } from '../scenario/context.ts'
import { playRound } from '../scenario/playRound.ts'
import type { NetworkState } from '../scenario/readNetworkState.ts'
import { sleep } from './createLiveClock.ts'

/** Parameters for {@link playLive}. */
export type PlayLiveParameters = {
  /** A context with a live clock, a live sender and `tolerateReverts: true`. */
  ctx: ScenarioContext
  rpc: RpcClient
  /** The first round index (the scenario's round count: episodes are over). */
  firstStep: number
  previous: NetworkState | undefined
  signal: AbortSignal
  /** Milliseconds to back off after an unexpected error. */
  retryMs: number
  onRound?: ((played: number, round: bigint) => void) | undefined
}

/**
 * Keeps the network alive until `signal` aborts: each round is played like a scenario round
 * (initializeRound, rewards with misses, delegator moves, ticket redemptions), paced by the live
 * clock; gateways' ETH is refilled when low. Reverts are logged by the context; other errors are
 * logged and the round retried after a pause, so a hiccup never stops the devnet.
 *
 * @example
 * void playLive({ ctx: liveCtx, rpc, firstStep: 30, previous, signal, retryMs: 1_000 })
 */
export async function playLive({ ctx, rpc, firstStep, previous, signal, retryMs, onRound }: PlayLiveParameters): Promise<void> {
  let step = firstStep
  let state = previous
  let played = 0
  while (!signal.aborted) {
    try {
      // Other programs may send from scenario accounts (reference nodes): reload nonces each round.
      ctx.sender.resetNonces()
      await refillGateways(ctx, rpc)
      const result = await playRound(ctx, step, state)
      state = result.state
      step++
      played++
      onRound?.(played, result.round)
    } catch (error) {
      if (signal.aborted) break
      ctx.logger.error({ err: error, step }, 'live round failed; retrying')
      ctx.sender.resetNonces()
      await sleep(retryMs, signal).catch(() => {})
    }
  }
}

const refillBelow = parseEther('100')
const refillTo = parseEther('1000')

/** Gateways spend ETH on deposits forever when live: an anvil faucet keeps them funded. */
async function refillGateways(ctx: ScenarioContext, rpc: RpcClient): Promise<void> {
  const gateways = ctx.plan.gateways.map((g) => g.address)
  const balances = await rpc.batch<Hex>(gateways.map((address) => ({ method: 'eth_getBalance', params: [address, 'latest'] })))
  const low = gateways.filter((_, i) => BigInt(balances[i]!) < refillBelow)
  if (low.length > 0) await rpc.batch(low.map((address) => ({ method: 'anvil_setBalance', params: [address, numberToHex(refillTo)] })))
}
