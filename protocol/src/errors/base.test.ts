import assert from 'node:assert/strict'
import { test } from 'node:test'
import { BaseError } from './base.ts'

test('behavior: short message only', () => {
  const error = new BaseError('Something broke.')
  assert.equal(error.message, 'Something broke.')
  assert.equal(error.shortMessage, 'Something broke.')
  assert.equal(error.name, 'BaseError')
  assert.equal(error.retryable, false)
})

test('behavior: meta messages, spec link and details', () => {
  const error = new BaseError('Something broke.', { metaMessages: ['a: 1', 'b: 2'], docsPath: '#7-per-round-minting-inflation', details: 'why' })
  assert.equal(
    error.message,
    ['Something broke.', '', 'a: 1', 'b: 2', '', 'Spec: shared/spec/protocol.md#7-per-round-minting-inflation', 'Details: why'].join('\n'),
  )
})

test('behavior: details come from the cause', () => {
  const inner = new BaseError('Inner.', { details: 'root cause' })
  assert.equal(new BaseError('Outer.', { cause: inner }).details, 'root cause')
  assert.equal(new BaseError('Outer.', { cause: new Error('plain') }).message, 'Outer.\n\nDetails: plain')
})

test('behavior: walk finds the deepest cause or the first match', () => {
  class Special extends BaseError {
    override name = 'Special'
  }
  const root = new Error('root')
  const special = new Special('Special.', { cause: root })
  const top = new BaseError('Top.', { cause: special })
  assert.equal(top.walk(), root)
  assert.equal(top.walk((error) => error instanceof Special), special)
  assert.equal(top.walk((error) => error instanceof RangeError), null)
})
