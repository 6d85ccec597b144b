import assert from 'node:assert/strict'
import { after, afterEach, before, beforeEach, describe, test } from 'node:test'
import { encodePacked, getAddress, keccak256, maxUint256, parseEther, type Address, type Hex } from 'viem'
import { roundsManagerAbi } from '../../src/abi/generated/index.ts'
import { accounts, assertRevert, broadcaster, eventNames, ONE, setupDevnet, type Devnet } from './setup.ts'

const { alice: orchestrator, bob: orchestrator2, carol: redeemer, dave: funder } = accounts
const otherKey: Hex = '0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d'
type SenderInfo = readonly [{ deposit: bigint; withdrawRound: bigint }, { fundsRemaining: bigint; claimedInCurrentRound: bigint }]

describe('tickets', () => {
  let devnet: Devnet
  let snap: Hex
  let nonce = 0n

  before(async () => {
    devnet = await setupDevnet({ parameters: { roundLength: 100n } })
    await devnet.nextRound()
    await devnet.registerTranscoder(orchestrator, 100n * ONE)
    await devnet.registerTranscoder(orchestrator2, 100n * ONE)
    await devnet.nextRound()
  })
  after(() => devnet?.stop())
  beforeEach(async () => {
    snap = await devnet.snapshot()
  })
  afterEach(async () => {
    await devnet.revert(snap)
  })

  const senderInfo = (sender: Address = broadcaster.address) => devnet.readTb<SenderInfo>('getSenderInfo', [sender])
  const fund = (deposit: bigint, reserve: bigint, from: Address = broadcaster.address) =>
    devnet.tb(from, 'fundDepositAndReserve', [deposit, reserve], deposit + reserve)

  /** A signed ticket from the broadcaster to `orchestrator` (sure win by default). */
  async function makeTicket(options: { faceValue?: bigint; winProb?: bigint; recipient?: Address; auxData?: Hex; signerKey?: Hex; recipientRand?: bigint } = {}) {
    const recipientRand = options.recipientRand ?? 1234n
    nonce += 1n
    const signed = await devnet.signTicket(
      {
        recipient: options.recipient ?? orchestrator,
        faceValue: options.faceValue ?? ONE,
        winProb: options.winProb ?? maxUint256,
        senderNonce: nonce,
        recipientRandHash: keccak256(encodePacked(['uint256'], [recipientRand])),
        auxData: options.auxData ?? (await devnet.auxDataFor()),
      },
      options.signerKey,
    )
    return { ...signed, recipientRand }
  }
  const redeem = (t: { ticket: unknown; sig: Hex; recipientRand: bigint }, recipientRand = t.recipientRand) =>
    devnet.tb(redeemer, 'redeemWinningTicket', [t.ticket, t.sig, recipientRand])

  /** Everything a failed redemption must leave untouched. */
  const funds = async () => ({
    sender: await senderInfo(),
    minter: await devnet.client.getBalance({ address: devnet.c.Minter }),
    orchestratorFees: await devnet.readBm<bigint>('pendingFees', [orchestrator, 0n]),
  })

  test('behavior: getTicketHash is keccak256 of the packed ticket fields', async () => {
    const t = await makeTicket()
    assert.equal(await devnet.readTb('getTicketHash', [t.ticket]), t.hash)
  })

  test('behavior: fundDepositAndReserve emits ReserveFunded before DepositFunded, both even when 0, and sends the ETH to the Minter', async () => {
    const before = await devnet.client.getBalance({ address: devnet.c.Minter })
    const { logs } = await fund(parseEther('1'), 0n)
    assert.deepEqual(eventNames(logs), ['TicketBroker.ReserveFunded', 'TicketBroker.DepositFunded'])
    assert.deepEqual(logs[0]!.args, { reserveHolder: broadcaster.address, amount: 0n })
    assert.deepEqual(logs[1]!.args, { sender: broadcaster.address, amount: parseEther('1') })
    const zero = await fund(0n, 0n)
    assert.deepEqual(eventNames(zero.logs), ['TicketBroker.ReserveFunded', 'TicketBroker.DepositFunded'])
    assert.equal(await devnet.client.getBalance({ address: devnet.c.Minter }), before + parseEther('1'))
    assert.equal(await devnet.client.getBalance({ address: devnet.c.TicketBroker }), 0n)
    await assertRevert(devnet.tb(broadcaster.address, 'fundDepositAndReserve', [1n, 1n], 1n), 'msg.value does not equal sum of deposit amount and reserve amount')
    const deposit = await devnet.tb(broadcaster.address, 'fundDeposit', [], 5n)
    assert.deepEqual(eventNames(deposit.logs), ['TicketBroker.DepositFunded'])
    const reserve = await devnet.tb(broadcaster.address, 'fundReserve', [], 7n)
    assert.deepEqual(eventNames(reserve.logs), ['TicketBroker.ReserveFunded'])
    const [sender, reserveInfo] = await senderInfo()
    assert.deepEqual(sender, { deposit: parseEther('1') + 5n, withdrawRound: 0n })
    assert.deepEqual(reserveInfo, { fundsRemaining: 7n, claimedInCurrentRound: 0n })
  })

  test('behavior: invalid tickets revert with a clear reason and move no funds', async () => {
    await fund(parseEther('1'), parseEther('1'))
    const before = await funds()
    const cases: [string, () => Promise<unknown>][] = [
      ['invalid signature over ticket hash', async () => redeem(await makeTicket({ signerKey: otherKey }))],
      ['recipientRand does not match recipientRandHash', async () => redeem(await makeTicket(), 999n)],
      ['ticket did not win', async () => redeem(await makeTicket({ winProb: 1n }))],
      ['ticket creationRoundBlockHash invalid for creationRound', async () => {
        const round = await devnet.read<bigint>(devnet.c.RoundsManager, roundsManagerAbi, 'lastInitializedRound')
        return redeem(await makeTicket({ auxData: encodePacked(['uint256', 'bytes32'], [round, keccak256('0x01')]) }))
      }],
      ['ticket creationRound does not have a block hash', async () => {
        const uninitialized = (await devnet.currentRound()) + 5n
        return redeem(await makeTicket({ auxData: encodePacked(['uint256', 'bytes32'], [uninitialized, keccak256('0x01')]) }))
      }],
      ['invalid length for ticket auxData: must be 64 bytes', async () => redeem(await makeTicket({ auxData: '0x1234' }))],
      ['ticket recipient is null address', async () => redeem(await makeTicket({ recipient: '0x0000000000000000000000000000000000000000' }))],
    ]
    for (const [reason, attempt] of cases) {
      await assertRevert(attempt(), reason)
      assert.deepEqual(await funds(), before, reason)
    }
  })

  test('behavior: a sender with no deposit and no reserve cannot pay', async () => {
    const before = await funds()
    await assertRevert(redeem(await makeTicket()), 'sender deposit and reserve are zero')
    assert.deepEqual(await funds(), before)
  })

  test('behavior: a redeemed ticket cannot be replayed', async () => {
    await fund(parseEther('2'), 0n)
    const t = await makeTicket()
    await redeem(t)
    assert.equal(await devnet.readTb('usedTickets', [t.hash]), true)
    const before = await funds()
    await assertRevert(redeem(t), 'ticket is used')
    assert.deepEqual(await funds(), before)
  })

  test('behavior: a ticket expires after ticketValidityPeriod rounds; fees go to the redemption round', async () => {
    await fund(parseEther('2'), 0n)
    const created = await devnet.currentRound()
    const first = await makeTicket()
    const second = await makeTicket()
    await devnet.nextRound()
    await redeem(first) // created one round ago: still valid
    const transcoderInfo = await devnet.readBm<readonly bigint[]>('getTranscoder', [orchestrator])
    assert.equal(transcoderInfo[9], created + 1n, 'lastFeeRound is the redemption round, not the creation round')
    await devnet.nextRound()
    const before = await funds()
    await assertRevert(redeem(second), 'ticket is expired')
    assert.deepEqual(await funds(), before)
  })

  test('behavior: a winning ticket is paid from the deposit, then from the reserve: ReserveClaimed → WinningTicketTransfer → WinningTicketRedeemed', async () => {
    await fund(parseEther('1'), parseEther('2'))
    // Two orchestrators in the pool: each may claim (2 + 0) / 2 = 1 ETH of the reserve this round.
    assert.equal(await devnet.readTb('claimableReserve', [broadcaster.address, orchestrator]), parseEther('1'))
    const first = await makeTicket({ faceValue: parseEther('1.5') })
    const { logs } = await redeem(first)
    assert.deepEqual(eventNames(logs), ['TicketBroker.ReserveClaimed', 'TicketBroker.WinningTicketTransfer', 'TicketBroker.WinningTicketRedeemed'])
    assert.deepEqual(logs[0]!.args, { reserveHolder: broadcaster.address, claimant: getAddress(orchestrator), amount: parseEther('0.5') })
    assert.deepEqual(logs[1]!.args, { sender: broadcaster.address, recipient: getAddress(orchestrator), amount: parseEther('1.5') })
    assert.deepEqual(logs[2]!.args, {
      sender: broadcaster.address,
      recipient: getAddress(orchestrator),
      faceValue: parseEther('1.5'),
      winProb: maxUint256,
      senderNonce: (first.ticket as { senderNonce: bigint }).senderNonce,
      recipientRand: first.recipientRand,
      auxData: (first.ticket as { auxData: Hex }).auxData,
    })
    const [sender, reserve] = await senderInfo()
    assert.equal(sender.deposit, 0n)
    assert.deepEqual(reserve, { fundsRemaining: parseEther('1.5'), claimedInCurrentRound: parseEther('0.5') })
    assert.equal(await devnet.readTb('claimedReserve', [broadcaster.address, orchestrator]), parseEther('0.5'))
    assert.equal(await devnet.readTb('claimableReserve', [broadcaster.address, orchestrator]), parseEther('0.5'))

    // Only the rest of this orchestrator's share is paid, however large the face value.
    const second = await redeem(await makeTicket({ faceValue: parseEther('3') }))
    assert.deepEqual(eventNames(second.logs), ['TicketBroker.ReserveClaimed', 'TicketBroker.WinningTicketTransfer', 'TicketBroker.WinningTicketRedeemed'])
    assert.equal(second.logs[1]!.args.amount, parseEther('0.5'))
    // Share exhausted: the ticket is still redeemed, nothing moves.
    const third = await redeem(await makeTicket({ faceValue: parseEther('3') }))
    assert.deepEqual(eventNames(third.logs), ['TicketBroker.WinningTicketRedeemed'])
    // The other orchestrator still has its own share.
    const other = await redeem(await makeTicket({ faceValue: parseEther('3'), recipient: orchestrator2 }))
    assert.equal(other.logs[1]!.args.amount, parseEther('1'))
    assert.deepEqual((await senderInfo())[1], { fundsRemaining: 0n, claimedInCurrentRound: parseEther('2') })
    // Fees are credited to the orchestrator (feeShare 0: all of it is the transcoder's).
    assert.equal(await devnet.readBm('pendingFees', [orchestrator, 0n]), parseEther('2'))
  })

  test('behavior: unlock, cancelUnlock and withdraw after the unlock period', async () => {
    const { tb, nextRound, currentRound, client, parameters } = devnet
    await fund(parseEther('1'), parseEther('2'))
    await assertRevert(tb(broadcaster.address, 'withdraw'), 'no unlock request in progress')
    const round = await currentRound()
    const unlock = await tb(broadcaster.address, 'unlock')
    assert.deepEqual(unlock.logs[0]!.args, { sender: broadcaster.address, startRound: round, endRound: round + parameters.unlockPeriod })
    assert.equal(await devnet.readTb('isUnlockInProgress', [broadcaster.address]), true)
    await assertRevert(tb(broadcaster.address, 'unlock'), 'unlock already initiated')
    await assertRevert(tb(broadcaster.address, 'withdraw'), 'account is locked')

    // Third-party funding does not cancel; the sender's own funding does.
    const third = await tb(funder, 'fundDepositAndReserveFor', [broadcaster.address, 1n, 0n], 1n)
    assert.deepEqual(eventNames(third.logs), ['TicketBroker.ReserveFunded', 'TicketBroker.DepositFunded'])
    const own = await tb(broadcaster.address, 'fundDeposit', [], 1n)
    assert.deepEqual(eventNames(own.logs), ['TicketBroker.UnlockCancelled', 'TicketBroker.DepositFunded'])
    await assertRevert(tb(broadcaster.address, 'cancelUnlock'), 'no unlock request in progress')
    await tb(broadcaster.address, 'unlock')
    const cancelled = await tb(broadcaster.address, 'cancelUnlock')
    assert.deepEqual(eventNames(cancelled.logs), ['TicketBroker.UnlockCancelled'])

    await tb(broadcaster.address, 'unlock')
    for (let i = 0n; i < parameters.unlockPeriod; i++) await nextRound()
    await assertRevert(redeem(await makeTicket()), 'sender is unlocked')
    const before = await client.getBalance({ address: broadcaster.address })
    const { logs } = await tb(broadcaster.address, 'withdraw')
    assert.deepEqual(eventNames(logs), ['TicketBroker.Withdrawal'])
    assert.deepEqual(logs[0]!.args, { sender: broadcaster.address, deposit: parseEther('1') + 2n, reserve: parseEther('2') })
    assert.equal(await client.getBalance({ address: broadcaster.address }), before + parseEther('3') + 2n)
    const [sender, reserve] = await senderInfo()
    assert.equal(sender.deposit, 0n)
    assert.equal(reserve.fundsRemaining, 0n)
    await assertRevert(tb(broadcaster.address, 'withdraw'), 'sender deposit and reserve are zero')
  })

  test('behavior: batchRedeemWinningTickets skips failing tickets', async () => {
    await fund(parseEther('2'), 0n)
    const good = await makeTicket()
    const losing = await makeTicket({ winProb: 1n })
    const { logs } = await devnet.tb(redeemer, 'batchRedeemWinningTickets', [
      [good.ticket, losing.ticket],
      [good.sig, losing.sig],
      [good.recipientRand, losing.recipientRand],
    ])
    assert.deepEqual(eventNames(logs), ['TicketBroker.WinningTicketTransfer', 'TicketBroker.WinningTicketRedeemed'])
    assert.equal(await devnet.readTb('usedTickets', [good.hash]), true)
    assert.equal(await devnet.readTb('usedTickets', [losing.hash]), false)
    assert.equal((await senderInfo())[0].deposit, parseEther('1'))
  })
})
