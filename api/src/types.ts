/** A pino-shaped logger (`logger.info({ field }, 'message')`). */
export type ApiLogger = {
  info: (fields: Record<string, unknown>, message?: string) => void
  warn: (fields: Record<string, unknown>, message?: string) => void
  error: (fields: Record<string, unknown>, message?: string) => void
  child?: (bindings: Record<string, unknown>) => ApiLogger
}

/** A logger that drops everything (the default when none is passed). */
export const silentLogger: ApiLogger = { info: () => {}, warn: () => {}, error: () => {} }
