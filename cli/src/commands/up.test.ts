import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseOnly } from './up.ts'

test('behavior: --only defaults to every service this version has', () => {
  assert.deepEqual(parseOnly(undefined), ['devnet', 'indexer', 'api', 'web', 'nodes'])
})

test('behavior: --only accepts a comma list with spaces', () => {
  assert.deepEqual(parseOnly(' devnet '), ['devnet'])
})

test('behavior: --only rejects unknown, not-yet-built and empty lists with a clear message', () => {
  assert.throws(() => parseOnly('devnet,chain'), { message: '--only: unknown service "chain" (known: devnet, indexer, api, web, nodes)' })
  assert.throws(() => parseOnly('devnet,api'), { message: '--only: "api" runs inside the indexer\'s process; add "indexer"' })
  assert.throws(() => parseOnly(','), { message: '--only needs at least one service' })
})
