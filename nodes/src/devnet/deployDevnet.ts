import type { Anvil } from '@peerscope/protocol/anvil'
import { createDevnetClient } from '@peerscope/protocol/anvil'
import { deployProtocol, type ProtocolParameters } from '@peerscope/protocol/deploy'
import type { Hex } from 'viem'
import { createProtocolCalls } from '../simulator/chain/createProtocolCalls.ts'
import { createTransactionSender, type RawLog } from '../simulator/chain/createTransactionSender.ts'
import { createInstantClock } from '../simulator/live/createLiveClock.ts'
import type { Logger } from '../simulator/logger.ts'
import { createRandom } from '../simulator/random/createRandom.ts'
import { createRpcClient, type RpcClient } from '../simulator/rpc/createRpcClient.ts'
import type { ScenarioContext } from '../simulator/scenario/context.ts'
import { createNetworkModel } from '../simulator/scenario/createNetworkModel.ts'
import { createScenarioPlan } from '../simulator/scenario/createScenarioPlan.ts'
import { createEventStats, type EventStats } from '../simulator/stats/createEventStats.ts'
import { statsContracts } from '../simulator/stats/protocolContracts.ts'
import { arbitrumLayout, placeholderCode } from './arbitrumLayout.ts'
import { createDevnetAccounts } from './createDevnetAccounts.ts'
import type { DevnetProgress } from './index.ts'

/** Parameters for {@link deployDevnet}. */
export type DeployDevnetParameters = {
  anvil: Anvil
  logger: Logger
  seed: string
  rounds: number
  sizes: { orchestrators: number; delegators: number; gateways: number }
  chainId: number
  asArbitrum: boolean
  protocolParameters: ProtocolParameters
  blockTime: number
  signal: AbortSignal
  onProgress: ((progress: DevnetProgress) => void) | undefined
  /** `performance.now()` when the devnet started: stats count time from there. */
  started: number
}

/**
 * The devnet's first phase: block timestamps on a fixed interval, the protocol deployed (at the
 * Arbitrum One layout with `asArbitrum`, with a Verifier so slashing can happen), the deployment's
 * events counted, automine switched off for batched blocks, and the scenario context wired.
 *
 * @returns The scenario context, the history stats and the raw JSON-RPC client.
 *
 * @example
 * const { ctx, stats, rpc } = await deployDevnet({ anvil, logger, seed, rounds, sizes, chainId, asArbitrum, protocolParameters, blockTime: 12, signal, onProgress, started })
 */
export async function deployDevnet(p: DeployDevnetParameters): Promise<{ ctx: ScenarioContext; stats: EventStats; rpc: RpcClient }> {
  const { anvil, logger, seed, rounds, sizes, chainId, asArbitrum, protocolParameters, signal, onProgress, started } = p
  const rpc = createRpcClient({ url: anvil.rpcUrl })
  const client = createDevnetClient({ rpcUrl: anvil.rpcUrl, chainId })
  const deployProgress = (done: number, final: boolean) =>
    onProgress?.({ phase: 'deploy', unit: 'steps', done, total: 2, events: 0, transactions: 0, eventsPerSecond: 0, elapsedSeconds: (performance.now() - started) / 1000, final })
  deployProgress(0, false)
  await rpc.request('anvil_setBlockTimestampInterval', [p.blockTime])

  const accounts = createDevnetAccounts({ seed, ...sizes })
  const layout = asArbitrum ? arbitrumLayout() : undefined
  for (const address of layout?.placeholders ?? []) await client.setCode({ address, bytecode: placeholderCode })
  const deployment = await deployProtocol({
    client,
    deployer: accounts.deployer.address,
    parameters: protocolParameters,
    placement: layout?.placement,
    registry: layout?.registry,
    verifier: accounts.verifier.address,
  })
  signal.throwIfAborted()
  deployProgress(1, false)

  // The deployment ran with automine; count its logs and transactions, then switch to batches.
  const stats = createEventStats({ contracts: statsContracts(deployment), startedAt: started })
  const head = BigInt(await rpc.request<Hex>('eth_blockNumber'))
  const [deployLogs, deployTxs] = await Promise.all([
    rpc.request<RawLog[]>('eth_getLogs', [{ fromBlock: '0x0', toBlock: `0x${head.toString(16)}` }]),
    rpc.request<Hex>('eth_getTransactionCount', [accounts.deployer.address, 'latest']),
  ])
  stats.recordLogs(deployLogs, Number(deployTxs), Number(head))
  await rpc.request('evm_setAutomine', [false])
  const sender = await createTransactionSender({ rpc, onMined: (mined) => stats.record(mined) })
  deployProgress(2, true)
  logger.debug({ contracts: Object.fromEntries(Object.entries(deployment.contracts).map(([name, c]) => [name, c.address])) }, 'protocol deployed')

  const random = createRandom(seed)
  const ctx: ScenarioContext = {
    seed,
    client,
    sender,
    deployment,
    parameters: protocolParameters,
    calls: createProtocolCalls({ deployment }),
    accounts,
    plan: createScenarioPlan({ random, accounts, rounds, numActiveTranscoders: Number(protocolParameters.numActiveTranscoders) }),
    model: createNetworkModel({ bondingManager: deployment.contracts.BondingManager.address }),
    random: random.fork('scenario'),
    logger,
    clock: createInstantClock({ sender }),
    tolerateReverts: false,
    episodes: true,
  }
  return { ctx, stats, rpc }
}
