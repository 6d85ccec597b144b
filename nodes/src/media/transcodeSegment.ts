import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ffmpeg from 'fluent-ffmpeg'
import { MediaProcessError } from '../wire/errors.ts'
import type { EncoderChoice } from './detectEncoder.ts'
import { probeMedia } from './probeMedia.ts'
import { runFfmpeg } from './runFfmpeg.ts'
import type { VideoProfile } from './videoProfiles.ts'

/** Parameters for {@link transcodeSegment}. */
export type TranscodeSegmentParameters = {
  ffmpegPath: string
  ffprobePath: string
  /** The source segment (MPEG-TS). */
  segment: Uint8Array
  profiles: readonly VideoProfile[]
  /** From `detectEncoder`; default libx264. */
  encoder?: EncoderChoice['encoder'] | undefined
  /** x264 preset. Default 'veryfast'. */
  x264Preset?: string | undefined
  signal?: AbortSignal | undefined
}

/** One encoded rendition with what it is billed for. */
export type TranscodedRendition = {
  profile: VideoProfile
  data: Buffer
  /** Encoded video frames (ffprobe packet count). */
  frames: number
  /** frames × width × height: what lpms charges (spec §7). */
  pixels: bigint
}

/** Return type of {@link transcodeSegment}. */
export type TranscodeSegmentReturnType = { renditions: TranscodedRendition[]; encoder: EncoderChoice['encoder']; ffmpegMs: number }

/**
 * Transcodes one segment into every profile with ONE ffmpeg process (decode once, `split`, scale
 * and encode each output, audio copied), as lpms does, then counts each output's frames and pixels.
 *
 * @throws {MediaProcessError} when ffmpeg fails (bad input, encoder missing).
 *
 * @example
 * const { renditions } = await transcodeSegment({ ffmpegPath, ffprobePath, segment, profiles: defaultProfiles })
 * renditions[0].pixels // 60 × 426 × 240 for a 2 s 30 fps source
 */
export async function transcodeSegment(parameters: TranscodeSegmentParameters): Promise<TranscodeSegmentReturnType> {
  const { ffmpegPath, ffprobePath, segment, profiles, encoder = 'libx264', x264Preset = 'veryfast', signal } = parameters
  if (profiles.length === 0) throw new MediaProcessError({ binary: 'ffmpeg', reason: 'no profiles to encode' })
  const dir = await mkdtemp(join(tmpdir(), 'peerscope-tx-'))
  try {
    const input = join(dir, 'in.ts')
    await writeFile(input, segment)
    const labels = profiles.map((_, index) => `o${index}`)
    const scaled = profiles.map((profile, index) => `[s${index}]scale=${profile.width}:${profile.height}:flags=bicubic[${labels[index]}]`)
    const split = profiles.length === 1 ? '[0:v]null[s0]' : `[0:v]split=${profiles.length}${profiles.map((_, index) => `[s${index}]`).join('')}`
    const command = ffmpeg().setFfmpegPath(ffmpegPath).input(input).complexFilter([split, ...scaled].join(';'))
    const outputs = profiles.map((profile, index) => {
      const output = join(dir, `${index}.ts`)
      const videoOptions =
        encoder === 'h264_nvenc'
          ? ['-c:v', 'h264_nvenc', '-preset', 'fast']
          : ['-c:v', 'libx264', '-preset', x264Preset, '-pix_fmt', 'yuv420p', '-threads', '0']
      command.output(output).outputOptions([
        '-map', `[${labels[index]}]`, '-map', '0:a?',
        ...videoOptions,
        '-b:v', String(profile.bitrate), '-maxrate', String(profile.bitrate), '-bufsize', String(profile.bitrate * 2),
        ...(profile.fps > 0 ? ['-r', String(profile.fps)] : []),
        '-c:a', 'copy',
        '-f', 'mpegts',
      ])
      return output
    })
    const started = performance.now()
    await runFfmpeg(command, { signal })
    const ffmpegMs = performance.now() - started
    const renditions = await Promise.all(
      profiles.map(async (profile, index) => {
        const data = await readFile(outputs[index] as string)
        const probe = await probeMedia(ffprobePath, data)
        const frames = probe.video?.frames ?? 0
        if (frames === 0) throw new MediaProcessError({ binary: 'ffmpeg', reason: `rendition ${profile.name} has no video frames` })
        return { profile, data, frames, pixels: BigInt(frames) * BigInt(profile.width) * BigInt(profile.height) }
      }),
    )
    return { renditions, encoder, ffmpegMs }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
