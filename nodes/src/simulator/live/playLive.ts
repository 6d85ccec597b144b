import type { ScenarioContext } from '../scenario/context.ts'
import { playRound } from '../scenario/playRound.ts'
import type { NetworkState } from '../scenario/readNetworkState.ts'
import { sleep } from './createLiveClock.ts'

/** Parameters for {@link playLive}. */
export type PlayLiveParameters = {
  /** A context with a live clock, a live sender and `tolerateReverts: true`. */
  ctx: ScenarioContext
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
 * clock. Reverts are logged by the context; other errors are logged and the round retried after
 * a pause, so a hiccup never stops the devnet.
 */
export async function playLive({ ctx, firstStep, previous, signal, retryMs, onRound }: PlayLiveParameters): Promise<void> {
  let step = firstStep
  let state = previous
  let played = 0
  while (!signal.aborted) {
    try {
      // Other programs may send from scenario accounts (reference nodes): reload nonces each round.
      ctx.sender.resetNonces()
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
