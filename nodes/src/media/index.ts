// media: ffmpeg for the reference nodes. Test segments, one-process multi-rendition transcoding,
// ffprobe checks, encoder detection (NVENC or libx264), lpms profiles.
export { detectEncoder, type DetectEncoderParameters, type EncoderChoice } from './detectEncoder.ts'
export { makeTestSegment, type MakeTestSegmentParameters } from './makeTestSegment.ts'
export { probeMedia, type MediaProbe } from './probeMedia.ts'
export { mediaBinariesFromEnv, resolveMediaBinaries, type MediaBinaries, type ResolveMediaBinariesParameters } from './resolveMediaBinaries.ts'
export {
  transcodeSegment,
  type TranscodedRendition,
  type TranscodeSegmentParameters,
  type TranscodeSegmentReturnType,
} from './transcodeSegment.ts'
export { verifyRendition, type VerifyRenditionParameters } from './verifyRendition.ts'
export { defaultProfiles, parseProfiles, validateProfile, videoProfiles, type VideoProfile, type VideoProfileName } from './videoProfiles.ts'
