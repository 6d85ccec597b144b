import { SingleBar } from 'cli-progress'
import type { Logger } from 'pino'

/** A progress display: a bar on a terminal, a log line every few seconds otherwise. */
export type Progress = {
  update: (value: number, fields?: Record<string, string | number>) => void
  setTotal: (total: number) => void
  stop: () => void
}

/** Parameters for {@link createProgress}. */
export type CreateProgressParameters = {
  label: string
  total: number
  unit: string
  interactive: boolean
  logger: Logger
  /** Extra `{name}` fields shown after the counter, e.g. `{events} events`. */
  format?: string
  /** Log-line interval when not interactive. */
  logEveryMs?: number
}

/**
 * Renders long work as a progress bar with rate and ETA on a terminal, and as plain structured
 * log lines elsewhere (CI logs, files), so both stay readable.
 */
export function createProgress({ label, total, unit, interactive, logger, format = '', logEveryMs = 5_000 }: CreateProgressParameters): Progress {
  if (interactive) {
    const bar = new SingleBar({
      format: `${label} |{bar}| {value}/{total} ${unit} | ${format} | ETA {eta_formatted}`,
      hideCursor: true,
      stream: process.stderr,
      barsize: 30,
      etaBuffer: 50,
    })
    bar.start(total, 0, {})
    return {
      update: (value, fields) => bar.update(value, fields ?? {}),
      setTotal: (next) => bar.setTotal(next),
      stop: () => bar.stop(),
    }
  }
  let lastLog = 0
  let current = 0
  let target = total
  const started = Date.now()
  return {
    update: (value, fields) => {
      current = value
      const now = Date.now()
      if (now - lastLog < logEveryMs) return
      lastLog = now
      logger.info({ progress: label, value, total: target, unit, elapsedS: Math.round((now - started) / 1000), ...fields }, `${label} ${value}/${target} ${unit}`)
    },
    setTotal: (next) => {
      target = next
    },
    stop: () => {
      logger.info({ progress: label, value: current, total: target, unit, elapsedS: Math.round((Date.now() - started) / 1000) }, `${label} done`)
    },
  }
}
