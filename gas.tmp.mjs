import { createDevnet } from '@peerscope/nodes'
import { createRpcClient } from './nodes/src/simulator/rpc/createRpcClient.ts'
import * as abis from '@peerscope/protocol/abi'
import { toFunctionSelector } from 'viem'
const sel = new Map()
for (const [n, abi] of Object.entries(abis)) for (const f of abi) if (f.type === 'function') sel.set(toFunctionSelector(f), n.replace('Abi','') + '.' + f.name)
const devnet = await createDevnet({ port: 0, live: false, manifestPath: false, rounds: 30 })
const rpc = createRpcClient({ url: devnet.rpcUrl })
const head = Number(await rpc.request('eth_blockNumber'))
const max = new Map()
for (let b = 0; b <= head; b++) {
  const rs = await rpc.request('eth_getBlockReceipts', ['0x' + b.toString(16)])
  if (!rs?.length) continue
  const blk = await rpc.request('eth_getBlockByNumber', ['0x' + b.toString(16), true])
  blk.transactions.forEach((tx, i) => { const k = sel.get(tx.input.slice(0, 10)) ?? tx.input.slice(0,10); const g = Number(rs[i].gasUsed); const cur = max.get(k) ?? [0, 0]; max.set(k, [Math.max(cur[0], g), cur[1] + 1]) })
}
console.log([...max].sort().map(([k, [g, n]]) => `${k.padEnd(45)} ${String(g).padStart(9)} ${n}`).join('\n'))
await devnet.stop()
