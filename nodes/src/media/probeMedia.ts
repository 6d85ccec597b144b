import { MediaProcessError } from '../wire/errors.ts'
import { runProcess } from './runProcess.ts'

/** What {@link probeMedia} reads from a media file. */
export type MediaProbe = {
  /** Container duration, seconds. */
  duration: number
  video: { codec: string; width: number; height: number; frames: number; duration: number } | undefined
  audio: { codec: string; duration: number } | undefined
}

type ProbeJson = {
  streams?: { index?: number; codec_type?: string; codec_name?: string; width?: number; height?: number }[]
  packets?: { stream_index?: number; pts_time?: string; duration_time?: string }[]
  format?: { duration?: string }
}

/**
 * ffprobe's view of a segment or rendition: codec, size, duration, and the exact video frame count
 * (one packet per encoded frame, no decoding). Durations come from packet timestamps (last pts +
 * its duration − first pts) because a piped MPEG-TS has no container duration.
 *
 * @param ffprobePath - From `resolveMediaBinaries`.
 * @param media - The bytes (fed on stdin) or a file path.
 * @throws {MediaProcessError} when ffprobe fails or the input is not media.
 *
 * @example
 * const probe = await probeMedia(ffprobePath, rendition) // { video: { codec: 'h264', width: 426, height: 240, frames: 60, ... } }
 */
export async function probeMedia(ffprobePath: string, media: Uint8Array | string): Promise<MediaProbe> {
  const input = typeof media === 'string' ? media : 'pipe:0'
  const args = ['-v', 'error', '-show_entries', 'stream=index,codec_type,codec_name,width,height:packet=stream_index,pts_time,duration_time:format=duration', '-of', 'json', '-i', input]
  const result = await runProcess(ffprobePath, args, { input: typeof media === 'string' ? undefined : media, timeoutMs: 20_000 })
  if (result.code !== 0) throw new MediaProcessError({ binary: 'ffprobe', reason: `exit ${result.code ?? result.signal}`, stderr: result.stderr })
  let json: ProbeJson
  try {
    json = JSON.parse(result.stdout.toString()) as ProbeJson
  } catch (cause) {
    throw new MediaProcessError({ binary: 'ffprobe', reason: 'unparseable output', stderr: result.stderr, cause })
  }
  const video = json.streams?.find((stream) => stream.codec_type === 'video')
  const audio = json.streams?.find((stream) => stream.codec_type === 'audio')
  const span = (index: number | undefined) => {
    const packets = (json.packets ?? []).filter((packet) => packet.stream_index === index && packet.pts_time !== undefined && packet.pts_time !== 'N/A')
    if (packets.length === 0) return { frames: 0, duration: 0 }
    let first = Infinity
    let last = -Infinity
    let lastDuration = 0
    for (const packet of packets) {
      const pts = Number(packet.pts_time)
      first = Math.min(first, pts)
      if (pts >= last) {
        last = pts
        lastDuration = Number(packet.duration_time ?? 0) || 0
      }
    }
    return { frames: packets.length, duration: last - first + lastDuration }
  }
  const videoSpan = span(video?.index)
  const audioSpan = span(audio?.index)
  return {
    duration: Number(json.format?.duration ?? 0) || Math.max(videoSpan.duration, audioSpan.duration),
    video: video && { codec: video.codec_name ?? '', width: video.width ?? 0, height: video.height ?? 0, frames: videoSpan.frames, duration: videoSpan.duration },
    audio: audio && { codec: audio.codec_name ?? '', duration: audioSpan.duration },
  }
}
