import { createDevnetClient } from '@peerscope/protocol/anvil'
import { parseEther, type Address, type Hex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'
import { fundDevnetAccount } from '../chain/fundDevnetAccount.ts'
import { createDevnet, type Devnet } from '../devnet/index.ts'

/**
 * Test fixture: a small real devnet (anvil + contracts + a 1-round scenario) with automine on, and
 * helpers to make funded accounts and move rounds. Tests own its lifetime (`stop()` in `after`).
 *
 * @example
 * const network = await createTestNetwork()
 * const key = await network.fundedKey({ lpt: 2_000n })
 * await network.stop()
 */
export async function createTestNetwork({ seed = 'nodes-test' }: { seed?: string } = {}) {
  const devnet: Devnet = await createDevnet({ port: 0, live: false, manifestPath: false, orchestrators: 2, delegators: 2, gateways: 1, rounds: 1, seed })
  const client = createDevnetClient({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId })
  await client.request({ method: 'evm_setAutomine' as never, params: [true] as never })
  const roundLength = devnet.parameters.roundLength
  return {
    devnet,
    manifest: devnet.manifest,
    client,
    /** A fresh key with `eth` ETH and `lpt` LPT (whole units). */
    async fundedKey({ eth = 100n, lpt = 0n }: { eth?: bigint; lpt?: bigint } = {}): Promise<Hex> {
      const key = generatePrivateKey()
      await fundDevnetAccount({ manifest: devnet.manifest, address: privateKeyToAccount(key).address, eth: parseEther(eth.toString()), lpt: lpt * 10n ** 18n })
      return key
    },
    /** Mines to the first block of the round `rounds` ahead. */
    async nextRound(rounds = 1n) {
      const block = await client.getBlockNumber({ cacheTime: 0 })
      const target = (block / roundLength + rounds) * roundLength
      await client.mine({ blocks: Number(target - block) })
    },
    async mine(blocks: number) {
      await client.mine({ blocks })
    },
    address: (key: Hex): Address => privateKeyToAccount(key).address,
    stop: () => devnet.stop(),
  }
}

/** The fixture returned by {@link createTestNetwork}. */
export type TestNetwork = Awaited<ReturnType<typeof createTestNetwork>>
