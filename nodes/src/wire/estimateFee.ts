import type { VideoProfile } from '../media/videoProfiles.ts'
import type { Price } from './codec.ts'

/** Passthrough fps (0) is estimated as 60 fps, as go-livepeer does. */
const passthroughFps = 60

/**
 * go-livepeer's pixel estimate for a segment: Σ w × h × ceil(fps) × ceil(duration), without the
 * gateway's 1.02 margin.
 *
 * @see shared/spec/nodes.md §7
 *
 * @example
 * estimatePixels(defaultProfiles, 2_000) // 19_958_400n
 */
export function estimatePixels(profiles: readonly VideoProfile[], durationMs: number): bigint {
  const seconds = BigInt(Math.ceil(durationMs / 1000))
  return profiles.reduce((sum, p) => sum + BigInt(p.width) * BigInt(p.height) * BigInt(Math.ceil(p.fps || passthroughFps)) * seconds, 0n)
}

/**
 * Fee for `pixels` at `price` (pricePerUnit / pixelsPerUnit wei per pixel), rounded up.
 *
 * @example
 * feeFor(19_958_400n, { pricePerUnit: 1200n, pixelsPerUnit: 1n }) // 23_950_080_000n
 */
export function feeFor(pixels: bigint, price: Price): bigint {
  return (pixels * price.pricePerUnit + price.pixelsPerUnit - 1n) / price.pixelsPerUnit
}
