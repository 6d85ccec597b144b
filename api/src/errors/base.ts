import { BaseError } from '@peerscope/protocol'
import { GraphQLError } from 'graphql'

/**
 * The API's base error. Client-facing failures (bad arguments, limits, time travel past the head)
 * are {@link ApiUserError}s, which the server turns into GraphQL errors with a `code`; anything else
 * is masked as "Unexpected error." so no SQL or stack reaches a response.
 */
export class ApiError extends BaseError {
  override name = 'ApiError'
}

/** Codes of {@link ApiUserError}, sent as `extensions.code`. */
export type ApiUserErrorCode = 'BAD_USER_INPUT' | 'QUERY_LIMIT' | 'TIMEOUT' | 'RATE_LIMITED' | 'BLOCK_NOT_INDEXED'

/**
 * A GraphQL error the client may see: the message is sent verbatim with `extensions.code`.
 *
 * @example
 * throw new ApiUserError('The `first` argument must be between 0 and 1000, but is 100000', 'BAD_USER_INPUT')
 */
export class ApiUserError extends GraphQLError {
  constructor(message: string, code: ApiUserErrorCode = 'BAD_USER_INPUT') {
    super(message, undefined, undefined, undefined, undefined, undefined, { code, http: { status: code === 'RATE_LIMITED' ? 429 : 200 } })
    this.name = 'ApiUserError'
  }
}
