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
const senders = Array.from({ length: 1000 }, (_, i) => privateKeyToAccount(keccak256(toHex(`s${i}`))).address)
await batch(senders.map((s) => ({ method: 'anvil_setBalance', params: [s, '0xffffffffffffffffff'] })))
await batch([{ method: 'evm_setAutomine', params: [false] }])
const data = encodeFunctionData({ abi: art.abi, functionName: 'ping' })
const nonces = new Map<string, number>()
for (const mode of ['c32', 'c60', 'c64','c32','c60']) {
  const reqs = []
  for (let i = 0; i < 1000; i++) {
    const s = senders[(i * 7919) % 1000]!
    const n = nonces.get(s) ?? 0
    nonces.set(s, n + 1)
    reqs.push({ method: 'eth_sendTransaction', params: [{ from: s, to: addr, data, gas: '0x10000', gasPrice: '0x0', nonce: toHex(n) }] })
  }
  const t = performance.now()
  let hashes: string[] = []
  if (mode === 'seq') for (const r of reqs) hashes.push(...(await batch([r])))
  else { const c = Number(mode.slice(1)); for (let i = 0; i < reqs.length; i += c) hashes.push(...(await batch(reqs.slice(i, i + c)))) }
  const dt = performance.now() - t
  await batch([{ method: 'evm_mine', params: [] }])
  const [blk] = await batch([{ method: 'eth_getBlockByNumber', params: ['latest', false] }])
  let same = 0
  for (let i = 0; i < 1000; i++) if (blk.transactions[i] === hashes[i]) same++
  console.log(mode, 'sendms', Math.round(dt), 'sameOrder', same)
}
await anvil.stop()
