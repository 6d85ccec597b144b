import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createDevnet } from './index.ts'

async function play(seed: string) {
  const devnet = await createDevnet({ port: 0, live: false, manifestPath: false, seed, orchestrators: 4, delegators: 10, gateways: 2, rounds: 4 })
  try {
    return { events: devnet.stats.eventsByName, accounts: devnet.manifest.accounts, contracts: devnet.manifest.contracts }
  } finally {
    await devnet.stop()
  }
}

test('behavior: the same seed plays the same history; another seed another one', async () => {
  const first = await play('alpha')
  const second = await play('alpha')
  assert.deepEqual(second, first)
  const other = await play('beta')
  assert.notDeepEqual(other.accounts, first.accounts)
})
