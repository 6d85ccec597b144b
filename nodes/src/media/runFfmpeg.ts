import ffmpeg from 'fluent-ffmpeg'
import { MediaProcessError } from '../wire/errors.ts'

/**
 * Runs a prepared fluent-ffmpeg command to its end as a promise; the failure carries stderr.
 *
 * @example
 * await runFfmpeg(ffmpeg().setFfmpegPath(path).input(src).output(dst))
 */
export function runFfmpeg(command: ffmpeg.FfmpegCommand, { signal }: { signal?: AbortSignal | undefined } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => command.kill('SIGKILL')
    signal?.addEventListener('abort', onAbort, { once: true })
    command
      .on('end', () => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      })
      .on('error', (error: Error, _stdout: string | null, stderr: string | null) => {
        signal?.removeEventListener('abort', onAbort)
        reject(new MediaProcessError({ binary: 'ffmpeg', reason: error.message.split('\n')[0] ?? 'failed', stderr: stderr ?? '', cause: error }))
      })
      .run()
  })
}
