import assert from 'node:assert/strict'
import { createServer } from 'node:net'
import { after, before, test } from 'node:test'
import type { Browser } from 'playwright-core'
import { buildWeb, startWebServer, WebConfigError, type StartWebServerReturnType } from '../src/index.ts'
import { findChromium, launchChromium } from './setup.ts'

// The explorer with its API down: a real closed port (nothing listens there), not a stub.
const chromiumPath = findChromium()
const skip = !chromiumPath && !process.env.CI ? 'no Chromium on this machine (see explorer.test.ts)' : false

let web: StartWebServerReturnType
let browser: Browser

async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

before(async () => {
  if (skip || !chromiumPath) return
  await buildWeb({ ifStale: true })
  web = await startWebServer({ port: 0, apiUrl: `http://127.0.0.1:${await closedPort()}/graphql` })
  browser = await launchChromium(chromiumPath)
}, { timeout: 300_000 })

after(async () => {
  await browser?.close().catch(() => {})
  await web?.stop()
})

test('behavior: startWebServer rejects a bad apiUrl or port with a clear error', async () => {
  await assert.rejects(startWebServer({ apiUrl: 'localhost:4000' }), (error: unknown) => error instanceof WebConfigError && error.shortMessage === 'apiUrl is not an http(s) URL: "localhost:4000".')
  await assert.rejects(startWebServer({ apiUrl: 'http://127.0.0.1:4000/graphql', port: 70_000 }), { shortMessage: 'port must be an integer in 0..65535, got 70000.' })
})

test('behavior: with the API down, /health says so and pages show the error state with a retry', { skip }, async () => {
  const health = (await (await fetch(`${web.url}/health`)).json()) as { status: string; api: string }
  assert.deepEqual(health, { status: 'ok', api: 'unreachable', indexedBlock: null })
  for (const route of ['/', '/orchestrators', '/rounds/3']) {
    const page = await browser.newPage()
    await page.goto(`${web.url}${route}`, { waitUntil: 'networkidle' })
    const error = page.getByTestId('error-state').first()
    await error.waitFor({ timeout: 10_000 })
    assert.match((await error.textContent()) ?? '', /Could not load this page[\s\S]*did not answer/)
    assert.equal(await error.getByRole('button', { name: 'Try again' }).count(), 1)
    await page.close()
  }
})
