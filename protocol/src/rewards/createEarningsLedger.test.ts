import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { getAddress, maxUint256, zeroAddress, type Address } from 'viem'
import { LedgerInvariantError } from '../errors/ledger.ts'
import { createEarningsLedger } from './createEarningsLedger.ts'
import type { EarningsLedger, LedgerEvent } from './earningsLedgerTypes.ts'

const T = '0x00000000000000000000000000000000000000aa' as const
const T1 = '0x00000000000000000000000000000000000000a1' as const
const T2 = '0x00000000000000000000000000000000000000a2' as const
const T3 = '0x00000000000000000000000000000000000000a3' as const
const T4 = '0x00000000000000000000000000000000000000a4' as const
const D = '0x00000000000000000000000000000000000000dd' as const
const D1 = '0x00000000000000000000000000000000000000d1' as const
const D2 = '0x00000000000000000000000000000000000000d2' as const
const D3 = '0x00000000000000000000000000000000000000d3' as const
const G = '0x0000000000000000000000000000000000000009' as const
const TREASURY = '0x0000000000000000000000000000000000000077' as const
const hash = `0x${'11'.repeat(32)}` as const
const ONE = 10n ** 27n // factor "1.0"
const tenPercent = 10n ** 26n // treasuryRewardCutRate 10 %

type Args<name extends LedgerEvent['eventName']> = Extract<LedgerEvent, { eventName: name }>['args']
const ev = <name extends LedgerEvent['eventName']>(eventName: name, round: bigint, args: Args<name>) =>
  ({ eventName, round, args }) as LedgerEvent

/** The events initializeRound logs, in order: Minter then RoundsManager. */
const initializeRound = (ledger: EarningsLedger, round: bigint, mintable: bigint) => {
  ledger.apply(ev('SetCurrentRewardTokens', round, { currentMintableTokens: mintable, currentInflation: 137_000n }))
  ledger.apply(ev('NewRound', round, { round, blockHash: hash }))
}
/** A first bond: the zero-valued claim for a brand-new account, then Bond. */
const firstBond = (ledger: EarningsLedger, round: bigint, delegator: Address, to: Address, amount: bigint, activates = false) => {
  ledger.apply(ev('EarningsClaimed', round, { delegate: zeroAddress, delegator, rewards: 0n, fees: 0n, startRound: 1n, endRound: round }))
  if (activates) ledger.apply(ev('TranscoderActivated', round, { transcoder: to, activationRound: round + 1n }))
  ledger.apply(ev('Bond', round, { newDelegate: to, oldDelegate: zeroAddress, delegator, additionalAmount: amount, bondedAmount: amount }))
}
const reward = (ledger: EarningsLedger, round: bigint, transcoder: Address, treasury: bigint, amount: bigint) => {
  if (treasury > 0n) ledger.apply(ev('TreasuryReward', round, { transcoder, treasury: TREASURY, amount: treasury }))
  ledger.apply(ev('Reward', round, { transcoder, amount }))
}

