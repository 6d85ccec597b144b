import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createEarningsLedger, type LedgerEvent } from '@peerscope/protocol'
import { delegatorA, log, orchestratorA } from './_test/fixtures.ts'
import { deriveLedgerRows } from './deriveLedgerRows.ts'
import type { OrchestratorRoundRow } from './types.ts'

const zero = '0x0000000000000000000000000000000000000000'
const hash = `0x${'00'.repeat(32)}`

describe('deriveLedgerRows', () => {
  test('behavior: reward and fee splits and active snapshots follow the ledger', () => {
    const ledger = createEarningsLedger({ verify: false, treasuryRewardCutRate: 0n })
    const logs = [
      log(1, 0, 'NewRound', { round: 1n, blockHash: hash }, { round: 1n }),
      log(2, 0, 'EarningsClaimed', { delegate: zero, delegator: orchestratorA, rewards: 0n, fees: 0n, startRound: 1n, endRound: 1n }, { round: 1n }),
      log(2, 1, 'TranscoderActivated', { transcoder: orchestratorA, activationRound: 2n }, { round: 1n }),
      log(2, 2, 'Bond', { newDelegate: orchestratorA, oldDelegate: zero, delegator: orchestratorA, additionalAmount: 1000n, bondedAmount: 1000n }, { round: 1n }),
      log(3, 0, 'TranscoderUpdate', { transcoder: orchestratorA, rewardCut: 100_000n, feeShare: 250_000n }, { round: 1n }),
      log(10, 0, 'SetCurrentRewardTokens', { currentMintableTokens: 500n, currentInflation: 1n }, { round: 1n }),
      log(10, 1, 'NewRound', { round: 2n, blockHash: hash }, { round: 2n }),
      log(11, 0, 'Reward', { transcoder: orchestratorA, amount: 500n }, { round: 2n }),
      log(12, 0, 'WinningTicketTransfer', { sender: delegatorA, recipient: orchestratorA, amount: 1000n }, { round: 2n }),
    ]
    const rows: OrchestratorRoundRow[] = []
    for (const entry of logs) {
      ledger.apply({ eventName: entry.eventName, args: entry.args, round: entry.round } as LedgerEvent)
      rows.push(...deriveLedgerRows({ ledger, log: entry }))
    }
    assert.deepEqual(
      rows.map(({ orchestrator, ...row }) => ({ orchestrator: orchestrator.toLowerCase(), ...row })),
      [
        { orchestrator: orchestratorA, round: 2n, blockNumber: 10, logIndex: 1, kind: 'snapshot', stake: 1000n, active: true },
        { orchestrator: orchestratorA, round: 2n, blockNumber: 11, logIndex: 0, kind: 'reward_split', rewardCommission: 50n, delegatorsReward: 450n },
        { orchestrator: orchestratorA, round: 2n, blockNumber: 12, logIndex: 0, kind: 'fee_split', feeCommission: 750n, delegatorsFees: 250n },
      ],
    )
  })
})
