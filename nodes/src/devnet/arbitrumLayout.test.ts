import assert from 'node:assert/strict'
import { test } from 'node:test'
import { arbitrumOne, multicall3Address, protocolContractNames } from '@peerscope/protocol'
import { controllerRegistryNames } from '@peerscope/protocol'
import { arbitrumLayout, placeholderAddress } from './arbitrumLayout.ts'

test('behavior: our contracts go to their Arbitrum One addresses, Multicall3 to its own', () => {
  const { placement } = arbitrumLayout()
  for (const name of protocolContractNames) assert.equal(placement[name], arbitrumOne.contracts[name].address, name)
  assert.equal(placement.Minter, '0xc20DE37170B45774e6CD3d2304017fc962f27252')
  assert.equal(placement.Multicall3, multicall3Address)
})

test('behavior: names we do not implement point at Arbitrum addresses or placeholders', () => {
  const { registry, placeholders } = arbitrumLayout()
  assert.equal(registry.BondingVotes, arbitrumOne.contracts.BondingVotes.address)
  assert.equal(registry.MerkleSnapshot, arbitrumOne.contracts.MerkleSnapshot.address)
  assert.equal(registry.LivepeerTokenFaucet, placeholderAddress('LivepeerTokenFaucet'))
  for (const name of ['BondingManager', 'JobsManager', 'Verifier', 'Treasury']) assert.equal(registry[name], undefined, name)
  const covered = new Set([...Object.keys(registry), ...protocolContractNames, 'JobsManager', 'Verifier'])
  for (const name of controllerRegistryNames) assert.ok(covered.has(name), name)
  assert.deepEqual(new Set(placeholders), new Set(Object.values(registry)))
})
