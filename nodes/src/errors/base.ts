// NOTE: one root for every Peerscope error: nodes' errors extend the protocol's BaseError, so an
// `instanceof BaseError` check catches both (short message, details, spec link, retryable, walk()).
export { BaseError, type BaseErrorParameters, type BaseErrorType } from '@peerscope/protocol'
