import assert from 'node:assert/strict'
import { test } from 'node:test'
import { DevnetStoppedError } from '../errors/simulator.ts'
import { createDevnet } from './index.ts'

test('behavior: aborting before the devnet is ready rejects with DevnetStoppedError', async () => {
  const controller = new AbortController()
  const devnet = createDevnet({
    port: 0,
    live: false,
    manifestPath: false,
    rounds: 30,
    signal: controller.signal,
    onProgress: (progress) => {
      if (progress.phase === 'scenario' && progress.done === 1) controller.abort()
    },
  })
  const error = await devnet.catch((e: unknown) => e)
  assert.ok(error instanceof DevnetStoppedError, String(error))
  assert.equal(error.shortMessage, 'the devnet was stopped before it was ready')
})

test('behavior: an already aborted signal rejects at once', async () => {
  const controller = new AbortController()
  controller.abort(new Error('no'))
  await assert.rejects(createDevnet({ port: 0, live: false, manifestPath: false, signal: controller.signal }), /no/)
})
