/**
 * Collects bound values of one Postgres statement: `add(value)` returns its `$n` placeholder, so a
 * value never enters SQL text.
 *
 * @example
 * const params = createSqlParams()
 * const text = `SELECT * FROM transcoder WHERE id = ${params.add(id)}`
 * await pool.query({ text, values: params.values })
 */
export function createSqlParams() {
  const values: unknown[] = []
  return {
    values,
    add(value: unknown): string {
      values.push(value)
      return `$${values.length}`
    },
  }
}

/** The statement parameters of {@link createSqlParams}. */
export type SqlParams = ReturnType<typeof createSqlParams>

/** Quotes an identifier that comes from the entity model (never from a request). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`
}

/** Escapes LIKE wildcards so a user's `%` or `_` matches itself. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`)
}
