import assert from 'node:assert/strict'
import { after, afterEach, before, beforeEach, describe, test } from 'node:test'
import { getAddress, zeroAddress, type Address, type Hex } from 'viem'
import { bondingManagerAbi, livepeerTokenAbi } from '../../src/abi/generated/index.ts'
import { accounts, assertRevert, eventNames, ONE, setupDevnet, type Devnet } from './setup.ts'

const { alice, bob, carol, dave } = accounts
const transcoder = carol
type DelegatorInfo = readonly [bigint, bigint, Address, bigint, bigint, bigint, bigint]

describe('bonding', () => {
  let devnet: Devnet
  let snap: Hex
  before(async () => {
    devnet = await setupDevnet({ parameters: { roundLength: 100n } })
    await devnet.nextRound()
    await devnet.registerTranscoder(transcoder, 1_000n * ONE)
    await devnet.nextRound()
  })
  after(() => devnet?.stop())
  beforeEach(async () => {
    snap = await devnet.snapshot()
  })
  afterEach(async () => {
    await devnet.revert(snap)
  })

  test('behavior: a new account’s bond opens with a zero-valued EarningsClaimed(0x0, startRound 1), then LPT Transfer + Approval, then Bond', async () => {
    const { bm, fundLpt, currentRound, c } = devnet
    await fundLpt(alice, 100n * ONE)
    const round = await currentRound()
    const { logs } = await bm(alice, 'bond', [100n * ONE, transcoder])
    assert.deepEqual(eventNames(logs), ['BondingManager.EarningsClaimed', 'LivepeerToken.Transfer', 'LivepeerToken.Approval', 'BondingManager.Bond'])
    assert.deepEqual(logs[0]!.args, { delegate: zeroAddress, delegator: getAddress(alice), rewards: 0n, fees: 0n, startRound: 1n, endRound: round })
    assert.deepEqual(logs[1]!.args, { from: getAddress(alice), to: getAddress(c.Minter), value: 100n * ONE })
    assert.deepEqual(logs[2]!.args, { owner: getAddress(alice), spender: getAddress(c.BondingManager), value: 0n })
    assert.deepEqual(logs[3]!.args, { newDelegate: getAddress(transcoder), oldDelegate: zeroAddress, delegator: getAddress(alice), additionalAmount: 100n * ONE, bondedAmount: 100n * ONE })
    const delegator = await devnet.readBm<DelegatorInfo>('getDelegator', [alice])
    assert.deepEqual(delegator, [100n * ONE, 0n, getAddress(transcoder), 0n, round + 1n, round, 0n])
    assert.equal(await devnet.readBm('delegatorStatus', [alice]), 0, 'Pending until the next round')
    assert.equal(await devnet.readBm('transcoderTotalStake', [transcoder]), 1_100n * ONE)
    await devnet.nextRound()
    assert.equal(await devnet.readBm('delegatorStatus', [alice]), 1, 'Bonded from the next round')
  })

  test('behavior: the first self-bond already activates the transcoder; transcoder() then only emits TranscoderUpdate', async () => {
    const { bm, fundLpt, currentRound } = devnet
    await fundLpt(dave, 50n * ONE)
    const round = await currentRound()
    const { logs } = await bm(dave, 'bond', [50n * ONE, dave])
    assert.deepEqual(eventNames(logs), [
      'BondingManager.EarningsClaimed',
      'BondingManager.TranscoderActivated',
      'LivepeerToken.Transfer',
      'LivepeerToken.Approval',
      'BondingManager.Bond',
    ])
    assert.deepEqual(logs[1]!.args, { transcoder: getAddress(dave), activationRound: round + 1n })
    assert.equal(await devnet.readBm('isRegisteredTranscoder', [dave]), true)
    assert.equal(await devnet.readBm('transcoderStatus', [dave]), 1)
    const update = await bm(dave, 'transcoder', [100_000n, 900_000n])
    assert.deepEqual(eventNames(update.logs), ['BondingManager.TranscoderUpdate'])
    assert.deepEqual(update.logs[0]!.args, { transcoder: getAddress(dave), rewardCut: 100_000n, feeShare: 900_000n })
  })

  test('behavior: unbond, rebond and withdrawFees auto-claim first, once per round', async () => {
    const { bm, fundLpt, nextRound } = devnet
    await fundLpt(alice, 100n * ONE)
    await bm(alice, 'bond', [100n * ONE, transcoder])
    const { round } = await nextRound()
    const unbond = await bm(alice, 'unbond', [40n * ONE])
    assert.deepEqual(eventNames(unbond.logs), ['BondingManager.EarningsClaimed', 'BondingManager.Unbond'])
    assert.deepEqual(unbond.logs[0]!.args, { delegate: getAddress(transcoder), delegator: getAddress(alice), rewards: 0n, fees: 0n, startRound: round, endRound: round })
    const rebondSameRound = await bm(alice, 'rebond', [0n])
    assert.deepEqual(eventNames(rebondSameRound.logs), ['BondingManager.Rebond'], 'already claimed in this round')
    assert.deepEqual(rebondSameRound.logs[0]!.args, { delegate: getAddress(transcoder), delegator: getAddress(alice), unbondingLockId: 0n, amount: 40n * ONE })
    const next = await nextRound()
    const fees = await bm(alice, 'withdrawFees', [alice, 0n])
    assert.deepEqual(eventNames(fees.logs), ['BondingManager.EarningsClaimed', 'BondingManager.WithdrawFees'])
    assert.equal(fees.logs[0]!.args.startRound, round + 1n)
    assert.equal(fees.logs[0]!.args.endRound, next.round)
    assert.deepEqual(fees.logs[1]!.args, { delegator: getAddress(alice), recipient: getAddress(alice), amount: 0n })
    await assertRevert(bm(alice, 'withdrawFees', [alice, 1n]), 'insufficient fees to withdraw')
  })

  test('behavior: withdrawStake reverts before the withdraw round and pays LPT from the Minter after it', async () => {
    const { bm, fundLpt, nextRound, lptBalance, c, parameters } = devnet
    await fundLpt(alice, 100n * ONE)
    await bm(alice, 'bond', [100n * ONE, transcoder])
    const { round } = await nextRound()
    const { logs } = await bm(alice, 'unbond', [100n * ONE])
    const withdrawRound = round + parameters.unbondingPeriod
    assert.deepEqual(logs.at(-1)!.args, { delegate: getAddress(transcoder), delegator: getAddress(alice), unbondingLockId: 0n, amount: 100n * ONE, withdrawRound })
    assert.deepEqual(await devnet.readBm('getDelegatorUnbondingLock', [alice, 0n]), [100n * ONE, withdrawRound])
    const delegator = await devnet.readBm<DelegatorInfo>('getDelegator', [alice])
    assert.equal(delegator[2], zeroAddress, 'a full unbond clears the delegate')
    assert.equal(delegator[4], 0n, 'and the start round')
    assert.equal(await devnet.readBm('delegatorStatus', [alice]), 2)

    for (let r = round + 1n; r < withdrawRound; r++) {
      await nextRound()
      await assertRevert(bm(alice, 'withdrawStake', [0n]), 'withdraw round must be before or equal to the current round')
    }
    const minterBefore = await lptBalance(c.Minter)
    const last = await nextRound()
    assert.equal(last.round, withdrawRound)
    const withdrawn = await bm(alice, 'withdrawStake', [0n])
    assert.deepEqual(eventNames(withdrawn.logs), ['LivepeerToken.Transfer', 'BondingManager.WithdrawStake'])
    assert.deepEqual(withdrawn.logs[1]!.args, { delegator: getAddress(alice), unbondingLockId: 0n, amount: 100n * ONE, withdrawRound })
    assert.equal(await lptBalance(alice), 100n * ONE)
    assert.equal(await lptBalance(c.Minter), minterBefore - 100n * ONE)
    await assertRevert(bm(alice, 'withdrawStake', [0n]), 'invalid unbonding lock ID')
  })

  test('behavior: rebondFromUnbonded rebonds a lock towards a new delegate and makes the account Pending', async () => {
    const { bm, fundLpt, nextRound, currentRound } = devnet
    await devnet.registerTranscoder(dave, 10n * ONE)
    await fundLpt(alice, 100n * ONE)
    await bm(alice, 'bond', [100n * ONE, transcoder])
    await nextRound()
    await bm(alice, 'unbond', [100n * ONE])
    await assertRevert(bm(alice, 'rebond', [0n]), 'caller must be bonded')
    await nextRound()
    const round = await currentRound()
    const { logs } = await bm(alice, 'rebondFromUnbonded', [dave, 0n])
    assert.deepEqual(eventNames(logs), ['BondingManager.EarningsClaimed', 'BondingManager.Rebond'])
    assert.equal(logs[0]!.args.delegate, zeroAddress)
    assert.deepEqual(logs[1]!.args, { delegate: getAddress(dave), delegator: getAddress(alice), unbondingLockId: 0n, amount: 100n * ONE })
    const delegator = await devnet.readBm<DelegatorInfo>('getDelegator', [alice])
    assert.equal(delegator[4], round + 1n)
    assert.equal(await devnet.readBm('delegatorStatus', [alice]), 0)
    await assertRevert(bm(alice, 'rebondFromUnbonded', [dave, 0n]), 'caller must be unbonded')
  })

  test('behavior: transferBond emits EarningsClaimed(sender) → Unbond → TransferBond → EarningsClaimed(receiver) → Rebond', async () => {
    const { bm, fundLpt, nextRound } = devnet
    await fundLpt(alice, 100n * ONE)
    await bm(alice, 'bond', [100n * ONE, transcoder])
    const { round } = await nextRound()
    const { logs } = await bm(alice, 'transferBond', [bob, 30n * ONE, zeroAddress, zeroAddress, zeroAddress, zeroAddress])
    assert.deepEqual(eventNames(logs), [
      'BondingManager.EarningsClaimed',
      'BondingManager.Unbond',
      'BondingManager.TransferBond',
      'BondingManager.EarningsClaimed',
      'BondingManager.Rebond',
    ])
    assert.deepEqual(logs[2]!.args, { oldDelegator: getAddress(alice), newDelegator: getAddress(bob), oldUnbondingLockId: 0n, newUnbondingLockId: 0n, amount: 30n * ONE })
    assert.deepEqual(logs[3]!.args, { delegate: zeroAddress, delegator: getAddress(bob), rewards: 0n, fees: 0n, startRound: 1n, endRound: round })
    assert.deepEqual(logs[4]!.args, { delegate: getAddress(transcoder), delegator: getAddress(bob), unbondingLockId: 0n, amount: 30n * ONE })
    const bobInfo = await devnet.readBm<DelegatorInfo>('getDelegator', [bob])
    assert.deepEqual([bobInfo[0], bobInfo[2], bobInfo[4]], [30n * ONE, getAddress(transcoder), round + 1n])
    assert.equal((await devnet.readBm<DelegatorInfo>('getDelegator', [alice]))[0], 70n * ONE)
  })

  test('behavior: third-party bondForWithHint follows the INVALID_DELEGATOR / INVALID_DELEGATE / INVALID_DELEGATE_CHANGE / ILLEGAL_CLAIM_EARNINGS rules', async () => {
    const { bm, fundLpt, nextRound, c } = devnet
    const bondFor = (caller: Address, amount: bigint, owner: Address, to: Address) =>
      bm(caller, 'bondForWithHint', [amount, owner, to, zeroAddress, zeroAddress, zeroAddress, zeroAddress])
    await devnet.registerTranscoder(dave, 10n * ONE)
    await fundLpt(bob, 100n * ONE)
    await assertRevert(bondFor(bob, ONE, zeroAddress, transcoder), 'INVALID_DELEGATOR')
    await assertRevert(bondFor(bob, ONE, alice, alice), 'INVALID_DELEGATE')
    // Bob starts Alice's delegation towards the transcoder, paying with his own LPT.
    const { logs } = await bondFor(bob, 10n * ONE, alice, transcoder)
    assert.deepEqual(logs.at(-1)!.args, { newDelegate: getAddress(transcoder), oldDelegate: zeroAddress, delegator: getAddress(alice), additionalAmount: 10n * ONE, bondedAmount: 10n * ONE })
    assert.equal(logs.find((log) => log.event === 'LivepeerToken.Transfer')!.args.from, getAddress(bob))
    await assertRevert(bondFor(bob, ONE, alice, dave), 'INVALID_DELEGATE_CHANGE')
    await bondFor(bob, ONE, alice, transcoder)
    // Next round: the transcoder is active and has not called reward, Alice has not claimed.
    await nextRound()
    await assertRevert(bondFor(bob, ONE, alice, transcoder), 'ILLEGAL_CLAIM_EARNINGS')
    await bm(transcoder, 'reward')
    await bondFor(bob, ONE, alice, transcoder)
    assert.equal((await devnet.readBm<DelegatorInfo>('getDelegator', [alice]))[0] > 12n * ONE, true, 'claimed rewards')
    await assertRevert(bm(bob, 'bond', [0n, transcoder]), 'delegation amount must be greater than 0')
    void c
  })

  test('behavior: a registered transcoder cannot delegate elsewhere; a delegator moves its whole bond', async () => {
    const { bm, fundLpt, nextRound } = devnet
    await devnet.registerTranscoder(dave, 10n * ONE)
    await fundLpt(transcoder, ONE)
    await assertRevert(bm(transcoder, 'bond', [ONE, dave]), "registered transcoders can't delegate towards other addresses")
    await fundLpt(alice, 100n * ONE)
    await bm(alice, 'bond', [60n * ONE, transcoder])
    const { round } = await nextRound()
    const { logs } = await bm(alice, 'bond', [40n * ONE, dave])
    assert.deepEqual(logs.at(-1)!.args, { newDelegate: getAddress(dave), oldDelegate: getAddress(transcoder), delegator: getAddress(alice), additionalAmount: 40n * ONE, bondedAmount: 100n * ONE })
    assert.equal(await devnet.readBm('transcoderTotalStake', [transcoder]), 1_000n * ONE)
    assert.equal(await devnet.readBm('transcoderTotalStake', [dave]), 110n * ONE)
    assert.equal((await devnet.readBm<DelegatorInfo>('getDelegator', [alice]))[4], round + 1n)
  })

  test('behavior: bond needs an initialized round and an approved allowance', async () => {
    const { bm, send, c, client, parameters } = devnet
    await send(devnet.deployment.deployer, { address: c.LivepeerToken, abi: livepeerTokenAbi, functionName: 'mint', args: [alice, ONE] })
    await assertRevert(bm(alice, 'bond', [ONE, transcoder]), 'ERC20: transfer amount exceeds allowance')
    await client.mine({ blocks: Number(parameters.roundLength) })
    await assertRevert(bm(alice, 'bond', [ONE, transcoder]), 'current round is not initialized')
    void bondingManagerAbi
  })
})
