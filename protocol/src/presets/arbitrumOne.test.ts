import assert from 'node:assert/strict'
import { test } from 'node:test'
import { getAddress } from 'viem'
import { arbitrumOne, arbitrumOneGovernance, arbitrumOneL1Addresses, arbitrumOneTargets } from './arbitrumOne.ts'
import { multicall3Address, protocolContractNames } from './contractNames.ts'
import { getPresetContract } from './getPresetContract.ts'

test('behavior: every address is a checksummed 20-byte address', () => {
  const all = [
    ...Object.values(arbitrumOne.contracts).map((c) => c.address),
    ...arbitrumOne.minters.map((m) => m.address),
    ...Object.values(arbitrumOneGovernance),
    ...Object.values(arbitrumOneTargets).map((t) => t.address),
    ...Object.values(arbitrumOneL1Addresses),
  ]
  for (const address of all) assert.equal(getAddress(address), address)
})

test('behavior: covers every protocol contract with the spec start blocks', () => {
  for (const name of protocolContractNames) assert.ok(getPresetContract(arbitrumOne, name), name)
  assert.equal(arbitrumOne.contracts.BondingManager.startBlock, 5_856_381)
  assert.equal(arbitrumOne.contracts.RoundsManager.startBlock, 5_856_394)
  assert.equal(arbitrumOne.contracts.TicketBroker.startBlock, 5_856_357)
  assert.equal(arbitrumOne.contracts.AIServiceRegistry.startBlockIsLowerBound, true)
  assert.equal(arbitrumOne.chainId, 42161)
  assert.equal(arbitrumOne.blockNumberSource, 'l1')
  assert.equal(arbitrumOne.multicall3.address, multicall3Address)
})

test('behavior: both Minters, the current one registered as Minter', () => {
  assert.deepEqual(
    arbitrumOne.minters.map((m) => [m.label, m.startBlock]),
    [
      ['v1', 5_856_338],
      ['current', 6_253_359],
    ],
  )
  assert.equal(arbitrumOne.minters[1]?.address, arbitrumOne.contracts.Minter.address)
})

test('behavior: a missing contract is a typed error', () => {
  assert.throws(() => getPresetContract(arbitrumOne, 'JobsManager'), {
    name: 'PresetContractNotFoundError',
    message: 'Network preset "arbitrum-one" has no contract named "JobsManager".\n\nSpec: shared/spec/protocol.md#13-arbitrum-one-deployment',
  })
})
