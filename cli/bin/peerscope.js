#!/usr/bin/env node
// Runs the TypeScript CLI through tsx's loader, so `npx peerscope` works right after `npm install`
// with no separate build step.
import { register } from 'tsx/esm/api'

register()
await import('../src/index.ts')
