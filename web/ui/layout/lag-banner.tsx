import { getIndexerStatus } from '@/lib/data/status'
import { formatNumber } from '@/lib/format'

/** "Indexer behind by N blocks" when the API reports the index as behind; nothing otherwise. */
export async function LagBanner() {
  const status = await getIndexerStatus()
  if (!status?.behind) return null
  return (
    <div className="banner" role="status" data-testid="lag-banner">
      Indexer behind by {formatNumber(status.lagBlocks ?? 0, 0)} blocks (indexed {formatNumber(status.indexedBlock ?? 0, 0)}, chain{' '}
      {formatNumber(status.chainHead ?? 0, 0)}): figures may be stale.
    </div>
  )
}
