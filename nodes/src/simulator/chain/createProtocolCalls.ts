import {
  bondingManagerAbi,
  controllerAbi,
  livepeerTokenAbi,
  minterAbi,
  roundsManagerAbi,
  serviceRegistryAbi,
  ticketBrokerAbi,
} from '@peerscope/protocol/abi'
import type { ProtocolDeployment } from '@peerscope/protocol/deploy'
import type { Ticket } from '@peerscope/protocol'
import { encodeFunctionData, keccak256, stringToBytes, type Address, type Hex } from 'viem'
import type { TransactionRequest } from './createTransactionSender.ts'
import { gasLimits, type GasLabel } from './gasLimits.ts'

/** LPT roles (spec §3.6). */
export const lptRoles = {
  MINTER_ROLE: keccak256(stringToBytes('MINTER_ROLE')),
  BURNER_ROLE: keccak256(stringToBytes('BURNER_ROLE')),
} as const

/**
 * Builds {@link TransactionRequest}s for every protocol function the simulator calls, with the
 * function's explicit gas limit. Nothing is sent here.
 *
 * @example
 * const calls = createProtocolCalls({ deployment })
 * await sender.execute([calls.approve(delegator, amount), calls.bond(delegator, amount, orchestrator)])
 */
export function createProtocolCalls({ deployment }: { deployment: ProtocolDeployment }) {
  const c = deployment.contracts
  const request = (label: GasLabel, from: Address, to: Address, data: Hex, value?: bigint): TransactionRequest => ({
    label,
    from,
    to,
    data,
    gas: gasLimits[label],
    ...(value === undefined ? {} : { value }),
  })
  const bm = (label: GasLabel, from: Address, data: Hex) => request(label, from, c.BondingManager.address, data)
  const tb = (label: GasLabel, from: Address, data: Hex, value?: bigint) => request(label, from, c.TicketBroker.address, data, value)
  const lpt = (label: GasLabel, from: Address, data: Hex) => request(label, from, c.LivepeerToken.address, data)
  const ctl = (label: GasLabel, from: Address, data: Hex) => request(label, from, c.Controller.address, data)

  return {
    // LivepeerToken
    approve: (from: Address, amount: bigint, spender: Address = c.BondingManager.address) =>
      lpt('LivepeerToken.approve', from, encodeFunctionData({ abi: livepeerTokenAbi, functionName: 'approve', args: [spender, amount] })),
    mint: (from: Address, to: Address, amount: bigint) =>
      lpt('LivepeerToken.mint', from, encodeFunctionData({ abi: livepeerTokenAbi, functionName: 'mint', args: [to, amount] })),
    transfer: (from: Address, to: Address, amount: bigint) =>
      lpt('LivepeerToken.transfer', from, encodeFunctionData({ abi: livepeerTokenAbi, functionName: 'transfer', args: [to, amount] })),
    burn: (from: Address, amount: bigint) =>
      lpt('LivepeerToken.burn', from, encodeFunctionData({ abi: livepeerTokenAbi, functionName: 'burn', args: [amount] })),
    grantRole: (from: Address, role: Hex, account: Address) =>
      lpt('LivepeerToken.grantRole', from, encodeFunctionData({ abi: livepeerTokenAbi, functionName: 'grantRole', args: [role, account] })),
    revokeRole: (from: Address, role: Hex, account: Address) =>
      lpt('LivepeerToken.revokeRole', from, encodeFunctionData({ abi: livepeerTokenAbi, functionName: 'revokeRole', args: [role, account] })),

    // BondingManager
    bond: (from: Address, amount: bigint, to: Address) =>
      bm('BondingManager.bond', from, encodeFunctionData({ abi: bondingManagerAbi, functionName: 'bond', args: [amount, to] })),
    bondFor: (from: Address, amount: bigint, owner: Address, to: Address) =>
      bm(
        'BondingManager.bondForWithHint',
        from,
        encodeFunctionData({ abi: bondingManagerAbi, functionName: 'bondForWithHint', args: [amount, owner, to, zero, zero, zero, zero] }),
      ),
    unbond: (from: Address, amount: bigint) =>
      bm('BondingManager.unbond', from, encodeFunctionData({ abi: bondingManagerAbi, functionName: 'unbond', args: [amount] })),
    rebond: (from: Address, lockId: bigint) =>
      bm('BondingManager.rebond', from, encodeFunctionData({ abi: bondingManagerAbi, functionName: 'rebond', args: [lockId] })),
    rebondFromUnbonded: (from: Address, to: Address, lockId: bigint) =>
      bm('BondingManager.rebondFromUnbonded', from, encodeFunctionData({ abi: bondingManagerAbi, functionName: 'rebondFromUnbonded', args: [to, lockId] })),
    transferBond: (from: Address, to: Address, amount: bigint) =>
      bm(
        'BondingManager.transferBond',
        from,
        encodeFunctionData({ abi: bondingManagerAbi, functionName: 'transferBond', args: [to, amount, zero, zero, zero, zero] }),
      ),
    withdrawStake: (from: Address, lockId: bigint) =>
      bm('BondingManager.withdrawStake', from, encodeFunctionData({ abi: bondingManagerAbi, functionName: 'withdrawStake', args: [lockId] })),
    withdrawFees: (from: Address, recipient: Address, amount: bigint) =>
      bm('BondingManager.withdrawFees', from, encodeFunctionData({ abi: bondingManagerAbi, functionName: 'withdrawFees', args: [recipient, amount] })),
    claimEarnings: (from: Address, endRound: bigint) =>
      bm('BondingManager.claimEarnings', from, encodeFunctionData({ abi: bondingManagerAbi, functionName: 'claimEarnings', args: [endRound] })),
    reward: (from: Address) => bm('BondingManager.reward', from, encodeFunctionData({ abi: bondingManagerAbi, functionName: 'reward' })),
    rewardForTranscoder: (from: Address, transcoder: Address) =>
      bm('BondingManager.rewardForTranscoder', from, encodeFunctionData({ abi: bondingManagerAbi, functionName: 'rewardForTranscoder', args: [transcoder] })),
    setRewardCaller: (from: Address, caller: Address) =>
      bm('BondingManager.setRewardCaller', from, encodeFunctionData({ abi: bondingManagerAbi, functionName: 'setRewardCaller', args: [caller] })),
    transcoder: (from: Address, rewardCut: bigint, feeShare: bigint) =>
      bm('BondingManager.transcoder', from, encodeFunctionData({ abi: bondingManagerAbi, functionName: 'transcoder', args: [rewardCut, feeShare] })),
    slashTranscoder: (from: Address, transcoder: Address, finder: Address, slashAmount: bigint, finderFee: bigint) =>
      bm(
        'BondingManager.slashTranscoder',
        from,
        encodeFunctionData({ abi: bondingManagerAbi, functionName: 'slashTranscoder', args: [transcoder, finder, slashAmount, finderFee] }),
      ),
    setUnbondingPeriod: (from: Address, rounds: bigint) =>
      bm('BondingManager.setter', from, encodeFunctionData({ abi: bondingManagerAbi, functionName: 'setUnbondingPeriod', args: [rounds] })),
    setTreasuryRewardCutRate: (from: Address, rate: bigint) =>
      bm('BondingManager.setter', from, encodeFunctionData({ abi: bondingManagerAbi, functionName: 'setTreasuryRewardCutRate', args: [rate] })),
    setTreasuryBalanceCeiling: (from: Address, ceiling: bigint) =>
      bm('BondingManager.setter', from, encodeFunctionData({ abi: bondingManagerAbi, functionName: 'setTreasuryBalanceCeiling', args: [ceiling] })),

    // RoundsManager
    initializeRound: (from: Address) =>
      request('RoundsManager.initializeRound', from, c.RoundsManager.address, encodeFunctionData({ abi: roundsManagerAbi, functionName: 'initializeRound' })),
    setRoundLockAmount: (from: Address, amount: bigint) =>
      request('RoundsManager.setter', from, c.RoundsManager.address, encodeFunctionData({ abi: roundsManagerAbi, functionName: 'setRoundLockAmount', args: [amount] })),

    // Minter
    setInflationChange: (from: Address, change: bigint) =>
      request('Minter.setter', from, c.Minter.address, encodeFunctionData({ abi: minterAbi, functionName: 'setInflationChange', args: [change] })),
    setTargetBondingRate: (from: Address, rate: bigint) =>
      request('Minter.setter', from, c.Minter.address, encodeFunctionData({ abi: minterAbi, functionName: 'setTargetBondingRate', args: [rate] })),

    // TicketBroker
    fundDeposit: (from: Address, amount: bigint) =>
      tb('TicketBroker.fund', from, encodeFunctionData({ abi: ticketBrokerAbi, functionName: 'fundDeposit' }), amount),
    fundReserve: (from: Address, amount: bigint) =>
      tb('TicketBroker.fund', from, encodeFunctionData({ abi: ticketBrokerAbi, functionName: 'fundReserve' }), amount),
    fundDepositAndReserve: (from: Address, deposit: bigint, reserve: bigint) =>
      tb(
        'TicketBroker.fund',
        from,
        encodeFunctionData({ abi: ticketBrokerAbi, functionName: 'fundDepositAndReserve', args: [deposit, reserve] }),
        deposit + reserve,
      ),
    unlock: (from: Address) => tb('TicketBroker.unlock', from, encodeFunctionData({ abi: ticketBrokerAbi, functionName: 'unlock' })),
    cancelUnlock: (from: Address) => tb('TicketBroker.unlock', from, encodeFunctionData({ abi: ticketBrokerAbi, functionName: 'cancelUnlock' })),
    withdraw: (from: Address) => tb('TicketBroker.withdraw', from, encodeFunctionData({ abi: ticketBrokerAbi, functionName: 'withdraw' })),
    redeemWinningTicket: (from: Address, ticket: Ticket, signature: Hex, recipientRand: bigint) =>
      tb(
        'TicketBroker.redeemWinningTicket',
        from,
        encodeFunctionData({ abi: ticketBrokerAbi, functionName: 'redeemWinningTicket', args: [ticket, signature, recipientRand] }),
      ),
    setUnlockPeriod: (from: Address, rounds: bigint) =>
      tb('TicketBroker.setter', from, encodeFunctionData({ abi: ticketBrokerAbi, functionName: 'setUnlockPeriod', args: [rounds] })),
    setTicketValidityPeriod: (from: Address, rounds: bigint) =>
      tb('TicketBroker.setter', from, encodeFunctionData({ abi: ticketBrokerAbi, functionName: 'setTicketValidityPeriod', args: [rounds] })),

    // ServiceRegistry / AIServiceRegistry
    setServiceURI: (from: Address, uri: string, registry: 'ServiceRegistry' | 'AIServiceRegistry' = 'ServiceRegistry') =>
      request(`${registry}.setServiceURI`, from, c[registry].address, encodeFunctionData({ abi: serviceRegistryAbi, functionName: 'setServiceURI', args: [uri] })),

    // Controller
    pause: (from: Address) => ctl('Controller.pause', from, encodeFunctionData({ abi: controllerAbi, functionName: 'pause' })),
    unpause: (from: Address) => ctl('Controller.pause', from, encodeFunctionData({ abi: controllerAbi, functionName: 'unpause' })),
    updateController: (from: Address, name: string, controller: Address) =>
      ctl(
        'Controller.updateController',
        from,
        encodeFunctionData({ abi: controllerAbi, functionName: 'updateController', args: [keccak256(stringToBytes(name)), controller] }),
      ),
  }
}

/** The call builders of {@link createProtocolCalls}. */
export type ProtocolCalls = ReturnType<typeof createProtocolCalls>

const zero = '0x0000000000000000000000000000000000000000' as const
