import assert from 'node:assert/strict'
import { test } from 'node:test'
import { RenditionMismatchError } from '../wire/errors.ts'
import { detectEncoder } from './detectEncoder.ts'
import { makeTestSegment } from './makeTestSegment.ts'
import { probeMedia } from './probeMedia.ts'
import { resolveMediaBinaries } from './resolveMediaBinaries.ts'
import { transcodeSegment } from './transcodeSegment.ts'
import { verifyRendition } from './verifyRendition.ts'
import { videoProfiles } from './videoProfiles.ts'

const { ffmpegPath, ffprobePath } = resolveMediaBinaries()
const small = { name: 'P144p30fps16x9', width: 256, height: 144, bitrate: 400_000, fps: 30 }

test('behavior: a test segment transcodes into every profile in one ffmpeg run, pixels = frames × w × h', async () => {
  const segment = await makeTestSegment({ ffmpegPath, width: 640, height: 360, durationSec: 1 })
  const source = await probeMedia(ffprobePath, segment)
  assert.equal(source.video?.codec, 'h264')
  assert.equal(source.video?.frames, 30)
  assert.equal(source.audio?.codec, 'aac')
  const { renditions, encoder } = await transcodeSegment({ ffmpegPath, ffprobePath, segment, profiles: [small, videoProfiles.P240p30fps16x9] })
  assert.equal(encoder, 'libx264')
  assert.deepEqual(renditions.map((r) => [r.profile.name, r.frames, r.pixels]), [
    ['P144p30fps16x9', 30, 30n * 256n * 144n],
    ['P240p30fps16x9', 30, 30n * 426n * 240n],
  ])
  for (const rendition of renditions) {
    const probe = await probeMedia(ffprobePath, rendition.data)
    verifyRendition({ probe, profile: rendition.profile, billedPixels: rendition.pixels, segmentDurationSec: 1, sourceFps: 30 })
  }
})

test('behavior: verification catches a wrong size, a wrong duration and over-billed pixels', async () => {
  const segment = await makeTestSegment({ ffmpegPath, width: 320, height: 180, durationSec: 1 })
  const { renditions } = await transcodeSegment({ ffmpegPath, ffprobePath, segment, profiles: [small] })
  const rendition = renditions[0]!
  const probe = await probeMedia(ffprobePath, rendition.data)
  assert.throws(
    () => verifyRendition({ probe, profile: videoProfiles.P240p30fps16x9, billedPixels: rendition.pixels + 1n, segmentDurationSec: 2, sourceFps: 30 }),
    (error: unknown) => {
      assert.ok(error instanceof RenditionMismatchError)
      assert.deepEqual(error.problems, [
        'size 256x144, expected 426x240',
        'duration 1.000 s, expected 2 s',
        '30 frames, expected 60',
        `billed ${rendition.pixels + 1n} pixels, rendition has ${rendition.pixels}`,
      ])
      return true
    },
  )
})

test('behavior: a broken segment is a MediaProcessError with ffmpeg stderr', async () => {
  await assert.rejects(transcodeSegment({ ffmpegPath, ffprobePath, segment: Buffer.from('not a video'), profiles: [small] }), {
    name: 'MediaProcessError',
  })
})

test('unit: the encoder choice says why (no GPU on this machine means libx264)', async () => {
  const choice = await detectEncoder({ ffmpegPath, nvidiaSmiPath: '/nonexistent/nvidia-smi' })
  assert.deepEqual(choice, { encoder: 'libx264', gpu: false, gpus: [], reason: 'no NVIDIA GPU found (nvidia-smi -L); using libx264 on the CPU' })
})
