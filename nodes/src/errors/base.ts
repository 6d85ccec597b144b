/** Where {@link BaseError} docs paths point: the protocol spec the devnet reproduces. */
export const specPath = 'shared/spec/protocol.md'

/** Options every {@link BaseError} accepts. */
export type BaseErrorParameters = {
  /** A longer explanation, shown after the short message. Taken from `cause` when absent. */
  details?: string | undefined
  /** Anchor in the protocol spec, e.g. `#4-functions-guards-and-emission-order`. */
  docsPath?: string | undefined
  /** Extra lines (values, names) shown between the short message and the details. */
  metaMessages?: string[] | undefined
  /** The underlying error. */
  cause?: unknown
  /** Whether retrying the same operation can succeed (a lost RPC connection) or not (a revert). */
  retryable?: boolean | undefined
}

/** Type of {@link BaseError}. */
export type BaseErrorType = BaseError & { name: 'BaseError' }

/**
 * The root of every error thrown by `@peerscope/nodes`: a one-line `shortMessage`, optional
 * `details` and `metaMessages`, a spec link, whether a retry can help, and `walk()` over causes.
 *
 * @example
 * try {
 *   await createDevnet({ port: 0, live: false })
 * } catch (error) {
 *   if (error instanceof BaseError) logger.error({ retryable: error.retryable }, error.shortMessage)
 * }
 */
export class BaseError extends Error {
  override name = 'BaseError'
  /** The first line of `message`. */
  readonly shortMessage: string
  readonly details: string
  readonly docsPath: string | undefined
  readonly metaMessages: string[] | undefined
  readonly retryable: boolean

  constructor(shortMessage: string, parameters: BaseErrorParameters = {}) {
    const { cause, docsPath, metaMessages, retryable = false } = parameters
    const details =
      parameters.details ?? (cause instanceof BaseError ? cause.details : cause instanceof Error ? cause.message : '')
    const message = [
      shortMessage,
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
   * Follows the `cause` chain: the deepest error, or the first one `fn` accepts (null if none).
   *
   * @example
   * const revert = error.walk((e) => e instanceof TransactionRevertedError)
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
