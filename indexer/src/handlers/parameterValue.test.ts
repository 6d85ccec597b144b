import assert from 'node:assert/strict'
import { test } from 'node:test'
import { bondingManagerAbi, roundsManagerAbi } from '@peerscope/protocol/abi'
import { encodeFunctionData } from 'viem'
import { parameterValue } from './parameterValue.ts'

test('behavior: a ParameterUpdate value comes from its setter calldata', () => {
  const setRoundLength = encodeFunctionData({ abi: roundsManagerAbi, functionName: 'setRoundLength', args: [100n] })
  assert.equal(parameterValue('roundLength', setRoundLength), 100n)
  const setRate = encodeFunctionData({ abi: bondingManagerAbi, functionName: 'setTreasuryRewardCutRate', args: [5n * 10n ** 25n] })
  assert.equal(parameterValue('nextRoundTreasuryRewardCutRate', setRate), 5n * 10n ** 25n)
})

test('behavior: a reward call is told apart, other calldata gives no value', () => {
  const reward = encodeFunctionData({ abi: bondingManagerAbi, functionName: 'reward' })
  assert.equal(parameterValue('nextRoundTreasuryRewardCutRate', reward), 'reward')
  assert.equal(parameterValue('roundLength', reward), undefined)
  assert.equal(parameterValue('roundLength', undefined), undefined)
  assert.equal(parameterValue('unknownParameter', reward), undefined)
})
