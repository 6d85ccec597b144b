import assert from 'node:assert/strict'
import { test } from 'node:test'
import { createDevnetClient } from './createDevnetClient.ts'
import { startAnvil } from './startAnvil.ts'

test('behavior: starts on an ephemeral port, answers RPC, stops', async () => {
  const anvil = await startAnvil({ chainId: 42161 })
  try {
    const client = createDevnetClient({ rpcUrl: anvil.rpcUrl, chainId: 42161 })
    assert.equal(await client.getChainId(), 42161)
    await client.mine({ blocks: 3 })
    assert.equal(await client.getBlockNumber(), 3n)
  } finally {
    await anvil.stop()
  }
  assert.notEqual(anvil.process.exitCode ?? anvil.process.signalCode, null)
})
