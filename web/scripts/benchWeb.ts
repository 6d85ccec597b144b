/**
 * `npm run bench:web`: server response time and JavaScript shipped per explorer route, over an
 * indexed default devnet (devnet → indexer → API in a child process, the production build served
 * by startWebServer). Goals: < 300 ms per response, < 250 kB of JavaScript per route (gzip).
 *
 * Prints, per route: the first (cold cache) response, the median and p95 of `--runs` warm ones
 * (full body read), and the script bytes the page's HTML loads (raw and gzip; `nomodule` polyfills
 * excluded), i.e. Next's "first load JS" of the route.
 */
import { gzipSync } from 'node:zlib'
import { buildWeb, startWebServer } from '../src/index.ts'
import { startExplorerStack } from '../test/setup.ts'

const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice('--runs='.length) ?? 10)

async function timed(url: string): Promise<{ ms: number; status: number; body: string }> {
  const started = performance.now()
  const response = await fetch(url, { redirect: 'manual' })
  const body = await response.text()
  return { ms: performance.now() - started, status: response.status, body }
}

async function scriptBytes(base: string, html: string): Promise<{ raw: number; gzip: number; files: number }> {
  // NOTE: `nomodule` scripts (legacy polyfills) are skipped: modern browsers never download them.
  const tags = [...html.matchAll(/<script([^>]*)>/g)].map((match) => match[1]!).filter((attributes) => !/\bnomodule\b/i.test(attributes))
  const sources = [...new Set(tags.map((attributes) => /\bsrc="([^"]+)"/.exec(attributes)?.[1]).filter((src): src is string => src !== undefined))]
  let raw = 0
  let gzip = 0
  for (const src of sources) {
    const buffer = Buffer.from(await (await fetch(new URL(src.replace(/&amp;/g, '&'), base))).arrayBuffer())
    raw += buffer.length
    gzip += gzipSync(buffer).length
  }
  return { raw, gzip, files: sources.length }
}

const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))] ?? NaN

const build = await buildWeb({ ifStale: true })
console.log(build.built ? `next build: ${(build.durationMs / 1000).toFixed(1)} s` : 'next build: up to date (skipped)')
const setupStarted = performance.now()
const stack = await startExplorerStack()
console.log(`devnet indexed to block ${stack.head} and API up in ${((performance.now() - setupStarted) / 1000).toFixed(1)} s`)
const web = await startWebServer({ port: 0, apiUrl: stack.apiUrl })
try {
  const orchestrator = stack.manifest.accounts.orchestrators[0]!.toLowerCase()
  const second = stack.manifest.accounts.orchestrators[1]!.toLowerCase()
  const delegator = stack.manifest.accounts.delegators[0]!.toLowerCase()
  const gateway = stack.manifest.accounts.gateways[0]!.toLowerCase()
  const routes = [
    '/',
    '/orchestrators',
    `/orchestrators/${orchestrator}`,
    `/compare?ids=${orchestrator},${second}`,
    `/accounts/${delegator}`,
    `/accounts/${gateway}`,
    '/gateways',
    '/transactions',
    '/transactions?type=RewardEvent',
    '/rounds',
    '/rounds/20',
    '/performance',
    '/health',
  ]
  console.log(`\n${'route'.padEnd(62)} ${'status'.padStart(6)} ${'cold ms'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p95 ms'.padStart(7)} ${'JS raw kB'.padStart(10)} ${'JS gzip kB'.padStart(11)}`)
  let failures = 0
  for (const route of routes) {
    const url = `${web.url}${route}`
    const cold = await timed(url)
    const warm: number[] = []
    for (let i = 0; i < runs; i++) warm.push((await timed(url)).ms)
    const js = route === '/health' ? { raw: 0, gzip: 0, files: 0 } : await scriptBytes(web.url, cold.body)
    const p50 = quantile(warm, 0.5)
    const slow = p50 >= 300 || js.gzip >= 250_000 || cold.status >= 400
    if (slow) failures++
    console.log(
      `${route.length > 60 ? `${route.slice(0, 57)}...` : route.padEnd(62)} ${String(cold.status).padStart(6)} ${cold.ms.toFixed(0).padStart(8)} ${p50.toFixed(0).padStart(7)} ${quantile(warm, 0.95).toFixed(0).padStart(7)} ${(js.raw / 1000).toFixed(1).padStart(10)} ${(js.gzip / 1000).toFixed(1).padStart(11)}${slow ? '  over goal' : ''}`,
    )
  }
  console.log(`\n${routes.length - failures}/${routes.length} routes within goals (p50 < 300 ms, JS gzip < 250 kB)`)
} finally {
  await web.stop()
  await stack.stop()
}
