import { redirect } from 'next/navigation'
import type { NextRequest } from 'next/server'
import { parseAddress } from '@/lib/format'

export const dynamic = 'force-dynamic'

/**
 * The header search (a GET form, so it works without client JS): a round number goes to the
 * round, anything else to the account page, which explains an invalid address.
 */
export function GET(request: NextRequest) {
  const q = (request.nextUrl.searchParams.get('q') ?? '').trim()
  if (/^\d{1,10}$/.test(q)) redirect(`/rounds/${Number(q)}`)
  redirect(`/accounts/${encodeURIComponent(parseAddress(q) ?? (q || 'empty'))}`)
}
