import { createRequire } from 'node:module'
import { MediaBinaryError } from '../wire/errors.ts'

/** Paths of the ffmpeg and ffprobe binaries the nodes run. */
export type MediaBinaries = { ffmpegPath: string; ffprobePath: string }

/** Parameters for {@link resolveMediaBinaries}: explicit paths win over the bundled binaries. */
export type ResolveMediaBinariesParameters = { ffmpegPath?: string | undefined; ffprobePath?: string | undefined }

/**
 * Picks ffmpeg and ffprobe: an explicit path (the CLI passes `FFMPEG_PATH` / `FFPROBE_PATH`), else
 * the static binaries of @ffmpeg-installer/ffmpeg and @ffprobe-installer/ffprobe.
 *
 * @throws {MediaBinaryError} when no binary is available for this platform.
 *
 * @example
 * const { ffmpegPath, ffprobePath } = resolveMediaBinaries({ ffmpegPath: process.env.FFMPEG_PATH })
 */
export function resolveMediaBinaries({ ffmpegPath, ffprobePath }: ResolveMediaBinariesParameters = {}): MediaBinaries {
  const require = createRequire(import.meta.url)
  const load = (name: string): string => {
    try {
      return (require(name) as { path: string }).path
    } catch (cause) {
      throw new MediaBinaryError({ binary: name, cause })
    }
  }
  return {
    ffmpegPath: ffmpegPath || load('@ffmpeg-installer/ffmpeg'),
    ffprobePath: ffprobePath || load('@ffprobe-installer/ffprobe'),
  }
}

/**
 * Reads `FFMPEG_PATH` / `FFPROBE_PATH` from an environment object (config code passes `process.env`).
 *
 * @example
 * startOrchestrator({ ...mediaBinariesFromEnv(process.env), ... })
 */
export function mediaBinariesFromEnv(env: Record<string, string | undefined>): ResolveMediaBinariesParameters {
  return { ffmpegPath: env.FFMPEG_PATH || undefined, ffprobePath: env.FFPROBE_PATH || undefined }
}

/**
 * Environment for child ffmpeg/ffprobe processes.
 *
 * NOTE: the static ffprobe of @ffprobe-installer crashes (SIGSEGV) in iconv_open when it meets an
 * MPEG-TS service descriptor and loads the host's gconv modules; pointing GCONV_PATH nowhere makes
 * iconv fail cleanly and ffprobe falls back to raw strings.
 */
export function mediaChildEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GCONV_PATH: '/nonexistent-gconv' }
}
