import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { getAddress, maxUint256, type Address } from 'viem'
import { roundsManagerAbi } from '../../src/abi/generated/index.ts'
import { accounts, assertRevert, eventNames, ONE, setupDevnet, type Devnet } from './setup.ts'

const { alice, bob, carol, dave, erin, frank } = accounts
type TranscoderInfo = readonly [bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint, bigint]

describe('active set', () => {
  let devnet: Devnet
  before(async () => {
    devnet = await setupDevnet({ parameters: { roundLength: 100n, numActiveTranscoders: 3n } })
    await devnet.nextRound()
    await devnet.registerTranscoder(alice, 300n * ONE)
    await devnet.registerTranscoder(bob, 200n * ONE)
    await devnet.registerTranscoder(carol, 100n * ONE)
    await devnet.nextRound()
  })
  after(() => devnet?.stop())

  const pool = async () => {
    const members: Address[] = []
    let next = await devnet.readBm<Address>('getFirstTranscoderInPool')
    while (next !== '0x0000000000000000000000000000000000000000') {
      members.push(next)
      next = await devnet.readBm<Address>('getNextTranscoderInPool', [next])
    }
    return members
  }
  const isActive = (account: Address) => devnet.readBm<boolean>('isActiveTranscoder', [account])

  test('behavior: the pool is capped and sorted by stake; the active stake rolls at round start', async () => {
    assert.equal(await devnet.readBm('getTranscoderPoolSize'), 3n)
    assert.equal(await devnet.readBm('getTranscoderPoolMaxSize'), 3n)
    assert.deepEqual(await pool(), [alice, bob, carol].map((a) => getAddress(a)))
    assert.equal(await devnet.readBm('getTotalBonded'), 600n * ONE)
    assert.equal(await devnet.readBm('nextRoundTotalActiveStake'), 600n * ONE)
    for (const account of [alice, bob, carol]) assert.equal(await isActive(account), true)
  })

  test('behavior: a bigger newcomer evicts the smallest member: Deactivated before Activated, both effective next round', async () => {
    const { bm, fundLpt, currentRound, nextRound } = devnet
    const round = await currentRound()
    await fundLpt(dave, 150n * ONE)
    const { logs } = await bm(dave, 'bond', [150n * ONE, dave])
    assert.deepEqual(eventNames(logs), [
      'BondingManager.EarningsClaimed',
      'BondingManager.TranscoderDeactivated',
      'BondingManager.TranscoderActivated',
      'LivepeerToken.Transfer',
      'LivepeerToken.Approval',
      'BondingManager.Bond',
    ])
    assert.deepEqual(logs[1]!.args, { transcoder: getAddress(carol), deactivationRound: round + 1n })
    assert.deepEqual(logs[2]!.args, { transcoder: getAddress(dave), activationRound: round + 1n })
    assert.deepEqual(await pool(), [alice, bob, dave].map((a) => getAddress(a)))
    assert.equal(await devnet.readBm('nextRoundTotalActiveStake'), 650n * ONE)
    // Nothing changes for the current round.
    assert.equal(await isActive(carol), true)
    assert.equal(await isActive(dave), false)
    assert.equal(await devnet.readBm('getTotalBonded'), 600n * ONE)
    const daveInfo = await devnet.readBm<TranscoderInfo>('getTranscoder', [dave])
    assert.equal(daveInfo[4], round + 1n)
    assert.equal(daveInfo[5], maxUint256)
    assert.equal((await devnet.readBm<TranscoderInfo>('getTranscoder', [carol]))[5], round + 1n)

    await nextRound()
    assert.equal(await isActive(carol), false)
    assert.equal(await isActive(dave), true)
    assert.equal(await devnet.readBm('getTotalBonded'), 650n * ONE)
  })

  test('behavior: an equal stake does not evict; delegation can push a registered transcoder into the pool', async () => {
    const { bm, fundLpt, currentRound } = devnet
    await fundLpt(erin, 150n * ONE)
    const bonded = await bm(erin, 'bond', [150n * ONE, erin])
    assert.deepEqual(eventNames(bonded.logs), ['BondingManager.EarningsClaimed', 'LivepeerToken.Transfer', 'LivepeerToken.Approval', 'BondingManager.Bond'])
    const update = await bm(erin, 'transcoder', [0n, 0n])
    assert.deepEqual(eventNames(update.logs), ['BondingManager.TranscoderUpdate'], 'still not strictly greater than the last member')
    const round = await currentRound()
    await fundLpt(frank, 10n * ONE)
    const { logs } = await bm(frank, 'bond', [10n * ONE, erin])
    assert.deepEqual(eventNames(logs), [
      'BondingManager.EarningsClaimed',
      'BondingManager.TranscoderDeactivated',
      'BondingManager.TranscoderActivated',
      'LivepeerToken.Transfer',
      'LivepeerToken.Approval',
      'BondingManager.Bond',
    ])
    assert.deepEqual(logs[1]!.args, { transcoder: getAddress(dave), deactivationRound: round + 1n })
    assert.deepEqual(logs[2]!.args, { transcoder: getAddress(erin), activationRound: round + 1n })
    assert.deepEqual(await pool(), [alice, bob, erin].map((a) => getAddress(a)))
  })

  test('behavior: a transcoder that fully unbonds resigns: TranscoderDeactivated(r+1) before Unbond', async () => {
    const { bm, currentRound, nextRound } = devnet
    const round = await currentRound()
    await bm(bob, 'reward')
    const stake = await devnet.readBm<bigint>('pendingStake', [bob, 0n])
    const { logs } = await bm(bob, 'unbond', [stake])
    assert.deepEqual(eventNames(logs), ['BondingManager.EarningsClaimed', 'BondingManager.TranscoderDeactivated', 'BondingManager.Unbond'])
    assert.deepEqual(logs[1]!.args, { transcoder: getAddress(bob), deactivationRound: round + 1n })
    assert.deepEqual(await pool(), [alice, erin].map((a) => getAddress(a)))
    assert.equal(await isActive(bob), true, 'still active until the round ends')
    await nextRound()
    assert.equal(await isActive(bob), false)
  })

  test('behavior: with equal stakes and no hint, a newcomer is inserted before the existing member', async () => {
    const newcomer: Address = '0x7e57000000000000000000000000000000000007'
    await devnet.client.setBalance({ address: newcomer, value: ONE })
    const erinStake = await devnet.readBm<bigint>('transcoderTotalStake', [erin])
    await devnet.registerTranscoder(newcomer, erinStake)
    assert.deepEqual(await pool(), [alice, newcomer, erin].map((a) => getAddress(a)))
  })

  test('behavior: transcoder() reverts while the round is locked and for an active transcoder before reward', async () => {
    const { bm, client, c, read, nextRound } = devnet
    await nextRound()
    await assertRevert(bm(alice, 'transcoder', [1n, 1n]), "caller can't be active or must have already called reward for the current round")
    await assertRevert(bm(alice, 'transcoder', [1_000_001n, 1n]), 'invalid rewardCut percentage')
    await assertRevert(bm(frank, 'transcoder', [1n, 1n]), 'transcoder must be registered')
    await bm(alice, 'reward')
    // roundLockAmount 10 %: blocks start+90 … start+99 of a 100-block round are locked.
    const start = await read<bigint>(c.RoundsManager, roundsManagerAbi, 'currentRoundStartBlock')
    const block = await client.getBlockNumber({ cacheTime: 0 })
    await client.mine({ blocks: Number(start + 88n - block) })
    await bm(alice, 'transcoder', [5n, 5n]) // mined at start+89, the last unlocked block
    assert.equal(await read(c.RoundsManager, roundsManagerAbi, 'currentRoundLocked'), false)
    await assertRevert(bm(alice, 'transcoder', [6n, 6n]), "can't update transcoder params, current round is locked")
    await client.mine({ blocks: 1 })
    assert.equal(await read(c.RoundsManager, roundsManagerAbi, 'currentRoundLocked'), true)
  })
})