describe('createEarningsLedger: a transcoder and two delegators over four rounds', () => {
  // T: rewardCut 10 %, feeShare 50 %. Treasury cut 10 %.
  const ledger = createEarningsLedger({ treasuryRewardCutRate: tenPercent })

  test('behavior: round 10, self-bond activates T for round 11 and D1 joins', () => {
    initializeRound(ledger, 10n, 0n)
    firstBond(ledger, 10n, T, T, 1000n, true) // registered before increaseTotalStake: joins the pool
    ledger.apply(ev('TranscoderUpdate', 10n, { transcoder: T, rewardCut: 100_000n, feeShare: 500_000n }))
    firstBond(ledger, 10n, D1, T, 3000n)

    const t = ledger.transcoder(T)
    assert.equal(t.totalStake, 4000n)
    assert.equal(t.activationRound, 11n)
    assert.equal(t.deactivationRound, maxUint256)
    assert.equal(t.lastActiveStakeUpdateRound, 11n)
    assert.equal(t.inPool, true)
    assert.equal(t.active, false) // active from round 11
    assert.equal(ledger.pool(T, 11n).totalStake, 4000n) // 1000 + 3000 locked for round 11
    assert.equal(ledger.globals().nextRoundTotalActiveStake, 4000n)
    const d1 = ledger.delegator(D1)
    assert.deepEqual([d1.bondedAmount, d1.startRound, d1.lastClaimRound, d1.status], [3000n, 11n, 10n, 'Pending'])
    assert.equal(d1.delegateAddress, getAddress(T))
  })

  test('behavior: round 11, D2 bonds, fees then reward are credited to pool 11', () => {
    initializeRound(ledger, 11n, 1000n)
    assert.equal(ledger.globals().currentRoundTotalActiveStake, 4000n)
    firstBond(ledger, 11n, D2, T, 1000n)
    // next round's stake only; round 11 stays 4000
    assert.equal(ledger.pool(T, 11n).totalStake, 4000n)
    assert.equal(ledger.pool(T, 12n).totalStake, 5000n)

    // 1000 wei of fees before reward: delegF = 1000 × 50 % = 500, commission 500
    // CFF[11] = 0 + 1.0 × (500 × 1e27 / 4000) / 1e27 = 1.25e26
    ledger.apply(ev('WinningTicketTransfer', 11n, { sender: G, recipient: T, amount: 1000n }))
    // reward: createReward(4000, 4000) = 1000 mintable × 1.0 = 1000; treasury 100; Reward.amount 900
    // commission = 900 × 10 % = 90; delegR = 810; CRF[11] = 1.0 × (1 + 810 / 4000) = 1.2025
    reward(ledger, 11n, T, 100n, 900n)

    assert.deepEqual(ledger.pool(T, 11n), {
      totalStake: 4000n,
      transcoderRewardCut: 100_000n,
      transcoderFeeShare: 500_000n,
      cumulativeRewardFactor: 1_202_500_000_000_000_000_000_000_000n,
      cumulativeFeeFactor: 125_000_000_000_000_000_000_000_000n,
    })
    const t = ledger.transcoder(T)
    assert.deepEqual(
      [t.cumulativeRewards, t.activeCumulativeRewards, t.cumulativeFees, t.lastRewardRound, t.lastFeeRound],
      [90n, 0n, 500n, 11n, 11n],
    )
    // 5000 + Reward 900
    assert.equal(ledger.pool(T, 12n).totalStake, 5900n)
    assert.equal(t.totalStake, 5900n)
    assert.equal(ledger.globals().currentMintedTokens, 1000n)
    // already claimable in round 11: 3000 × 1.2025 = 3607.5 → 3607; 3000 × 0.125 = 375
    assert.equal(ledger.pendingStake(D1), 3607n)
    assert.equal(ledger.pendingFees(D1), 375n)
    // D2 claimed in 11 (its first bond): nothing from round 11
    assert.equal(ledger.pendingStake(D2), 1000n)
  })

  test('behavior: round 12, claims match EarningsClaimed and seed pool 12', () => {
    initializeRound(ledger, 12n, 1180n)
    assert.equal(ledger.globals().currentRoundTotalActiveStake, 5900n)
    // D1: 3607 − 3000 = 607 rewards (75 % of 810 = 607.5), 375 fees (75 % of 500)
    ledger.apply(ev('EarningsClaimed', 12n, { delegate: T, delegator: D1, rewards: 607n, fees: 375n, startRound: 11n, endRound: 12n }))
    // T: 1000 × 1.2025 = 1202 (+202) + commission 90 = 292; fees 1000 × 0.125 = 125 + 500 = 625
    assert.equal(ledger.pendingStake(T), 1292n)
    assert.equal(ledger.pendingFees(T), 625n)
    ledger.apply(ev('EarningsClaimed', 12n, { delegate: T, delegator: T, rewards: 292n, fees: 625n, startRound: 11n, endRound: 12n }))
    ledger.apply(ev('WithdrawFees', 12n, { delegator: D1, recipient: D1, amount: 375n }))

    // ensureInitializedCumulativeFactorsPool copied round 11's factors, the stake stays
    assert.deepEqual(ledger.pool(T, 12n), {
      totalStake: 5900n,
      transcoderRewardCut: 0n,
      transcoderFeeShare: 0n,
      cumulativeRewardFactor: 1_202_500_000_000_000_000_000_000_000n,
      cumulativeFeeFactor: 125_000_000_000_000_000_000_000_000n,
    })
    const d1 = ledger.delegator(D1)
    assert.deepEqual([d1.bondedAmount, d1.fees, d1.lastClaimRound, d1.status], [3607n, 0n, 12n, 'Bonded'])
    const t = ledger.transcoder(T)
    assert.deepEqual([t.cumulativeRewards, t.cumulativeFees, t.activeCumulativeRewards], [0n, 0n, 0n])
    assert.equal(ledger.delegator(T).bondedAmount, 1292n)
    assert.equal(ledger.pendingStake(D2), 1000n)
    assert.equal(ledger.pendingFees(D2), 0n)
  })

  test('behavior: round 13, a second reward compounds on CRF[11]', () => {
    initializeRound(ledger, 13n, 590n)
    // pool 13 syncs its stake from round 12 (last stake update): 5900
    // createReward(5900, 5900) = 590; treasury 59; Reward 531; commission 53.1 → 53; delegR 478
    reward(ledger, 13n, T, 59n, 531n)
    // CRF[13] = 1.2025e27 + 1.2025e27 × (478 × 1e27 / 5900) / 1e27
    //         = 1.2025e27 + 97,422,881,355,932,203,389,830,508
    assert.equal(ledger.pool(T, 13n).cumulativeRewardFactor, 1_299_922_881_355_932_203_389_830_508n)
    assert.equal(ledger.pool(T, 13n).totalStake, 5900n)
    assert.equal(ledger.pool(T, 14n).totalStake, 6431n)
    assert.equal(ledger.transcoder(T).cumulativeRewards, 53n) // acr was 0 after T's claim
    // CRF13 / CRF12 = 1,081,016,949,152,542,372,881,355,931 (× 1e-27)
    // D1: 3607 × 1.081016… = 3899.2 → 3899 (≈ 3607 / 5900 × 478 = 292 earned)
    assert.equal(ledger.pendingStake(D1), 3899n)
    // T: 1292 × 1.081016… = 1396.7 → 1396, + commission 53
    assert.equal(ledger.pendingStake(T), 1449n)
    // D2: 1000 × (CRF13 / CRF11) = 1081.0 → 1081; its round-12 start reads pool[11]
    assert.equal(ledger.pendingStake(D2), 1081n)
    // 3899 + 1449 + 1081 = 6429 of 6431 delegated: 2 wei of truncation dust stay in the pool
    assert.equal(ledger.transcoder(T).totalStake, 6431n)
    assert.equal(ledger.pendingFees(D1), 0n)
  })

  test('behavior: a claim the model disagrees with throws LedgerInvariantError', () => {
    const claim = ev('EarningsClaimed', 13n, { delegate: T, delegator: D2, rewards: 82n, fees: 0n, startRound: 12n, endRound: 13n })
    assert.throws(
      () => ledger.apply(claim),
      (error: unknown) => {
        assert.ok(error instanceof LedgerInvariantError)
        assert.equal(
          error.message,
          [
            'Earnings ledger diverged from the chain at EarningsClaimed in round 13: EarningsClaimed.rewards differs from the model.',
            '',
            'Expected: 81',
            'Actual:   82',
            '',
            'Spec: shared/spec/protocol.md#10-lip-36-cumulative-factors-pendingstake-pendingfees-claiming',
          ].join('\n'),
        )
        return true
      },
    )
  })
})

