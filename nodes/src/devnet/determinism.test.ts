import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createDevnetClient } from '@peerscope/protocol/anvil'
import { createDevnet } from './index.ts'

async function play(seed: string) {
  // A fixed genesis timestamp makes the whole chain reproducible, down to the head block hash.
  const devnet = await createDevnet({ port: 0, live: false, manifestPath: false, seed, orchestrators: 4, delegators: 10, gateways: 2, rounds: 4, genesisTimestamp: 1_700_000_000 })
  try {
    const head = await createDevnetClient({ rpcUrl: devnet.rpcUrl }).getBlock()
    return { events: devnet.stats.eventsByName, accounts: devnet.manifest.accounts, contracts: devnet.manifest.contracts, head: head.hash }
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
  assert.notEqual(other.head, first.head)
})
