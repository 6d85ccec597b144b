import assert from 'node:assert/strict'
import { test } from 'node:test'
import { pendingStake } from './pendingStake.ts'
import type { CumulativeFactors } from './types.ts'

// T rewarded and earned fees in round 11: CRF[11] = 1.2025 (810 to delegators on 4000 stake),
// CFF[11] = 0.125 (500 to delegators on 4000 stake); commission so far 90 LPT, 500 wei.
const T = '0x00000000000000000000000000000000000000aa'
const D1 = '0x00000000000000000000000000000000000000d1'
const pools = new Map<bigint, CumulativeFactors>([
  [11n, { cumulativeRewardFactor: 1_202_500_000_000_000_000_000_000_000n, cumulativeFeeFactor: 125_000_000_000_000_000_000_000_000n }],
])
const factorsAt = (round: bigint) => pools.get(round) ?? { cumulativeRewardFactor: 0n, cumulativeFeeFactor: 0n }
const transcoderState = { lastRewardRound: 11n, lastFeeRound: 11n, cumulativeRewards: 90n, cumulativeFees: 500n }

test('behavior: a delegator earns CRF growth since its last claim', () => {
  // 3000 × 1.2025 = 3607.5 → 3607
  const delegatorState = { bondedAmount: 3000n, fees: 0n, delegateAddress: T, lastClaimRound: 10n } as const
  assert.equal(pendingStake({ delegator: D1, delegatorState, transcoderState, factorsAt, round: 12n }), 3607n)
})

test('behavior: the transcoder adds its own cumulativeRewards', () => {
  // 1000 × 1.2025 = 1202.5 → 1202; + commission 90 = 1292
  const delegatorState = { bondedAmount: 1000n, fees: 0n, delegateAddress: T, lastClaimRound: 10n } as const
  assert.equal(pendingStake({ delegator: T, delegatorState, transcoderState, factorsAt, round: 12n }), 1292n)
})

test('behavior: nothing accrues once claimed in the round', () => {
  const delegatorState = { bondedAmount: 3000n, fees: 0n, delegateAddress: T, lastClaimRound: 12n } as const
  assert.equal(pendingStake({ delegator: D1, delegatorState, transcoderState, factorsAt, round: 12n }), 3000n)
})
