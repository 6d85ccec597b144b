import { roundsManagerAbi } from '@peerscope/protocol/abi'
import type { Address } from 'viem'
import { executeBlock, readState, type ScenarioContext } from './context.ts'
import { delegatorPhase } from './delegatorPhase.ts'
import { gatewayPhase } from './gatewayPhase.ts'
import { governancePhase } from './governancePhase.ts'
import { orchestratorPhase } from './orchestratorPhase.ts'
import type { NetworkState } from './readNetworkState.ts'
import { ticketPhase } from './ticketPhase.ts'

/** What one played round left behind. */
export type PlayRoundReturnType = { round: bigint; state: NetworkState }

/**
 * Plays one round: mines to its first block, then
 * A `initializeRound` (an active orchestrator races for it),
 * B orchestrators (registration, reward, cuts, fees),
 * C gateways funding + delegators,
 * D winning-ticket redemptions,
 * E owner / Verifier episodes (when scheduled).
 * State is re-read between blocks so every transaction is valid when it lands.
 *
 * @param step - 0-based scenario round; live rounds keep counting past the scenario.
 * @param previous - The last round's final state (picks the initializer).
 *
 * @example
 * let state: NetworkState | undefined
 * for (let step = 0; step < 30; step++) state = (await playRound(ctx, step, state)).state
 */
export async function playRound(ctx: ScenarioContext, step: number, previous: NetworkState | undefined): Promise<PlayRoundReturnType> {
  const rm = ctx.deployment.contracts.RoundsManager.address
  const [start, length] = await Promise.all([
    ctx.client.readContract({ address: rm, abi: roundsManagerAbi, functionName: 'currentRoundStartBlock', blockNumber: ctx.sender.head() }),
    ctx.client.readContract({ address: rm, abi: roundsManagerAbi, functionName: 'roundLength', blockNumber: ctx.sender.head() }),
  ])
  await ctx.clock.mineTo(start + length - 1n)

  // NOTE: live, another program (a reference orchestrator) may win the race in the same block;
  // our call then reverts and is logged, as a losing go-livepeer node's would.
  await executeBlock(ctx, [ctx.calls.initializeRound(chooseInitializer(ctx, step, previous))])

  let state = await readState(ctx, { withDelegators: false })
  await executeBlock(ctx, orchestratorPhase(ctx, state, step))
  state = await readState(ctx, { withDelegators: true })
  await executeBlock(ctx, [...gatewayPhase(ctx, state, step), ...delegatorPhase(ctx, state, step)])
  state = await readState(ctx, { withDelegators: false })
  const tickets = await ticketPhase(ctx, state, step)
  await executeBlock(ctx, tickets)
  await executeBlock(ctx, governancePhase(ctx, state, step))
  return { round: state.round, state }
}

/** Orchestrators race to initialize rounds; the scenario lets a random active one win. */
function chooseInitializer(ctx: ScenarioContext, step: number, previous: NetworkState | undefined): Address {
  const active = previous?.orchestrators.filter((o) => o.active && o.registered) ?? []
  if (active.length === 0) return ctx.plan.orchestrators[0]?.address ?? ctx.accounts.deployer.address
  return ctx.random.fork(`initializer/${step}`).pick(active).address
}
