import { createDevnet } from '@peerscope/nodes'
const t = performance.now()
const logger = { debug: (...a) => { if (String(a[1]).includes('skipped')) console.error('DEBUG', JSON.stringify(a[0]), a[1]) }, info: (...a) => console.error('INFO', JSON.stringify(a[0])), warn: (...a) => console.error('WARN', a[0]?.err?.message ?? JSON.stringify(a[0])), error: (...a) => console.error('ERR', a) }
const rounds = Number(process.argv[2] ?? 30)
try {
  const devnet = await createDevnet({ port: 0, live: false, manifestPath: '/tmp/devnet-test.json', logger, rounds, onProgress: (p) => { if (p.final || p.phase==='scenario' && p.done % 5 === 0) console.error(p.phase, p.done, '/', p.total, 'events', p.events, 's', p.elapsedSeconds.toFixed(1)) } })
  console.log(JSON.stringify({ ...devnet.stats, eventsByContract: undefined }, null, 1))
  console.log('missing', devnet.missingEvents)
  await devnet.stop()
} catch (e) { console.error('FAILED', e) }
console.log(JSON.stringify(Object.fromEntries(Object.entries(globalThis.__T ?? {}).map(([k,v])=>[k,Math.round(v)])))); console.log('total s', (performance.now() - t) / 1000)
