import { InvalidProfileError } from '../wire/errors.ts'

/** A rendition to encode (lpms `VideoProfile`, reduced to what the reference nodes use). */
export type VideoProfile = {
  name: string
  width: number
  height: number
  /** Target bitrate, bits per second. */
  bitrate: number
  /** Output frames per second; 0 keeps the source rate (passthrough). */
  fps: number
}

/**
 * lpms presets (`ffmpeg/videoprofile.go`).
 *
 * @see shared/spec/nodes.md §6
 */
export const videoProfiles = {
  P720p60fps16x9: { name: 'P720p60fps16x9', width: 1280, height: 720, bitrate: 6_000_000, fps: 60 },
  P720p30fps16x9: { name: 'P720p30fps16x9', width: 1280, height: 720, bitrate: 4_000_000, fps: 30 },
  P720p25fps16x9: { name: 'P720p25fps16x9', width: 1280, height: 720, bitrate: 3_500_000, fps: 25 },
  P720p30fps4x3: { name: 'P720p30fps4x3', width: 960, height: 720, bitrate: 3_500_000, fps: 30 },
  P576p30fps16x9: { name: 'P576p30fps16x9', width: 1024, height: 576, bitrate: 1_500_000, fps: 30 },
  P576p25fps16x9: { name: 'P576p25fps16x9', width: 1024, height: 576, bitrate: 1_500_000, fps: 25 },
  P360p30fps16x9: { name: 'P360p30fps16x9', width: 640, height: 360, bitrate: 1_200_000, fps: 30 },
  P360p25fps16x9: { name: 'P360p25fps16x9', width: 640, height: 360, bitrate: 1_000_000, fps: 25 },
  P360p30fps4x3: { name: 'P360p30fps4x3', width: 480, height: 360, bitrate: 1_000_000, fps: 30 },
  P240p30fps16x9: { name: 'P240p30fps16x9', width: 426, height: 240, bitrate: 600_000, fps: 30 },
  P240p25fps16x9: { name: 'P240p25fps16x9', width: 426, height: 240, bitrate: 600_000, fps: 25 },
  P240p30fps4x3: { name: 'P240p30fps4x3', width: 320, height: 240, bitrate: 600_000, fps: 30 },
  P144p30fps16x9: { name: 'P144p30fps16x9', width: 256, height: 144, bitrate: 400_000, fps: 30 },
  P144p25fps16x9: { name: 'P144p25fps16x9', width: 256, height: 144, bitrate: 400_000, fps: 25 },
} as const satisfies Record<string, VideoProfile>

/** A preset name from {@link videoProfiles}. */
export type VideoProfileName = keyof typeof videoProfiles

/** The go-livepeer gateway's default ladder (`-transcodingOptions`). */
export const defaultProfiles: readonly VideoProfile[] = [videoProfiles.P240p30fps16x9, videoProfiles.P360p30fps16x9]

/**
 * Parses a `-transcodingOptions`-style list (`P240p30fps16x9,P360p30fps16x9`) into profiles.
 *
 * @throws {InvalidProfileError} naming an unknown preset.
 *
 * @example
 * parseProfiles('P240p30fps16x9,P360p30fps16x9') // the default ladder
 */
export function parseProfiles(list: string | readonly string[]): VideoProfile[] {
  const names = (typeof list === 'string' ? list.split(',') : list).map((name) => name.trim()).filter(Boolean)
  return names.map((name) => {
    const profile = (videoProfiles as Record<string, VideoProfile>)[name]
    if (!profile) throw new InvalidProfileError({ reason: `unknown preset "${name}" (known: ${Object.keys(videoProfiles).join(', ')})` })
    return profile
  })
}

/**
 * Checks a profile received over the wire: positive even-or-odd dimensions within 4K, a sane fps.
 *
 * @throws {InvalidProfileError}
 *
 * @example
 * validateProfile({ name: 'x', width: 426, height: 240, bitrate: 600_000, fps: 30 })
 */
export function validateProfile(profile: VideoProfile): VideoProfile {
  const { name, width, height, bitrate, fps } = profile
  const int = (value: unknown, min: number, max: number) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max
  if (typeof name !== 'string' || !/^[\w.-]{1,64}$/.test(name)) throw new InvalidProfileError({ reason: `bad name ${JSON.stringify(name)}` })
  if (!int(width, 16, 4096) || !int(height, 16, 4096)) throw new InvalidProfileError({ reason: `${name}: bad size ${width}x${height}` })
  if (!int(bitrate, 10_000, 100_000_000)) throw new InvalidProfileError({ reason: `${name}: bad bitrate ${bitrate}` })
  if (!int(fps, 0, 120)) throw new InvalidProfileError({ reason: `${name}: bad fps ${fps}` })
  return { name, width, height, bitrate, fps }
}
