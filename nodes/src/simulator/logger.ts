/** Log method shape shared by pino and console-like loggers: `(fields, message)` or `(message)`. */
export type LogFn = {
  (fields: Record<string, unknown>, message?: string): void
  (message: string): void
}

/** A pino-compatible logger. The library never prints; it logs through this. */
export type Logger = { debug: LogFn; info: LogFn; warn: LogFn; error: LogFn }

/** A logger that drops everything (the default). */
export const silentLogger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
