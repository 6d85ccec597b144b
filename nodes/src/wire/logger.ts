/** Log method shape shared by pino and console-like loggers: `(fields, message)` or `(message)`. */
export type NodeLogFn = {
  (fields: Record<string, unknown>, message?: string): void
  (message: string): void
}

/** A pino-shaped logger passed in by the caller; the nodes never print on their own. */
export type NodeLogger = { debug?: NodeLogFn; info: NodeLogFn; warn: NodeLogFn; error: NodeLogFn }

/** A logger that drops everything (the default). */
export const silentNodeLogger: NodeLogger = { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} }
