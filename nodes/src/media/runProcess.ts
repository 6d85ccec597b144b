import { spawn } from 'node:child_process'
import { mediaChildEnv } from './resolveMediaBinaries.ts'

/** Result of {@link runProcess}. */
export type RunProcessReturnType = { code: number | null; signal: NodeJS.Signals | null; stdout: Buffer; stderr: string }

/**
 * Runs a media binary to completion, feeding `input` on stdin. Never rejects for a non-zero exit:
 * callers turn the result into their own typed error.
 *
 * @example
 * const { code, stdout } = await runProcess(ffprobePath, ['-version'])
 */
export function runProcess(binary: string, args: readonly string[], { input, timeoutMs = 60_000 }: { input?: Uint8Array | undefined; timeoutMs?: number } = {}): Promise<RunProcessReturnType> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { env: mediaChildEnv(), stdio: ['pipe', 'pipe', 'pipe'] })
    const stdout: Buffer[] = []
    let stderr = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-8_000)
    })
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, stdout: Buffer.concat(stdout), stderr })
    })
    // A probe may stop reading early; an EPIPE on stdin is not a failure.
    child.stdin.on('error', () => {})
    child.stdin.end(input ? Buffer.from(input.buffer, input.byteOffset, input.byteLength) : undefined)
  })
}
