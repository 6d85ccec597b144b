import type { TransactionRequest } from '../chain/createTransactionSender.ts'
import { episodeStep, type ScenarioContext } from './context.ts'
import { episodeRounds, type OrchestratorPlan } from './createScenarioPlan.ts'
import type { NetworkState, TranscoderState } from './readNetworkState.ts'

const zeroAddress = '0x0000000000000000000000000000000000000000'

/**
 * The orchestrator that quits in round {@link episodeRounds.retire}: the smallest active one without a keeper.
 *
 * @example
 * const retiree = pickRetiree(ctx, state)
 */
export function pickRetiree(ctx: ScenarioContext, state: NetworkState): OrchestratorPlan | undefined {
  return pickBy(ctx, state, (a, b) => (a.delegatedAmount < b.delegatedAmount ? -1 : a.delegatedAmount > b.delegatedAmount ? 1 : 0))
}

/**
 * The orchestrator the Verifier slashes: the least reliable active one without a keeper.
 *
 * @example
 * const target = pickSlashed(ctx, state)
 */
export function pickSlashed(ctx: ScenarioContext, state: NetworkState): OrchestratorPlan | undefined {
  return pickBy(ctx, state, (a, b, pa, pb) => pa.reliability - pb.reliability || (a.delegatedAmount < b.delegatedAmount ? -1 : 1))
}

function pickBy(
  ctx: ScenarioContext,
  state: NetworkState,
  compare: (a: TranscoderState, b: TranscoderState, pa: OrchestratorPlan, pb: OrchestratorPlan) => number,
): OrchestratorPlan | undefined {
  const candidates = ctx.plan.orchestrators.filter((o) => {
    const s = state.orchestrators[o.index]!
    return s.active && s.registered && !o.usesRewardCaller && o.index !== 0 && ctx.model.rewardCaller(o.address) === undefined
  })
  candidates.sort((pa, pb) => compare(state.orchestrators[pa.index]!, state.orchestrators[pb.index]!, pa, pb) || pa.index - pb.index)
  return candidates[0]
}

/**
 * Block B of a round: orchestrators register, call reward (or their LIP-118 keeper does; some
 * miss), change cuts, refresh service URIs, claim and withdraw fees, withdraw matured stake.
 * Keeper transactions come first so an orchestrator's `transcoder()` sees its reward done.
 *
 * @param step - 0-based scenario round (scripted episodes are keyed on it).
 *
 * @example
 * await executeBlock(ctx, orchestratorPhase(ctx, await readState(ctx, { withDelegators: false }), step))
 */
export function orchestratorPhase(ctx: ScenarioContext, state: NetworkState, step: number): TransactionRequest[] {
  const { calls, plan, model, accounts } = ctx
  const random = ctx.random.fork(`orchestrators/${step}`)
  const deployer = accounts.deployer.address
  const keeper = accounts.rewardCaller.address
  const first: TransactionRequest[] = []
  const keeperTxs: TransactionRequest[] = []
  const txs: TransactionRequest[] = []
  const round = state.round
  const now = episodeStep(ctx, step)
  const retiree = now === episodeRounds.retire ? pickRetiree(ctx, state) : undefined
  const maxStake = state.orchestrators.reduce((max, o) => (o.delegatedAmount > max ? o.delegatedAmount : max), 0n)
  const firstLateJoiner = plan.orchestrators.find((o) => o.joinRound > 0)
  const feeWithdrawer = now === episodeRounds.withdrawFees ? maxBy(state.orchestrators, (o) => o.pendingFees)?.address : undefined

  for (const o of plan.orchestrators) {
    const s = state.orchestrators[o.index]!
    const me = o.address

    if (o.joinRound === step && !s.registered && s.bondedAmount === 0n) {
      // Registration: self-bond, set cuts, publish the service URI. The first late joiner out-stakes
      // everyone so the full pool must evict its smallest member.
      const selfBond = o === firstLateJoiner && o.selfBond <= maxStake ? (maxStake * 5n) / 4n : o.selfBond
      if (s.balance < selfBond) first.push(calls.mint(deployer, me, selfBond - s.balance))
      txs.push(calls.approve(me, selfBond), calls.bond(me, selfBond, me), calls.transcoder(me, o.rewardCut, o.feeShare), calls.setServiceURI(me, o.serviceUri))
      if (o.aiServiceUri) txs.push(calls.setServiceURI(me, o.aiServiceUri, 'AIServiceRegistry'))
      continue
    }

    // Matured unbonding locks (a retired orchestrator's stake) are withdrawn.
    for (const lock of model.locks(me)) if (lock.withdrawRound <= round) txs.push(calls.withdrawStake(me, lock.id))
    if (!s.registered) continue

    if (o === retiree) {
      // Quits: a full unbond resigns it from the pool (TranscoderDeactivated). No reward first,
      // so the claimed stake equals the pendingStake read before this block.
      txs.push(calls.unbond(me, s.pendingStake))
      continue
    }

    let rewarded = s.lastRewardRound === round
    if (s.active && !rewarded && random.chance(o.reliability)) {
      const caller = model.rewardCaller(me)
      if (caller) keeperTxs.push(calls.rewardForTranscoder(caller, me))
      else txs.push(calls.reward(me))
      rewarded = true
    }

    if (o.usesRewardCaller && now === episodeRounds.rewardCallers) txs.push(calls.setRewardCaller(me, keeper))
    if (o.usesRewardCaller && now === episodeRounds.unsetRewardCaller && o === plan.orchestrators.find((p) => p.usesRewardCaller)) {
      txs.push(calls.setRewardCaller(me, zeroAddress))
    }

    // Cut changes (only while inactive, or after this round's reward). A slashed or evicted
    // orchestrator calling transcoder() also tries to rejoin the pool.
    if ((!s.active || rewarded) && random.chance(s.active ? 0.05 : 0.15)) {
      const rewardCut = clampPerc(s.rewardCut + BigInt(random.int(-5, 5)) * 10_000n)
      const feeShare = clampPerc(s.feeShare + BigInt(random.int(-10, 10)) * 10_000n)
      txs.push(calls.transcoder(me, rewardCut, feeShare))
    }
    if (random.chance(0.02)) txs.push(calls.setServiceURI(me, `${o.serviceUri}?v=${step}`))

    if (s.pendingFees > 0n && (me === feeWithdrawer || random.chance(0.08))) {
      txs.push(calls.withdrawFees(me, me, me === feeWithdrawer ? s.pendingFees : (s.pendingFees * BigInt(random.int(30, 100))) / 100n))
    } else if (s.lastClaimRound < round && random.chance(0.05)) {
      txs.push(calls.claimEarnings(me, round))
    }
    if (s.balance > 0n && random.chance(0.03)) {
      const amount = (s.balance * BigInt(random.int(20, 80))) / 100n
      if (amount > 0n) txs.push(calls.approve(me, amount), calls.bond(me, amount, me))
    }
  }
  return [...first, ...keeperTxs, ...txs]
}

function clampPerc(value: bigint): bigint {
  return value < 0n ? 0n : value > 1_000_000n ? 1_000_000n : value
}

function maxBy<item>(items: readonly item[], key: (item: item) => bigint): item | undefined {
  let best: item | undefined
  for (const item of items) if (key(item) > 0n && (best === undefined || key(item) > key(best))) best = item
  return best
}

