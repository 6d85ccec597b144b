const orig = globalThis.fetch
const stats = new Map()
globalThis.fetch = async (url, init) => {
  const t = performance.now()
  const res = await orig(url, init)
  const text = await res.text()
  let key = 'other'
  try { const b = JSON.parse(init.body); const m = Array.isArray(b) ? b[0]?.method + '[batch]' : b.method; key = m; if (m === 'eth_call') key += ':' + (b.params?.[0]?.data?.slice(0,10)) } catch {}
  const s = stats.get(key) ?? { n: 0, ms: 0 }; s.n++; s.ms += performance.now() - t; stats.set(key, s)
  return new Response(text, { status: res.status, headers: res.headers })
}
process.on('exit', () => { console.error([...stats].sort((a,b)=>b[1].ms-a[1].ms).slice(0,15).map(([k,v])=>`${v.ms.toFixed(0).padStart(7)} ${String(v.n).padStart(5)} ${k}`).join('\n')) })
