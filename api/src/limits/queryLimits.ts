/** Bounds on one GraphQL request; hostile documents are rejected before any database work. */
export type QueryLimits = {
  /** Deepest field nesting (introspection excluded). */
  maxDepth: number
  /** Aliases in one document. */
  maxAliases: number
  /** Lexical tokens in one document. */
  maxTokens: number
  /**
   * Objects a query can ask for at most: each list multiplies its children by its `first` (default
   * 100), so `transcoders(first: 100) { pools(first: 90) }` costs 100 + 9,000.
   */
  maxCost: number
  /** Wall time of one execution, milliseconds. */
  timeoutMs: number
}

/** Defaults sized for the Livepeer Explorer's heaviest query shapes with room to spare. */
export const defaultQueryLimits: QueryLimits = { maxDepth: 12, maxAliases: 30, maxTokens: 5_000, maxCost: 250_000, timeoutMs: 10_000 }
