import { startAnvil, createDevnetClient } from '@peerscope/protocol/anvil'
import { encodeFunctionData, keccak256, toHex, type Address } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { readFileSync } from 'node:fs'

const art = JSON.parse(readFileSync('/work/main/protocol/artifacts/Placeholder.json', 'utf8'))
const order = process.argv[2] ?? 'fees'
const anvil = await startAnvil({ args: ['--order', order] })
const client = createDevnetClient({ rpcUrl: anvil.rpcUrl })
let id = 0
async function batch(reqs: { method: string; params: unknown[] }[]) {
  const body = reqs.map((r) => ({ jsonrpc: '2.0', id: id++, ...r }))
  const res = await fetch(anvil.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  const json = (await res.json()) as { id: number; result?: any; error?: any }[]
  json.sort((a, b) => a.id - b.id)
  for (const j of json) if (j.error) throw new Error(JSON.stringify(j.error))
  return json.map((j) => j.result)
}
const addr = '0x1000000000000000000000000000000000000001' as Address
await client.setCode({ address: addr, bytecode: art.deployedBytecode })
const senders = Array.from({ length: 500 }, (_, i) => privateKeyToAccount(keccak256(toHex(`s${i}`))).address)
await batch(senders.map((s) => ({ method: 'anvil_setBalance', params: [s, '0xffffffffffffffffff'] })))
await batch([{ method: 'evm_setAutomine', params: [false] }])
const data = encodeFunctionData({ abi: art.abi, functionName: 'ping' })
const nonces = new Map<string, number>()
for (const perBlock of [1000, 3000, 5000]) {
  for (const chunk of [250, 1000]) {
    const t0 = performance.now()
    const total = 20000
    let sent = 0
    let logs = 0
    while (sent < total) {
      const reqs = []
      for (let i = 0; i < perBlock; i++) {
        const s = senders[(sent + i) % senders.length]!
        const n = nonces.get(s) ?? 0
        nonces.set(s, n + 1)
        reqs.push({ method: 'eth_sendTransaction', params: [{ from: s, to: addr, data, gas: '0x10000', gasPrice: '0x0', nonce: toHex(n) }] })
      }
      const chunks = []
      for (let i = 0; i < reqs.length; i += chunk) chunks.push(reqs.slice(i, i + chunk))
      const hashes = (await Promise.all(chunks.map(batch))).flat()
      await batch([{ method: 'evm_mine', params: [] }])
      const [receipts] = await batch([{ method: 'eth_getBlockReceipts', params: ['latest'] }])
      if (receipts.length !== perBlock) throw new Error(`receipts ${receipts.length}`)
      // order check
      for (let i = 0; i < receipts.length; i++) if (receipts[i].transactionHash !== hashes[i]) { console.log('order differs at', i); break }
      for (const r of receipts) logs += r.logs.length
      sent += perBlock
    }
    const dt = (performance.now() - t0) / 1000
    console.log({ order, perBlock, chunk, txs: total, logs, seconds: dt.toFixed(2), txps: Math.round(total / dt) })
  }
}
await anvil.stop()