describe('createEarningsLedger: delegate change, unbond, rebond, resignation, withdrawal', () => {
  const ledger = createEarningsLedger()

  test('behavior: a delegate change moves the whole bond plus the new amount', () => {
    initializeRound(ledger, 20n, 0n)
    firstBond(ledger, 20n, T1, T1, 1000n, true)
    firstBond(ledger, 20n, T2, T2, 2000n, true)
    firstBond(ledger, 20n, D, T1, 500n)
    initializeRound(ledger, 21n, 0n)
    assert.equal(ledger.globals().currentRoundTotalActiveStake, 3500n)
    ledger.apply(ev('EarningsClaimed', 21n, { delegate: T1, delegator: D, rewards: 0n, fees: 0n, startRound: 21n, endRound: 21n }))
    // Bond(new, old, D, additional 100, bonded 600): T1 loses 600 − 100 = 500, T2 gains 600
    ledger.apply(ev('Bond', 21n, { newDelegate: T2, oldDelegate: T1, delegator: D, additionalAmount: 100n, bondedAmount: 600n }))

    assert.equal(ledger.transcoder(T1).totalStake, 1000n)
    assert.equal(ledger.transcoder(T2).totalStake, 2600n)
    assert.equal(ledger.pool(T1, 22n).totalStake, 1000n)
    assert.equal(ledger.pool(T1, 21n).totalStake, 1500n) // round 21 was already locked at 1500
    assert.equal(ledger.pool(T2, 22n).totalStake, 2600n)
    assert.equal(ledger.globals().nextRoundTotalActiveStake, 3600n) // 3500 − 500 + 600
    const d = ledger.delegator(D)
    assert.deepEqual([d.delegateAddress, d.bondedAmount, d.startRound, d.status], [getAddress(T2), 600n, 22n, 'Pending'])
  })

  test('behavior: Bond with a different oldDelegate than the model throws', () => {
    const wrong = ev('Bond', 21n, { newDelegate: T2, oldDelegate: T1, delegator: D, additionalAmount: 1n, bondedAmount: 601n })
    assert.throws(() => ledger.apply(wrong), /Bond.oldDelegate differs from the model/)
  })

  test('behavior: unbond creates a lock, rebond returns it to the same delegate', () => {
    initializeRound(ledger, 22n, 0n)
    ledger.apply(ev('EarningsClaimed', 22n, { delegate: T2, delegator: D, rewards: 0n, fees: 0n, startRound: 22n, endRound: 22n }))
    ledger.apply(ev('Unbond', 22n, { delegate: T2, delegator: D, unbondingLockId: 0n, amount: 200n, withdrawRound: 29n }))
    assert.deepEqual(ledger.delegator(D).unbondingLocks, [{ id: 0n, amount: 200n, withdrawRound: 29n }])
    assert.equal(ledger.delegator(D).bondedAmount, 400n)
    assert.equal(ledger.pool(T2, 23n).totalStake, 2400n)
    assert.equal(ledger.globals().nextRoundTotalActiveStake, 3400n)

    ledger.apply(ev('Rebond', 22n, { delegate: T2, delegator: D, unbondingLockId: 0n, amount: 200n }))
    assert.deepEqual(ledger.delegator(D).unbondingLocks, [])
    assert.equal(ledger.delegator(D).bondedAmount, 600n)
    assert.equal(ledger.pool(T2, 23n).totalStake, 2600n)
    assert.equal(ledger.globals().nextRoundTotalActiveStake, 3600n)
  })

  test('behavior: a full unbond clears the delegate; rebondFromUnbonded picks a new one', () => {
    ledger.apply(ev('Unbond', 22n, { delegate: T2, delegator: D, unbondingLockId: 1n, amount: 600n, withdrawRound: 29n }))
    let d = ledger.delegator(D)
    assert.deepEqual([d.delegateAddress, d.bondedAmount, d.startRound, d.status], [zeroAddress, 0n, 0n, 'Unbonded'])
    assert.equal(ledger.transcoder(T2).totalStake, 2000n)

    ledger.apply(ev('Rebond', 22n, { delegate: T1, delegator: D, unbondingLockId: 1n, amount: 600n }))
    d = ledger.delegator(D)
    assert.deepEqual([d.delegateAddress, d.bondedAmount, d.startRound, d.status], [getAddress(T1), 600n, 23n, 'Pending'])
    assert.equal(ledger.pool(T1, 23n).totalStake, 1600n)
    assert.equal(ledger.globals().nextRoundTotalActiveStake, 3600n)
  })

  test('behavior: a transcoder unbonding everything resigns; its delegators stay delegated', () => {
    ledger.apply(ev('EarningsClaimed', 22n, { delegate: T1, delegator: T1, rewards: 0n, fees: 0n, startRound: 21n, endRound: 22n }))
    ledger.apply(ev('TranscoderDeactivated', 22n, { transcoder: T1, deactivationRound: 23n }))
    ledger.apply(ev('Unbond', 22n, { delegate: T1, delegator: T1, unbondingLockId: 0n, amount: 1000n, withdrawRound: 29n }))
    const t1 = ledger.transcoder(T1)
    // resign removes T1's whole stake (1600) from the next round; decreaseTotalStake then only lowers delegatedAmount
    assert.deepEqual([t1.inPool, t1.registered, t1.deactivationRound, t1.totalStake], [false, false, 23n, 600n])
    assert.equal(ledger.globals().nextRoundTotalActiveStake, 2000n)
    assert.equal(ledger.globals().transcoderPoolSize, 1)
  })

  test('behavior: withdrawStake deletes the lock', () => {
    initializeRound(ledger, 29n, 0n)
    ledger.apply(ev('WithdrawStake', 29n, { delegator: T1, unbondingLockId: 0n, amount: 1000n, withdrawRound: 29n }))
    assert.deepEqual(ledger.delegator(T1).unbondingLocks, [])
    assert.equal(ledger.delegator(T1).nextUnbondingLockId, 1n)
  })
})

