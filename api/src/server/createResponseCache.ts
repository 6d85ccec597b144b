/** One cached GraphQL response: the exact bytes and headers yoga sent. */
type Entry = { body: Buffer; headers: Record<string, string>; expires: number }

/** Parameters for {@link createResponseCache}. */
export type CreateResponseCacheParameters = {
  /** Entries kept (least recently used dropped first). Default 2,000. */
  max?: number
  /** Lifetime of an entry, ms. Default 60,000. */
  ttlMs?: number
  /** Largest response kept, bytes. Default 1 MiB. */
  maxEntryBytes?: number
  now?: () => number
}

/**
 * Root fields whose answers change without the indexed head moving (the chain head, benchmark
 * samples): a request naming one is never cached. A plain substring test is conservative: an alias
 * renames the output, never the field named in the document.
 */
const volatileFields = ['indexerStatus', 'benchmarkLeaderboard', 'benchmarkRegions']

/**
 * A response cache in front of yoga, keyed on the indexed head and the exact request (method,
 * URL, body). Chain data only changes when the indexed head moves, so a new head is a new key space:
 * entries of the previous head are never served again and age out. Only complete answers (HTTP 200
 * without `errors`) are kept; a hit skips parsing, validation and execution entirely.
 *
 * @example
 * const cache = createResponseCache({ max: 2000 })
 * const key = cache.key({ head, method, url, body })
 * const hit = key && cache.get(key)
 */
export function createResponseCache({ max = 2_000, ttlMs = 60_000, maxEntryBytes = 1024 * 1024, now = Date.now }: CreateResponseCacheParameters = {}) {
  const entries = new Map<string, Entry>()
  return {
    /** The cache key of a request, or undefined when it must not be cached. */
    key({ head, method, url, body }: { head: { number: number; hash: string } | undefined; method: string; url: string; body: string }): string | undefined {
      if (!head || (method !== 'GET' && method !== 'POST')) return undefined
      const text = method === 'GET' ? url : body
      if (volatileFields.some((field) => text.includes(field)) || text.includes('mutation')) return undefined
      return `${head.number}:${head.hash}:${method}:${url}:${body}`
    },
    get(key: string): Entry | undefined {
      const entry = entries.get(key)
      if (!entry) return undefined
      if (entry.expires <= now()) {
        entries.delete(key)
        return undefined
      }
      // Refresh recency: Map iteration order is insertion order.
      entries.delete(key)
      entries.set(key, entry)
      return entry
    },
    /** Keeps a response if it is a complete answer. */
    set(key: string, status: number, headers: Record<string, string>, body: Buffer): void {
      if (status !== 200 || body.length > maxEntryBytes || body.includes('"errors"')) return
      entries.set(key, { body, headers, expires: now() + ttlMs })
      while (entries.size > max) entries.delete(entries.keys().next().value as string)
    },
    get size() {
      return entries.size
    },
  }
}
