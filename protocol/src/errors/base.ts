/** Where {@link BaseError} docs paths point: Peerscope's protocol spec. */
export const specPath = 'shared/spec/protocol.md'

/** Options every {@link BaseError} accepts. */
export type BaseErrorParameters = {
  /** A longer explanation, shown after the short message. Taken from `cause` when absent. */
  details?: string | undefined
  /** Anchor in the protocol spec, e.g. `#12-probabilistic-micropayments`. */
  docsPath?: string | undefined
  /** Extra lines (values, field names) shown between the short message and the docs line. */
  metaMessages?: string[] | undefined
  /** The underlying error. */
  cause?: unknown
  /** Whether retrying the same operation can succeed. Protocol errors are deterministic, so false by default. */
  retryable?: boolean | undefined
}

/** Type of {@link BaseError}; every error of `@peerscope/protocol` is one. */
export type BaseErrorType = BaseError & { name: 'BaseError' }

/**
 * The root of every error thrown by `@peerscope/protocol`: a one-line `shortMessage`, optional
 * `details` and `metaMessages`, a link into the spec, and `walk()` to find a cause.
 *
 * @see shared/spec/protocol.md
 *
 * @example
 * try {
 *   decodeAuxData('0x1234')
 * } catch (error) {
 *   if (error instanceof BaseError) console.error(error.shortMessage)
 * }
 */
export class BaseError extends Error {
  override name = 'BaseError'
  /** The first line of `message`, without details or docs. */
  readonly shortMessage: string
  readonly details: string
  readonly docsPath: string | undefined
  readonly metaMessages: string[] | undefined
  /** False for deterministic failures (bad input, broken invariants): retrying cannot help. */
  readonly retryable: boolean

  constructor(shortMessage: string, parameters: BaseErrorParameters = {}) {
    const { cause, docsPath, metaMessages, retryable = false } = parameters
    const details =
      parameters.details ??
      (cause instanceof BaseError ? cause.details : cause instanceof Error ? cause.message : '')
    const message = [
      shortMessage || 'An error occurred.',
      ...(metaMessages?.length ? ['', ...metaMessages] : []),
      ...(docsPath || details ? [''] : []),
      ...(docsPath ? [`Spec: ${specPath}${docsPath}`] : []),
      ...(details ? [`Details: ${details}`] : []),
    ].join('\n')
    super(message, cause === undefined ? undefined : { cause })
    this.shortMessage = shortMessage
    this.details = details
    this.docsPath = docsPath
    this.metaMessages = metaMessages
    this.retryable = retryable
  }

  /**
   * Follows the `cause` chain. Without `fn`, returns the deepest error; with `fn`, the first error
   * (this one included) for which `fn` is true, or null.
   *
   * @example
   * const invalid = error.walk((e) => e instanceof InvalidTicketSignatureError)
   */
  walk(): Error
  walk(fn: (error: unknown) => boolean): Error | null
  walk(fn?: (error: unknown) => boolean): Error | null {
    let current: unknown = this
    let last: Error = this
    for (let depth = 0; current instanceof Error && depth < 100; depth++) {
      if (fn?.(current)) return current
      last = current
      current = current.cause
    }
    return fn ? null : last
  }
}
