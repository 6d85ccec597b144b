#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx peerscope` works right after `npm install`
// with no separate build step.
import { register } from 'tsx/esm/api'

// NOTE: set before any import: graphql-js and Next.js read it when loaded, and skip their
// development-time checks (several times slower per request) only in production.
process.env.NODE_ENV ??= 'production'
register()
await import('../src/index.ts')
