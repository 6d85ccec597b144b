import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { test } from 'node:test'

const bin = fileURLToPath(new URL('../bin/peerscope.js', import.meta.url))
const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 })

test('behavior: --help lists every subcommand', () => {
  const { status, stdout } = run('--help')
  assert.equal(status, 0)
  for (const command of ['devnet', 'index', 'serve', 'web', 'up']) assert.match(stdout, new RegExp(`^  ${command}`, 'm'))
})

test('behavior: every subcommand has --help describing its flags', () => {
  const devnet = run('devnet', '--help')
  assert.equal(devnet.status, 0)
  for (const flag of ['--port', '--manifest', '--seed', '--orchestrators', '--delegators', '--gateways', '--rounds', '--scale', '--no-live', '--as-arbitrum'])
    assert.ok(devnet.stdout.includes(flag), `devnet --help mentions ${flag}`)
  const index = run('index', '--help')
  assert.equal(index.status, 0)
  for (const flag of ['--network', '--manifest', '--data-dir', '--metrics-port', '--to-block', '--rpc-rate-limit'])
    assert.ok(index.stdout.includes(flag), `index --help mentions ${flag}`)
  const serve = run('serve', '--help')
  assert.equal(serve.status, 0)
  for (const flag of ['--port', '--host', '--rate-limit', '--ingest-token', '--network', '--data-dir']) assert.ok(serve.stdout.includes(flag), `serve --help mentions ${flag}`)
  const web = run('web', '--help')
  assert.equal(web.status, 0)
  for (const flag of ['--port', '--host', '--api-url', '--no-build']) assert.ok(web.stdout.includes(flag), `web --help mentions ${flag}`)
  const up = run('up', '--help')
  assert.equal(up.status, 0)
  for (const flag of ['--data-dir', '--chain-port', '--api-port', '--web-port', '--only', '--as-arbitrum'])
    assert.ok(up.stdout.includes(flag), `up --help mentions ${flag}`)
})

test('behavior: bad flag values fail with the value in the message and change nothing', () => {
  const { status, stderr } = run('devnet', '--rounds', 'many', '--no-live')
  assert.notEqual(status, 0)
  assert.match(stderr, /expected a non-negative integer, got "many"/)
  const scale = run('devnet', '--scale', 'huge')
  assert.notEqual(scale.status, 0)
  assert.match(scale.stderr, /Allowed choices are default, large/)
})
