import type { Address } from 'viem'
import type { TransactionRequest } from '../chain/createTransactionSender.ts'
import type { Random } from '../random/createRandom.ts'
import { episodeStep, type ScenarioContext } from './context.ts'
import { episodeRounds, minimumCoverageRounds } from './createScenarioPlan.ts'
import type { DelegatorState, NetworkState } from './readNetworkState.ts'

type Action = 'bondMore' | 'move' | 'unbondPartial' | 'unbondFull' | 'claim' | 'withdrawFees' | 'transferBond' | 'rebond' | 'withdrawStake' | 'rebondFromUnbonded' | 'bondNew' | 'idle'

/**
 * Block C of a round: delegators bond (approve + bond), top up, move stake, unbond partly or fully,
 * rebond, rebond from unbonded, withdraw matured stake, claim, withdraw fees and transfer bonds.
 * Scripted episodes (cast in {@link createScenarioPlan}) guarantee every event; the rest is drawn
 * from the seed. Each delegator acts at most once per round (a transfer's receiver included).
 *
 * @param step - 0-based scenario round.
 *
 * @example
 * await executeBlock(ctx, delegatorPhase(ctx, await readState(ctx, { withDelegators: true }), step))
 */
export function delegatorPhase(ctx: ScenarioContext, state: NetworkState, step: number): TransactionRequest[] {
  const { calls, plan, model } = ctx
  const { cast } = plan
  const random = ctx.random.fork(`delegators/${step}`)
  const round = state.round
  const states = new Map(state.delegators.map((d) => [d.address, d]))
  const busy = new Set<Address>()
  const txs: TransactionRequest[] = []
  const registered = state.orchestrators.filter((o) => o.registered)
  const registeredSet = new Set(registered.map((o) => o.address))

  const chooseOrchestrator = (r: Random, exclude?: Address): Address | undefined => {
    const candidates = registered.filter((o) => o.address !== exclude)
    if (candidates.length === 0) return undefined
    const weights = candidates.map((o) => {
      const reliability = plan.orchestrators.find((p) => p.address === o.address)?.reliability ?? 0.5
      return Math.sqrt(Number(o.delegatedAmount / 10n ** 18n) + 1) * reliability * (o.active ? 2 : 1)
    })
    return r.weighted(candidates, weights).address
  }
  const bondTxs = (from: Address, amount: bigint, to: Address) => (amount > 0n ? [calls.approve(from, amount), calls.bond(from, amount, to)] : [calls.bond(from, 0n, to)])
  const share = (amount: bigint, min: number, max: number) => (amount * BigInt(random.int(min, max))) / 100n
  const matured = (d: DelegatorState) => model.locks(d.address).find((lock) => lock.withdrawRound <= round)

  // ---- scripted episodes
  const now = episodeStep(ctx, step)
  const episode = (who: Address, at: number, build: (d: DelegatorState) => TransactionRequest[] | undefined) => {
    if (now !== at) return
    const d = states.get(who)
    const built = d && build(d)
    if (!built || built.length === 0) {
      ctx.logger.debug({ step, who }, 'scripted episode skipped: its precondition does not hold')
      return
    }
    busy.add(who)
    txs.push(...built)
  }
  episode(cast.rebonder, episodeRounds.partialUnbond, (d) => (d.status === 'Bonded' ? [calls.unbond(d.address, share(d.pendingStake, 30, 50))] : undefined))
  episode(cast.withdrawer, episodeRounds.partialUnbond, (d) => (d.status === 'Bonded' ? [calls.unbond(d.address, share(d.pendingStake, 20, 40))] : undefined))
  episode(cast.returner, episodeRounds.fullUnbond, (d) => (d.status === 'Bonded' ? [calls.unbond(d.address, d.pendingStake)] : undefined))
  episode(cast.claimer, episodeRounds.claim, (d) => (d.lastClaimRound < round ? [calls.claimEarnings(d.address, round)] : undefined))
  episode(cast.rebonder, episodeRounds.rebond, (d) => {
    const lock = model.locks(d.address)[0]
    return lock && d.status !== 'Unbonded' ? [calls.rebond(d.address, lock.id)] : undefined
  })
  episode(cast.giver, episodeRounds.transferToFresh, (d) => (d.status === 'Bonded' ? [calls.transferBond(d.address, cast.receiver, share(d.pendingStake, 40, 60))] : undefined))
  busy.add(cast.receiver)
  episode(cast.mover, episodeRounds.move, (d) => {
    const to = chooseOrchestrator(random, d.delegate)
    return to && d.status !== 'Unbonded' ? [calls.bond(d.address, 0n, to)] : undefined
  })
  episode(cast.returner, episodeRounds.rebondFromUnbonded, (d) => {
    const lock = model.locks(d.address)[0]
    const to = chooseOrchestrator(random)
    return lock && to && d.status === 'Unbonded' ? [calls.rebondFromUnbonded(d.address, to, lock.id)] : undefined
  })
  if (now === episodeRounds.transferToBonded) busy.add(cast.secondReceiver)
  episode(cast.secondGiver, episodeRounds.transferToBonded, (d) =>
    d.status === 'Bonded' ? [calls.transferBond(d.address, cast.secondReceiver, share(d.pendingStake, 20, 40))] : undefined,
  )
  episode(cast.withdrawer, episodeRounds.withdrawStake, (d) => {
    const lock = matured(d)
    return lock ? [calls.withdrawStake(d.address, lock.id)] : undefined
  })

  // ---- everyone else
  for (const p of plan.delegators) {
    const me = p.address
    if (busy.has(me)) continue
    const d = states.get(me)!
    const neverBonded = d.bondedAmount === 0n && d.delegate === zeroAddress && d.nextUnbondingLockId === 0n
    if (neverBonded) {
      if (p.joinRound === undefined || step < p.joinRound || (step > p.joinRound && !random.chance(0.3))) continue
      const to = chooseOrchestrator(random)
      const amount = (d.balance * BigInt(Math.round(p.firstBondShare * 100))) / 100n
      if (to && amount > 0n) txs.push(...bondTxs(me, amount, to))
      busy.add(me)
      continue
    }
    // The cast of the scripted episodes only joins the random crowd once its episodes are over.
    if (plan.scripted.has(me) && step < minimumCoverageRounds) continue
    const orphaned = d.bondedAmount > 0n && !registeredSet.has(d.delegate)
    if (!random.chance(orphaned ? 0.35 : 0.1)) continue

    const locks = model.locks(me)
    const bonded = d.status !== 'Unbonded'
    const options: [Action, number][] = bonded
      ? [
          ['bondMore', d.balance > 0n ? 3 : 0],
          ['move', registered.length > 1 ? (orphaned ? 20 : 2) : 0],
          ['unbondPartial', d.status === 'Bonded' && d.pendingStake > 1n ? 2 : 0],
          ['unbondFull', d.status === 'Bonded' ? 1 : 0],
          ['claim', d.lastClaimRound < round ? 2 : 0],
          ['withdrawFees', d.pendingFees > 0n ? 2 : 0],
          ['transferBond', d.status === 'Bonded' && d.pendingStake > 1n ? 0.5 : 0],
          ['rebond', locks.length > 0 ? 2 : 0],
          ['withdrawStake', matured(d) ? 3 : 0],
        ]
      : [
          ['rebondFromUnbonded', locks.length > 0 && registered.length > 0 ? 2 : 0],
          ['withdrawStake', matured(d) ? 3 : 0],
          ['bondNew', d.balance > 0n && registered.length > 0 ? 1 : 0],
          ['idle', 2],
        ]
    const possible = options.filter(([, weight]) => weight > 0)
    if (possible.length === 0) continue
    const action = random.weighted(
      possible.map(([name]) => name),
      possible.map(([, weight]) => weight),
    )
    const built = buildAction(action, d)
    if (built.length > 0) {
      busy.add(me)
      txs.push(...built)
    }
  }
  return txs

  function buildAction(action: Action, d: DelegatorState): TransactionRequest[] {
    const me = d.address
    switch (action) {
      case 'bondMore':
        return bondTxs(me, share(d.balance, 10, 60), d.delegate)
      case 'move': {
        const to = chooseOrchestrator(random, d.delegate)
        return to ? bondTxs(me, random.chance(0.3) ? share(d.balance, 10, 50) : 0n, to) : []
      }
      case 'unbondPartial': {
        const amount = share(d.pendingStake, 10, 60)
        return amount > 0n ? [calls.unbond(me, amount)] : []
      }
      case 'unbondFull':
        return [calls.unbond(me, d.pendingStake)]
      case 'claim':
        return [calls.claimEarnings(me, round)]
      case 'withdrawFees':
        return [calls.withdrawFees(me, me, random.chance(0.5) ? d.pendingFees : share(d.pendingFees, 20, 90))]
      case 'transferBond': {
        const receivers = plan.delegators.filter((q) => q.address !== me && !busy.has(q.address) && !plan.scripted.has(q.address))
        if (receivers.length === 0) return []
        const receiver = random.pick(receivers).address
        const amount = share(d.pendingStake, 10, 50)
        if (amount === 0n) return []
        busy.add(receiver)
        return [calls.transferBond(me, receiver, amount)]
      }
      case 'rebond': {
        const lock = random.pick(model.locks(me))
        return [calls.rebond(me, lock.id)]
      }
      case 'withdrawStake':
        return [calls.withdrawStake(me, matured(d)!.id)]
      case 'rebondFromUnbonded': {
        const to = chooseOrchestrator(random)
        return to ? [calls.rebondFromUnbonded(me, to, random.pick(model.locks(me)).id)] : []
      }
      case 'bondNew': {
        const to = chooseOrchestrator(random)
        return to ? bondTxs(me, share(d.balance, 30, 90), to) : []
      }
      case 'idle':
        return []
    }
  }
}

const zeroAddress = '0x0000000000000000000000000000000000000000'
