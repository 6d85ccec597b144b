import { RenditionMismatchError } from '../wire/errors.ts'
import type { MediaProbe } from './probeMedia.ts'
import type { VideoProfile } from './videoProfiles.ts'

/** Parameters for {@link verifyRendition}. */
export type VerifyRenditionParameters = {
  probe: MediaProbe
  profile: VideoProfile
  /** Pixels the orchestrator billed for this rendition. */
  billedPixels: bigint
  /** Source segment duration, seconds. */
  segmentDurationSec: number
  /** Source frame rate, used when the profile passes fps through. */
  sourceFps: number
}

/**
 * Checks a downloaded rendition against what was asked and billed: H.264, the profile's size, the
 * segment's duration, a frame count matching the frame rate, and frames × width × height equal to
 * the billed pixels (spec §7). Any mismatch fails the segment.
 *
 * @throws {RenditionMismatchError} listing every problem.
 *
 * @example
 * verifyRendition({ probe: await probeMedia(ffprobePath, data), profile, billedPixels, segmentDurationSec: 2, sourceFps: 30 })
 */
export function verifyRendition({ probe, profile, billedPixels, segmentDurationSec, sourceFps }: VerifyRenditionParameters): void {
  const problems: string[] = []
  const video = probe.video
  if (!video) throw new RenditionMismatchError({ profile: profile.name, problems: ['no video stream'] })
  if (video.codec !== 'h264') problems.push(`codec ${video.codec}, expected h264`)
  if (video.width !== profile.width || video.height !== profile.height)
    problems.push(`size ${video.width}x${video.height}, expected ${profile.width}x${profile.height}`)
  const fps = profile.fps > 0 ? profile.fps : sourceFps
  const duration = video.duration > 0 ? video.duration : probe.duration
  if (Math.abs(duration - segmentDurationSec) > Math.max(0.1, 2 / fps))
    problems.push(`duration ${duration.toFixed(3)} s, expected ${segmentDurationSec} s`)
  const expectedFrames = Math.round(fps * segmentDurationSec)
  if (Math.abs(video.frames - expectedFrames) > 1) problems.push(`${video.frames} frames, expected ${expectedFrames}`)
  const pixels = BigInt(video.frames) * BigInt(video.width) * BigInt(video.height)
  if (pixels !== billedPixels) problems.push(`billed ${billedPixels} pixels, rendition has ${pixels}`)
  if (problems.length > 0) throw new RenditionMismatchError({ profile: profile.name, problems })
}
