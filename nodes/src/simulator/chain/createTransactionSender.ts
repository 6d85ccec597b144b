import { numberToHex, type Address, type Hash, type Hex } from 'viem'
import { TransactionNotMinedError, TransactionRevertedError } from '../../errors/chain.ts'
import type { RpcCall, RpcClient } from '../rpc/createRpcClient.ts'

/** One transaction for the simulator to send from an impersonated (or any) account. */
export type TransactionRequest = {
  from: Address
  to: Address
  data: Hex
  value?: bigint | undefined
  /** Explicit gas limit: no eth_estimateGas round trip, and it works for transactions that depend on
   *  earlier ones in the same block. */
  gas: bigint
  /** `Contract.function`, for errors and debugging. */
  label: string
}

/** A log as eth_getLogs returns it (hex quantities). */
export type RawLog = {
  address: Address
  topics: Hex[]
  data: Hex
  blockNumber: Hex
  transactionHash: Hash
  transactionIndex: Hex
  logIndex: Hex
}

/** A transaction that was mined but reverted, when the caller tolerates reverts. */
export type FailedTransaction = { request: TransactionRequest; hash: Hash; error: TransactionRevertedError }

/** What one {@link TransactionSender.execute} or {@link TransactionSender.mine} produced. */
export type MinedBlocks = {
  /** First and last block mined (inclusive); `toBlock < fromBlock` when nothing was mined. */
  fromBlock: bigint
  toBlock: bigint
  /** Every log of those blocks, in chain order. */
  logs: RawLog[]
  /** Transactions of this call that were sent. */
  sent: number
  failed: FailedTransaction[]
}

/** How {@link TransactionSender.execute} submits transactions. */
export type SubmissionMode =
  /** One transaction at a time: the block keeps submission order (deterministic scenarios). */
  | 'ordered'
  /** Large batches executed concurrently by anvil: only per-account nonce order holds (bulk load). */
  | 'parallel'

/** Options of {@link TransactionSender.execute}. */
export type ExecuteOptions = {
  /** Default 'ordered'. */
  mode?: SubmissionMode | undefined
  /** Return reverted transactions in `failed` instead of throwing. */
  tolerateReverts?: boolean | undefined
}

/** Parameters for {@link createTransactionSender}. */
export type CreateTransactionSenderParameters = {
  rpc: RpcClient
  /** Timestamp for the next block, or undefined to let anvil pick (its interval or the clock). */
  nextTimestamp?: (() => bigint | undefined) | undefined
  /** Receives every mined block range's logs (stats). */
  onMined?: ((mined: MinedBlocks) => void) | undefined
}

/** Sends batches of transactions with anvil's automine off and mines them into blocks. */
export type TransactionSender = {
  /** Sends `requests`, mines until anvil's pool is empty, checks every transaction succeeded. */
  execute: (requests: readonly TransactionRequest[], options?: ExecuteOptions) => Promise<MinedBlocks>
  /** Mines `blocks` blocks (one request), e.g. to reach the next round. */
  mine: (blocks: number) => Promise<MinedBlocks>
  /** The latest block number the sender knows of. */
  head: () => bigint
  /** Forgets cached nonces (for accounts that other programs also use). */
  resetNonces: (accounts?: readonly Address[]) => void
  /** Transactions sent so far. */
  sentCount: () => number
}

// NOTE: measured on anvil 1.7 with 4,000 bonds: one 4,000-call batch is accepted in 0.3 s, four
// concurrent 400-call batches at a time take 1.5 s (they contend), 8,000 calls in one batch are
// refused as an invalid request, and 4,000 more sends into a pool already holding 4,000 take 3 s;
// batches of 64 calls or fewer kept their order on an idle machine. Under CI load they did not
// (anvil serves a batch's calls concurrently and, with equal fees, orders a block by arrival), so
// ordered sends go one at a time: the block is the submission order and a seed replays its chain
// down to the head hash, for about half a millisecond per transaction.
const ORDERED_CHUNK = 1
const PARALLEL_CHUNK = 4_000

