import type { NextConfig } from 'next'

// NOTE: the site is served by `startWebServer` (src/startWebServer.ts) from this folder's `.next`
// build; every page reads live indexer data, so nothing is prerendered at build time.
const config: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  turbopack: { root: new URL('..', import.meta.url).pathname },
}

export default config
