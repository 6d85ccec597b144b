import { spawn } from 'node:child_process'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { WebBuildFailedError } from './errors.ts'
import { webDir } from './webDir.ts'

/** Parameters for {@link buildWeb}. */
export type BuildWebParameters = {
  /** Skip the build when `.next` is newer than every source file. Default false. */
  ifStale?: boolean
  /** Called with each chunk of `next build` output (default: discarded; kept for errors). */
  onOutput?: (chunk: string) => void
}

/** What {@link buildWeb} did. */
export type BuildWebReturnType = { built: boolean; durationMs: number }

/**
 * Runs `next build` for `web/` in a child process (the same as `npm run build -w @peerscope/web`).
 *
 * @throws {WebBuildFailedError} when next build exits non-zero (its output's tail is the details).
 *
 * @example
 * await buildWeb({ ifStale: true })
 */
export async function buildWeb({ ifStale = false, onOutput }: BuildWebParameters = {}): Promise<BuildWebReturnType> {
  const started = performance.now()
  const release = await acquireBuildLock()
  try {
    if (ifStale && !isBuildStale()) return { built: false, durationMs: 0 }
    await runNextBuild(onOutput)
    return { built: true, durationMs: performance.now() - started }
  } finally {
    release()
  }
}

async function runNextBuild(onOutput: ((chunk: string) => void) | undefined): Promise<void> {
  const bin = createRequire(join(webDir, 'package.json')).resolve('next/dist/bin/next')
  const child = spawn(process.execPath, [bin, 'build'], {
    cwd: webDir,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    const text = chunk.toString()
    output = (output + text).slice(-20_000)
    onOutput?.(text)
  }
  child.stdout.on('data', collect)
  child.stderr.on('data', collect)
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve))
  if (code !== 0) throw new WebBuildFailedError({ code, output })
}

const lockPath = join(webDir, '.build.lock')

/**
 * One `next build` at a time per checkout (test files run in parallel and share `.next`): an
 * exclusive lock file holding the owner's pid; a lock whose process is gone is taken over.
 */
async function acquireBuildLock(timeoutMs = 600_000): Promise<() => void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      writeFileSync(lockPath, String(process.pid), { flag: 'wx' })
      return () => rmSync(lockPath, { force: true })
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      if (!isAlive(Number(readFileSync(lockPath, 'utf8').trim()))) {
        rmSync(lockPath, { force: true })
        continue
      }
      if (Date.now() > deadline) throw new WebBuildFailedError({ code: null, output: `another next build held ${lockPath} for ${timeoutMs} ms` })
      await new Promise((resolve) => setTimeout(resolve, 250))
    }
  }
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

const sources = ['app', 'lib', 'ui', 'next.config.ts', 'package.json', 'tsconfig.json']

/** True when `.next/BUILD_ID` is missing or older than a source file of the app. */
export function isBuildStale(): boolean {
  const buildId = join(webDir, '.next', 'BUILD_ID')
  if (!existsSync(buildId)) return true
  const builtAt = statSync(buildId).mtimeMs
  return sources.some((source) => newestMtime(join(webDir, source)) > builtAt)
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))))
}
