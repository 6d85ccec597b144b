import { createTestClient, http, publicActions, walletActions, type Chain } from 'viem'
import { foundry } from 'viem/chains'
import { multicall3Address } from '../presets/contractNames.ts'

/** Parameters for {@link createDevnetClient}. */
export type CreateDevnetClientParameters = {
  rpcUrl: string
  chainId?: number
  /** Polling interval for receipts, ms. The devnet mines instantly, so poll fast. */
  pollingInterval?: number
}

/**
 * One viem client with public, wallet (unsigned `eth_sendTransaction`, which anvil's
 * auto-impersonation accepts from any address) and anvil test actions.
 *
 * @example
 * const client = createDevnetClient({ rpcUrl: anvil.rpcUrl })
 * await client.writeContract({ account: alice, address, abi, functionName: 'bond', args, chain: null })
 */
export function createDevnetClient({ rpcUrl, chainId = 31337, pollingInterval = 50 }: CreateDevnetClientParameters) {
  // Every Peerscope devnet has Multicall3 at its canonical address (deployProtocol places it).
  const chain: Chain = { ...foundry, id: chainId, rpcUrls: { default: { http: [rpcUrl] } }, contracts: { multicall3: { address: multicall3Address } } }
  return createTestClient({ chain, mode: 'anvil', transport: http(rpcUrl, { batch: false, retryCount: 0 }), pollingInterval })
    .extend(publicActions)
    .extend(walletActions)
}

/** The client type returned by {@link createDevnetClient}. */
export type DevnetClient = ReturnType<typeof createDevnetClient>
