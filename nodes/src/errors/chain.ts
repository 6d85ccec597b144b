import type { Address, Hash } from 'viem'
import { BaseError } from './base.ts'

/** Type of {@link RpcRequestError}. */
export type RpcRequestErrorType = RpcRequestError & { name: 'RpcRequestError' }

/** A JSON-RPC call to the devnet failed (transport down, or the node answered with an error). */
export class RpcRequestError extends BaseError {
  override name = 'RpcRequestError'
  readonly method: string
  readonly code: number | undefined
  constructor({ method, code, message, cause }: { method: string; code?: number | undefined; message: string; cause?: unknown }) {
    super(`JSON-RPC ${method} failed: ${message}`, {
      cause,
      metaMessages: code === undefined ? undefined : [`code: ${code}`],
      // A refused connection or a 5xx may pass; an error object from the node will not.
      retryable: code === undefined,
    })
    this.method = method
    this.code = code
  }
}

/** Type of {@link TransactionRevertedError}. */
export type TransactionRevertedErrorType = TransactionRevertedError & { name: 'TransactionRevertedError' }

/** A simulator transaction was mined but reverted: a scenario bug or a contract bug, never retryable. */
export class TransactionRevertedError extends BaseError {
  override name = 'TransactionRevertedError'
  readonly label: string
  readonly from: Address
  readonly hash: Hash
  readonly reason: string | undefined
  constructor({ label, from, hash, reason, blockNumber }: { label: string; from: Address; hash: Hash; reason?: string | undefined; blockNumber?: bigint | undefined }) {
    super(`${label} reverted${reason ? `: ${reason}` : ''}`, {
      docsPath: '#4-functions-guards-and-emission-order',
      metaMessages: [`from: ${from}`, `tx: ${hash}`, ...(blockNumber === undefined ? [] : [`block: ${blockNumber}`])],
    })
    this.label = label
    this.from = from
    this.hash = hash
    this.reason = reason
  }
}

/** Type of {@link TransactionNotMinedError}. */
export type TransactionNotMinedErrorType = TransactionNotMinedError & { name: 'TransactionNotMinedError' }

/** Transactions stayed in anvil's pool after mining (a nonce gap or a gas limit above the block's). */
export class TransactionNotMinedError extends BaseError {
  override name = 'TransactionNotMinedError'
  constructor({ pending, queued }: { pending: number; queued: number }) {
    super(`${pending + queued} transactions were not mined`, {
      metaMessages: [`pending: ${pending}`, `queued: ${queued}`],
      details: 'A queued transaction waits for a missing nonce; a pending one did not fit the block gas limit.',
    })
  }
}
