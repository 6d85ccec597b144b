import type { TransactionRequest } from '../chain/createTransactionSender.ts'
import { lptRoles } from '../chain/createProtocolCalls.ts'
import { episodeStep, type ScenarioContext } from './context.ts'
import { episodeRounds } from './createScenarioPlan.ts'
import { pickSlashed } from './orchestratorPhase.ts'
import type { NetworkState } from './readNetworkState.ts'

const LPT = 10n ** 18n

/**
 * Block E of a round, the protocol's owners at work: a bridge-like account burns LPT and loses
 * its BURNER_ROLE; the treasury ceiling is lowered until `reward()` stops the treasury cut, then
 * restored with the cut (LIP-89/LIP-101 history); a maintenance pause with a Controller update; the
 * Verifier slashes an unreliable orchestrator; and a batch of parameter updates.
 *
 * @param step - 0-based scenario round.
 *
 * @example
 * await executeBlock(ctx, governancePhase(ctx, state, step))
 */
export function governancePhase(ctx: ScenarioContext, state: NetworkState, step: number): TransactionRequest[] {
  const { calls, accounts, parameters, deployment } = ctx
  const owner = accounts.deployer.address
  const bridge = accounts.bridge.address
  switch (episodeStep(ctx, step)) {
    case episodeRounds.burn:
      return [calls.burn(bridge, 1_000n * LPT)]
    case episodeRounds.revokeRole:
      // Cap the treasury at its current balance: the next reward() stops the cut for next round.
      return [calls.revokeRole(owner, lptRoles.BURNER_ROLE, bridge), calls.setTreasuryBalanceCeiling(owner, state.treasuryBalance > 0n ? state.treasuryBalance : 1n)]
    case episodeRounds.pause:
      return [calls.pause(owner), calls.updateController(owner, 'ServiceRegistry', deployment.contracts.Controller.address), calls.unpause(owner)]
    case episodeRounds.slash: {
      const target = pickSlashed(ctx, state)
      if (!target) return []
      // 10 % of its self-bond, half of the penalty to the finder, the rest burned.
      return [calls.slashTranscoder(accounts.verifier.address, target.address, bridge, 100_000n, 500_000n)]
    }
    case episodeRounds.parameters:
      return [
        calls.setTreasuryBalanceCeiling(owner, parameters.treasuryBalanceCeiling),
        calls.setTreasuryRewardCutRate(owner, parameters.treasuryRewardCutRate),
        calls.setInflationChange(owner, parameters.inflationChange + parameters.inflationChange / 2n),
        calls.setTargetBondingRate(owner, parameters.targetBondingRate),
        calls.setUnbondingPeriod(owner, parameters.unbondingPeriod),
        calls.setRoundLockAmount(owner, parameters.roundLockAmount),
        calls.setUnlockPeriod(owner, parameters.unlockPeriod),
        calls.setTicketValidityPeriod(owner, parameters.ticketValidityPeriod),
      ]
    default:
      return []
  }
}
