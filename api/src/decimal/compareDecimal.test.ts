import assert from 'node:assert/strict'
import { test } from 'node:test'
import { compareDecimal } from './compareDecimal.ts'

test('unit: compareDecimal orders plain decimals like Postgres numeric', () => {
  const sorted = ['-10.5', '-2', '-0.001', '0', '0.000', '0.5', '1', '1.50', '9.99', '10', '100000000000000000000000.1']
  for (let i = 0; i < sorted.length; i++)
    for (let j = 0; j < sorted.length; j++) {
      const expected = Math.sign(Number(sorted[i]) - Number(sorted[j]))
      assert.equal(compareDecimal(sorted[i] as string, sorted[j] as string), expected === 0 ? 0 : expected, `${sorted[i]} vs ${sorted[j]}`)
    }
  assert.equal(compareDecimal('1.50', '1.5'), 0)
  assert.equal(compareDecimal(7, '7.0'), 0)
})
