import { keccak256, stringToBytes, type Hex } from 'viem'
import { privateKeyToAccount, type PrivateKeyAccount } from 'viem/accounts'

/** The parts devnet accounts play. */
export const devnetRoles = ['deployer', 'orchestrator', 'delegator', 'gateway', 'rewardCaller', 'verifier', 'bridge'] as const

/** A role from {@link devnetRoles}. */
export type DevnetRole = (typeof devnetRoles)[number]

/**
 * Derives a devnet account: the private key is `keccak256("<seed>/<role>/<index>")`. Anvil
 * impersonates every address, so most accounts only need the address; gateways sign tickets and
 * reference orchestrator nodes sign with theirs, hence real keys for all.
 *
 * @param seed - The devnet seed (`createDevnet`'s `seed`).
 * @param role - What the account does.
 * @param index - 0-based index within the role.
 * @returns A viem account with its private key.
 *
 * @example
 * const gateway = deriveDevnetAccount('peerscope', 'gateway', 0)
 * const signature = await gateway.signMessage({ message: { raw: ticketHash } })
 */
export function deriveDevnetAccount(seed: string, role: DevnetRole, index: number): PrivateKeyAccount {
  return privateKeyToAccount(deriveDevnetPrivateKey(seed, role, index))
}

/**
 * The private key behind {@link deriveDevnetAccount}: `keccak256("<seed>/<role>/<index>")`.
 *
 * @example
 * const key = deriveDevnetPrivateKey('peerscope', 'orchestrator', 0) // for a reference orchestrator node
 */
export function deriveDevnetPrivateKey(seed: string, role: DevnetRole, index: number): Hex {
  return keccak256(stringToBytes(`${seed}/${role}/${index}`))
}
