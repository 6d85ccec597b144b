/** Parameters for {@link IndexerError}. */
export type IndexerErrorParameters = {
  /** Extra lines: what was being done, with which values. */
  details?: string
  cause?: unknown
  /**
   * True when trying again can succeed (a lost connection, an RPC timeout, a 429): the supervisor
   * restarts the indexer. False for broken invariants and decode mismatches: a human must look.
   */
  retryable: boolean
}

/**
 * The indexer's one base error: a short message, details, the cause, and whether a retry helps.
 *
 * @see shared/STYLE.md conventions 4 and 5
 */
export class IndexerError extends Error {
  override name = 'IndexerError'
  readonly details: string | undefined
  readonly retryable: boolean

  constructor(shortMessage: string, { details, cause, retryable }: IndexerErrorParameters) {
    super(details ? `${shortMessage}\n\nDetails: ${details}` : shortMessage, { cause })
    this.details = details
    this.retryable = retryable
  }
}

/** A configuration value is missing or malformed; the message names the flag or variable. */
export class IndexerConfigError extends IndexerError {
  override name = 'IndexerConfigError'
  constructor(shortMessage: string, details?: string) {
    super(shortMessage, { details, retryable: false })
  }
}

/** Indexed state contradicts the chain or itself (e.g. a NewRound round that the round clock disagrees with). */
export class IndexerInvariantError extends IndexerError {
  override name = 'IndexerInvariantError'
  constructor(shortMessage: string, details?: string) {
    super(shortMessage, { details, retryable: false })
  }
}

/** A log from a watched contract whose topic0 is catalogued but whose data does not decode. */
export class LogDecodeError extends IndexerError {
  override name = 'LogDecodeError'
  constructor({ id, eventName, cause }: { id: string; eventName: string; cause: unknown }) {
    super(`Cannot decode ${eventName} log ${id}.`, { details: 'The ABI in @peerscope/protocol does not match the chain.', cause, retryable: false })
  }
}
