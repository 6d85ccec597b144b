import 'server-only'
import { getConfig } from '@/lib/config'
import { ApiRequestError } from '@/lib/errors'

type Variables = Record<string, unknown>

const headTtlMs = 1_000
const maxEntries = 500
const timeoutMs = 15_000

let head: { at: number; value: Promise<number | null> } | undefined
// NOTE: responses are cached per indexed head: a new block makes every key new, so nothing stale
// is served and nothing needs invalidating. Map order gives a cheap LRU.
const responses = new Map<string, Promise<unknown>>()

/**
 * Runs one GraphQL document against the API, cached by the indexed head (`_meta.block.number`,
 * itself re-read at most once a second).
 *
 * @example
 * const { protocol } = await request<{ protocol: Protocol }>('{ protocol(id: "0") { inflation } }')
 */
export async function request<T>(query: string, variables: Variables = {}): Promise<T> {
  const block = await indexedHead()
  if (block === null) return (await post(query, variables)) as T
  const key = `${block}\n${query}\n${JSON.stringify(variables)}`
  let entry = responses.get(key)
  if (entry) {
    responses.delete(key)
    responses.set(key, entry)
  } else {
    entry = post(query, variables)
    responses.set(key, entry)
    entry.catch(() => responses.delete(key))
    while (responses.size > maxEntries) responses.delete(responses.keys().next().value as string)
  }
  return (await entry) as T
}

/** The API's indexed head block, or null when the API does not tell (cache disabled then). */
export function indexedHead(): Promise<number | null> {
  const now = Date.now()
  if (head && now - head.at < headTtlMs) return head.value
  const value = post('{ _meta { block { number } } }', {}).then(
    (data) => (data as { _meta?: { block?: { number?: number } } })._meta?.block?.number ?? null,
    () => null,
  )
  head = { at: now, value }
  return value
}

async function post(query: string, variables: Variables, attempt = 0): Promise<unknown> {
  const { apiUrl } = getConfig()
  let response: Response
  try {
    response = await fetch(apiUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
      cache: 'no-store',
      signal: AbortSignal.timeout(timeoutMs),
    })
  } catch (error) {
    throw new ApiRequestError('The Peerscope API is unreachable.', { details: `${apiUrl}: ${(error as Error).message}`, retryable: true, cause: error })
  }
  // NOTE: the API rate-limits per IP and this server is one IP for every visitor: wait and retry once.
  if (response.status === 429 && attempt === 0) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(2_000, 1_000 * (Number(response.headers.get('retry-after')) || 1))))
    return post(query, variables, 1)
  }
  const text = await response.text()
  let body: { data?: unknown; errors?: { message: string }[] }
  try {
    body = JSON.parse(text) as typeof body
  } catch {
    throw new ApiRequestError(`The Peerscope API answered HTTP ${response.status} without JSON.`, { details: text.slice(0, 500), retryable: response.status >= 500 })
  }
  if (body.errors?.length) {
    throw new ApiRequestError('The Peerscope API rejected a query.', { details: body.errors.map((error) => error.message).join('; '), retryable: response.status >= 500 })
  }
  if (!response.ok || body.data === undefined) throw new ApiRequestError(`The Peerscope API answered HTTP ${response.status}.`, { retryable: response.status >= 500 })
  return body.data
}
