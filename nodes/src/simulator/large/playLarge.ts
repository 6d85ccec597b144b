import { maxUint256, type Address } from 'viem'
import { deriveDevnetAccount } from '../../devnet/deriveDevnetAccount.ts'
import { BaseError } from '../../errors/base.ts'
import type { TransactionRequest, TransactionSender } from '../chain/createTransactionSender.ts'
import type { ScenarioContext } from '../scenario/context.ts'
import { playRound } from '../scenario/playRound.ts'
import type { NetworkState } from '../scenario/readNetworkState.ts'
import type { EventStats } from '../stats/createEventStats.ts'

const LPT = 10n ** 18n

/** Parameters for {@link playLarge}. */
export type PlayLargeParameters = {
  ctx: ScenarioContext
  /** Stop once the chain holds this many events (deployment and scenario included). */
  targetEvents: number
  /** Bulk delegators (accounts `delegator/<n>` after the scenario's). */
  delegators: number
  /** Bulk blocks per round: more amortizes the round's fixed cost (40 blocks, reads, tickets). */
  blocksPerRound: number
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
 * rewards, the scenario's delegators, tickets) and each round gains `blocksPerRound` bulk blocks
 * in which every bulk delegator acts once (see {@link bulkActions}), until `targetEvents` events
 * are on chain.
 * Bulk blocks are submitted with large concurrent JSON-RPC batches ('parallel' mode: only
 * per-account nonce order matters) and checked through `eth_getLogs`, never per receipt.
 *
 * @example
 * const { nextStep } = await playLarge({ ctx, targetEvents: 1_000_000, delegators: 4_000, blocksPerRound: 12, firstStep: 30, previous, stats, signal })
 */
export async function playLarge(p: PlayLargeParameters): Promise<PlayLargeReturnType> {
  const { ctx, stats, signal, onProgress } = p
  const { calls } = ctx
  const bulk = ctx.sender
  const first = ctx.plan.delegators.length
  const accounts = Array.from({ length: p.delegators }, (_, i) => deriveDevnetAccount(ctx.seed, 'delegator', first + i).address)
  const random = ctx.random.fork('large')

  // Setup in the current (initialized) round: mint, approve once, first bond.
  const registered = (p.previous?.orchestrators ?? []).filter((o) => o.active && o.registered)
  if (registered.length === 0)
    throw new BaseError('the large scale needs active orchestrators', { details: 'Play at least 2 scenario rounds with orchestrators before the bulk phase.' })
  const delegators: BulkDelegator[] = accounts.map((address) => ({ address, delegate: random.pick(registered).address, nextLockId: 0n, locks: [] }))
  const deployer = ctx.accounts.deployer.address
  await executeBulk(bulk, delegators.map((d) => calls.mint(deployer, d.address, 10_000n * LPT)))
  await executeBulk(bulk, [
    ...delegators.map((d) => calls.approve(d.address, maxUint256)),
    ...delegators.map((d) => calls.bond(d.address, BigInt(random.int(50, 500)) * LPT, d.delegate)),
  ])
  onProgress?.(stats.events(), false)

  let state = p.previous
  let step = p.firstStep
  while (stats.events() < p.targetEvents) {
    signal.throwIfAborted()
    state = (await playRound(ctx, step, state)).state
    for (let block = 0; block < p.blocksPerRound && stats.events() < p.targetEvents; block++) {
      await executeBulk(bulk, bulkActions(ctx, delegators, step * p.blocksPerRound + block))
      onProgress?.(stats.events(), false)
    }
    step++
    onProgress?.(stats.events(), false)
  }
  onProgress?.(stats.events(), true)
  return { state, nextStep: step, delegators: accounts }
}

async function executeBulk(sender: TransactionSender, requests: readonly TransactionRequest[]) {
  if (requests.length > 0) await sender.execute(requests, { mode: 'parallel' })
}

/**
 * One transaction per bulk delegator: mostly a 1 LPT top-up (Transfer, Approval, Bond, plus
 * EarningsClaimed the first time in a round: the densest events per unit of EVM work), and in one
 * block out of twenty an unbond or the rebond of an earlier lock, so every bulk kind of event shows.
 */
function bulkActions(ctx: ScenarioContext, delegators: BulkDelegator[], sequence: number): TransactionRequest[] {
  const { calls } = ctx
  return delegators.map((d, i) => {
    const kind = (sequence + i) % 20
    if (kind === 0) {
      d.locks.push(d.nextLockId++)
      return calls.unbond(d.address, LPT)
    }
    if (kind === 10 && d.locks.length > 0) return calls.rebond(d.address, d.locks.shift()!)
    return calls.bond(d.address, LPT, d.delegate)
  })
}
