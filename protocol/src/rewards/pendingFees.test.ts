import assert from 'node:assert/strict'
import { test } from 'node:test'
import { pendingFees } from './pendingFees.ts'
import type { CumulativeFactors } from './types.ts'

const T = '0x00000000000000000000000000000000000000aa'
const D1 = '0x00000000000000000000000000000000000000d1'
const pools = new Map<bigint, CumulativeFactors>([
  [11n, { cumulativeRewardFactor: 1_202_500_000_000_000_000_000_000_000n, cumulativeFeeFactor: 125_000_000_000_000_000_000_000_000n }],
])
const factorsAt = (round: bigint) => pools.get(round) ?? { cumulativeRewardFactor: 0n, cumulativeFeeFactor: 0n }
const transcoderState = { lastRewardRound: 11n, lastFeeRound: 11n, cumulativeRewards: 90n, cumulativeFees: 500n }

test('behavior: a delegator earns CFF growth on its stake at the last claim', () => {
  // 7 already claimed + 3000 × 0.125 = 382
  const delegatorState = { bondedAmount: 3000n, fees: 7n, delegateAddress: T, lastClaimRound: 10n } as const
  assert.equal(pendingFees({ delegator: D1, delegatorState, transcoderState, factorsAt, round: 12n }), 382n)
})

test('behavior: the transcoder adds its own cumulativeFees', () => {
  // 1000 × 0.125 = 125; + 500 = 625
  const delegatorState = { bondedAmount: 1000n, fees: 0n, delegateAddress: T, lastClaimRound: 10n } as const
  assert.equal(pendingFees({ delegator: T, delegatorState, transcoderState, factorsAt, round: 12n }), 625n)
})
