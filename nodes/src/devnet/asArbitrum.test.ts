import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { getAddress, keccak256, toBytes, zeroAddress } from 'viem'
import { arbitrumOne, controllerRegistryNames, multicall3Address } from '@peerscope/protocol'
import { controllerAbi, multicall3Abi, roundsManagerAbi } from '@peerscope/protocol/abi'
import { createDevnetClient } from '@peerscope/protocol/anvil'
import { createDevnet, type Devnet } from './index.ts'

// A small scenario is enough: this checks placement, not coverage.
let devnet: Devnet
before(async () => {
  devnet = await createDevnet({ port: 0, live: false, manifestPath: false, asArbitrum: true, orchestrators: 4, delegators: 8, gateways: 1, rounds: 3 })
})
after(async () => {
  await devnet?.stop()
})

test('behavior: chain id 42161 with our contracts at their Arbitrum One addresses', async () => {
  const client = createDevnetClient({ rpcUrl: devnet.rpcUrl, chainId: 42161 })
  assert.equal(await client.getChainId(), 42161)
  assert.equal(devnet.manifest.asArbitrum, true)
  for (const name of ['Controller', 'BondingManager', 'RoundsManager', 'TicketBroker', 'Minter', 'LivepeerToken', 'ServiceRegistry', 'AIServiceRegistry'] as const) {
    const expected = getAddress(arbitrumOne.contracts[name].address)
    assert.equal(getAddress(devnet.manifest.contracts[name]!.address), expected, `${name} address`)
    const code = await client.getCode({ address: expected })
    assert.ok(code && code.length > 2, `${name} has code at ${expected}`)
  }
  const round = await client.readContract({ address: arbitrumOne.contracts.RoundsManager.address, abi: roundsManagerAbi, functionName: 'currentRound' })
  assert.ok(round > 0n)
})

test('behavior: Controller.getContract resolves every registry name of the spec', async () => {
  const client = createDevnetClient({ rpcUrl: devnet.rpcUrl, chainId: 42161 })
  const controller = arbitrumOne.contracts.Controller.address
  for (const name of controllerRegistryNames) {
    const address = await client.readContract({ address: controller, abi: controllerAbi, functionName: 'getContract', args: [keccak256(toBytes(name))] })
    assert.notEqual(address, zeroAddress, `${name} resolves`)
  }
  const bondingManager = await client.readContract({ address: controller, abi: controllerAbi, functionName: 'getContract', args: [keccak256(toBytes('BondingManager'))] })
  assert.equal(getAddress(bondingManager), getAddress(arbitrumOne.contracts.BondingManager.address))
  const jobsManager = await client.readContract({ address: controller, abi: controllerAbi, functionName: 'getContract', args: [keccak256(toBytes('JobsManager'))] })
  assert.equal(getAddress(jobsManager), getAddress(arbitrumOne.contracts.TicketBroker.address))
})

test('behavior: Multicall3 aggregate3 at its canonical address reads protocol views', async () => {
  const client = createDevnetClient({ rpcUrl: devnet.rpcUrl, chainId: 42161 })
  const { result } = await client.simulateContract({
    address: multicall3Address,
    abi: multicall3Abi,
    functionName: 'aggregate3',
    args: [[
      { target: arbitrumOne.contracts.RoundsManager.address, allowFailure: false, callData: '0x8a19c8bc' },
      { target: arbitrumOne.contracts.RoundsManager.address, allowFailure: true, callData: '0xdeadbeef' },
    ]],
  })
  assert.equal(result.length, 2)
  assert.equal(result[0]!.success, true)
  assert.equal(BigInt(result[0]!.returnData), await client.readContract({ address: arbitrumOne.contracts.RoundsManager.address, abi: roundsManagerAbi, functionName: 'currentRound' }))
  assert.equal(result[1]!.success, false)
})
