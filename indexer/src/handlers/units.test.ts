import assert from 'node:assert/strict'
import { test } from 'node:test'
import { dayNumber, poolId, toDecimal, toWei, unbondingLockId } from './units.ts'

test('behavior: wei converts to LPT/ETH decimals and back exactly', () => {
  for (const wei of [0n, 1n, 10n ** 18n, 123456789012345678901234567890n, 2n ** 256n - 1n]) assert.equal(toWei(toDecimal(wei)), wei)
  assert.equal(toDecimal(1n).toString(), '0.000000000000000001')
  assert.equal(toDecimal(1500000000000000000n).toFixed(), '1.5')
})

test('behavior: ids follow the subgraph formats', () => {
  assert.equal(poolId(1234n, '0xabc'), '0000001234-0xabc')
  assert.equal(unbondingLockId(7n, '0xdef'), '0000000007-0xdef')
  assert.equal(dayNumber(86400 * 3 + 5), 3)
})
