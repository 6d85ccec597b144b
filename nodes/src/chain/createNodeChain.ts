import type { DevnetManifest } from '@peerscope/protocol'
import { bondingManagerAbi, livepeerTokenAbi, roundsManagerAbi, serviceRegistryAbi, ticketBrokerAbi } from '@peerscope/protocol/abi'
import {
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  type Abi,
  type Address,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type Hex,
  type TransactionReceipt,
} from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { TransactionRevertedError } from '../errors/chain.ts'

/** Parameters for {@link createNodeChain}. */
export type CreateNodeChainParameters = {
  /** The devnet manifest (contract addresses, chain id). */
  manifest: DevnetManifest
  /** JSON-RPC URL; default the manifest's. */
  rpcUrl?: string | undefined
  /** The node's key: it signs its own transactions (no impersonation). */
  privateKey: Hex
  /** Receipt polling, ms. Default 100. */
  pollingInterval?: number | undefined
}

/**
 * A node's view of the chain: a public client, a wallet for its own key, the protocol contracts,
 * and `send`, which runs one transaction at a time (so nonces never race) and waits for its receipt.
 *
 * @example
 * const chain = createNodeChain({ manifest, privateKey })
 * await chain.send('reward', { address: chain.contracts.BondingManager, abi: bondingManagerAbi, functionName: 'reward' })
 */
export function createNodeChain({ manifest, rpcUrl = manifest.rpcUrl, privateKey, pollingInterval = 100 }: CreateNodeChainParameters) {
  const chain = defineChain({
    id: manifest.chainId,
    name: manifest.asArbitrum ? 'devnet-arbitrum' : 'devnet',
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
    contracts: { multicall3: { address: manifest.multicall3 } },
  })
  const account = privateKeyToAccount(privateKey)
  const transport = http(rpcUrl, { retryCount: 1, timeout: 15_000 })
  const client = createPublicClient({ chain, transport, pollingInterval })
  const wallet = createWalletClient({ chain, transport, account })
  const address = (name: string): Address => {
    const entry = manifest.contracts[name]
    if (!entry) throw new Error(`manifest has no ${name}`)
    return entry.address
  }
  const contracts = {
    BondingManager: address('BondingManager'),
    RoundsManager: address('RoundsManager'),
    TicketBroker: address('TicketBroker'),
    ServiceRegistry: address('ServiceRegistry'),
    LivepeerToken: address('LivepeerToken'),
  }
  let queue: Promise<unknown> = Promise.resolve()

  /** Sends one contract call from the node's account after the previous one is mined. */
  const send = <const abi extends Abi, functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'>>(
    label: string,
    call: { address: Address; abi: abi; functionName: functionName; args?: ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName>; value?: bigint },
  ): Promise<TransactionReceipt> => {
    const run = async () => {
      // NOTE: legacy pricing at the node's gas price: devnets run with a zero base fee, where viem's
      // default EIP-1559 tip would exceed the fee cap.
      const gasPrice = await client.getGasPrice()
      // biome-ignore lint: viem's generic write parameters
      const hash = await wallet.writeContract({ ...(call as any), chain, account, type: 'legacy', gasPrice })
      const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval, timeout: 120_000 })
      if (receipt.status !== 'success') throw new TransactionRevertedError({ label, from: account.address, hash, blockNumber: receipt.blockNumber })
      return receipt
    }
    const next = queue.then(run, run)
    queue = next.catch(() => {})
    return next
  }

  return { chain, client, wallet, account, address: account.address, contracts, send, abis: { bondingManagerAbi, roundsManagerAbi, ticketBrokerAbi, serviceRegistryAbi, livepeerTokenAbi } }
}

/** The node chain handle of {@link createNodeChain}. */
export type NodeChain = ReturnType<typeof createNodeChain>
