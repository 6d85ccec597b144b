import type { TransactionRequest } from '../chain/createTransactionSender.ts'
import { episodeStep, type ScenarioContext } from './context.ts'
import { episodeRounds } from './createScenarioPlan.ts'
import type { NetworkState } from './readNetworkState.ts'

/**
 * Gateway funding, in block C beside the delegators: the first deposits and reserves (both
 * `fundDeposit` + `fundReserve` and `fundDepositAndReserve`), top-ups as tickets drain them, and
 * the scripted unlock → cancelUnlock, unlock → withdraw → fund again, and unlock → self-funding
 * (which cancels the unlock) episodes.
 *
 * @param step - 0-based scenario round.
 *
 * @example
 * await executeBlock(ctx, [...gatewayPhase(ctx, state, step), ...delegatorPhase(ctx, state, step)])
 */
export function gatewayPhase(ctx: ScenarioContext, state: NetworkState, step: number): TransactionRequest[] {
  const { calls, plan } = ctx
  const { cast } = plan
  const random = ctx.random.fork(`gateways/${step}`)
  const txs: TransactionRequest[] = []
  const now = episodeStep(ctx, step)

  for (const g of plan.gateways) {
    const s = state.gateways[g.index]!
    const me = g.address
    const unlocking = s.withdrawRound > 0n
    const unlockable = !unlocking && (s.deposit > 0n || s.reserve > 0n)

    if (step === 0) {
      // The first gateway funds deposit and reserve separately; the others in one call.
      if (g.index === 0) txs.push(calls.fundDeposit(me, g.deposit), calls.fundReserve(me, g.reserve))
      else txs.push(calls.fundDepositAndReserve(me, g.deposit, g.reserve))
      continue
    }
    if (me === cast.cancellingGateway && now === episodeRounds.unlockToCancel && unlockable) {
      txs.push(calls.unlock(me))
      continue
    }
    if (me === cast.cancellingGateway && now === episodeRounds.cancelUnlock && unlocking) {
      txs.push(calls.cancelUnlock(me))
      continue
    }
    if (me === cast.withdrawingGateway && now === episodeRounds.unlockToWithdraw && unlockable) {
      txs.push(calls.unlock(me))
      continue
    }
    if (me === cast.withdrawingGateway && now === episodeRounds.withdraw && unlocking && s.withdrawRound <= state.round) {
      txs.push(calls.withdraw(me))
      continue
    }
    if (me === cast.withdrawingGateway && now === episodeRounds.fundAgain && !unlocking) {
      txs.push(calls.fundDepositAndReserve(me, g.deposit, g.reserve))
      continue
    }
    if (me === cast.selfFundingGateway && now === episodeRounds.unlockToSelfFund && unlockable) {
      txs.push(calls.unlock(me))
      continue
    }
    if (me === cast.selfFundingGateway && now === episodeRounds.selfFund && unlocking) {
      // Funding its own deposit during an unlock cancels it (UnlockCancelled, then DepositFunded).
      txs.push(calls.fundDeposit(me, g.deposit / 2n))
      continue
    }
    if (unlocking || (s.deposit === 0n && s.reserve === 0n)) continue

    // Top-ups. The low-deposit gateway keeps its deposit thin on purpose (tickets hit its reserve).
    if (me === cast.lowDepositGateway) {
      if (s.reserve < g.reserve / 3n) txs.push(calls.fundReserve(me, g.reserve))
      else if (s.deposit === 0n && random.chance(0.3)) txs.push(calls.fundDeposit(me, g.deposit))
    } else if (s.deposit < g.faceValue * BigInt(g.ticketsPerRound) * 3n) {
      if (random.chance(0.5)) txs.push(calls.fundDeposit(me, g.deposit))
      else txs.push(calls.fundDepositAndReserve(me, g.deposit, s.reserve < g.reserve ? g.reserve - s.reserve : 0n))
    }
  }
  return txs
}
