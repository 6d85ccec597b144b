import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

const bin = fileURLToPath(new URL('../bin/peerscope.js', import.meta.url))

// `npm start` as a user runs it: `peerscope up` on free ports, ready.json, every service answering
// real data, and Ctrl-C stopping everything.
test('behavior: peerscope up serves the devnet, indexed API, explorer and live benchmark traffic, and Ctrl-C stops it', { timeout: 600_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'peerscope-up-'))
  // NOTE: as root, embedded Postgres runs as `postgres`, which must be able to enter the directory.
  chmodSync(dataDir, 0o755)
  const child = spawn(process.execPath, [bin, '--log-format', 'json', 'up', '--data-dir', dataDir, '--chain-port', '0', '--api-port', '0', '--web-port', '0', '--metrics-port', '0', '--only', process.env.PEERSCOPE_UP_ONLY ?? 'devnet,indexer,api,web,nodes'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk) => (output += chunk))
  child.stderr.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  try {
    const readyPath = join(dataDir, 'ready.json')
    const deadline = Date.now() + 480_000
    while (!existsSync(readyPath)) {
      assert.equal(child.exitCode, null, `up exited early:\n${output.slice(-4000)}`)
      assert.ok(Date.now() < deadline, `no ready.json after 8 minutes:\n${output.slice(-4000)}`)
      await new Promise((resolve) => setTimeout(resolve, 500))
    }
    const ready = JSON.parse(readFileSync(readyPath, 'utf8')) as { rpcUrl: string; graphqlUrl: string; webUrl: string | null }
    const response = await fetch(ready.graphqlUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ protocol(id: 0) { currentRound { id } } transcoders(first: 5, where: { active: true }) { id } _meta { block { number } } }' }),
    })
    assert.equal(response.status, 200)
    const body = (await response.json()) as { data: { protocol: { currentRound: { id: string } }; transcoders: { id: string }[]; _meta: { block: { number: number } } } }
    assert.ok(Number(body.data.protocol.currentRound.id) > 0, JSON.stringify(body))
    assert.equal(body.data.transcoders.length, 5)
    assert.ok(body.data._meta.block.number > 100)
    if (ready.webUrl) {
      const page = await fetch(`${ready.webUrl}/orchestrators`)
      assert.equal(page.status, 200)
      const html = await page.text()
      assert.ok(html.includes(body.data.transcoders[0]!.id.slice(0, 8)), 'the orchestrators page lists an indexed orchestrator')
    }
    if (ready.webUrl && (process.env.PEERSCOPE_UP_ONLY ?? 'nodes').includes('nodes')) {
      // The gateway's samples reach ClickHouse through the API, and the explorer shows their scores.
      let rows: { orchestrator: string; score: number | null; samples: number }[] = []
      const until = Date.now() + 150_000
      while (rows.length === 0 && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 3_000))
        const leaderboard = await fetch(ready.graphqlUrl, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ benchmarkLeaderboard { orchestrator score samples } }' }),
        })
        rows = ((await leaderboard.json()) as { data?: { benchmarkLeaderboard: typeof rows } }).data?.benchmarkLeaderboard ?? []
      }
      assert.ok(rows.length > 0, `no benchmark samples after 150 s:\n${output.slice(-3000)}`)
      assert.ok(rows.every((row) => typeof row.score === 'number' && row.score > 0 && row.samples > 0), JSON.stringify(rows))
      const performance = await (await fetch(`${ready.webUrl}/performance`)).text()
      assert.ok(performance.toLowerCase().includes(rows[0]!.orchestrator.slice(0, 8)), 'the performance page lists a benchmarked orchestrator')
    }
  } finally {
    child.kill('SIGINT')
    const code = await Promise.race([exited, new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 30_000))])
    if (code === 'hung') child.kill('SIGKILL')
    rmSync(dataDir, { recursive: true, force: true })
    assert.equal(code, 0, `up did not exit cleanly on Ctrl-C:\n${output.slice(-2000)}`)
  }
})
