import 'server-only'
import { cache } from 'react'
import type { Broadcaster, DelegatorEarningsRound } from '@/lib/definitions'
import { request } from './client'

export type Account = {
  currentRound: string | undefined
  totalActiveStake: string
  isOrchestrator: boolean
  delegator: {
    id: string
    bondedAmount: string
    principal: string
    unbonded: string
    fees: string
    withdrawnFees: string
    pendingStake: string
    pendingFees: string
    startRound: string
    lastClaimRound: { id: string } | null
    delegate: { id: string; active: boolean; totalStake: string; rewardCut: string; feeShare: string } | null
    unbondingLocks: { id: string; unbondingLockId: number; amount: string; withdrawRound: string; delegate: { id: string } }[]
  } | null
  earnings: { totalReward: string; totalFees: string; rounds: DelegatorEarningsRound[] } | null
  gateway: Broadcaster | null
  /** Fees the gateway paid, per round, oldest first. */
  feesPaid: { round: number; fees: number; tickets: number }[]
}

/** Everything the account page shows for a delegator and/or gateway, in one request. */
export const getAccount = cache(async (address: string): Promise<Account> => {
  const data = await request<{
    protocol: { currentRound: { id: string }; totalActiveStake: string } | null
    delegator: Account['delegator']
    transcoder: { id: string } | null
    broadcaster: Broadcaster | null
    delegatorEarnings: Account['earnings']
    winningTicketRedeemedEvents: { faceValue: string; round: { id: string } }[]
  }>(
    `query Account($id: ID!, $address: String!) {
      protocol(id: "0") { currentRound { id } totalActiveStake }
      delegator(id: $id) {
        id bondedAmount principal unbonded fees withdrawnFees pendingStake pendingFees startRound lastClaimRound { id }
        delegate { id active totalStake rewardCut feeShare }
        unbondingLocks { id unbondingLockId amount withdrawRound delegate { id } }
      }
      transcoder(id: $id) { id }
      broadcaster(id: $id) { id deposit reserve totalVolumeETH thirtyDayVolumeETH ninetyDayVolumeETH firstFundedDay lastFundedDay }
      delegatorEarnings(delegator: $address, first: 200, orderDirection: desc) { totalReward totalFees rounds { round orchestrator stake reward fees rewardRate } }
      winningTicketRedeemedEvents(where: { sender: $address }, first: 1000, orderBy: timestamp, orderDirection: desc) { faceValue round { id } }
    }`,
    { id: address, address },
  )
  const byRound = new Map<number, { round: number; fees: number; tickets: number }>()
  for (const ticket of data.winningTicketRedeemedEvents) {
    const round = Number(ticket.round.id)
    const entry = byRound.get(round) ?? { round, fees: 0, tickets: 0 }
    entry.fees += Number(ticket.faceValue)
    entry.tickets += 1
    byRound.set(round, entry)
  }
  return {
    currentRound: data.protocol?.currentRound.id,
    totalActiveStake: data.protocol?.totalActiveStake ?? '0',
    isOrchestrator: data.transcoder !== null,
    delegator: data.delegator,
    earnings: data.delegatorEarnings,
    gateway: data.broadcaster,
    feesPaid: [...byRound.values()].sort((a, b) => a.round - b.round),
  }
})
