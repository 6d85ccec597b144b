import type { ClickHouseClient } from '@clickhouse/client'
import type { Pool } from 'pg'
import type { Loaders } from '../loaders/createLoaders.ts'
import type { EntityStore } from '../sql/createEntityStore.ts'

/** The indexed head block. */
export type IndexedHead = { number: number; hash: string }

/** The Graph's `Block_height` argument. */
export type BlockHeight = { number?: number | null; hash?: string | null; number_gte?: number | null }

/** What every resolver gets (built per request by `createApi`). */
export type ApiContext = {
  store: EntityStore
  loaders: Loaders
  clickhouse: ClickHouseClient
  pool: Pool
  /** The indexed head, read once per request. */
  head: () => Promise<IndexedHead | undefined>
  /** The chain head when the server knows it. */
  chainHead: () => number | undefined
  /** Lag in blocks above which `indexerStatus.behind` is true. */
  behindThresholdBlocks: number
}
