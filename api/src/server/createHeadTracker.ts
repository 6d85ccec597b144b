import type { IndexedHead } from '../resolvers/context.ts'

/** Parameters for {@link createHeadTracker}. */
export type CreateHeadTrackerParameters = {
  read: () => Promise<IndexedHead | undefined>
  /** A value younger than this is served from memory. */
  maxAgeMs: number
}

/**
 * The indexed head, read at most once per `maxAgeMs` (concurrent callers share one read). The
 * response cache keys on it, so cached responses expire the moment the head moves.
 *
 * @example
 * const tracker = createHeadTracker({ read: store.head, maxAgeMs: 250 })
 * const head = await tracker.get()
 */
export function createHeadTracker({ read, maxAgeMs }: CreateHeadTrackerParameters) {
  let value: IndexedHead | undefined
  let readAt = 0
  let pending: Promise<IndexedHead | undefined> | undefined
  const refresh = (): Promise<IndexedHead | undefined> => {
    pending ??= read()
      .then((head) => {
        value = head
        readAt = Date.now()
        return head
      })
      .finally(() => {
        pending = undefined
      })
    return pending
  }
  return {
    /** The head, at most `maxAgeMs` old. */
    get: (): Promise<IndexedHead | undefined> => (Date.now() - readAt < maxAgeMs ? Promise.resolve(value) : refresh()),
    /** A fresh read. */
    refresh,
  }
}
