import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { createDevnetClient, startAnvil, type Anvil } from '@peerscope/protocol/anvil'
import { deployProtocol, devnetParameters, type ProtocolDeployment } from '@peerscope/protocol/deploy'
import { TransactionRevertedError } from '../../errors/chain.ts'
import { deriveDevnetAccount } from '../../devnet/deriveDevnetAccount.ts'
import { createRpcClient } from '../rpc/createRpcClient.ts'
import { createProtocolCalls } from './createProtocolCalls.ts'
import { createTransactionSender, type TransactionSender } from './createTransactionSender.ts'

const deployer = deriveDevnetAccount('sender-test', 'deployer', 0).address
const holders = Array.from({ length: 40 }, (_, i) => deriveDevnetAccount('sender-test', 'delegator', i).address)
let anvil: Anvil
let deployment: ProtocolDeployment
let sender: TransactionSender
let calls: ReturnType<typeof createProtocolCalls>
const rpc = () => createRpcClient({ url: anvil.rpcUrl })

before(async () => {
  anvil = await startAnvil({ port: 0 })
  deployment = await deployProtocol({ client: createDevnetClient({ rpcUrl: anvil.rpcUrl }), deployer, parameters: devnetParameters })
  await rpc().request('evm_setAutomine', [false])
  sender = await createTransactionSender({ rpc: rpc() })
  calls = createProtocolCalls({ deployment })
})
after(async () => {
  await anvil?.stop()
})

test('behavior: ordered batches land in one block, in submission order across accounts', async () => {
  const requests = holders.map((holder, i) => calls.mint(deployer, holder, BigInt(i + 1)))
  const transfers = holders.map((holder, i) => calls.transfer(holder, holders[(i + 1) % holders.length]!, 1n))
  const mined = await sender.execute([...requests, ...transfers])
  assert.equal(mined.fromBlock, mined.toBlock)
  assert.equal(mined.sent, 80)
  assert.equal(mined.logs.length, 40 * 2 + 40)
  const block = await rpc().request<{ transactions: string[] }>('eth_getBlockByNumber', [`0x${mined.toBlock.toString(16)}`, false])
  const order = [...new Set(mined.logs.map((log) => log.transactionHash))]
  assert.deepEqual(block.transactions, order)
})

test('behavior: a revert throws TransactionRevertedError with the reason', async () => {
  // No round is initialized yet, so bonding reverts.
  const error = await sender.execute([calls.approve(holders[0]!, 1n), calls.bond(holders[0]!, 1n, holders[1]!)]).catch((e: unknown) => e)
  assert.ok(error instanceof TransactionRevertedError)
  assert.equal(error.shortMessage, 'BondingManager.bond reverted: current round is not initialized')
  assert.equal(error.from, holders[0])
  assert.equal(error.retryable, false)
})

test('behavior: tolerated reverts come back as values and keep nonces in step', async () => {
  const mined = await sender.execute([calls.bond(holders[2]!, 1n, holders[3]!), calls.transfer(holders[2]!, holders[3]!, 1n)], { tolerateReverts: true })
  assert.equal(mined.failed.length, 1)
  assert.equal(mined.failed[0]!.error.shortMessage, 'BondingManager.bond reverted: current round is not initialized')
  assert.equal(mined.logs.length, 1)
})

test('behavior: mine() mines empty blocks and moves the head', async () => {
  const head = sender.head()
  const mined = await sender.mine(5)
  assert.equal(mined.toBlock, head + 5n)
  assert.equal(sender.head(), head + 5n)
})
