import { startAnvil, createDevnetClient } from '@peerscope/protocol/anvil'
import { encodeFunctionData, keccak256, toHex, type Address } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { readFileSync } from 'node:fs'

const art = JSON.parse(readFileSync('/work/main/protocol/artifacts/Placeholder.json', 'utf8'))
const extra = process.argv.slice(2)
const anvil = await startAnvil({ args: extra })
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
const senders = Array.from({ length: 5000 }, (_, i) => privateKeyToAccount(keccak256(toHex(`s${i}`))).address)
await batch(senders.map((s) => ({ method: 'anvil_setBalance', params: [s, '0xffffffffffffffffff'] })))
await batch([{ method: 'evm_setAutomine', params: [false] }])
const data = encodeFunctionData({ abi: art.abi, functionName: 'ping' })
const nonces = new Map<string, number>()
for (const [perBlock, nSenders] of [[500, 500], [1000, 1000], [2000, 2000], [2000, 200], [4000, 4000]] as const) {
  let tSend = 0, tMine = 0, tRec = 0
  const total = 8000
  let sent = 0
  while (sent < total) {
    const reqs = []
    for (let i = 0; i < perBlock; i++) {
      const s = senders[(sent + i) % nSenders]!
      const n = nonces.get(s) ?? 0
      nonces.set(s, n + 1)
      reqs.push({ method: 'eth_sendTransaction', params: [{ from: s, to: addr, data, gas: '0x10000', gasPrice: '0x0', nonce: toHex(n) }] })
    }
    let t = performance.now()
    await batch(reqs)
    tSend += performance.now() - t; t = performance.now()
    await batch([{ method: 'evm_mine', params: [] }])
    tMine += performance.now() - t; t = performance.now()
    const [bn] = await batch([{ method: 'eth_blockNumber', params: [] }]); const [receipts] = await batch([{ method: 'eth_getLogs', params: [{fromBlock: bn, toBlock: bn}] }])
    tRec += performance.now() - t
    if (receipts.length !== perBlock) throw new Error(`receipts ${receipts.length}`)
    sent += perBlock
  }
  console.log({ perBlock, nSenders, send: Math.round(tSend), mine: Math.round(tMine), rec: Math.round(tRec), txps: Math.round(total / ((tSend + tMine + tRec) / 1000)) })
}
await anvil.stop()
