/** Parameters for {@link decodeCtc}. */
export type DecodeCtcParameters = {
  /** Softmax output, row-major `steps × classes`. */
  probabilities: Float32Array
  steps: number
  classes: number
  /** Characters for classes 1…n (class 0 is the CTC blank). */
  characters: readonly string[]
}

/** Return type of {@link decodeCtc}: the text and the mean probability of its characters (0 if empty). */
export type DecodeCtcReturnType = { text: string; confidence: number }

/**
 * Greedy CTC decoding: the most likely class per time step, repeated classes collapsed, blanks
 * (class 0) removed. The confidence is the mean of the kept steps' probabilities, as PaddleOCR
 * reports it.
 *
 * @example
 * decodeCtc({ probabilities, steps: 40, classes: 6625, characters }) // { text: 'Peerscope', confidence: 0.98 }
 */
export function decodeCtc({ probabilities, steps, classes, characters }: DecodeCtcParameters): DecodeCtcReturnType {
  if (probabilities.length !== steps * classes) throw new RangeError(`decodeCtc: ${probabilities.length} values for ${steps}×${classes}`)
  let text = ''
  let sum = 0
  let kept = 0
  let previous = -1
  for (let step = 0; step < steps; step++) {
    const offset = step * classes
    let best = 0
    let bestProbability = probabilities[offset] as number
    for (let k = 1; k < classes; k++) {
      const p = probabilities[offset + k] as number
      if (p > bestProbability) {
        best = k
        bestProbability = p
      }
    }
    if (best !== 0 && best !== previous) {
      text += characters[best - 1] ?? ''
      sum += bestProbability
      kept++
    }
    previous = best
  }
  return { text, confidence: kept === 0 ? 0 : sum / kept }
}
