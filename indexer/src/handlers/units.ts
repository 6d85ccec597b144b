import { BigDecimal } from '@subsquid/big-decimal'

/** `BigDecimal` zero. */
export const zeroDecimal = (): BigDecimal => BigDecimal(0)

/** Wei (18 decimals) to the subgraph's token unit (LPT, ETH), exactly. */
export function toDecimal(wei: bigint): BigDecimal {
  return BigDecimal(`${wei}e-18`)
}

/** The subgraph's token unit back to wei (exact for values that came from {@link toDecimal}). */
export function toWei(value: BigDecimal): bigint {
  return BigInt(value.times('1e18').toFixed(0))
}

/** Pool id: `leftPad(round, 10, '0') + '-' + transcoder`. */
export const poolId = (round: bigint, transcoder: string): string => `${round.toString().padStart(10, '0')}-${transcoder}`

/** UnbondingLock id: `leftPad(lockId, 10, '0') + '-' + delegator`. */
export const unbondingLockId = (lockId: bigint, delegator: string): string => `${lockId.toString().padStart(10, '0')}-${delegator}`

/** Day number of a Unix time in seconds. */
export const dayNumber = (seconds: number): number => Math.floor(seconds / 86400)
