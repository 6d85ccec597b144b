/**
 * Gas limit per simulator call: about twice the most each used in the default scenario (measured:
 * bond 466k with an eviction, reward 391k, redeemWinningTicket 287k, transferBond 441k, with
 * unhinted inserts walking the 15-seat pool). Explicit limits skip eth_estimateGas, which could not
 * see earlier transactions of the same pending block anyway, and keep large blocks packed.
 */
export const gasLimits = {
  'LivepeerToken.approve': 100_000n,
  'LivepeerToken.mint': 150_000n,
  'LivepeerToken.transfer': 100_000n,
  'LivepeerToken.burn': 100_000n,
  'LivepeerToken.grantRole': 120_000n,
  'LivepeerToken.revokeRole': 120_000n,
  'BondingManager.bond': 900_000n,
  'BondingManager.bondForWithHint': 900_000n,
  'BondingManager.unbond': 700_000n,
  'BondingManager.rebond': 600_000n,
  'BondingManager.rebondFromUnbonded': 600_000n,
  'BondingManager.transferBond': 900_000n,
  'BondingManager.withdrawStake': 200_000n,
  'BondingManager.withdrawFees': 350_000n,
  'BondingManager.claimEarnings': 300_000n,
  'BondingManager.reward': 800_000n,
  'BondingManager.rewardForTranscoder': 800_000n,
  'BondingManager.setRewardCaller': 120_000n,
  'BondingManager.transcoder': 600_000n,
  'BondingManager.slashTranscoder': 400_000n,
  'BondingManager.setter': 120_000n,
  'RoundsManager.initializeRound': 400_000n,
  'RoundsManager.setter': 120_000n,
  'Minter.setter': 120_000n,
  'TicketBroker.fund': 200_000n,
  'TicketBroker.unlock': 150_000n,
  'TicketBroker.withdraw': 150_000n,
  'TicketBroker.redeemWinningTicket': 500_000n,
  'TicketBroker.setter': 120_000n,
  'ServiceRegistry.setServiceURI': 300_000n,
  'AIServiceRegistry.setServiceURI': 300_000n,
  'Controller.pause': 80_000n,
  'Controller.updateController': 100_000n,
} as const satisfies Record<string, bigint>

/** A call label with a gas limit. */
export type GasLabel = keyof typeof gasLimits
