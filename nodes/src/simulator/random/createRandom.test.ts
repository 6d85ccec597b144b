import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createRandom } from './createRandom.ts'

test('behavior: same seed gives the same stream', () => {
  const a = createRandom('peerscope')
  const b = createRandom('peerscope')
  const draws = (r: ReturnType<typeof createRandom>) => Array.from({ length: 50 }, () => r.int(0, 1_000_000))
  assert.deepEqual(draws(a), draws(b))
  assert.notDeepEqual(draws(createRandom('peerscope')), draws(createRandom('other')))
})

test('behavior: forks are independent of draws on the parent', () => {
  const a = createRandom('s')
  a.float()
  a.float()
  const b = createRandom('s')
  assert.equal(a.fork('x').float(), b.fork('x').float())
})

test('behavior: ranges and picks stay in bounds', () => {
  const r = createRandom('bounds')
  for (let i = 0; i < 1000; i++) {
    const n = r.int(3, 7)
    assert.ok(n >= 3 && n <= 7)
    const f = r.float()
    assert.ok(f >= 0 && f < 1)
    const amount = r.logUniform(10, 1000, 10n ** 18n)
    assert.ok(amount >= 10n * 10n ** 18n && amount <= 1000n * 10n ** 18n)
  }
  assert.equal(r.weighted(['a', 'b'], [0, 1]), 'b')
  assert.deepEqual([...r.shuffle([1, 2, 3, 4])].sort(), [1, 2, 3, 4])
})
