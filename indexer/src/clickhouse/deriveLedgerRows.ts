import { percOf, splitFees, type EarningsLedger } from '@peerscope/protocol'
import type { FactLog, OrchestratorRoundRow } from './types.ts'

/** Parameters for {@link deriveLedgerRows}. */
export type DeriveLedgerRowsParameters = {
  /** The LIP-36 ledger (`createEarningsLedger`) that has just applied `log`. */
  ledger: EarningsLedger
  /** The decoded log, already applied to `ledger`. */
  log: FactLog
}

/**
 * The precomputed per-round orchestrator rows one log yields, read from the LIP-36 ledger right
 * after `ledger.apply(log)`, for `insert({ logs, orchestratorRounds })`:
 *
 * - `Reward`: `reward_split`, commission = percOf(amount, pool rewardCut) (protocol.md §8);
 * - `WinningTicketTransfer`: `fee_split`, splitFees(amount, pool feeShare) (§9);
 * - `NewRound`: a `snapshot` per transcoder active in the new round, with its stake for the round
 *   (the missed-reward flag is derived from it).
 *
 * Other events yield nothing. Pure: the ledger (whose owner rebuilds it on restart and rollback)
 * holds all the state, so rows written again after a crash are identical.
 *
 * @example
 * ledger.apply(ledgerEvent)
 * orchestratorRounds.push(...deriveLedgerRows({ ledger, log }))
 */
export function deriveLedgerRows({ ledger, log }: DeriveLedgerRowsParameters): OrchestratorRoundRow[] {
  const at = { round: log.round, blockNumber: log.block.height, logIndex: log.logIndex }
  switch (log.eventName) {
    case 'Reward': {
      const transcoder = String(log.args.transcoder)
      const amount = log.args.amount as bigint
      const rewardCommission = percOf(amount, ledger.pool(transcoder as `0x${string}`, log.round).transcoderRewardCut)
      return [{ ...at, orchestrator: transcoder, kind: 'reward_split', rewardCommission, delegatorsReward: amount - rewardCommission }]
    }
    case 'WinningTicketTransfer': {
      const transcoder = String(log.args.recipient)
      const fees = log.args.amount as bigint
      const split = splitFees({ fees, feeShare: ledger.pool(transcoder as `0x${string}`, log.round).transcoderFeeShare })
      return [{ ...at, orchestrator: transcoder, kind: 'fee_split', feeCommission: split.transcoderCommission, delegatorsFees: split.delegatorsFees }]
    }
    case 'NewRound': {
      const round = log.args.round as bigint
      return ledger
        .listTranscoders()
        .map((address) => ledger.transcoder(address))
        .filter((transcoder) => transcoder.active)
        .map((transcoder) => ({ ...at, round, orchestrator: transcoder.address, kind: 'snapshot' as const, stake: transcoder.totalStake, active: true }))
    }
    default:
      return []
  }
}