/**
 * Creates the simulator's transaction pipeline. Anvil runs with automine off: transactions go to
 * the pool with explicit nonces and gas limits (no estimateGas, no per-transaction receipt
 * polling), one `evm_mine` turns the batch into a block, and one `eth_getLogs` fetches what it
 * emitted. Every simulator transaction emits at least one log, so a transaction hash missing from
 * the logs is the only one whose receipt is fetched. NOTE: `eth_getBlockReceipts` is quadratic in
 * anvil (4,000 receipts took 26 s), `eth_getLogs` is not.
 *
 * @example
 * const sender = await createTransactionSender({ rpc })
 * await rpc.request('evm_setAutomine', [false])
 * const { logs } = await sender.execute([{ from, to: bondingManager, data, gas: 600_000n, label: 'BondingManager.bond' }])
 */
export async function createTransactionSender(parameters: CreateTransactionSenderParameters): Promise<TransactionSender> {
  const { rpc, nextTimestamp, onMined } = parameters
  const nonces = new Map<Address, number>()
  let head = BigInt(await rpc.request<Hex>('eth_blockNumber'))
  let sentTotal = 0

  async function loadNonces(accounts: Iterable<Address>) {
    const missing = [...new Set(accounts)].filter((account) => !nonces.has(account))
    for (let i = 0; i < missing.length; i += 500) {
      const chunk = missing.slice(i, i + 500)
      const counts = await rpc.batch<Hex>(chunk.map((account) => ({ method: 'eth_getTransactionCount', params: [account, 'pending'] })))
      chunk.forEach((account, j) => nonces.set(account, Number(counts[j])))
    }
  }

  function toCall(request: TransactionRequest): RpcCall {
    const nonce = nonces.get(request.from)!
    nonces.set(request.from, nonce + 1)
    return {
      method: 'eth_sendTransaction',
      params: [
        {
          from: request.from,
          to: request.to,
          data: request.data,
          gas: numberToHex(request.gas),
          gasPrice: '0x0',
          nonce: numberToHex(nonce),
          ...(request.value ? { value: numberToHex(request.value) } : {}),
        },
      ],
    }
  }

  async function send(requests: readonly TransactionRequest[], mode: SubmissionMode): Promise<Hash[]> {
    await loadNonces(requests.map((request) => request.from))
    const calls = requests.map(toCall)
    const chunkSize = mode === 'ordered' ? ORDERED_CHUNK : PARALLEL_CHUNK
    const chunks: RpcCall[][] = []
    for (let i = 0; i < calls.length; i += chunkSize) chunks.push(calls.slice(i, i + chunkSize))
    const hashes: Hash[] = []
    try {
      for (const chunk of chunks) hashes.push(...(await rpc.batch<Hash>(chunk)))
    } catch (error) {
      // The pool may hold part of the batch: cached nonces are no longer trustworthy.
      nonces.clear()
      throw error
    }
    sentTotal += hashes.length
    return hashes
  }

  async function mineBlocks(blocks: number): Promise<{ fromBlock: bigint; toBlock: bigint }> {
    const fromBlock = head + 1n
    const timestamp = nextTimestamp?.()
    if (blocks === 1 || timestamp !== undefined) {
      for (let i = 0; i < blocks; i++) {
        const stamp = i === 0 ? timestamp : nextTimestamp?.()
        await rpc.batch([...(stamp === undefined ? [] : [{ method: 'evm_setNextBlockTimestamp', params: [numberToHex(stamp)] }]), { method: 'evm_mine', params: [] }])
      }
    } else if (blocks > 0) {
      await rpc.request('anvil_mine', [numberToHex(blocks)])
    }
    head = BigInt(await rpc.request<Hex>('eth_blockNumber'))
    return { fromBlock, toBlock: head }
  }

  async function getLogs(fromBlock: bigint, toBlock: bigint): Promise<RawLog[]> {
    if (toBlock < fromBlock) return []
    return rpc.request<RawLog[]>('eth_getLogs', [{ fromBlock: numberToHex(fromBlock), toBlock: numberToHex(toBlock) }])
  }

  async function revertReason(hash: Hash): Promise<string | undefined> {
    try {
      const trace = await rpc.request<{ error?: string; revertReason?: string }>('debug_traceTransaction', [hash, { tracer: 'callTracer' }])
      return trace.revertReason ?? trace.error
    } catch {
      return undefined
    }
  }

  async function verify(requests: readonly TransactionRequest[], hashes: Hash[], logs: RawLog[], tolerateReverts: boolean): Promise<FailedTransaction[]> {
    const logged = new Set(logs.map((log) => log.transactionHash))
    const unlogged = hashes.map((hash, i) => ({ hash, request: requests[i]! })).filter(({ hash }) => !logged.has(hash))
    if (unlogged.length === 0) return []
    const receipts = await rpc.batch<{ status: Hex; blockNumber: Hex } | null>(
      unlogged.map(({ hash }) => ({ method: 'eth_getTransactionReceipt', params: [hash] })),
    )
    const failed: FailedTransaction[] = []
    for (const [i, { hash, request }] of unlogged.entries()) {
      const receipt = receipts[i]
      if (receipt && receipt.status === '0x1') continue
      const error = new TransactionRevertedError({
        label: request.label,
        from: request.from,
        hash,
        reason: receipt ? await revertReason(hash) : 'not mined',
        blockNumber: receipt ? BigInt(receipt.blockNumber) : undefined,
      })
      // A reverted transaction still used its nonce; a missing one did not.
      if (!receipt) nonces.delete(request.from)
      if (!tolerateReverts) throw error
      failed.push({ request, hash, error })
    }
    return failed
  }

  async function mineUntilEmpty(): Promise<{ fromBlock: bigint; toBlock: bigint }> {
    const first = await mineBlocks(1)
    let previous = Number.POSITIVE_INFINITY
    for (;;) {
      const status = await rpc.request<{ pending: Hex; queued: Hex }>('txpool_status')
      const pending = Number(status.pending)
      const queued = Number(status.queued)
      if (pending === 0 && queued === 0) break
      // Queued alone is a nonce gap; pending that did not shrink does not fit a block.
      if (pending === 0 || pending >= previous) throw new TransactionNotMinedError({ pending, queued })
      previous = pending
      await mineBlocks(1)
    }
    return { fromBlock: first.fromBlock, toBlock: head }
  }

  return {
    async execute(requests, options = {}) {
      const mode = options.mode ?? 'ordered'
      // Parallel: one block per chunk, since sends into a pool that already holds a chunk are slow.
      const blockSize = mode === 'parallel' ? PARALLEL_CHUNK : Number.POSITIVE_INFINITY
      const results: MinedBlocks[] = []
      for (let i = 0; i < requests.length || i === 0; i += blockSize) {
        const part = requests.slice(i, i + blockSize)
        const hashes = await send(part, mode)
        const { fromBlock, toBlock } = await mineUntilEmpty()
        const logs = await getLogs(fromBlock, toBlock)
        const failed = await verify(part, hashes, logs, options.tolerateReverts ?? false)
        const mined = { fromBlock, toBlock, logs, sent: hashes.length, failed }
        onMined?.(mined)
        results.push(mined)
      }
      if (results.length === 1) return results[0]!
      return {
        fromBlock: results[0]!.fromBlock,
        toBlock: results.at(-1)!.toBlock,
        logs: results.flatMap((result) => result.logs),
        sent: results.reduce((sum, result) => sum + result.sent, 0),
        failed: results.flatMap((result) => result.failed),
      }
    },
    async mine(blocks) {
      const { fromBlock, toBlock } = await mineBlocks(blocks)
      const logs = await getLogs(fromBlock, toBlock)
      const mined = { fromBlock, toBlock, logs, sent: 0, failed: [] }
      onMined?.(mined)
      return mined
    },
    head: () => head,
    resetNonces(accounts) {
      if (!accounts) return nonces.clear()
      for (const account of accounts) nonces.delete(account)
    },
    sentCount: () => sentTotal,
  }
}

