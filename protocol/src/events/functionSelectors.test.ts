import assert from 'node:assert/strict'
import { test } from 'node:test'
import { keccak256, slice, toBytes, toFunctionSelector } from 'viem'
import { functionSelectors } from './functionSelectors.ts'

test('behavior: every selector is the first 4 bytes of keccak256(signature)', () => {
  for (const row of functionSelectors) {
    assert.equal(slice(keccak256(toBytes(row.signature)), 0, 4), row.selector, row.signature)
    assert.equal(toFunctionSelector(`function ${row.signature}`), row.selector, row.signature)
  }
})

test('behavior: selectors and signatures are unique', () => {
  assert.equal(new Set(functionSelectors.map((row) => row.selector)).size, functionSelectors.length)
  assert.equal(new Set(functionSelectors.map((row) => row.signature)).size, functionSelectors.length)
})
