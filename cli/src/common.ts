import pino, { type Logger } from 'pino'
import pretty from 'pino-pretty'

/** What every command receives: a logger, and a shutdown registry run once on Ctrl-C. */
export type Common = {
  logger: Logger
  /** Registers a cleanup; cleanups run in reverse order of registration. */
  onShutdown: (cleanup: () => Promise<void> | void) => void
  /** True once a shutdown began: commands stop starting services. */
  isShuttingDown: () => boolean
  /** Runs every cleanup once; resolves when all finished. */
  shutdown: (reason: string) => Promise<void>
  /** True when stderr is a terminal: progress bars instead of periodic log lines. */
  interactive: boolean
}

/** Parameters for {@link createCommon}. */
export type CreateCommonParameters = {
  logLevel: string
  /** `pretty` for people, `json` for log shippers; `auto` picks pretty on a terminal. */
  logFormat: 'auto' | 'pretty' | 'json'
}

/**
 * Builds the logger and shutdown registry for a command. Structured (pino) logs go to stderr so
 * stdout stays clean for output a script may read.
 */
export function createCommon({ logLevel, logFormat }: CreateCommonParameters): Common {
  const interactive = Boolean(process.stderr.isTTY)
  const usePretty = logFormat === 'pretty' || (logFormat === 'auto' && interactive)
  const logger = usePretty
    ? pino({ level: logLevel }, pretty({ destination: 2, colorize: interactive, ignore: 'pid,hostname', sync: true }))
    : pino({ level: logLevel }, pino.destination({ dest: 2, sync: true }))

  const cleanups: (() => Promise<void> | void)[] = []
  let shuttingDown: Promise<void> | undefined
  const shutdown = (reason: string) => {
    shuttingDown ??= (async () => {
      logger.info({ reason }, 'shutting down')
      for (const cleanup of cleanups.reverse()) {
        try {
          await cleanup()
        } catch (error) {
          logger.error({ err: error }, 'cleanup failed')
        }
      }
    })()
    return shuttingDown
  }
  const onShutdown = (cleanup: () => Promise<void> | void) => {
    // A service that finished starting after Ctrl-C is stopped at once instead of leaking.
    if (shuttingDown) void shuttingDown.then(cleanup)
    else cleanups.push(cleanup)
  }
  return { logger, onShutdown, shutdown, isShuttingDown: () => shuttingDown !== undefined, interactive }
}

/**
 * Resolves when SIGINT or SIGTERM arrives, after running the shutdown registry. A second Ctrl-C
 * exits at once, for when a cleanup hangs.
 */
export function waitForSignal(common: Common): Promise<void> {
  return new Promise((resolve) => {
    let received = false
    const onSignal = (signal: NodeJS.Signals) => {
      if (received) process.exit(130)
      received = true
      void common.shutdown(signal).then(resolve)
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  })
}
