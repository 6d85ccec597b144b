import * as abis from '@peerscope/protocol/abi'
for (const [name, abi] of Object.entries(abis)) {
  const ev = (abi as any[]).filter((x) => x.type === 'event').map((e) => `${e.name}(${e.inputs.map((i: any) => i.type + (i.indexed ? ' indexed' : '')).join(',')})`)
  const fn = (abi as any[]).filter((x) => x.type === 'function' && !['view','pure'].includes(x.stateMutability)).map((e) => `${e.name}(${e.inputs.map((i: any) => i.type).join(',')})`)
  console.log(name, '\n  EVENTS', ev.join(' '), '\n  WRITE', fn.join(' '))
}
