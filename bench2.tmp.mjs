import { startAnvil } from '@peerscope/protocol/anvil'
import { createRpcClient } from './nodes/src/simulator/rpc/createRpcClient.ts'
for (const args of [[], ['--prune-history'], ['--prune-history', '50'], ['--no-storage-caching']]) {
  const anvil = await startAnvil({ args })
  const rpc = createRpcClient({ url: anvil.rpcUrl })
  // fill some state
  await rpc.batch(Array.from({ length: 2000 }, (_, i) => ({ method: 'anvil_setBalance', params: ['0x' + (i + 1).toString(16).padStart(40, '0'), '0x1000'] })))
  await rpc.request('anvil_setBlockTimestampInterval', [12])
  let t = performance.now(); await rpc.request('anvil_mine', ['0x23']); const a = performance.now() - t
  t = performance.now(); await rpc.request('anvil_mine', ['0x190']); const b = performance.now() - t
  console.log(args.join(' ') || '(none)', 'mine35', a.toFixed(0), 'mine400', b.toFixed(0))
  await anvil.stop()
}