describe('createEarningsLedger: active-set changes', () => {
  test('behavior: a newcomer evicts the last member when the pool is full', () => {
    const ledger = createEarningsLedger()
    initializeRound(ledger, 30n, 0n)
    firstBond(ledger, 30n, T1, T1, 1000n, true)
    firstBond(ledger, 30n, T2, T2, 2000n, true)
    // pool of 2 is full: T3 (1500) > T1 (1000) evicts T1; events Deactivated(T1) → Activated(T3) → Bond
    ledger.apply(ev('EarningsClaimed', 30n, { delegate: zeroAddress, delegator: T3, rewards: 0n, fees: 0n, startRound: 1n, endRound: 30n }))
    ledger.apply(ev('TranscoderDeactivated', 30n, { transcoder: T1, deactivationRound: 31n }))
    ledger.apply(ev('TranscoderActivated', 30n, { transcoder: T3, activationRound: 31n }))
    ledger.apply(ev('Bond', 30n, { newDelegate: T3, oldDelegate: zeroAddress, delegator: T3, additionalAmount: 1500n, bondedAmount: 1500n }))
    assert.equal(ledger.globals().nextRoundTotalActiveStake, 3500n) // 3000 − 1000 + 1500
    assert.deepEqual([ledger.transcoder(T1).inPool, ledger.transcoder(T1).deactivationRound], [false, 31n])
    assert.equal(ledger.transcoder(T3).inPool, true)
    // T4 (500) cannot join: no activation events, registered but outside the set
    firstBond(ledger, 30n, T4, T4, 500n)
    const t4 = ledger.transcoder(T4)
    assert.deepEqual([t4.registered, t4.inPool, t4.lastActiveStakeUpdateRound], [true, false, 0n])
    assert.equal(ledger.pool(T4, 31n).totalStake, 0n)
    assert.equal(ledger.globals().nextRoundTotalActiveStake, 3500n)
  })

  test('behavior: a TranscoderActivated with no call to explain it throws', () => {
    const ledger = createEarningsLedger()
    initializeRound(ledger, 30n, 0n)
    ledger.apply(ev('TranscoderActivated', 30n, { transcoder: T1, activationRound: 31n }))
    assert.throws(
      () => ledger.apply(ev('NewRound', 31n, { round: 31n, blockHash: hash })),
      /TranscoderActivated\/Deactivated not followed by the call that caused it/,
    )
  })

  test('behavior: a Bond without its EarningsClaimed throws', () => {
    const ledger = createEarningsLedger()
    initializeRound(ledger, 30n, 0n)
    const bond = ev('Bond', 30n, { newDelegate: T1, oldDelegate: zeroAddress, delegator: D, additionalAmount: 5n, bondedAmount: 5n })
    assert.throws(() => ledger.apply(bond), /earnings were not claimed in this round first \(missing EarningsClaimed\?\)/)
  })
})

