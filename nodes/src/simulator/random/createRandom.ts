import { hexToBytes, keccak256, stringToBytes } from 'viem'

/** A seeded pseudo-random stream (xoshiro128**). Same seed, same numbers, on every platform. */
export type Random = {
  /** A float in [0, 1). */
  float: () => number
  /** An integer in [min, max] (inclusive). */
  int: (min: number, max: number) => number
  /** True with probability `p`. */
  chance: (p: number) => boolean
  /** One element; the array must not be empty. */
  pick: <item>(items: readonly item[]) => item
  /** One element, chosen with the given non-negative weights. */
  weighted: <item>(items: readonly item[], weights: readonly number[]) => item
  /** A shuffled copy. */
  shuffle: <item>(items: readonly item[]) => item[]
  /** A whole number of `unit`s, log-uniform between `min` and `max` units (realistic stake sizes). */
  logUniform: (min: number, max: number, unit: bigint) => bigint
  /** An independent stream for one concern, so adding draws to one area does not shift another. */
  fork: (label: string) => Random
}

/**
 * Creates the deterministic stream every scenario decision draws from.
 *
 * @param seed - Any string; hashed with keccak256 into the 128-bit state.
 * @returns A {@link Random}.
 *
 * @example
 * const random = createRandom('peerscope')
 * const cut = random.int(5, 25) * 10_000 // reward cut, 1e6 scale
 */
export function createRandom(seed: string): Random {
  const bytes = hexToBytes(keccak256(stringToBytes(seed)))
  const view = new DataView(bytes.buffer)
  const state = new Uint32Array([view.getUint32(0), view.getUint32(4), view.getUint32(8), view.getUint32(12)])
  if (state.every((word) => word === 0)) state[0] = 1

  const rotl = (x: number, k: number) => ((x << k) | (x >>> (32 - k))) >>> 0
  const next32 = (): number => {
    const s0 = state[0]!
    const s1 = state[1]!
    const s2 = state[2]!
    const s3 = state[3]!
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0
    const t = (s1 << 9) >>> 0
    state[2] = s2 ^ s0
    state[3] = s3 ^ s1
    state[1] = s1 ^ state[2]!
    state[0] = s0 ^ state[3]!
    state[2] = state[2]! ^ t
    state[3] = rotl(state[3]!, 11)
    return result
  }

  const float = () => next32() / 2 ** 32
  const int = (min: number, max: number) => min + Math.floor(float() * (max - min + 1))
  const random: Random = {
    float,
    int,
    chance: (p) => float() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[int(0, items.length - 1)]!
    },
    weighted: (items, weights) => {
      const total = weights.reduce((sum, weight) => sum + weight, 0)
      let target = float() * total
      for (let i = 0; i < items.length; i++) {
        target -= weights[i] ?? 0
        if (target < 0) return items[i]!
      }
      return items[items.length - 1]!
    },
    shuffle: (items) => {
      const copy = [...items]
      for (let i = copy.length - 1; i > 0; i--) {
        const j = int(0, i)
        ;[copy[i], copy[j]] = [copy[j]!, copy[i]!]
      }
      return copy
    },
    logUniform: (min, max, unit) => {
      const value = Math.exp(Math.log(min) + float() * (Math.log(max) - Math.log(min)))
      return BigInt(Math.max(1, Math.round(value))) * unit
    },
    fork: (label) => createRandom(`${seed}/${label}`),
  }
  return random
}
