import { numberToHex, parseEther, type Address } from 'viem'
import { lptRoles } from '../chain/createProtocolCalls.ts'
import type { TransactionRequest } from '../chain/createTransactionSender.ts'
import type { RpcClient } from '../rpc/createRpcClient.ts'
import { executeBlock, type ScenarioContext } from './context.ts'

const LPT = 10n ** 18n

/**
 * Sets ETH balances with `anvil_setBalance` (no transactions), chunked into JSON-RPC batches.
 *
 * @example
 * await setBalances(rpc, [[gateway, parseEther('1000')]])
 */
export async function setBalances(rpc: RpcClient, balances: readonly (readonly [Address, bigint])[]): Promise<void> {
  for (let i = 0; i < balances.length; i += 500) {
    await rpc.batch(balances.slice(i, i + 500).map(([address, amount]) => ({ method: 'anvil_setBalance', params: [address, numberToHex(amount)] })))
  }
}

/**
 * Funds the cast: ETH with `anvil_setBalance` (gateways get the most: deposits and reserves), LPT
 * minted by the deployer (self-bonds with headroom, delegator budgets, the bridge's float), and
 * BURNER_ROLE for the bridge. One block of mints.
 *
 * @example
 * await fundAccounts(ctx, rpc)
 */
export async function fundAccounts(ctx: ScenarioContext, rpc: RpcClient): Promise<void> {
  const { accounts, plan, calls } = ctx
  const deployer = accounts.deployer.address
  await setBalances(rpc, [
    ...[deployer, accounts.rewardCaller.address, accounts.verifier.address, accounts.bridge.address].map((a) => [a, parseEther('100')] as const),
    ...plan.orchestrators.map((o) => [o.address, parseEther('10')] as const),
    ...plan.delegators.map((d) => [d.address, parseEther('5')] as const),
    ...plan.gateways.map((g) => [g.address, parseEther('1000')] as const),
  ])
  const mints: TransactionRequest[] = [
    ...plan.orchestrators.map((o) => calls.mint(deployer, o.address, (o.selfBond * 5n) / 4n)),
    ...plan.delegators.map((d) => calls.mint(deployer, d.address, d.budget)),
    calls.mint(deployer, accounts.bridge.address, 20_000n * LPT),
    calls.grantRole(deployer, lptRoles.BURNER_ROLE, accounts.bridge.address),
  ]
  await executeBlock(ctx, mints)
}