describe('createEarningsLedger: transferBond', () => {
  test('behavior: the receiver gets a lock and rebonds it to the sender delegate', () => {
    const ledger = createEarningsLedger()
    initializeRound(ledger, 40n, 0n)
    firstBond(ledger, 40n, T, T, 1000n, true)
    firstBond(ledger, 40n, D1, T, 500n)
    initializeRound(ledger, 41n, 0n)
    // [EC sender] → Unbond → TransferBond → [EC receiver] → Rebond
    ledger.apply(ev('EarningsClaimed', 41n, { delegate: T, delegator: D1, rewards: 0n, fees: 0n, startRound: 41n, endRound: 41n }))
    ledger.apply(ev('Unbond', 41n, { delegate: T, delegator: D1, unbondingLockId: 0n, amount: 200n, withdrawRound: 48n }))
    ledger.apply(ev('TransferBond', 41n, { oldDelegator: D1, newDelegator: D3, oldUnbondingLockId: 0n, newUnbondingLockId: 0n, amount: 200n }))
    ledger.apply(ev('EarningsClaimed', 41n, { delegate: zeroAddress, delegator: D3, rewards: 0n, fees: 0n, startRound: 1n, endRound: 41n }))
    ledger.apply(ev('Rebond', 41n, { delegate: T, delegator: D3, unbondingLockId: 0n, amount: 200n }))

    const d3 = ledger.delegator(D3)
    assert.deepEqual(
      [d3.delegateAddress, d3.bondedAmount, d3.startRound, d3.nextUnbondingLockId, d3.unbondingLocks],
      [getAddress(T), 200n, 42n, 1n, []],
    )
    const d1 = ledger.delegator(D1)
    assert.deepEqual([d1.bondedAmount, d1.nextUnbondingLockId, d1.unbondingLocks], [300n, 1n, []])
    assert.equal(ledger.transcoder(T).totalStake, 1500n)
    assert.equal(ledger.pool(T, 42n).totalStake, 1500n)
  })
})

