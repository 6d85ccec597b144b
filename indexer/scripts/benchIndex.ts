/**
 * `npm run bench:index`: builds a `--scale large` devnet (≥ 1,000,000 events), then runs
 * `peerscope index` on it from an empty state (embedded Postgres and chDB under a temp dir) to the
 * head, and prints events/s and the total time. Goal: ≥ 20,000 events/s end to end on 2 cores.
 *
 * Usage: npm run bench:index [-- --events 1000000]
 */
import { spawn } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDevnet } from '@peerscope/nodes'

const eventsFlag = process.argv.indexOf('--events')
const largeEvents = eventsFlag > 0 ? Number(process.argv[eventsFlag + 1]) : 1_000_000
const dir = mkdtempSync(join(tmpdir(), 'peerscope-bench-'))
chmodSync(dir, 0o755)
const manifest = join(dir, 'devnet.json')
const bin = fileURLToPath(new URL('../../cli/bin/peerscope.js', import.meta.url))

console.error(`building a large devnet (${largeEvents.toLocaleString()} bulk events)…`)
const built = performance.now()
const devnet = await createDevnet({ port: 0, live: false, manifestPath: manifest, scale: 'large', largeEvents })
const head = Number(BigInt(((await (await fetch(devnet.rpcUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_blockNumber', params: [] }) })).json()) as { result: string }).result))
console.error(`devnet: ${devnet.stats.events.toLocaleString()} events in ${head} blocks, built in ${((performance.now() - built) / 1000).toFixed(1)} s`)

const started = performance.now()
const child = spawn(process.execPath, [bin, '--log-format', 'json', 'index', '--network', 'devnet', '--manifest', manifest, '--data-dir', join(dir, 'data'), '--metrics-port', '0', '--to-block', String(head)], {
  stdio: ['ignore', 'ignore', 'inherit'],
})
const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
const seconds = (performance.now() - started) / 1000
await devnet.stop()
rmSync(dir, { recursive: true, force: true })
if (code !== 0) {
  console.error(`indexer exited with ${code}`)
  process.exit(1)
}
const events = devnet.stats.events
console.log(JSON.stringify({ events, blocks: head, totalSeconds: Number(seconds.toFixed(1)), eventsPerSecond: Math.round(events / seconds), goal: 20_000 }))
