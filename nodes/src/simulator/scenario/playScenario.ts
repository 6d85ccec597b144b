import type { ScenarioContext } from './context.ts'
import { fundAccounts } from './fundAccounts.ts'
import { playRound } from './playRound.ts'
import type { NetworkState } from './readNetworkState.ts'
import type { RpcClient } from '../rpc/createRpcClient.ts'

/** Parameters for {@link playScenario}. */
export type PlayScenarioParameters = {
  ctx: ScenarioContext
  rpc: RpcClient
  rounds: number
  /** Called after funding (done = 0) and after each round. */
  onRound?: ((done: number, total: number) => void) | undefined
  signal?: AbortSignal | undefined
}

/**
 * Funds the cast and plays `rounds` rounds of the deterministic scenario (see {@link playRound}).
 *
 * @returns The state after the last round.
 *
 * @example
 * const last = await playScenario({ ctx, rpc, rounds: 30, onRound: (done, total) => bar.update(done) })
 */
export async function playScenario({ ctx, rpc, rounds, onRound, signal }: PlayScenarioParameters): Promise<NetworkState | undefined> {
  await fundAccounts(ctx, rpc)
  onRound?.(0, rounds)
  let state: NetworkState | undefined
  for (let step = 0; step < rounds; step++) {
    signal?.throwIfAborted()
    state = (await playRound(ctx, step, state)).state
    ctx.logger.debug({ step, round: Number(state.round), block: Number(state.block) }, 'scenario round played')
    onRound?.(step + 1, rounds)
  }
  return state
}
