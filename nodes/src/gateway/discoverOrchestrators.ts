import { bondingManagerAbi, serviceRegistryAbi } from '@peerscope/protocol/abi'
import { zeroAddress, type Address, type Hex } from 'viem'
import type { NodeChain } from '../chain/createNodeChain.ts'
import type { OrchestratorInfoJson } from '../wire/types.ts'

/** An orchestrator known from chain or config. */
export type OrchestratorCandidate = { address: Address | undefined; serviceUri: string; stake: bigint }

/** A candidate that answered `GetOrchestrator`. */
export type DiscoveredOrchestrator = OrchestratorCandidate & { address: Address; info: OrchestratorInfoJson; latencyMs: number }

/** A candidate that did not answer usefully. */
export type DiscoveryFailure = OrchestratorCandidate & { error: string }

/**
 * The on-chain candidates: the transcoder pool (the active set, top N by stake) walked through
 * `getFirstTranscoderInPool` / `getNextTranscoderInPool`, with stake and ServiceRegistry URI.
 *
 * @example
 * const candidates = await readActiveOrchestrators(chain) // [{ address, serviceUri, stake }]
 */
export async function readActiveOrchestrators(chain: Pick<NodeChain, 'client' | 'contracts'>): Promise<OrchestratorCandidate[]> {
  const { client, contracts } = chain
  const out: OrchestratorCandidate[] = []
  let current = await client.readContract({ address: contracts.BondingManager, abi: bondingManagerAbi, functionName: 'getFirstTranscoderInPool' })
  for (let guard = 0; current !== zeroAddress && guard < 1_000; guard++) {
    const address: Address = current
    const [stake, serviceUri] = await Promise.all([
      client.readContract({ address: contracts.BondingManager, abi: bondingManagerAbi, functionName: 'transcoderTotalStake', args: [address] }),
      client.readContract({ address: contracts.ServiceRegistry, abi: serviceRegistryAbi, functionName: 'getServiceURI', args: [address] }),
    ])
    if (serviceUri) out.push({ address, serviceUri, stake })
    current = await client.readContract({ address: contracts.BondingManager, abi: bondingManagerAbi, functionName: 'getNextTranscoderInPool', args: [address] })
  }
  return out
}

/** Parameters for {@link pollOrchestrators}. */
export type PollOrchestratorsParameters = {
  candidates: readonly OrchestratorCandidate[]
  /** The gateway's address and its signature of the lower-case address. */
  address: Address
  sig: Hex
  /** Per-call timeout, ms. Default 3,000 (go-livepeer's connect timeout). */
  callTimeoutMs?: number | undefined
  /** First wait for answers, ms; doubles while nobody answered, up to `maxWaitMs`. Defaults 500 and 6,000. */
  discoveryTimeoutMs?: number | undefined
  maxWaitMs?: number | undefined
}

/**
 * go-livepeer's `GetOrchestrators`: asks every candidate for its info in parallel (shuffled), waits
 * 500 ms (doubling while nobody answered, up to 6 s), and returns the answers sorted by latency plus
 * the failures (unreachable, refused, bad info).
 *
 * @see shared/spec/nodes.md §3.2–§3.3
 *
 * @example
 * const { found, failed } = await pollOrchestrators({ candidates, address, sig })
 */
export async function pollOrchestrators(parameters: PollOrchestratorsParameters): Promise<{ found: DiscoveredOrchestrator[]; failed: DiscoveryFailure[] }> {
  const { candidates, address, sig, callTimeoutMs = 3_000, discoveryTimeoutMs = 500, maxWaitMs = 6_000 } = parameters
  const found: DiscoveredOrchestrator[] = []
  const failed: DiscoveryFailure[] = []
  const shuffled = [...candidates].sort(() => Math.random() - 0.5)
  const calls = shuffled.map(async (candidate) => {
    const started = performance.now()
    try {
      const response = await fetch(`${candidate.serviceUri.replace(/\/+$/, '')}/getOrchestrator`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ address, sig }),
        signal: AbortSignal.timeout(callTimeoutMs),
      })
      const body = (await response.json()) as OrchestratorInfoJson & { error?: { code: string; message: string } }
      if (!response.ok || body.error) throw new Error(body.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${response.status}`)
      if (!body.transcoder || !body.address || !body.priceInfo) throw new Error('info without transcoder, address or price')
      if (candidate.address && body.address.toLowerCase() !== candidate.address.toLowerCase()) throw new Error(`info address ${body.address} is not the registered ${candidate.address}`)
      found.push({ ...candidate, address: body.address, info: body, latencyMs: performance.now() - started })
    } catch (error) {
      failed.push({ ...candidate, error: (error as Error).message })
    }
  })
  const all = Promise.allSettled(calls)
  let wait = discoveryTimeoutMs
  let waited = 0
  for (;;) {
    const done = await Promise.race([all.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), wait))])
    waited += wait
    if (done || found.length > 0 || waited >= maxWaitMs) break
    wait = Math.min(wait * 2, maxWaitMs - waited)
  }
  return { found: [...found].sort((a, b) => a.latencyMs - b.latencyMs), failed: [...failed] }
}
