import { fileURLToPath } from 'node:url'

/** The Next.js app's folder (`web/`): where `.next` is built and served from. */
export const webDir = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '')
