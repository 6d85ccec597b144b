// NOTE: the Next bundle does not import @peerscope/protocol (its index pulls viem and node-only
// modules into the server build); this mirrors its BaseError shape: short message, details, retryable.

/** The API answered with an error, a bad status, or not at all. */
export class ApiRequestError extends Error {
  override name = 'ApiRequestError'
  readonly shortMessage: string
  readonly details: string
  /** Network errors and 5xx can succeed on retry; GraphQL validation errors cannot. */
  readonly retryable: boolean
  constructor(shortMessage: string, { details = '', retryable = false, cause }: { details?: string; retryable?: boolean; cause?: unknown } = {}) {
    super(details ? `${shortMessage}\n\nDetails: ${details}` : shortMessage, cause === undefined ? undefined : { cause })
    this.shortMessage = shortMessage
    this.details = details
    this.retryable = retryable
  }
}
