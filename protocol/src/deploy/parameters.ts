import type { ProtocolParameters } from '../presets/types.ts'

export type { ProtocolParameters }

/**
 * Devnet defaults: Arbitrum's unbonding, unlock, validity, target bonding rate and treasury values,
 * with 40-block rounds, a 15-seat active set and a faster-moving inflation so a local run shows
 * several rounds of activity in minutes.
 */
export const devnetParameters: ProtocolParameters = {
  roundLength: 40n,
  roundLockAmount: 100_000n,
  unbondingPeriod: 7n,
  numActiveTranscoders: 15n,
  inflation: 500_000n,
  inflationChange: 3_000n,
  targetBondingRate: 500_000_000n,
  treasuryRewardCutRate: 10n ** 26n,
  treasuryBalanceCeiling: 750_000n * 10n ** 18n,
  unlockPeriod: 2n,
  ticketValidityPeriod: 2n,
}
