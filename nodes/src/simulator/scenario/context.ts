import type { DevnetClient } from '@peerscope/protocol/anvil'
import type { ProtocolDeployment, ProtocolParameters } from '@peerscope/protocol/deploy'
import type { DevnetAccounts } from '../../devnet/createDevnetAccounts.ts'
import type { ProtocolCalls } from '../chain/createProtocolCalls.ts'
import type { MinedBlocks, TransactionRequest, TransactionSender } from '../chain/createTransactionSender.ts'
import type { Logger } from '../logger.ts'
import type { Random } from '../random/createRandom.ts'
import type { NetworkModel } from './createNetworkModel.ts'
import type { ScenarioPlan } from './createScenarioPlan.ts'
import { readNetworkState, type NetworkState } from './readNetworkState.ts'

/** How blocks are paced: all at once while playing history, one per tick when live. */
export type BlockClock = {
  /** Waits until the next block may be mined (resolves at once for history). */
  tick: () => Promise<void>
  /** Mines empty blocks up to and including `block`. */
  mineTo: (block: bigint) => Promise<void>
}

/** Everything a scenario phase needs, built once per devnet and passed down. */
export type ScenarioContext = {
  seed: string
  client: DevnetClient
  sender: TransactionSender
  deployment: ProtocolDeployment
  parameters: ProtocolParameters
  calls: ProtocolCalls
  accounts: DevnetAccounts
  plan: ScenarioPlan
  model: NetworkModel
  /** Background decisions (who acts, how much); scripted episodes draw nothing. */
  random: Random
  logger: Logger
  clock: BlockClock
  /** Live mode: a reverted transaction is logged and skipped instead of stopping the devnet. */
  tolerateReverts: boolean
  /** Whether the scripted episodes play (history) or not (live). */
  episodes: boolean
}

/**
 * The step scripted episodes compare with: the round's, or -1 (none) when episodes are off.
 *
 * @example
 * if (episodeStep(ctx, step) === episodeRounds.slash) txs.push(slash)
 */
export function episodeStep(ctx: ScenarioContext, step: number): number {
  return ctx.episodes ? step : -1
}

/**
 * Sends one block's transactions (after the clock allows a block), feeds the logs to the model,
 * and logs reverts when tolerated.
 *
 * @example
 * const mined = await executeBlock(ctx, [ctx.calls.initializeRound(orchestrator)])
 */
export async function executeBlock(ctx: ScenarioContext, requests: readonly TransactionRequest[]): Promise<MinedBlocks | undefined> {
  if (requests.length === 0) return undefined
  await ctx.clock.tick()
  const mined = await ctx.sender.execute(requests, { mode: 'ordered', tolerateReverts: ctx.tolerateReverts })
  ctx.model.apply(mined.logs)
  for (const { error } of mined.failed) ctx.logger.warn({ err: error, label: error.label, from: error.from, tx: error.hash }, 'live transaction reverted')
  return mined
}

/**
 * Reads the state of the scenario's orchestrators and gateways, and of its delegators when
 * `withDelegators` (the costliest part: a pendingStake and pendingFees per delegator), at the
 * sender's head block.
 *
 * @example
 * const state = await readState(ctx, { withDelegators: false })
 */
export function readState(ctx: ScenarioContext, { withDelegators }: { withDelegators: boolean }): Promise<NetworkState> {
  return readNetworkState({
    client: ctx.client,
    deployment: ctx.deployment,
    orchestrators: ctx.plan.orchestrators.map((o) => o.address),
    delegators: withDelegators ? ctx.plan.delegators.map((d) => d.address) : [],
    gateways: ctx.plan.gateways.map((g) => g.address),
    blockNumber: ctx.sender.head(),
  })
}
