// Shared fixture of the API's end-to-end tests: a devnet indexed once per test file and the API
// serving it (see serveIndexedDevnet.ts), plus a Postgres reader for independent checks.
import { spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDevnet, type Devnet } from '@peerscope/nodes'
import { createDevnetClient } from '@peerscope/protocol/anvil'
import pg from 'pg'

/** A running indexed devnet with the API in front of it. */
export type IndexedApi = {
  devnet: Devnet
  client: ReturnType<typeof createDevnetClient>
  graphqlUrl: string
  url: string
  dbUrl: string
  head: number
  /** POSTs a GraphQL query; returns the parsed body and HTTP status. */
  gql: <T = Record<string, any>>(query: string, variables?: Record<string, unknown>) => Promise<{ status: number; data?: T; errors?: { message: string; extensions?: { code?: string } }[] }>
  /** Reads Postgres directly (independent of the API). */
  sql: <T = Record<string, any>>(text: string, values?: unknown[]) => Promise<T[]>
  /** Whether the API process is still running. */
  alive: () => boolean
  stop: () => Promise<void>
}

let clientNumber = 0
/** A fresh client address per request, so the fixture's per-IP rate limit never throttles tests. */
export function nextAddress(): string {
  clientNumber++
  return `10.${(clientNumber >> 16) & 255}.${(clientNumber >> 8) & 255}.${clientNumber & 255}`
}

const script = fileURLToPath(new URL('./serveIndexedDevnet.ts', import.meta.url))
const root = fileURLToPath(new URL('../../..', import.meta.url))

/**
 * Plays a devnet scenario, indexes it to the head in a child process (indexer and API in one
 * process, as in embedded mode), and returns clients for the API, Postgres and the chain.
 *
 * @example
 * const fixture = await startIndexedApi({ rounds: 14 })
 * const { data } = await fixture.gql('{ protocol(id: 0) { currentRound { id } } }')
 */
export async function startIndexedApi({ rounds = 14, seed = 'peerscope', rateLimit = true }: { rounds?: number; seed?: string; rateLimit?: boolean } = {}): Promise<IndexedApi> {
  const dir = mkdtempSync(join(tmpdir(), 'peerscope-api-'))
  // NOTE: as root, embedded Postgres runs as the `postgres` user, which must be able to enter the directory.
  chmodSync(dir, 0o755)
  let devnet: Devnet | undefined
  let child: ChildProcess | undefined
  let pool: pg.Pool | undefined
  let exited = false
  const stop = async () => {
    await pool?.end().catch(() => {})
    if (child && !exited) {
      const gone = new Promise((resolve) => child?.once('exit', resolve))
      child.kill('SIGTERM')
      const timer = setTimeout(() => child?.kill('SIGKILL'), 20_000)
      await gone
      clearTimeout(timer)
    }
    await devnet?.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    const manifest = join(dir, 'devnet.json')
    devnet = await createDevnet({ port: 0, live: false, manifestPath: manifest, rounds, seed })
    const client = createDevnetClient({ rpcUrl: devnet.rpcUrl, chainId: devnet.chainId })
    const head = Number(await client.getBlockNumber({ cacheTime: 0 }))
    // NOTE: API_FIXTURE_NODE_ARGS (e.g. `--cpu-prof`) profiles the fixture process.
    const nodeArgs = (process.env.API_FIXTURE_NODE_ARGS ?? '').split(' ').filter(Boolean)
    child = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', script, manifest, join(dir, 'data'), String(head), '0', rateLimit ? 'on' : 'off'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.once('exit', () => (exited = true))
    let stderr = ''
    child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-8_000)))
    const ready = await new Promise<{ graphqlUrl: string; url: string; dbUrl: string; head: number }>((resolve, reject) => {
      let stdout = ''
      child?.stdout?.on('data', (chunk) => {
        stdout += chunk
        const line = stdout.split('\n').find((l) => l.startsWith('{'))
        if (line && stdout.includes('\n')) resolve(JSON.parse(line))
      })
      child?.once('exit', (code) => reject(new Error(`API fixture exited with ${code}: ${stderr}`)))
    })
    pool = new pg.Pool({ connectionString: ready.dbUrl, max: 2 })
    const sqlPool = pool
    return {
      devnet,
      client,
      ...ready,
      async gql(query, variables) {
        const response = await fetch(ready.graphqlUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': nextAddress() }, body: JSON.stringify({ query, variables }) })
        return { status: response.status, ...((await response.json()) as object) }
      },
      sql: async (text, values = []) => (await sqlPool.query({ text, values })).rows,
      alive: () => !exited,
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
