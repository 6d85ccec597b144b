import { indexedHead } from '@/lib/data/client'

export const dynamic = 'force-dynamic'

/** Liveness of the explorer and whether it reaches the API (200 either way; `api` says which). */
export async function GET() {
  const head = await indexedHead().catch(() => null)
  return Response.json({ status: 'ok', api: head === null ? 'unreachable' : 'ok', indexedBlock: head }, { headers: { 'cache-control': 'no-store' } })
}
