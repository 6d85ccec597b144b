import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ffmpeg from 'fluent-ffmpeg'
import { runFfmpeg } from './runFfmpeg.ts'

/** Parameters for {@link makeTestSegment}. */
export type MakeTestSegmentParameters = {
  ffmpegPath: string
  /** Default 1280×720 at 30 fps, 2 s: the leaderboard's source shape. */
  width?: number | undefined
  height?: number | undefined
  fps?: number | undefined
  durationSec?: number | undefined
  /** Segment number: timestamps continue from `seq × duration`, like a live stream. */
  seq?: number | undefined
}

/**
 * Makes one MPEG-TS segment of a test stream with ffmpeg: the `testsrc2` pattern (H.264, one GOP)
 * plus a 440 Hz tone (AAC), as a broadcaster's segmenter would emit it.
 *
 * @returns The segment bytes.
 *
 * @example
 * const segment = await makeTestSegment({ ffmpegPath, seq: 0 }) // 2 s of 720p30 with audio
 */
export async function makeTestSegment(parameters: MakeTestSegmentParameters): Promise<Buffer> {
  const { ffmpegPath, width = 1280, height = 720, fps = 30, durationSec = 2, seq = 0 } = parameters
  const dir = await mkdtemp(join(tmpdir(), 'peerscope-seg-'))
  const output = join(dir, `${seq}.ts`)
  try {
    const command = ffmpeg()
      .setFfmpegPath(ffmpegPath)
      .input(`testsrc2=size=${width}x${height}:rate=${fps}`)
      .inputFormat('lavfi')
      .input('sine=frequency=440:sample_rate=48000')
      .inputFormat('lavfi')
      .outputOptions([
        '-t', String(durationSec),
        '-map', '0:v', '-map', '1:a',
        '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p',
        '-g', String(Math.round(fps * durationSec)), '-b:v', '4000k',
        '-c:a', 'aac', '-b:a', '96k',
        '-output_ts_offset', String(seq * durationSec),
        '-f', 'mpegts',
      ])
      .output(output)
    await runFfmpeg(command)
    return await readFile(output)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}
