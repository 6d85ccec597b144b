import { bondingManagerAbi, minterAbi, roundsManagerAbi, ticketBrokerAbi } from '@peerscope/protocol/abi'
import { decodeFunctionData, type Abi, type Hex } from 'viem'

/** Setter of each `ParameterUpdate(param)` whose value Peerscope tracks, by parameter name. */
const setters: Record<string, { abi: Abi; functionName: string }> = {
  unbondingPeriod: { abi: bondingManagerAbi, functionName: 'setUnbondingPeriod' },
  numActiveTranscoders: { abi: bondingManagerAbi, functionName: 'setNumActiveTranscoders' },
  nextRoundTreasuryRewardCutRate: { abi: bondingManagerAbi, functionName: 'setTreasuryRewardCutRate' },
  treasuryBalanceCeiling: { abi: bondingManagerAbi, functionName: 'setTreasuryBalanceCeiling' },
  roundLength: { abi: roundsManagerAbi, functionName: 'setRoundLength' },
  roundLockAmount: { abi: roundsManagerAbi, functionName: 'setRoundLockAmount' },
  inflationChange: { abi: minterAbi, functionName: 'setInflationChange' },
  targetBondingRate: { abi: minterAbi, functionName: 'setTargetBondingRate' },
  unlockPeriod: { abi: ticketBrokerAbi, functionName: 'setUnlockPeriod' },
  ticketValidityPeriod: { abi: ticketBrokerAbi, functionName: 'setTicketValidityPeriod' },
}

/**
 * The new value of a `ParameterUpdate(param)`, read from the transaction's calldata when the
 * transaction called the parameter's setter directly (the event carries only the name). Returns
 * `'reward'` when the update came from a `reward*` call (the treasury ceiling zeroing the cut rate),
 * undefined when the calldata is absent or is another call (a multisig, a governor execution).
 */
export function parameterValue(param: string, input: string | undefined): bigint | 'reward' | undefined {
  if (!input || input.length < 10) return undefined
  const setter = setters[param]
  if (!setter) return undefined
  try {
    const call = decodeFunctionData({ abi: setter.abi, data: input as Hex })
    if (call.functionName === setter.functionName) return call.args?.[0] as bigint
    if (call.functionName.startsWith('reward')) return 'reward'
  } catch {
    // not a call of this contract
  }
  return undefined
}
