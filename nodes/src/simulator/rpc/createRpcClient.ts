import { RpcRequestError } from '../../errors/chain.ts'

/** One JSON-RPC call. */
export type RpcCall = { method: string; params: readonly unknown[] }

/** Parameters for {@link createRpcClient}. */
export type CreateRpcClientParameters = {
  /** The node's HTTP JSON-RPC endpoint. */
  url: string
}

/** A minimal JSON-RPC client that sends batches as one HTTP request each. */
export type RpcClient = {
  url: string
  /** One call; throws {@link RpcRequestError} on a node error. */
  request: <result = unknown>(method: string, params?: readonly unknown[]) => Promise<result>
  /** Many calls in one HTTP request; results in call order. Throws on the first node error. */
  batch: <result = unknown>(calls: readonly RpcCall[]) => Promise<result[]>
}

type RpcResponse = { id: number; result?: unknown; error?: { code: number; message: string; data?: unknown } }

/**
 * A JSON-RPC client for the simulator's hot path. viem's transport sends one HTTP request per
 * call; the scenario sends thousands of transactions, and a JSON-RPC batch of them costs one round
 * trip. NOTE: anvil serves a batch's calls concurrently, so their side effects (a transaction's
 * place in the pool) need not follow the batch's order; callers that need order send one by one.
 *
 * @example
 * const rpc = createRpcClient({ url: anvil.rpcUrl })
 * const [block, chainId] = await rpc.batch([{ method: 'eth_blockNumber', params: [] }, { method: 'eth_chainId', params: [] }])
 */
export function createRpcClient({ url }: CreateRpcClientParameters): RpcClient {
  let nextId = 1

  async function post(body: unknown, method: string): Promise<unknown> {
    let response: Response
    try {
      response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    } catch (cause) {
      throw new RpcRequestError({ method, message: 'the node did not answer', cause })
    }
    if (!response.ok) throw new RpcRequestError({ method, message: `HTTP ${response.status} ${await response.text()}` })
    return response.json()
  }

  function unwrap(call: RpcCall, response: RpcResponse | undefined): unknown {
    if (!response) throw new RpcRequestError({ method: call.method, message: 'no response in batch' })
    if (response.error) {
      const data = response.error.data === undefined ? '' : ` (${JSON.stringify(response.error.data)})`
      throw new RpcRequestError({ method: call.method, code: response.error.code, message: `${response.error.message}${data}` })
    }
    return response.result
  }

  return {
    url,
    async request<result>(method: string, params: readonly unknown[] = []) {
      const call = { method, params }
      const response = (await post({ jsonrpc: '2.0', id: nextId++, method, params }, method)) as RpcResponse
      return unwrap(call, response) as result
    },
    async batch<result>(calls: readonly RpcCall[]) {
      if (calls.length === 0) return []
      const firstId = nextId
      nextId += calls.length
      const body = calls.map((call, i) => ({ jsonrpc: '2.0', id: firstId + i, method: call.method, params: call.params }))
      const responses = (await post(body, calls[0]!.method)) as RpcResponse[]
      if (!Array.isArray(responses)) return calls.map((call) => unwrap(call, responses as RpcResponse)) as result[]
      const byId = new Map(responses.map((response) => [response.id, response]))
      return calls.map((call, i) => unwrap(call, byId.get(firstId + i))) as result[]
    },
  }
}
