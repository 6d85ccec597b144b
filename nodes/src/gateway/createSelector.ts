import type { Address } from 'viem'
import type { DiscoveredOrchestrator } from './discoverOrchestrators.ts'

/** Parameters for {@link createSelector}. */
export type CreateSelectorParameters = {
  /** Highest price per pixel accepted, wei (`-maxPricePerUnit / -pixelsPerUnit`); undefined = any. */
  maxPricePerPixel?: number | undefined
  /** Leaderboard scores by orchestrator address (lower-case) for this region (`-orchPerfStatsUrl`). */
  perfScores?: ReadonlyMap<string, number> | undefined
  /** `-minPerfScore`. Default 0. */
  minPerfScore?: number | undefined
  /** Selection weights. Defaults stake 0.7, random 0.3, price 0 (go-livepeer PR #2872). */
  weights?: { stake: number; random: number; price: number } | undefined
  /** `priceExpFactor`. Default 100. */
  priceExpFactor?: number | undefined
  random?: (() => number) | undefined
}

/** Why a candidate was not eligible, for the benchmark report. */
export type SelectionFilter = 'price' | 'perf' | 'suspended' | 'excluded'

/**
 * go-livepeer's orchestrator selection for one stream: a known session with the lowest latency
 * score (tookAll / max(1.5 s, segment duration)) is reused while that score is ≤ 1; otherwise an
 * unknown one is sampled with P = 0.7 · stake share + 0.3 · 1/N (+ price weight), after the perf
 * score and max price filters (each ignored when nobody passes the perf filter). Failures suspend
 * an orchestrator for a few selections.
 *
 * @see shared/spec/nodes.md §9
 *
 * @example
 * const selector = createSelector({ maxPricePerPixel: 1500 })
 * const chosen = selector.select(found, new Set())
 * selector.recordSuccess(chosen.address, 0.8)
 */
export function createSelector(parameters: CreateSelectorParameters = {}) {
  const { maxPricePerPixel, perfScores, minPerfScore = 0, weights = { stake: 0.7, random: 0.3, price: 0 }, priceExpFactor = 100, random = Math.random } = parameters
  const latency = new Map<Address, number>()
  const suspended = new Map<Address, number>()

  const pricePerPixel = (o: DiscoveredOrchestrator) => Number(o.info.priceInfo.pricePerUnit) / Number(o.info.priceInfo.pixelsPerUnit)

  return {
    pricePerPixel,
    /** Candidates that pass the filters, and why the others did not. */
    eligible(candidates: readonly DiscoveredOrchestrator[], exclude: ReadonlySet<Address>) {
      const rejected: { address: Address; reason: SelectionFilter }[] = []
      const open = candidates.filter((o) => {
        if (exclude.has(o.address)) return rejected.push({ address: o.address, reason: 'excluded' }) && false
        if (maxPricePerPixel !== undefined && pricePerPixel(o) > maxPricePerPixel) return rejected.push({ address: o.address, reason: 'price' }) && false
        return true
      })
      // Suspended orchestrators are used only when nobody else is left (spec §3.3).
      const unsuspended = open.filter((o) => (suspended.get(o.address) ?? 0) <= 0)
      if (unsuspended.length > 0) for (const o of open) if (!unsuspended.includes(o)) rejected.push({ address: o.address, reason: 'suspended' })
      let pool = unsuspended.length > 0 ? unsuspended : open
      if (perfScores && minPerfScore > 0) {
        const passing = pool.filter((o) => (perfScores.get(o.address.toLowerCase()) ?? 0) >= minPerfScore)
        if (passing.length > 0) {
          for (const o of pool) if (!passing.includes(o)) rejected.push({ address: o.address, reason: 'perf' })
          pool = passing
        }
      }
      return { pool, rejected }
    },
    /** Picks one orchestrator, or undefined when none is eligible. */
    select(candidates: readonly DiscoveredOrchestrator[], exclude: ReadonlySet<Address>): DiscoveredOrchestrator | undefined {
      for (const [address, left] of suspended) if (left <= 0) suspended.delete(address)
      const { pool } = this.eligible(candidates, exclude)
      for (const [address, left] of suspended) suspended.set(address, left - 1)
      if (pool.length === 0) return undefined
      const known = pool.filter((o) => latency.has(o.address)).sort((a, b) => (latency.get(a.address) as number) - (latency.get(b.address) as number))
      const best = known[0]
      if (best && (latency.get(best.address) as number) <= 1) return best
      const unknown = pool.filter((o) => !latency.has(o.address))
      const choices = unknown.length > 0 ? unknown : pool
      const totalStake = choices.reduce((sum, o) => sum + Number(o.stake), 0)
      const priceTerms = choices.map((o) => Math.exp(-pricePerPixel(o) / priceExpFactor))
      const priceTotal = priceTerms.reduce((a, b) => a + b, 0)
      const scores = choices.map(
        (o, i) =>
          weights.stake * (totalStake > 0 ? Number(o.stake) / totalStake : 0) +
          weights.random / choices.length +
          weights.price * (priceTotal > 0 ? (priceTerms[i] as number) / priceTotal : 0),
      )
      const total = scores.reduce((a, b) => a + b, 0)
      let pick = random() * total
      for (let i = 0; i < choices.length; i++) {
        pick -= scores[i] as number
        if (pick <= 0) return choices[i]
      }
      return choices.at(-1)
    },
    /** A segment succeeded: `score` = tookAll / max(1.5 s, segment duration). */
    recordSuccess(address: Address, score: number) {
      latency.set(address, score)
    },
    /** A segment failed: forget the latency and suspend for `penalty` selections. */
    recordFailure(address: Address, penalty = 3) {
      latency.delete(address)
      suspended.set(address, penalty)
    },
  }
}

/** The selector of {@link createSelector}. */
export type Selector = ReturnType<typeof createSelector>
