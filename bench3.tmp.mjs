import { createDevnet } from '@peerscope/nodes'
import { createRpcClient } from './nodes/src/simulator/rpc/createRpcClient.ts'
import { createProtocolCalls } from './nodes/src/simulator/chain/createProtocolCalls.ts'
import { deriveDevnetAccount } from './nodes/src/devnet/deriveDevnetAccount.ts'
import { numberToHex, maxUint256 } from 'viem'
const devnet = await createDevnet({ port: 0, live: false, manifestPath: false, rounds: 3, scale: 'large', largeEvents: 0, largeDelegators: 10 })
const rpc = createRpcClient({ url: devnet.rpcUrl })
const calls = createProtocolCalls({ deployment: devnet.deployment })
const N = Number(process.argv[2] ?? 4000)
const accts = Array.from({ length: N }, (_, i) => deriveDevnetAccount('x', 'delegator', i).address)
const orch = devnet.accounts.orchestrators[0].address
const nonces = new Map()
const toCall = (r) => { const n = nonces.get(r.from) ?? 0; nonces.set(r.from, n + 1); return { method: 'eth_sendTransaction', params: [{ from: r.from, to: r.to, data: r.data, gas: numberToHex(r.gas), gasPrice: '0x0', nonce: numberToHex(n) }] } }
nonces.set(devnet.accounts.deployer.address, Number(await rpc.request('eth_getTransactionCount', [devnet.accounts.deployer.address, 'pending'])))
async function run(label, reqs, chunk = 400, conc = 4) {
  const callsArr = reqs.map(toCall)
  let t = performance.now()
  const chunks = []; for (let i = 0; i < callsArr.length; i += chunk) chunks.push(callsArr.slice(i, i + chunk))
  for (let i = 0; i < chunks.length; i += conc) await Promise.all(chunks.slice(i, i + conc).map((c) => rpc.batch(c)))
  const send = performance.now() - t; t = performance.now()
  await rpc.request('evm_mine'); const mine = performance.now() - t; t = performance.now()
  const st = await rpc.request('txpool_status')
  const bn = await rpc.request('eth_blockNumber')
  const logs = await rpc.request('eth_getLogs', [{ fromBlock: bn, toBlock: bn }])
  console.log(label, reqs.length, 'send', send.toFixed(0), 'mine', mine.toFixed(0), 'logs', logs.length, (performance.now() - t).toFixed(0), JSON.stringify(st))
}
const LPT = 10n ** 18n
await run('mint', accts.map((a) => calls.mint(devnet.accounts.deployer.address, a, 1000n * LPT)))
await run('approve', accts.map((a) => calls.approve(a, maxUint256)))
await run('approve-1conc', accts.map((a) => calls.approve(a, maxUint256)), 400, 1)
const orchs = devnet.accounts.orchestrators.map(o => o.address).slice(0, 15)
await run('bond-spread', accts.map((a, i) => calls.bond(a, 100n*LPT, orchs[i % 15])), 100000, 1)
await rpc.request('anvil_mine', ['0x28']); await run('init', [calls.initializeRound(devnet.accounts.verifier.address)], 100000, 1)
await run('bond-newround-1big', accts.map((a, i) => calls.bond(a, LPT, orchs[i % 15])), 100000, 1)
await run('bond-again', accts.map((a, i) => calls.bond(a, LPT, orchs[i % 15])), 100000, 1)
await run('bond-2000chunks', accts.map((a, i) => calls.bond(a, LPT, orchs[i % 15])), 2000, 1)
await run('unbond', accts.map((a, i) => calls.unbond(a, LPT)), 100000, 1)
await run('rebond', accts.map((a, i) => calls.rebond(a, 0n)), 100000, 1)
await run('claim', accts.map((a, i) => calls.claimEarnings(a, 0n)), 100000, 1)
await run('transfer', accts.map((a, i) => calls.transfer(a, accts[(i+1)%N], LPT)), 100000, 1)
await run('mint-1big', accts.map((a) => calls.mint(devnet.accounts.deployer.address, a, LPT)), 100000, 1)

await devnet.stop()
