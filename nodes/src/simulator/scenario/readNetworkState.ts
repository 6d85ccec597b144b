import { bondingManagerAbi, livepeerTokenAbi, roundsManagerAbi, ticketBrokerAbi } from '@peerscope/protocol/abi'
import type { DevnetClient } from '@peerscope/protocol/anvil'
import type { ProtocolDeployment } from '@peerscope/protocol/deploy'
import type { Address, Hex } from 'viem'

/** A BondingManager delegator record plus what a claim would bring (spec §5, §10.2). */
export type DelegatorState = {
  address: Address
  bondedAmount: bigint
  fees: bigint
  delegate: Address
  delegatedAmount: bigint
  startRound: bigint
  lastClaimRound: bigint
  nextUnbondingLockId: bigint
  /** Bonded amount after claiming up to the current round. */
  pendingStake: bigint
  /** Fees after claiming up to the current round. */
  pendingFees: bigint
  /** Unbonded LPT in the wallet. */
  balance: bigint
  status: 'Pending' | 'Bonded' | 'Unbonded'
}

/** An orchestrator's transcoder record and pool membership. */
export type TranscoderState = DelegatorState & {
  registered: boolean
  active: boolean
  lastRewardRound: bigint
  rewardCut: bigint
  feeShare: bigint
}

/** A gateway's TicketBroker funds. */
export type SenderState = { address: Address; deposit: bigint; withdrawRound: bigint; reserve: bigint }

/** Everything a scenario phase decides from, read at one block. */
export type NetworkState = {
  block: bigint
  round: bigint
  /** Block hash stored for the current and previous rounds (zero if not initialized). */
  roundBlockHash: Hex
  previousRoundBlockHash: Hex
  poolSize: bigint
  orchestrators: TranscoderState[]
  delegators: DelegatorState[]
  gateways: SenderState[]
  /** The Treasury's LPT balance. */
  treasuryBalance: bigint
}

/** Parameters for {@link readNetworkState}. */
export type ReadNetworkStateParameters = {
  client: DevnetClient
  deployment: ProtocolDeployment
  orchestrators: readonly Address[]
  delegators: readonly Address[]
  gateways: readonly Address[]
  blockNumber: bigint
}

const statuses = ['Pending', 'Bonded', 'Unbonded'] as const

/**
 * Reads the state the scenario decides from with a handful of Multicall3 `aggregate3` calls (one
 * per kind of view, sent concurrently), all at the same block.
 *
 * @example
 * const state = await readNetworkState({ client, deployment, orchestrators, delegators, gateways, blockNumber: sender.head() })
 * state.orchestrators.filter((o) => o.active)
 */
export async function readNetworkState(parameters: ReadNetworkStateParameters): Promise<NetworkState> {
  const { client, deployment, blockNumber } = parameters
  const bm = deployment.contracts.BondingManager.address
  const options = { multicallAddress: deployment.multicall3, allowFailure: false, batchSize: 0, blockNumber } as const
  const orchestrators = parameters.orchestrators
  const members = [...orchestrators, ...parameters.delegators]
  const lpt = deployment.contracts.LivepeerToken.address

  const round = await client.readContract({ address: deployment.contracts.RoundsManager.address, abi: roundsManagerAbi, functionName: 'currentRound', blockNumber })
  const [delegatorRecords, pendingStakes, pendingFees, delegatorStatuses, balances, transcoders, actives, registereds, senders, globals] = await Promise.all([
    client.multicall({ ...options, contracts: members.map((a) => ({ address: bm, abi: bondingManagerAbi, functionName: 'getDelegator' as const, args: [a] as const })) }),
    client.multicall({ ...options, contracts: members.map((a) => ({ address: bm, abi: bondingManagerAbi, functionName: 'pendingStake' as const, args: [a, 0n] as const })) }),
    client.multicall({ ...options, contracts: members.map((a) => ({ address: bm, abi: bondingManagerAbi, functionName: 'pendingFees' as const, args: [a, 0n] as const })) }),
    client.multicall({ ...options, contracts: members.map((a) => ({ address: bm, abi: bondingManagerAbi, functionName: 'delegatorStatus' as const, args: [a] as const })) }),
    client.multicall({ ...options, contracts: members.map((a) => ({ address: lpt, abi: livepeerTokenAbi, functionName: 'balanceOf' as const, args: [a] as const })) }),
    client.multicall({ ...options, contracts: orchestrators.map((a) => ({ address: bm, abi: bondingManagerAbi, functionName: 'getTranscoder' as const, args: [a] as const })) }),
    client.multicall({ ...options, contracts: orchestrators.map((a) => ({ address: bm, abi: bondingManagerAbi, functionName: 'isActiveTranscoder' as const, args: [a] as const })) }),
    client.multicall({ ...options, contracts: orchestrators.map((a) => ({ address: bm, abi: bondingManagerAbi, functionName: 'isRegisteredTranscoder' as const, args: [a] as const })) }),
    client.multicall({
      ...options,
      contracts: parameters.gateways.map((account) => ({ address: deployment.contracts.TicketBroker.address, abi: ticketBrokerAbi, functionName: 'getSenderInfo' as const, args: [account] as const })),
    }),
    client.multicall({
      ...options,
      contracts: [
        { address: bm, abi: bondingManagerAbi, functionName: 'getTranscoderPoolSize' },
        { address: deployment.contracts.RoundsManager.address, abi: roundsManagerAbi, functionName: 'blockHashForRound', args: [round] },
        { address: deployment.contracts.RoundsManager.address, abi: roundsManagerAbi, functionName: 'blockHashForRound', args: [round - 1n] },
        { address: lpt, abi: livepeerTokenAbi, functionName: 'balanceOf', args: [deployment.contracts.Treasury.address] },
      ],
    }),
  ])

  const delegatorAt = (i: number): DelegatorState => {
    const [bondedAmount, fees, delegate, delegatedAmount, startRound, lastClaimRound, nextUnbondingLockId] = delegatorRecords[i]!
    return {
      address: members[i]!,
      bondedAmount,
      fees,
      delegate,
      delegatedAmount,
      startRound,
      lastClaimRound,
      nextUnbondingLockId,
      pendingStake: pendingStakes[i]!,
      pendingFees: pendingFees[i]!,
      balance: balances[i]!,
      status: statuses[delegatorStatuses[i]!] ?? 'Unbonded',
    }
  }
  const orchestratorStates = orchestrators.map((_, i): TranscoderState => {
    const [lastRewardRound, rewardCut, feeShare] = transcoders[i]!
    return { ...delegatorAt(i), registered: registereds[i]!, active: actives[i]!, lastRewardRound, rewardCut, feeShare }
  })
  const delegators = parameters.delegators.map((_, i) => delegatorAt(orchestrators.length + i))
  const gateways = parameters.gateways.map((address, i): SenderState => {
    const [sender, reserve] = senders[i]!
    return { address, deposit: sender.deposit, withdrawRound: sender.withdrawRound, reserve: reserve.fundsRemaining }
  })
  const [poolSize, roundBlockHash, previousRoundBlockHash, treasuryBalance] = globals as unknown as [bigint, Hex, Hex, bigint]
  return { block: blockNumber, round, roundBlockHash, previousRoundBlockHash, poolSize, orchestrators: orchestratorStates, delegators, gateways, treasuryBalance }
}
