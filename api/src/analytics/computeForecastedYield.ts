import { formatFixed, parseFixed } from '../decimal/fixed.ts'

/** 1e27 fixed point ("ray"), the precision of the forecast's arithmetic. */
export const ray = 10n ** 27n

function mul(a: bigint, b: bigint): bigint {
  return (a * b) / ray
}

function div(a: bigint, b: bigint): bigint {
  return b === 0n ? 0n : (a * ray) / b
}

function pow(base: bigint, exponent: number): bigint {
  let result = ray
  let square = base
  let n = exponent
  while (n > 0) {
    if (n & 1) result = mul(result, square)
    square = mul(square, square)
    n >>= 1
  }
  return result
}

/** Inputs of {@link computeForecastedYield} (decimal strings as the entities store them). */
export type ForecastInputs = {
  principal: string
  months: number
  inflationChange: 'none' | 'positive' | 'negative'
  factors: 'lptAndEth' | 'lpt' | 'eth'
  protocol: { inflation: string; inflationChange: string; totalSupply: string; totalActiveStake: string; roundLength: string; lptPriceEth: string }
  /** Treasury reward cut as a fraction (decimal string). */
  treasuryRewardCut: string
}

/** One orchestrator's inputs. */
export type ForecastOrchestrator = { totalStake: string; rewardCut: string; feeShare: string; ninetyDayVolumeETH: string; rewardCallRatio: string }

/** Rounds in a horizon: round(months × 2,628,000 s / (roundLength × 12 s)), as the explorer computes it. */
export function roundsInHorizon(months: number, roundLength: string): number {
  const length = Number(roundLength)
  return length > 0 ? Math.round((months * 2_628_000) / (length * 12)) : 0
}

/**
 * Cumulative inflation over the horizon as a ray: (1 + i_eff)^rounds − 1 with i_eff = inflation/1e9 ×
 * (1 − treasuryCut); with a simulated change, Π_k (1 + max(0, i ± k·change/1e9) × (1 − treasuryCut)) − 1.
 */
export function totalInflation(inputs: ForecastInputs, rounds: number): bigint {
  const keep = ray - parseFixed(inputs.treasuryRewardCut, 27)
  const perRound = (ppb: bigint) => mul(ppb * 10n ** 18n, keep)
  const inflation = BigInt(inputs.protocol.inflation)
  if (inputs.inflationChange === 'none') return pow(ray + perRound(inflation), rounds) - ray
  const change = BigInt(inputs.protocol.inflationChange) * (inputs.inflationChange === 'positive' ? 1n : -1n)
  let product = ray
  for (let k = 1; k <= rounds; k++) {
    const rate = inflation + BigInt(k) * change
    product = mul(product, ray + perRound(rate > 0n ? rate : 0n))
  }
  return product - ray
}

/**
 * The explorer's forecast (subgraph-and-explorer.md §10.4) for one orchestrator, in exact
 * fixed-point: LPT rewards and ETH fees for `principal` over the horizon, and both as fractions of
 * the principal (fees converted to LPT at lptPriceEth).
 *
 * @example
 * computeForecastedYield(inputs, inflation, orchestrator) // { rewardsLPT: '12.3', rewardsYield: '0.082', … }
 */
export function computeForecastedYield(inputs: ForecastInputs, cumulativeInflation: bigint, orchestrator: ForecastOrchestrator) {
  const principal = parseFixed(inputs.principal, 27)
  const stake = parseFixed(orchestrator.totalStake, 27)
  const pool = principal + stake
  const share = div(principal, pool)
  const rewardCallRatio = parseFixed(orchestrator.rewardCallRatio, 27)
  let rewards = 0n
  if (rewardCallRatio > 0n) {
    const protocolRewards = mul(parseFixed(inputs.protocol.totalSupply, 27), cumulativeInflation)
    const ratio = div(protocolRewards, parseFixed(inputs.protocol.totalActiveStake, 27))
    const orchestratorTotal = mul(mul(ratio, pool), rewardCallRatio)
    const keep = ray - (BigInt(orchestrator.rewardCut) * ray) / 1_000_000n
    rewards = mul(mul(orchestratorTotal, keep), share)
  }
  const periodVolume = (parseFixed(orchestrator.ninetyDayVolumeETH, 27) * 365n * BigInt(inputs.months)) / (90n * 12n)
  const fees = mul(mul(periodVolume, (BigInt(orchestrator.feeShare) * ray) / 1_000_000n), share)
  const price = parseFixed(inputs.protocol.lptPriceEth, 27)
  const rewardsYield = div(rewards, principal)
  const feesYield = price > 0n ? div(div(fees, price), principal) : 0n
  const total = (inputs.factors === 'eth' ? 0n : rewardsYield) + (inputs.factors === 'lpt' ? 0n : feesYield)
  const out = (value: bigint) => formatFixed(value / 10n ** 9n, 18)
  return { rewardsLPT: out(rewards), rewardsYield: out(rewardsYield), feesETH: out(fees), feesYield: out(feesYield), totalYield: out(total), totalYieldRay: total }
}
