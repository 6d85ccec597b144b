/** An axis-aligned text box in pixel coordinates: [x0, y0) × [x1, y1) with x1 > x0, y1 > y0. */
export type TextBox = { x0: number; y0: number; x1: number; y1: number; score: number }

/** Parameters for {@link findTextBoxes}; defaults are PaddleOCR's DB post-processing values. */
export type FindTextBoxesParameters = {
  /** The detector's probability map, row-major `height × width`. */
  probabilities: Float32Array
  width: number
  height: number
  /** Pixels above this are text. Default 0.3 (`det_db_thresh`). */
  threshold?: number | undefined
  /** Boxes whose mean probability is below this are dropped. Default 0.6 (`det_db_box_thresh`). */
  boxThreshold?: number | undefined
  /** How far the shrunk DB region is grown back (`det_db_unclip_ratio`). Default 1.5. */
  unclipRatio?: number | undefined
  /** Boxes with a side shorter than this (map pixels) are noise. Default 3. */
  minSize?: number | undefined
}

/**
 * Turns a DB (Differentiable Binarization) probability map into text boxes: threshold, 8-connected
 * components, mean-probability score, then "unclip": DB predicts text regions shrunk by
 * `area · (1 − r²) / perimeter`, so each box grows by `area · unclipRatio / perimeter` per side.
 * Boxes are axis-aligned (the min-area rectangle of a horizontal line), in map coordinates,
 * clamped to the map and sorted in reading order.
 *
 * @example
 * const boxes = findTextBoxes({ probabilities, width: 640, height: 96 })
 */
export function findTextBoxes(parameters: FindTextBoxesParameters): TextBox[] {
  const { probabilities, width, height, threshold = 0.3, boxThreshold = 0.6, unclipRatio = 1.5, minSize = 3 } = parameters
  if (probabilities.length !== width * height) throw new RangeError(`findTextBoxes: ${probabilities.length} probabilities for a ${width}×${height} map`)
  const label = new Int32Array(width * height)
  const stack: number[] = []
  const boxes: TextBox[] = []
  let next = 0
  for (let start = 0; start < label.length; start++) {
    if (label[start] !== 0 || (probabilities[start] as number) <= threshold) continue
    next++
    label[start] = next
    stack.push(start)
    let x0 = width
    let y0 = height
    let x1 = -1
    let y1 = -1
    while (stack.length > 0) {
      const index = stack.pop() as number
      const x = index % width
      const y = (index - x) / width
      if (x < x0) x0 = x
      if (x > x1) x1 = x
      if (y < y0) y0 = y
      if (y > y1) y1 = y
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy
        if (ny < 0 || ny >= height) continue
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx
          if (nx < 0 || nx >= width) continue
          const neighbour = ny * width + nx
          if (label[neighbour] === 0 && (probabilities[neighbour] as number) > threshold) {
            label[neighbour] = next
            stack.push(neighbour)
          }
        }
      }
    }
    const boxWidth = x1 - x0 + 1
    const boxHeight = y1 - y0 + 1
    if (Math.min(boxWidth, boxHeight) < minSize) continue
    // NOTE: PaddleOCR's "fast" score: the mean probability over the box, not only the component.
    let sum = 0
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) sum += probabilities[y * width + x] as number
    const score = sum / (boxWidth * boxHeight)
    if (score < boxThreshold) continue
    const distance = (boxWidth * boxHeight * unclipRatio) / (2 * (boxWidth + boxHeight))
    const grown = {
      x0: Math.max(0, Math.floor(x0 - distance)),
      y0: Math.max(0, Math.floor(y0 - distance)),
      x1: Math.min(width, Math.ceil(x1 + 1 + distance)),
      y1: Math.min(height, Math.ceil(y1 + 1 + distance)),
      score,
    }
    if (Math.min(grown.x1 - grown.x0, grown.y1 - grown.y0) < minSize + 2) continue
    boxes.push(grown)
  }
  return groupLines(boxes).flat()
}

/**
 * Groups boxes into lines in reading order: top to bottom, and boxes whose vertical centres are
 * within half a line height of the line's first box go on that line, left to right.
 *
 * @example
 * groupLines(boxes).map((line) => line.map((box) => box.text).join(' ')).join('\n')
 */
export function groupLines<box extends { x0: number; y0: number; x1: number; y1: number }>(boxes: readonly box[]): box[][] {
  const sorted = [...boxes].sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1))
  const lines: box[][] = []
  for (const box of sorted) {
    const line = lines.at(-1)
    const first = line?.[0]
    if (line && first && Math.abs((box.y0 + box.y1) / 2 - (first.y0 + first.y1) / 2) < Math.min(box.y1 - box.y0, first.y1 - first.y0) / 2) line.push(box)
    else lines.push([box])
  }
  return lines.map((line) => line.sort((a, b) => a.x0 - b.x0))
}