describe('createEarningsLedger: fees after a reward that skipped the previous round (§9 edge case)', () => {
  // T alone (4000 self-bond, rewardCut 10 %, feeShare 50 %) rewards in round 11 with CRF[10] unset,
  // then 1000 wei of fees arrive in round 11.
  const play = (ledger: EarningsLedger) => {
    initializeRound(ledger, 10n, 0n)
    firstBond(ledger, 10n, T, T, 4000n, true)
    ledger.apply(ev('TranscoderUpdate', 10n, { transcoder: T, rewardCut: 100_000n, feeShare: 500_000n }))
    initializeRound(ledger, 11n, 1000n)
    reward(ledger, 11n, T, 100n, 900n) // CRF[11] = 1.2025, minted 1000
    ledger.apply(ev('WinningTicketTransfer', 11n, { sender: G, recipient: T, amount: 1000n }))
  }

  test('behavior: by default (mintable only, as the devnet contracts) recovers CRF[10] ≈ 1.0', () => {
    const ledger = createEarningsLedger({ treasuryRewardCutRate: tenPercent })
    play(ledger)
    // prevCRF = 1e27 − 1 (see estimatePreviousCumulativeRewardFactor.test.ts)
    // CFF[11] = (1e27 − 1) × (500 × 1e27 / 4000) / 1e27 = 124,999,999,999,999,999,999,999,999.875 → …999
    assert.equal(ledger.pool(T, 11n).cumulativeFeeFactor, 124_999_999_999_999_999_999_999_999n)
    // pendingFees(T) in round 12 = 4000 × CFF / 1e27 = 499.99 → 499, + commission 500
    initializeRound(ledger, 12n, 0n)
    assert.equal(ledger.pendingFees(T), 999n)
  })

  test('behavior: the delta-era estimate (mintable + minted) underestimates CRF[10]', () => {
    const ledger = createEarningsLedger({ treasuryRewardCutRate: tenPercent, missedRewardEstimate: 'mintableAndMinted' })
    play(ledger)
    // estimate from 1000 + 1000 minted: prevCRF = 855,871,886,120,996,441,281,138,789
    // CFF[11] = prevCRF × 1.25e26 / 1e27 = 106,983,985,765,124,555,160,142,348.6 → …348
    assert.equal(ledger.pool(T, 11n).cumulativeFeeFactor, 106_983_985_765_124_555_160_142_348n)
    initializeRound(ledger, 12n, 0n)
    // 4000 × CFF / 1e27 = 427.9 → 427, + commission 500
    assert.equal(ledger.pendingFees(T), 927n)
  })

  test('behavior: without a known treasury rate the estimate throws', () => {
    const ledger = createEarningsLedger()
    assert.throws(() => play(ledger), /missed-reward estimate needs the treasury cut rate: pass ParameterUpdate.value/)
  })
})

