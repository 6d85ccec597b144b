import { ApiUserError } from '../errors/base.ts'

/** Arguments of a plural root field or a list field (The Graph's collection arguments). */
export type CollectionArgs = {
  first?: number | null | undefined
  skip?: number | null | undefined
  orderBy?: string | null | undefined
  orderDirection?: 'asc' | 'desc' | null | undefined
  where?: Record<string, unknown> | null | undefined
}

/** Collection arguments after defaults and bounds. */
export type NormalizedCollectionArgs = { first: number; skip: number; orderBy: string | undefined; direction: 'asc' | 'desc'; where: Record<string, unknown> }

/** The Graph's bounds: `first` ≤ 1000, `skip` ≤ 5000; plus a bound on a `where` value's size (variables escape the token limit). */
export const collectionLimits = { maxFirst: 1000, maxSkip: 5000, maxFilterBytes: 16_384 } as const

/**
 * Applies The Graph's defaults (`first` 100, `skip` 0, ascending) and bounds, with its error text
 * for an out-of-range `first` or `skip`.
 *
 * @example
 * normalizeCollectionArgs({ first: 100000 }) // throws "The `first` argument must be between 0 and 1000, but is 100000"
 */
export function normalizeCollectionArgs(args: CollectionArgs): NormalizedCollectionArgs {
  const first = args.first ?? 100
  const skip = args.skip ?? 0
  if (!Number.isInteger(first) || first < 0 || first > collectionLimits.maxFirst)
    throw new ApiUserError(`The \`first\` argument must be between 0 and ${collectionLimits.maxFirst}, but is ${first}`)
  if (!Number.isInteger(skip) || skip < 0 || skip > collectionLimits.maxSkip)
    throw new ApiUserError(`The \`skip\` argument must be between 0 and ${collectionLimits.maxSkip}, but is ${skip}`)
  const where = args.where ?? {}
  if (JSON.stringify(where).length > collectionLimits.maxFilterBytes)
    throw new ApiUserError(`The \`where\` argument is too large (more than ${collectionLimits.maxFilterBytes} bytes).`, 'QUERY_LIMIT')
  return { first, skip, orderBy: args.orderBy ?? undefined, direction: args.orderDirection === 'desc' ? 'desc' : 'asc', where }
}
