import type { DevnetManifest } from '@peerscope/protocol'
import { livepeerTokenAbi } from '@peerscope/protocol/abi'
import { createDevnetClient } from '@peerscope/protocol/anvil'
import { numberToHex, type Address } from 'viem'

/** Parameters for {@link fundDevnetAccount}. */
export type FundDevnetAccountParameters = {
  manifest: DevnetManifest
  rpcUrl?: string | undefined
  address: Address
  /** ETH balance to set, wei. */
  eth?: bigint | undefined
  /** LPT to mint, wei (the deployer holds the minter role on a devnet). */
  lpt?: bigint | undefined
}

/**
 * Devnet only: gives a node's own account ETH (`anvil_setBalance`) and LPT (minted by the devnet
 * deployer through anvil's impersonation), so a reference orchestrator or gateway runs on a fresh
 * key instead of sharing one with the simulator's live activity.
 *
 * @example
 * await fundDevnetAccount({ manifest, address: privateKeyToAccount(key).address, eth: 10n ** 20n, lpt: 2_000n * 10n ** 18n })
 */
export async function fundDevnetAccount({ manifest, rpcUrl = manifest.rpcUrl, address, eth, lpt }: FundDevnetAccountParameters): Promise<void> {
  const client = createDevnetClient({ rpcUrl, chainId: manifest.chainId })
  if (eth !== undefined) await client.request({ method: 'anvil_setBalance' as never, params: [address, numberToHex(eth)] as never })
  if (lpt !== undefined && lpt > 0n) {
    const token = manifest.contracts.LivepeerToken
    if (!token) throw new Error('the manifest has no LivepeerToken')
    const hash = await client.writeContract({ account: manifest.deployer, address: token.address, abi: livepeerTokenAbi, functionName: 'mint', args: [address, lpt], chain: null, gasPrice: 0n })
    const receipt = await client.waitForTransactionReceipt({ hash, pollingInterval: 50 })
    if (receipt.status !== 'success') throw new Error(`LPT mint to ${address} reverted`)
  }
}
