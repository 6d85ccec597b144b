import { createDevnet } from '@peerscope/nodes'
const t = performance.now()
const target = Number(process.argv[2] ?? 200000)
const D = Number(process.argv[3] ?? 4000)
const logger = { debug: () => {}, info: (...a) => console.error('INFO', JSON.stringify(a[0])), warn: (...a) => console.error('WARN', a[0]?.err?.message ?? JSON.stringify(a[0])), error: (...a) => console.error('ERR', a) }
let last = 0
try {
  const devnet = await createDevnet({ port: 0, live: false, manifestPath: false, logger, scale: 'large', largeEvents: target, largeDelegators: D, onProgress: (p) => { if (p.phase === 'large' && (p.final || performance.now() - last > 5000)) { last = performance.now(); console.error(p.phase, p.done, 's', p.elapsedSeconds.toFixed(1), 'eps', Math.round(p.eventsPerSecond)) } } })
  const s = devnet.stats
  console.log(JSON.stringify({ events: s.events, tx: s.transactions, blocks: s.blocks, seconds: s.seconds, eps: s.eventsPerSecond }))
  await devnet.stop()
} catch (e) { console.error('FAILED', e) }
console.log(JSON.stringify(globalThis.__S)); console.log('round', globalThis.__round, 'build', globalThis.__build, 'bulk', globalThis.__bulk); console.log('total s', (performance.now() - t) / 1000)
