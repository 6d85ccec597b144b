import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createResponseCache } from './createResponseCache.ts'

const head = { number: 10, hash: '0xaa' }
const ok = Buffer.from('{"data":{"protocol":{"id":"0"}}}')

test('unit: the response cache keys on the indexed head and keeps only complete answers', () => {
  let time = 0
  const cache = createResponseCache({ max: 2, ttlMs: 1_000, now: () => time })
  const key = cache.key({ head, method: 'POST', url: '/graphql', body: '{"query":"{ protocol(id: 0) { id } }"}' }) as string
  cache.set(key, 200, { 'content-type': 'application/json' }, ok)
  assert.equal(cache.get(key)?.body.toString(), ok.toString())
  const next = cache.key({ head: { number: 11, hash: '0xbb' }, method: 'POST', url: '/graphql', body: '{"query":"{ protocol(id: 0) { id } }"}' }) as string
  assert.notEqual(next, key, 'a new head is a new key')
  assert.equal(cache.get(next), undefined)
  cache.set('errors', 200, {}, Buffer.from('{"errors":[{"message":"x"}]}'))
  cache.set('status', 400, {}, ok)
  assert.equal(cache.get('errors'), undefined)
  assert.equal(cache.get('status'), undefined)
  assert.equal(cache.key({ head, method: 'POST', url: '/graphql', body: '{"query":"{ s: indexerStatus { lagBlocks } }"}' }), undefined, 'volatile fields are not cached')
  assert.equal(cache.key({ head: undefined, method: 'POST', url: '/graphql', body: '{}' }), undefined)
  time = 1_000
  assert.equal(cache.get(key), undefined, 'entries expire')
  cache.set('a', 200, {}, ok)
  cache.set('b', 200, {}, ok)
  cache.get('a')
  cache.set('c', 200, {}, ok)
  assert.deepEqual([cache.get('a') !== undefined, cache.get('b') !== undefined, cache.get('c') !== undefined], [true, false, true], 'least recently used goes first')
})
