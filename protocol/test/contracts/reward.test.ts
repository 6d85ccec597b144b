import assert from 'node:assert/strict'
import { after, afterEach, before, beforeEach, describe, test } from 'node:test'
import { encodePacked, getAddress, keccak256, maxUint256, parseEther, type Hex } from 'viem'
import { bondingManagerAbi, minterAbi, ticketBrokerAbi } from '../../src/abi/generated/index.ts'
import { accounts, assertRevert, broadcaster, eventNames, ONE, setupDevnet, type Devnet } from './setup.ts'

const { alice: transcoder, bob: delegator, carol: holder, dave, erin } = accounts

// Hand computation of spec §6–§10, step by step, with the spec's truncation order.
const P6 = 10n ** 6n
const P9 = 10n ** 9n
const P27 = 10n ** 27n
const percOf27 = (a: bigint, num: bigint, den: bigint) => (a * ((num * P27) / den)) / P27

describe('reward and fees', () => {
  let devnet: Devnet
  let snap: Hex
  /** Round in which the delegation started (R0) and the first round with rewards (R1). */
  let R0: bigint
  let R1: bigint

  before(async () => {
    devnet = await setupDevnet({ parameters: { roundLength: 100n } })
    const { nextRound, fundLpt, bm, registerTranscoder, send, c } = devnet
    R0 = (await nextRound()).round
    // Supply 4,000 LPT: 1,000 self-bonded, 1,000 delegated, 2,000 idle.
    await registerTranscoder(transcoder, 1_000n * ONE, 100_000n, 500_000n)
    await fundLpt(delegator, 1_000n * ONE)
    await bm(delegator, 'bond', [1_000n * ONE, transcoder])
    await fundLpt(holder, 2_000n * ONE)
    // A broadcaster deposit for the fee part.
    await send(broadcaster.address, { address: c.TicketBroker, abi: ticketBrokerAbi, functionName: 'fundDeposit', value: parseEther('2') })
    R1 = (await nextRound()).round
  })
  after(() => devnet?.stop())
  beforeEach(async () => {
    snap = await devnet.snapshot()
  })
  afterEach(async () => {
    await devnet.revert(snap)
  })

  /** Spec §7 for R1: bonding rate exactly on target, inflation unchanged since R0 (which raised it). */
  const expectedMintable = () => {
    const { inflation, inflationChange } = devnet.parameters
    const inflationR1 = inflation + inflationChange
    return { inflationR1, mintable: (4_000n * ONE * inflationR1) / P9 }
  }

  /** Spec §8 for the transcoder's reward in R1 (its stake is the whole active stake). */
  const expectedReward = () => {
    const { mintable } = expectedMintable()
    const S = 2_000n * ONE
    const A = 2_000n * ONE
    const total = (mintable * ((S * P9) / A)) / P9
    const treasury = (total * devnet.parameters.treasuryRewardCutRate) / P27
    const R = total - treasury
    const commission = (R * 100_000n) / P6
    const delegR = R - commission
    const crf = P27 + percOf27(P27, delegR, S)
    return { S, total, treasury, R, commission, delegR, crf }
  }

  test('behavior: initializeRound set the round’s mintable tokens from §7', async () => {
    const { inflationR1, mintable } = expectedMintable()
    assert.equal(await devnet.read(devnet.c.Minter, minterAbi, 'inflation'), inflationR1)
    assert.equal(await devnet.read(devnet.c.Minter, minterAbi, 'currentMintableTokens'), mintable)
    assert.equal(await devnet.readBm('treasuryRewardCutRate'), devnet.parameters.treasuryRewardCutRate)
  })

  test('behavior: reward mints, pays the treasury cut, then emits Reward(net); amounts match §8', async () => {
    const { bm, c, lptBalance } = devnet
    const { total, treasury, R, commission, crf, S } = expectedReward()
    const { logs } = await bm(transcoder, 'reward')
    assert.deepEqual(eventNames(logs), [
      'LivepeerToken.Transfer',
      'LivepeerToken.Mint',
      'LivepeerToken.Transfer',
      'BondingManager.TreasuryReward',
      'BondingManager.Reward',
    ])
    assert.deepEqual(logs[0]!.args, { from: '0x0000000000000000000000000000000000000000', to: getAddress(c.Minter), value: total })
    assert.deepEqual(logs[1]!.args, { to: getAddress(c.Minter), amount: total })
    assert.deepEqual(logs[2]!.args, { from: getAddress(c.Minter), to: getAddress(c.Treasury), value: treasury })
    assert.deepEqual(logs[3]!.args, { transcoder: getAddress(transcoder), treasury: getAddress(c.Treasury), amount: treasury })
    assert.deepEqual(logs[4]!.args, { transcoder: getAddress(transcoder), amount: R })
    assert.equal(await lptBalance(c.Treasury), treasury)
    assert.deepEqual(await devnet.readBm('getTranscoderEarningsPoolForRound', [transcoder, R1]), [S, 100_000n, 500_000n, crf, 0n])
    const t = await devnet.readBm<readonly bigint[]>('getTranscoder', [transcoder])
    assert.deepEqual([t[0], t[6], t[7]], [R1, 0n, commission], 'lastRewardRound, activeCumulativeRewards, cumulativeRewards')
    assert.equal(await devnet.readBm('transcoderTotalStake', [transcoder]), S + R)
    assert.equal(await devnet.readBm('nextRoundTotalActiveStake'), S + R)
    assert.equal(await devnet.read(c.Minter, minterAbi, 'currentMintedTokens'), total)
  })

  test('behavior: reward is once per round and for active transcoders only', async () => {
    const { bm, registerTranscoder, nextRound } = devnet
    await bm(transcoder, 'reward')
    await assertRevert(bm(transcoder, 'reward'), 'caller has already called reward for the current round')
    await assertRevert(bm(delegator, 'reward'), 'caller must be an active transcoder')
    await assertRevert(bm(delegator, 'updateTranscoderWithFees', [transcoder, ONE, R1]), 'caller must be TicketBroker')
    await registerTranscoder(dave, 10n * ONE)
    await assertRevert(bm(dave, 'reward'), 'caller must be an active transcoder')
    await nextRound()
    const { logs } = await bm(transcoder, 'reward')
    assert.equal(logs.at(-1)!.event, 'BondingManager.Reward')
    await bm(dave, 'reward')
  })

  test('behavior: pendingStake and pendingFees equal hand-computed §8–§10 values after a reward and a winning ticket', async () => {
    const { bm, tb, signTicket, auxDataFor, readBm, client } = devnet
    const { R, commission, delegR, crf, S } = expectedReward()
    await bm(transcoder, 'reward')

    const delegatorStake = (1_000n * ONE * ((crf * P27) / P27)) / P27
    assert.equal(await readBm('pendingStake', [delegator, 0n]), delegatorStake)
    assert.equal(await readBm('pendingStake', [transcoder, 999n]), delegatorStake + commission, 'round argument ignored')
    assert.ok(delegatorStake * 2n + commission <= S + R, 'never more than was minted')

    // A 1 ETH winning ticket to the transcoder, credited to the current round (§9).
    const recipientRand = 7n
    const faceValue = ONE
    const { ticket, sig } = await signTicket({
      recipient: transcoder,
      faceValue,
      winProb: maxUint256,
      senderNonce: 1n,
      recipientRandHash: keccak256(encodePacked(['uint256'], [recipientRand])),
      auxData: await auxDataFor(),
    })
    await tb(erin, 'redeemWinningTicket', [ticket, sig, recipientRand])

    // §9 edge case: reward called in R1 but no CRF at R1-1, so the previous CRF is re-derived.
    const mintable = (await devnet.read<bigint>(devnet.c.Minter, minterAbi, 'currentMintableTokens'))
    let rewards = percOf27(mintable, S, S)
    rewards -= (rewards * devnet.parameters.treasuryRewardCutRate) / P27
    const estDelegR = rewards - (rewards * 100_000n) / P6
    assert.equal(estDelegR, delegR)
    const prevCRF = percOf27(crf, S, estDelegR + S)
    const delegF = (faceValue * 500_000n) / P6
    const cff = percOf27(prevCRF, delegF, S)
    assert.deepEqual(await readBm('getTranscoderEarningsPoolForRound', [transcoder, R1]), [S, 100_000n, 500_000n, crf, cff])

    const delegatorFees = (1_000n * ONE * (((cff - 0n) * P27) / P27)) / P27
    assert.equal(await readBm('pendingFees', [delegator, 0n]), delegatorFees)
    assert.equal(await readBm('pendingFees', [transcoder, 0n]), delegatorFees + (faceValue - delegF))

    // Claiming next round moves exactly those amounts; withdrawFees pays ETH from the Minter.
    const next = await devnet.nextRound()
    const claim = await bm(delegator, 'claimEarnings', [0n])
    assert.deepEqual(eventNames(claim.logs), ['BondingManager.EarningsClaimed'])
    assert.deepEqual(claim.logs[0]!.args, {
      delegate: getAddress(transcoder),
      delegator: getAddress(delegator),
      rewards: delegatorStake - 1_000n * ONE,
      fees: delegatorFees,
      startRound: R0 + 1n,
      endRound: next.round,
    })
    const before = await client.getBalance({ address: holder })
    const minterBefore = await client.getBalance({ address: devnet.c.Minter })
    const withdraw = await bm(delegator, 'withdrawFees', [holder, delegatorFees])
    assert.deepEqual(eventNames(withdraw.logs), ['BondingManager.WithdrawFees'])
    assert.equal(await client.getBalance({ address: holder }), before + delegatorFees)
    assert.equal(await client.getBalance({ address: devnet.c.Minter }), minterBefore - delegatorFees)
  })

  test('behavior: the treasury ceiling stops the cut from the next round (ParameterUpdate first, rate applied at initializeRound)', async () => {
    const { bm, send, c, nextRound, readBm, deployment } = devnet
    const { treasury } = expectedReward()
    await send(deployment.deployer, { address: c.BondingManager, abi: bondingManagerAbi, functionName: 'setTreasuryBalanceCeiling', args: [treasury] })
    await bm(transcoder, 'reward') // fills the treasury to the ceiling
    await nextRound()
    const { logs } = await bm(transcoder, 'reward')
    assert.deepEqual(eventNames(logs), [
      'BondingManager.ParameterUpdate',
      'LivepeerToken.Transfer',
      'LivepeerToken.Mint',
      'LivepeerToken.Transfer',
      'BondingManager.TreasuryReward',
      'BondingManager.Reward',
    ])
    assert.equal(logs[0]!.args.param, 'nextRoundTreasuryRewardCutRate')
    assert.equal(await readBm('nextRoundTreasuryRewardCutRate'), 0n)
    const round = await nextRound()
    assert.deepEqual(eventNames(round.logs), ['BondingManager.ParameterUpdate', 'Minter.SetCurrentRewardTokens', 'RoundsManager.NewRound'])
    assert.equal(round.logs[0]!.args.param, 'treasuryRewardCutRate')
    const last = await bm(transcoder, 'reward')
    assert.deepEqual(eventNames(last.logs), ['LivepeerToken.Transfer', 'LivepeerToken.Mint', 'BondingManager.Reward'])
  })

  test('behavior: LIP-118 reward caller: RewardCallerSet, then only that caller may reward for the transcoder', async () => {
    const { bm } = devnet
    const { R } = expectedReward()
    const set = await bm(transcoder, 'setRewardCaller', [dave])
    assert.deepEqual(eventNames(set.logs), ['BondingManager.RewardCallerSet'])
    assert.deepEqual(set.logs[0]!.args, { transcoder: getAddress(transcoder), rewardCaller: getAddress(dave) })
    assert.equal(await devnet.readBm('transcoderToRewardCaller', [transcoder]), getAddress(dave))
    await assertRevert(bm(erin, 'rewardForTranscoder', [transcoder]), "caller must be the transcoder's reward caller")
    const { logs } = await bm(dave, 'rewardForTranscoder', [transcoder])
    assert.deepEqual(logs.at(-1)!.args, { transcoder: getAddress(transcoder), amount: R })
    await assertRevert(bm(dave, 'rewardForTranscoder', [transcoder]), 'caller has already called reward for the current round')
  })
})
