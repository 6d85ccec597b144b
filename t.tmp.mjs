import { startAnvil } from '@peerscope/protocol/anvil'
import { createRpcClient } from './nodes/src/simulator/rpc/createRpcClient.ts'
const anvil = await startAnvil({})
const rpc = createRpcClient({ url: anvil.rpcUrl })
for (const [m, p] of [['anvil_setBlock', ['0x100']], ['evm_setBlockNumber', ['0x100']], ['anvil_setBlockNumber', ['0x100']], ['hardhat_mine', ['0x100']]]) {
  try { console.log(m, await rpc.request(m, p), await rpc.request('eth_blockNumber')) } catch (e) { console.log(m, 'ERR', e.shortMessage) }
}
await anvil.stop()
