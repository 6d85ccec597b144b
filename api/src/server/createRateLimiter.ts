/** Per-IP token bucket: `requestsPerSecond` sustained, `burst` at once. */
export type RateLimit = { requestsPerSecond: number; burst: number }

/**
 * A per-key token bucket. `take(key)` spends one token and returns false when the key has none
 * left; idle buckets are dropped so memory stays bounded by active clients.
 *
 * @example
 * const limiter = createRateLimiter({ requestsPerSecond: 50, burst: 100 })
 * if (!limiter.take(ip)) respond429()
 */
export function createRateLimiter({ requestsPerSecond, burst }: RateLimit, now: () => number = Date.now) {
  const buckets = new Map<string, { tokens: number; at: number }>()
  let sweptAt = now()
  return {
    take(key: string): boolean {
      const time = now()
      if (time - sweptAt > 60_000) {
        for (const [k, bucket] of buckets) if (time - bucket.at > 60_000) buckets.delete(k)
        sweptAt = time
      }
      const bucket = buckets.get(key) ?? { tokens: burst, at: time }
      bucket.tokens = Math.min(burst, bucket.tokens + ((time - bucket.at) / 1000) * requestsPerSecond)
      bucket.at = time
      buckets.set(key, bucket)
      if (bucket.tokens < 1) return false
      bucket.tokens -= 1
      return true
    },
  }
}
