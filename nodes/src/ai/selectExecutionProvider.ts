import { existsSync } from 'node:fs'

/** Where onnxruntime runs a model. */
export type ExecutionProvider = 'cuda' | 'cpu'

/**
 * Whether this machine has an NVIDIA GPU with a loaded driver (the kernel module exposes
 * `/proc/driver/nvidia/version` and `/dev/nvidia0`). The CUDA execution provider is only tried then;
 * `createInferenceSession` still falls back to CPU when onnxruntime's CUDA libraries are missing.
 *
 * @example
 * const provider = hasNvidiaGpu() ? 'cuda' : 'cpu'
 */
export function hasNvidiaGpu(): boolean {
  return existsSync('/proc/driver/nvidia/version') || existsSync('/dev/nvidia0')
}
