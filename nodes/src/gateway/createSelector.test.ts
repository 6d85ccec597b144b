import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Address } from 'viem'
import { createSelector } from './createSelector.ts'
import type { DiscoveredOrchestrator } from './discoverOrchestrators.ts'

const orch = (n: number, stake: bigint, pricePerUnit: number, latencyMs = n): DiscoveredOrchestrator => {
  const address = `0x${String(n).padStart(40, '0')}` as Address
  return { address, serviceUri: `http://o${n}`, stake, latencyMs, info: { priceInfo: { pricePerUnit: String(pricePerUnit), pixelsPerUnit: '1' } } as DiscoveredOrchestrator['info'] }
}
const [a, b, c] = [orch(1, 900n, 1000), orch(2, 100n, 1200), orch(3, 0n, 5000)]

test('unit: the max price filter drops expensive orchestrators; none eligible gives undefined', () => {
  const selector = createSelector({ maxPricePerPixel: 1100, random: () => 0.99 })
  assert.deepEqual(selector.eligible([a!, b!, c!], new Set()).rejected.map((r) => [r.address, r.reason]), [
    [b!.address, 'price'],
    [c!.address, 'price'],
  ])
  assert.equal(selector.select([a!, b!, c!], new Set()), a)
  assert.equal(selector.select([b!, c!], new Set()), undefined)
})

test('unit: unknown sessions are sampled by 0.7 stake + 0.3 random', () => {
  // P(a) = 0.7·0.9 + 0.3/2 = 0.78, P(b) = 0.7·0.1 + 0.15 = 0.22.
  assert.equal(createSelector({ random: () => 0.77 }).select([a!, b!], new Set()), a)
  assert.equal(createSelector({ random: () => 0.79 }).select([a!, b!], new Set()), b)
})

test('unit: a known session faster than real time is reused; a failure suspends it', () => {
  const selector = createSelector({ random: () => 0 })
  selector.recordSuccess(b!.address, 0.4)
  assert.equal(selector.select([a!, b!], new Set()), b)
  selector.recordSuccess(b!.address, 1.5) // slower than real time: try an unknown one
  assert.equal(selector.select([a!, b!], new Set()), a)
  selector.recordFailure(a!.address, 2)
  assert.equal(selector.select([a!, b!], new Set()), b)
  // Suspended, but the only one left: used anyway.
  assert.equal(selector.select([a!, b!], new Set([b!.address])), a)
  assert.equal(selector.select([a!, b!], new Set([a!.address, b!.address])), undefined)
})

test('unit: the perf score filter applies unless nobody passes it', () => {
  const perfScores = new Map([[b!.address.toLowerCase(), 0.9]])
  const selector = createSelector({ perfScores, minPerfScore: 0.5, random: () => 0 })
  assert.equal(selector.select([a!, b!], new Set()), b)
  assert.equal(createSelector({ perfScores: new Map(), minPerfScore: 0.5, random: () => 0 }).select([a!, b!], new Set()), a)
})
