import assert from 'node:assert/strict'
import { test } from 'node:test'
import { splitFees } from './splitFees.ts'

test('behavior: feeShare goes to delegators, the rest to the transcoder', () => {
  assert.deepEqual(splitFees({ fees: 1000n, feeShare: 250_000n }), { delegatorsFees: 250n, transcoderCommission: 750n })
  // 999 × 333,333 / 1e6 = 332.99 → 332; commission 667
  assert.deepEqual(splitFees({ fees: 999n, feeShare: 333_333n }), { delegatorsFees: 332n, transcoderCommission: 667n })
  assert.deepEqual(splitFees({ fees: 5n, feeShare: 1_000_000n }), { delegatorsFees: 5n, transcoderCommission: 0n })
})
