import { createDevnet } from '@peerscope/nodes'
import { createDevnetClient } from '@peerscope/protocol/anvil'
import { readNetworkState } from './nodes/src/simulator/scenario/readNetworkState.ts'
import { createRpcClient } from './nodes/src/simulator/rpc/createRpcClient.ts'
const devnet = await createDevnet({ port: 0, live: false, manifestPath: false, rounds: 12 })
const client = createDevnetClient({ rpcUrl: devnet.rpcUrl })
const rpc = createRpcClient({ url: devnet.rpcUrl })
const head = await client.getBlockNumber()
const p = { client, deployment: devnet.deployment, orchestrators: devnet.accounts.orchestrators.map(a=>a.address), delegators: devnet.accounts.delegators.map(a=>a.address), gateways: devnet.accounts.gateways.map(a=>a.address) }
for (const bn of [head, head, undefined, undefined]) {
  const t = performance.now()
  await readNetworkState({ ...p, blockNumber: bn })
  console.log('read', bn, (performance.now() - t).toFixed(0))
}
for (const n of [1, 10, 35]) { const t = performance.now(); await rpc.request('anvil_mine', ['0x' + n.toString(16)]); console.log('anvil_mine', n, (performance.now() - t).toFixed(0)) }
await rpc.request('anvil_removeBlockTimestampInterval')
for (const n of [1, 10, 35]) { const t = performance.now(); await rpc.request('anvil_mine', ['0x' + n.toString(16)]); console.log('anvil_mine no interval', n, (performance.now() - t).toFixed(0)) }
{ const t = performance.now(); for (let i=0;i<35;i++) await rpc.request('evm_mine'); console.log('evm_mine x35', (performance.now() - t).toFixed(0)) }
await devnet.stop()
