import assert from 'node:assert/strict'
import { test } from 'node:test'
import { findTextBoxes, groupLines } from './findTextBoxes.ts'

function map(width: number, height: number, rects: [number, number, number, number, number][]): Float32Array {
  const probabilities = new Float32Array(width * height)
  for (const [x0, y0, x1, y1, p] of rects) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) probabilities[y * width + x] = p
  return probabilities
}

test('unit: components become unclipped boxes in reading order', () => {
  // Two words on one line and one below; a faint blob and a 2-px speck are dropped.
  const probabilities = map(100, 60, [
    [50, 10, 70, 20, 0.9],
    [10, 10, 40, 20, 0.95],
    [10, 35, 30, 45, 0.8],
    [80, 40, 90, 50, 0.4],
    [90, 5, 92, 7, 0.99],
  ])
  const boxes = findTextBoxes({ probabilities, width: 100, height: 60 })
  // 30×10 box: d = 300 × 1.5 / 80 = 5.625 per side (floored out); 20×10: d = 200 × 1.5 / 60 = 5.
  assert.deepEqual(boxes.map(({ score, ...box }) => box), [
    { x0: 4, y0: 4, x1: 46, y1: 26 },
    { x0: 45, y0: 5, x1: 75, y1: 25 },
    { x0: 5, y0: 30, x1: 35, y1: 50 },
  ])
  assert.ok(Math.abs((boxes[0]?.score ?? 0) - 0.95) < 1e-6)
  assert.deepEqual(groupLines(boxes).map((line) => line.length), [2, 1])
})
