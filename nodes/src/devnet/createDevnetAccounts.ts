import type { Address, Hex } from 'viem'
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts'
import { deriveDevnetPrivateKey, type DevnetRole } from './deriveDevnetAccount.ts'

/** Every account a devnet uses, derived from its seed. */
export type DevnetAccounts = {
  /** Deploys the contracts, owns the Controller and Treasury, mints LPT. */
  deployer: PrivateKeyAccount
  orchestrators: PrivateKeyAccount[]
  delegators: PrivateKeyAccount[]
  gateways: PrivateKeyAccount[]
  /** LIP-118 keeper that calls `rewardForTranscoder` for the orchestrators that chose it. */
  rewardCaller: PrivateKeyAccount
  /** Registered as the Controller's "Verifier": the only account allowed to slash. */
  verifier: PrivateKeyAccount
  /** A bridge-like LPT holder granted BURNER_ROLE for a while; also the finder of the slashing. */
  bridge: PrivateKeyAccount
  /** The private key of every account above, by address. */
  privateKeys: ReadonlyMap<Address, Hex>
}

/** Parameters for {@link createDevnetAccounts}. */
export type CreateDevnetAccountsParameters = { seed: string; orchestrators: number; delegators: number; gateways: number }

/**
 * Derives the devnet's accounts (keys as in `deriveDevnetAccount`).
 *
 * @example
 * const accounts = createDevnetAccounts({ seed: 'peerscope', orchestrators: 20, delegators: 200, gateways: 5 })
 */
export function createDevnetAccounts({ seed, orchestrators, delegators, gateways }: CreateDevnetAccountsParameters): DevnetAccounts {
  const privateKeys = new Map<Address, Hex>()
  const one = (role: DevnetRole, index: number) => {
    const privateKey = deriveDevnetPrivateKey(seed, role, index)
    const account = privateKeyToAccount(privateKey)
    privateKeys.set(account.address, privateKey)
    return account
  }
  const many = (role: DevnetRole, count: number) => Array.from({ length: count }, (_, index) => one(role, index))
  return {
    deployer: one('deployer', 0),
    orchestrators: many('orchestrator', orchestrators),
    delegators: many('delegator', delegators),
    gateways: many('gateway', gateways),
    rewardCaller: one('rewardCaller', 0),
    verifier: one('verifier', 0),
    bridge: one('bridge', 0),
    privateKeys,
  }
}
