import { runProcess } from './runProcess.ts'

/** The H.264 encoder the orchestrator uses, and why. */
export type EncoderChoice = {
  encoder: 'h264_nvenc' | 'libx264'
  /** An NVIDIA GPU answered `nvidia-smi -L`. */
  gpu: boolean
  /** GPU names from `nvidia-smi -L`. */
  gpus: string[]
  /** Why this encoder (e.g. a GPU was found but this ffmpeg lacks NVENC). */
  reason: string
}

/** Parameters for {@link detectEncoder}. */
export type DetectEncoderParameters = {
  ffmpegPath: string
  /** Force an encoder (`'libx264'` to keep a GPU free); default: detect. */
  prefer?: 'auto' | 'h264_nvenc' | 'libx264' | undefined
  /** nvidia-smi to run; default from PATH. */
  nvidiaSmiPath?: string | undefined
}

/**
 * Chooses `h264_nvenc` when an NVIDIA GPU is present and this ffmpeg build has NVENC, else libx264,
 * and says which and why (the orchestrator logs it and advertises it in `hardware`).
 *
 * @example
 * const { encoder, reason } = await detectEncoder({ ffmpegPath })
 */
export async function detectEncoder({ ffmpegPath, prefer = 'auto', nvidiaSmiPath = 'nvidia-smi' }: DetectEncoderParameters): Promise<EncoderChoice> {
  const gpus = await listNvidiaGpus(nvidiaSmiPath)
  const gpu = gpus.length > 0
  if (prefer === 'libx264') return { encoder: 'libx264', gpu, gpus, reason: 'libx264 requested' }
  if (!gpu) return { encoder: 'libx264', gpu, gpus, reason: 'no NVIDIA GPU found (nvidia-smi -L); using libx264 on the CPU' }
  const encoders = await runProcess(ffmpegPath, ['-hide_banner', '-encoders'], { timeoutMs: 10_000 }).catch(() => undefined)
  if (!encoders?.stdout.toString().includes('h264_nvenc'))
    return { encoder: 'libx264', gpu, gpus, reason: `NVIDIA GPU found but ${ffmpegPath} has no h264_nvenc; falling back to libx264` }
  return { encoder: 'h264_nvenc', gpu, gpus, reason: `NVIDIA GPU found (${gpus[0]}); using h264_nvenc` }
}

async function listNvidiaGpus(nvidiaSmiPath: string): Promise<string[]> {
  try {
    const result = await runProcess(nvidiaSmiPath, ['-L'], { timeoutMs: 5_000 })
    if (result.code !== 0) return []
    return result.stdout.toString().split('\n').filter((line) => line.startsWith('GPU '))
  } catch {
    return [] // ENOENT: no driver tools, no GPU
  }
}
