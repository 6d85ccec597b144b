import { InsufficientSenderReserveError } from '../errors/ticket.ts'
import { averageGasPrice as defaultAverageGasPrice, defaultTxCostMultiplier, evMultiplier, redeemGasL2 } from './constants.ts'

/** Parameters for {@link computeFaceValue}. */
export type ComputeFaceValueParameters = {
  /** The recipient's expected value per ticket, wei (`-ticketEV`, default 8 gwei). */
  ev: bigint
  /** Current gas price, wei. */
  gasPrice: bigint
  /** The sender's max float toward this recipient, wei (reserve allocation, minus pending amounts). */
  maxFloat: bigint
  /** Gas per redemption: 1,200,000 on L2 (default), 350,000 on L1. */
  redeemGas?: bigint | undefined
  /** Default face value = txCost × this (100). */
  txCostMultiplier?: bigint | undefined
  /** The gas price of the fallback cost check (go-livepeer hard-codes 3 gwei). */
  averageGasPrice?: bigint | undefined
  /** Optional `-maxFaceValue` cap, wei; 0 or absent means none. */
  maxFaceValue?: bigint | undefined
  /** The price's numerator: with a price of 0 no payment is needed and the face value is 0. */
  pricePerUnit?: bigint | undefined
}

/** Return type of {@link computeFaceValue}. */
export type ComputeFaceValueReturnType = bigint

/**
 * go-livepeer's `recipient.faceValue`: `txCost × txCostMultiplier`, or `EV × 100` when that is below
 * EV; capped by the sender's max float and by `maxFaceValue`. Fails when the result is below EV, or
 * below the redemption cost at both the current gas price and the average (3 gwei) one.
 *
 * @see shared/spec/protocol.md §12.4
 *
 * @throws {InsufficientSenderReserveError} as go-livepeer's `errInsufficientSenderReserve`.
 *
 * @example
 * // 1.2M gas × 0.01 gwei = 1.2e13 wei txCost; × 100 = 1.2e15 wei
 * computeFaceValue({ ev: 8_000_000_000n, gasPrice: 10_000_000n, maxFloat: 10n ** 18n }) // 1_200_000_000_000_000n
 */
export function computeFaceValue({
  ev,
  gasPrice,
  maxFloat,
  redeemGas = redeemGasL2,
  txCostMultiplier = defaultTxCostMultiplier,
  averageGasPrice = defaultAverageGasPrice,
  maxFaceValue = 0n,
  pricePerUnit,
}: ComputeFaceValueParameters): ComputeFaceValueReturnType {
  if (pricePerUnit === 0n) return 0n
  const txCost = redeemGas * gasPrice
  let faceValue = txCost * txCostMultiplier
  if (faceValue < ev) faceValue = ev * evMultiplier
  if (faceValue > maxFloat) faceValue = maxFloat
  if (maxFaceValue > 0n && faceValue > maxFaceValue) faceValue = maxFaceValue
  if (faceValue < ev)
    throw new InsufficientSenderReserveError({ faceValue, ev, reason: `face value ${faceValue} is below EV ${ev}` })
  const averageTxCost = redeemGas * averageGasPrice
  if (faceValue < txCost && faceValue < averageTxCost)
    throw new InsufficientSenderReserveError({
      faceValue,
      ev,
      reason: `face value ${faceValue} is below the redemption cost at both the current (${txCost}) and the average (${averageTxCost}) gas price`,
    })
  return faceValue
}
