import { maxUint256, type Address } from 'viem'
import { deriveDevnetAccount } from '../../devnet/deriveDevnetAccount.ts'
import { createTransactionSender, type TransactionRequest, type TransactionSender } from '../chain/createTransactionSender.ts'
import type { ScenarioContext } from '../scenario/context.ts'
import { playRound } from '../scenario/playRound.ts'
import type { NetworkState } from '../scenario/readNetworkState.ts'
import type { RpcClient } from '../rpc/createRpcClient.ts'
import type { EventStats } from '../stats/createEventStats.ts'

const LPT = 10n ** 18n

/** Parameters for {@link playLarge}. */
export type PlayLargeParameters = {
  ctx: ScenarioContext
  rpc: RpcClient
  /** Stop once the chain holds this many events (deployment and scenario included). */
  targetEvents: number
  /** Bulk delegators (accounts `delegator/<n>` after the scenario's). */
  delegators: number
  /** Round index to continue from (the scenario's round count). */
  firstStep: number
  previous: NetworkState | undefined
  stats: EventStats
  signal: AbortSignal
  onProgress?: ((events: number, final: boolean) => void) | undefined
}

/** What {@link playLarge} leaves behind. */
export type PlayLargeReturnType = {
  state: NetworkState | undefined
  nextStep: number
  /** The bulk delegators' addresses (the manifest lists them after the scenario's). */
  delegators: Address[]
}

/** One bulk delegator's bookkeeping: its delegate and its open unbonding locks. */
type BulkDelegator = { address: Address; delegate: Address; nextLockId: bigint; locks: bigint[] }

/**
 * The large scale: after the scenario, rounds keep being played as usual (initializeRound,
 * rewards, the scenario's delegators, tickets) and each round gains one bulk block in which every
 * bulk delegator tops up its stake and shuffles part of it (bond + bond, unbond + bond, or
 * rebond + bond, ~2.8 events per transaction), until `targetEvents` events are on chain.
 * Bulk blocks are submitted with large concurrent JSON-RPC batches ('parallel' mode: only
 * per-account nonce order matters) and checked through `eth_getLogs`, never per receipt.
 */
export async function playLarge(p: PlayLargeParameters): Promise<PlayLargeReturnType> {
  const { ctx, rpc, stats, signal, onProgress } = p
  const { calls } = ctx
  const bulk = await createTransactionSender({ rpc, mode: 'parallel', onMined: (mined) => stats.record(mined) })
  const first = ctx.plan.delegators.length
  const accounts = Array.from({ length: p.delegators }, (_, i) => deriveDevnetAccount(ctx.seed, 'delegator', first + i).address)
  const random = ctx.random.fork('large')

  // Setup in the current (initialized) round: mint, approve once, first bond.
  const registered = (p.previous?.orchestrators ?? []).filter((o) => o.active && o.registered)
  if (registered.length === 0) throw new Error('the large scale needs active orchestrators: play at least 2 scenario rounds first')
  const delegators: BulkDelegator[] = accounts.map((address) => ({ address, delegate: random.pick(registered).address, nextLockId: 0n, locks: [] }))
  const deployer = ctx.accounts.deployer.address
  await executeBulk(bulk, delegators.map((d) => calls.mint(deployer, d.address, 10_000n * LPT)))
  await executeBulk(bulk, [
    ...delegators.map((d) => calls.approve(d.address, maxUint256)),
    ...delegators.map((d) => calls.bond(d.address, BigInt(random.int(50, 500)) * LPT, d.delegate)),
  ])
  // The deployer's nonce moved under the scenario sender's feet.
  ctx.sender.resetNonces()
  onProgress?.(stats.events(), false)

  let state = p.previous
  let step = p.firstStep
  while (stats.events() < p.targetEvents) {
    signal.throwIfAborted()
    state = (await playRound(ctx, step, state)).state
    await executeBulk(bulk, bulkActions(ctx, delegators, step))
    step++
    onProgress?.(stats.events(), false)
  }
  onProgress?.(stats.events(), true)
  return { state, nextStep: step, delegators: accounts }
}

async function executeBulk(sender: TransactionSender, requests: readonly TransactionRequest[]) {
  if (requests.length > 0) await sender.execute(requests)
}

/** Two transactions per bulk delegator, rotating so every round has all three kinds. */
function bulkActions(ctx: ScenarioContext, delegators: BulkDelegator[], step: number): TransactionRequest[] {
  const { calls } = ctx
  const txs: TransactionRequest[] = []
  delegators.forEach((d, i) => {
    const kind = (step + i) % 3
    if (kind === 1) {
      txs.push(calls.unbond(d.address, LPT))
      d.locks.push(d.nextLockId++)
    } else if (kind === 2 && d.locks.length > 0) {
      txs.push(calls.rebond(d.address, d.locks.shift()!))
    } else {
      txs.push(calls.bond(d.address, LPT, d.delegate))
    }
    txs.push(calls.bond(d.address, LPT, d.delegate))
  })
  return txs
}
