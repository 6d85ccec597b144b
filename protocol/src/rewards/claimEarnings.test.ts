import assert from 'node:assert/strict'
import { test } from 'node:test'
import { zeroAddress } from 'viem'
import { claimEarnings } from './claimEarnings.ts'
import type { CumulativeFactors } from './types.ts'

const T = '0x00000000000000000000000000000000000000aa'
const D1 = '0x00000000000000000000000000000000000000d1'
const crf11 = 1_202_500_000_000_000_000_000_000_000n
const cff11 = 125_000_000_000_000_000_000_000_000n
const pools = new Map<bigint, CumulativeFactors>([[11n, { cumulativeRewardFactor: crf11, cumulativeFeeFactor: cff11 }]])
const factorsAt = (round: bigint) => pools.get(round) ?? { cumulativeRewardFactor: 0n, cumulativeFeeFactor: 0n }
const transcoderState = { lastRewardRound: 11n, lastFeeRound: 11n, cumulativeRewards: 90n, cumulativeFees: 500n }

test('behavior: emits the increments and initialises the end pool', () => {
  const delegatorState = { bondedAmount: 3000n, fees: 0n, delegateAddress: T, lastClaimRound: 10n } as const
  assert.deepEqual(claimEarnings({ delegator: D1, delegatorState, transcoderState, factorsAt, round: 12n }), {
    // rewards = 3607 − 3000, fees = 375 − 0, startRound = lastClaimRound + 1
    event: { delegate: T, delegator: D1, rewards: 607n, fees: 375n, startRound: 11n, endRound: 12n },
    delegatorState: { bondedAmount: 3607n, fees: 375n, lastClaimRound: 12n },
    // pool[T][12] copies round 11's factors (the last reward and fee round)
    delegatePoolFactors: { cumulativeRewardFactor: crf11, cumulativeFeeFactor: cff11 },
    resetsTranscoderCumulatives: false,
  })
})

test('behavior: a transcoder claiming resets its cumulatives', () => {
  const delegatorState = { bondedAmount: 1000n, fees: 0n, delegateAddress: T, lastClaimRound: 10n } as const
  const claim = claimEarnings({ delegator: T, delegatorState, transcoderState, factorsAt, round: 12n })
  assert.deepEqual(claim?.event, { delegate: T, delegator: T, rewards: 292n, fees: 625n, startRound: 11n, endRound: 12n })
  assert.equal(claim?.resetsTranscoderCumulatives, true)
})

test('behavior: a brand-new account still emits a zero claim from round 1', () => {
  const delegatorState = { bondedAmount: 0n, fees: 0n, delegateAddress: zeroAddress, lastClaimRound: 0n } as const
  const noTranscoder = { lastRewardRound: 0n, lastFeeRound: 0n, cumulativeRewards: 0n, cumulativeFees: 0n }
  assert.deepEqual(claimEarnings({ delegator: D1, delegatorState, transcoderState: noTranscoder, factorsAt, round: 12n }), {
    event: { delegate: zeroAddress, delegator: D1, rewards: 0n, fees: 0n, startRound: 1n, endRound: 12n },
    delegatorState: { bondedAmount: 0n, fees: 0n, lastClaimRound: 12n },
    delegatePoolFactors: null,
    resetsTranscoderCumulatives: false,
  })
})

test('behavior: nothing happens when already claimed in the round', () => {
  const delegatorState = { bondedAmount: 3607n, fees: 375n, delegateAddress: T, lastClaimRound: 12n } as const
  assert.equal(claimEarnings({ delegator: D1, delegatorState, transcoderState, factorsAt, round: 12n }), null)
})
