/**
 * Protocol parameters set at deployment (spec §14). Percentages: `roundLockAmount` 1e6,
 * `inflation`/`inflationChange`/`targetBondingRate` 1e9 (Minter), `treasuryRewardCutRate` 1e27.
 */
export type ProtocolParameters = {
  /** RoundsManager: round length in blocks. */
  roundLength: bigint
  /** RoundsManager: locked tail of each round (1e6; 100_000 = last 10 %). */
  roundLockAmount: bigint
  /** BondingManager: rounds between unbond and withdrawStake. */
  unbondingPeriod: bigint
  /** BondingManager: transcoder pool (active set) size. */
  numActiveTranscoders: bigint
  /** Minter: starting inflation per round (1e9). */
  inflation: bigint
  /** Minter: inflation step per round (1e9). */
  inflationChange: bigint
  /** Minter: target bonding rate (1e9). */
  targetBondingRate: bigint
  /** BondingManager: treasury share of minted rewards (1e27), effective from the first initialized round. */
  treasuryRewardCutRate: bigint
  /** BondingManager: treasury LPT balance that halts the cut (wei; 0 = no ceiling). */
  treasuryBalanceCeiling: bigint
  /** TicketBroker: rounds between unlock and withdraw. */
  unlockPeriod: bigint
  /** TicketBroker: rounds a ticket stays redeemable after its creation round. */
  ticketValidityPeriod: bigint
}

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