describe('createEarningsLedger: treasury rate and checks', () => {
  test('behavior: valued ParameterUpdates move the rate at the next round initialisation', () => {
    const ledger = createEarningsLedger({ treasuryRewardCutRate: tenPercent })
    initializeRound(ledger, 5n, 0n)
    ledger.apply({ ...ev('ParameterUpdate', 5n, { param: 'nextRoundTreasuryRewardCutRate' }), value: 0n } as LedgerEvent)
    assert.deepEqual([ledger.globals().treasuryRewardCutRate, ledger.globals().nextRoundTreasuryRewardCutRate], [tenPercent, 0n])
    ledger.apply(ev('ParameterUpdate', 6n, { param: 'treasuryRewardCutRate' }))
    assert.equal(ledger.globals().treasuryRewardCutRate, 0n)
  })

  test('behavior: a Reward the Minter numbers cannot explain throws', () => {
    const ledger = createEarningsLedger({ treasuryRewardCutRate: 0n })
    initializeRound(ledger, 10n, 0n)
    firstBond(ledger, 10n, T, T, 4000n, true)
    initializeRound(ledger, 11n, 1000n)
    assert.throws(
      () => ledger.apply(ev('Reward', 11n, { transcoder: T, amount: 999n })),
      /Reward.amount \+ TreasuryReward.amount \(Minter.createReward\) differs from the model/,
    )
  })

  test('behavior: events from another round than the latest NewRound throw', () => {
    const ledger = createEarningsLedger()
    initializeRound(ledger, 10n, 0n)
    assert.throws(
      () => firstBond(ledger, 11n, D, T, 1n),
      /event round differs from the latest NewRound/,
    )
  })

  test('behavior: unrelated decoded events are ignored', () => {
    const ledger = createEarningsLedger()
    ledger.apply({ eventName: 'Transfer', round: 0n, args: {} } as unknown as LedgerEvent)
    assert.deepEqual(ledger.listDelegators(), [])
  })
})
