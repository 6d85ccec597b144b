import type { TransactionSender } from '../chain/createTransactionSender.ts'
import type { BlockClock } from '../scenario/context.ts'

/**
 * A clock that lets one block through every `blockIntervalMs`, like a real chain, and stops
 * waiting as soon as `signal` aborts (the wait then throws the abort reason).
 *
 * @example
 * const clock = createLiveClock({ sender, blockIntervalMs: 1_000, signal })
 * await clock.mineTo(nextRoundStart - 1n)
 */
export function createLiveClock({ sender, blockIntervalMs, signal }: { sender: TransactionSender; blockIntervalMs: number; signal: AbortSignal }): BlockClock {
  let last = performance.now()
  const tick = async () => {
    const wait = last + blockIntervalMs - performance.now()
    if (wait > 0) await sleep(wait, signal)
    signal.throwIfAborted()
    last = performance.now()
  }
  return {
    tick,
    async mineTo(block) {
      while (sender.head() < block) {
        await tick()
        await sender.mine(1)
      }
    },
  }
}

/**
 * Resolves after `ms`, or rejects with the abort reason.
 *
 * @example
 * await sleep(1_000, signal)
 */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    const onAbort = () => {
      clearTimeout(timer)
      reject(signal?.reason)
    }
    signal?.addEventListener('abort', onAbort, { once: true })
  })
}

/**
 * A clock for history: no waiting, empty blocks mined in one `anvil_mine`.
 *
 * @example
 * const clock = createInstantClock({ sender })
 * await clock.mineTo(roundStart - 1n)
 */
export function createInstantClock({ sender }: { sender: TransactionSender }): BlockClock {
  return {
    tick: async () => {},
    async mineTo(block) {
      const missing = block - sender.head()
      if (missing > 0n) await sender.mine(Number(missing))
    },
  }
}
