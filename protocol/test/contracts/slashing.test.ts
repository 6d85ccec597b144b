import assert from 'node:assert/strict'
import { after, afterEach, before, beforeEach, describe, test } from 'node:test'
import { getAddress, keccak256, toHex, zeroAddress, type Address, type Hex } from 'viem'
import { controllerAbi, livepeerTokenAbi } from '../../src/abi/generated/index.ts'
import { accounts, assertRevert, eventNames, ONE, setupDevnet, type Devnet } from './setup.ts'

const { alice: transcoder, bob: delegator, carol: finder, dave: verifier, erin: stranger } = accounts
type DelegatorInfo = readonly [bigint, bigint, Address, bigint, bigint, bigint, bigint]

describe('slashing', () => {
  let devnet: Devnet
  let snap: Hex
  before(async () => {
    devnet = await setupDevnet({ parameters: { roundLength: 100n }, verifier })
    await devnet.nextRound()
    await devnet.registerTranscoder(transcoder, 1_000n * ONE)
    await devnet.fundLpt(delegator, 500n * ONE)
    await devnet.bm(delegator, 'bond', [500n * ONE, transcoder])
    await devnet.nextRound()
  })
  after(() => devnet?.stop())
  beforeEach(async () => {
    snap = await devnet.snapshot()
  })
  afterEach(async () => {
    await devnet.revert(snap)
  })

  const slash = (from: Address, finderAddress: Address, slashAmount: bigint, finderFee: bigint) =>
    devnet.bm(from, 'slashTranscoder', [transcoder, finderAddress, slashAmount, finderFee])
  const supply = () => devnet.read<bigint>(devnet.c.LivepeerToken, livepeerTokenAbi, 'totalSupply')

  test('behavior: only the registered Verifier may slash; with no Verifier (as on Arbitrum) slashing is off', async () => {
    await assertRevert(slash(stranger, finder, 100_000n, 0n), 'caller must be Verifier')
    const { c, send, deployment } = devnet
    await send(deployment.deployer, { address: c.Controller, abi: controllerAbi, functionName: 'setContractInfo', args: [keccak256(toHex('Verifier')), zeroAddress, `0x${'0'.repeat(40)}`] })
    await assertRevert(slash(verifier, finder, 100_000n, 0n), 'caller must be Verifier')
  })

  test('behavior: a slash takes the penalty from the bonded stake, resigns the transcoder, pays the finder and burns the rest', async () => {
    const { c, currentRound, lptBalance, readBm } = devnet
    const round = await currentRound()
    const supplyBefore = await supply()
    const minterBefore = await lptBalance(c.Minter)
    const { logs } = await slash(verifier, finder, 100_000n, 500_000n)
    assert.deepEqual(eventNames(logs), [
      'BondingManager.EarningsClaimed',
      'BondingManager.TranscoderDeactivated',
      'LivepeerToken.Transfer',
      'LivepeerToken.Transfer',
      'LivepeerToken.Burn',
      'BondingManager.TranscoderSlashed',
    ])
    assert.deepEqual(logs[1]!.args, { transcoder: getAddress(transcoder), deactivationRound: round + 1n })
    assert.deepEqual(logs[2]!.args, { from: getAddress(c.Minter), to: getAddress(finder), value: 50n * ONE })
    assert.deepEqual(logs[3]!.args, { from: getAddress(c.Minter), to: zeroAddress, value: 50n * ONE })
    assert.deepEqual(logs[4]!.args, { burner: getAddress(c.Minter), amount: 50n * ONE })
    assert.deepEqual(logs[5]!.args, { transcoder: getAddress(transcoder), finder: getAddress(finder), penalty: 100n * ONE, finderReward: 50n * ONE })
    assert.equal(await lptBalance(finder), 50n * ONE)
    assert.equal(await lptBalance(c.Minter), minterBefore - 100n * ONE)
    assert.equal(await supply(), supplyBefore - 50n * ONE)
    const info = await readBm<DelegatorInfo>('getDelegator', [transcoder])
    assert.equal(info[0], 900n * ONE, 'bonded amount')
    assert.equal(info[3], 1_400n * ONE, 'delegated amount keeps the delegator’s stake')
    assert.equal(await readBm('getTranscoderPoolSize'), 0n)
    assert.equal(await readBm('nextRoundTotalActiveStake'), 0n)
    assert.equal(await readBm('isActiveTranscoder', [transcoder]), true, 'active until the round ends')
    await devnet.nextRound()
    assert.equal(await readBm('isActiveTranscoder', [transcoder]), false)
  })

  test('behavior: without a finder the whole penalty is burned; an unbonded account yields a zero slash', async () => {
    const supplyBefore = await supply()
    const { logs } = await slash(verifier, zeroAddress, 200_000n, 500_000n)
    assert.deepEqual(logs.at(-1)!.args, { transcoder: getAddress(transcoder), finder: zeroAddress, penalty: 200n * ONE, finderReward: 0n })
    assert.equal(await supply(), supplyBefore - 200n * ONE)
    const nobody = await devnet.bm(verifier, 'slashTranscoder', [stranger, finder, 100_000n, 0n])
    assert.deepEqual(eventNames(nobody.logs), ['BondingManager.EarningsClaimed', 'BondingManager.TranscoderSlashed'])
    assert.deepEqual(nobody.logs[1]!.args, { transcoder: getAddress(stranger), finder: getAddress(finder), penalty: 0n, finderReward: 0n })
  })
})
