import assert from 'node:assert/strict'
import { test } from 'node:test'
import { delegationHandlers, orchestratorHandlers, roundHandlers, ticketHandlers, tokenHandlers } from './index.ts'

test('unit: every handled event name belongs to exactly one area', () => {
  // NOTE: applyEvent merges the areas into one map, so a name in two areas would silently lose a handler.
  const areas = { delegationHandlers, orchestratorHandlers, roundHandlers, ticketHandlers, tokenHandlers }
  const owners = new Map<string, string[]>()
  for (const [area, handlers] of Object.entries(areas))
    for (const name of Object.keys(handlers)) owners.set(name, [...(owners.get(name) ?? []), area])
  assert.deepEqual([...owners].filter(([, areas]) => areas.length > 1), [])
  assert.deepEqual(
    [...owners.keys()].sort(),
    [
      'Bond', 'Burn', 'DepositFunded', 'EarningsClaimed', 'Mint', 'NewRound', 'ParameterUpdate', 'Pause', 'Rebond',
      'ReserveClaimed', 'ReserveFunded', 'Reward', 'RewardCallerSet', 'ServiceURIUpdate', 'SetCurrentRewardTokens',
      'TranscoderActivated', 'TranscoderDeactivated', 'TranscoderSlashed', 'TranscoderUpdate', 'Transfer', 'TransferBond',
      'TreasuryReward', 'Unbond', 'Unlock', 'UnlockCancelled', 'Unpause', 'Withdrawal', 'WinningTicketRedeemed',
      'WinningTicketTransfer', 'WithdrawFees', 'WithdrawStake',
    ].sort(),
  )
})
