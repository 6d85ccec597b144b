// Shared fixtures of the explorer's browser tests and benchmark: the data stack (devnet → indexer →
// API, in a child process), the production build served by startWebServer, and headless Chromium.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { DevnetManifest } from '@peerscope/protocol'
import { chromium, type Browser } from 'playwright-core'

const stackScript = fileURLToPath(new URL('./stackProcess.ts', import.meta.url))

/** A running devnet → indexer → API. */
export type ExplorerStack = {
  apiUrl: string
  /** The same data behind an API told the chain head is 10,000 blocks further (lag banner). */
  laggingApiUrl: string
  rpcUrl: string
  head: number
  manifest: DevnetManifest
  stop: () => Promise<void>
}

/**
 * Starts the data stack in a child process and resolves once the API answers over an index of the
 * whole devnet history. Rejects with the child's output tail when it fails or takes over `timeoutMs`.
 */
export async function startExplorerStack({ timeoutMs = 600_000 }: { timeoutMs?: number } = {}): Promise<ExplorerStack> {
  const child = spawn(process.execPath, ['--import', 'tsx', stackScript], { stdio: ['pipe', 'pipe', 'pipe'], env: process.env })
  let output = ''
  child.stderr?.on('data', (chunk) => (output = (output + chunk).slice(-8_000)))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000)
    await exited
    clearTimeout(timer)
  }
  try {
    const ready = await new Promise<{ apiUrl: string; laggingApiUrl: string; rpcUrl: string; manifestPath: string; head: number }>((resolve, reject) => {
      let stdout = ''
      const timer = setTimeout(() => reject(new Error(`explorer stack not ready after ${timeoutMs} ms\n${output}`)), timeoutMs)
      child.stdout?.on('data', (chunk) => {
        stdout += chunk
        const line = stdout.split('\n').find((l) => l.startsWith('READY '))
        if (!line) return
        clearTimeout(timer)
        resolve(JSON.parse(line.slice('READY '.length)))
      })
      void exited.then((code) => {
        clearTimeout(timer)
        reject(new Error(`explorer stack exited with ${code} before it was ready\n${output}`))
      })
    })
    const manifest = JSON.parse(readFileSync(ready.manifestPath, 'utf8')) as DevnetManifest
    return { apiUrl: ready.apiUrl, laggingApiUrl: ready.laggingApiUrl, rpcUrl: ready.rpcUrl, head: ready.head, manifest, stop }
  } catch (error) {
    await stop()
    throw error
  }
}

/** Chromium to drive: `CHROMIUM_PATH`, else the usual system locations; null when none. */
export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']
  return candidates.find((path): path is string => Boolean(path) && existsSync(path!)) ?? null
}

/** Headless Chromium with the flags a shared CI box needs. */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  })
}
