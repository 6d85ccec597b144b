/**
 * Gas limits per simulator call: about 1.5× the most each used in the default and large scenarios
 * (measured with the 20-seat pool walks of unhinted `SortedDoublyLL` inserts). Explicit limits skip
 * eth_estimateGas, which cannot see earlier transactions of the same pending block anyway.
 */
export const gasLimits = {
  'LivepeerToken.approve': 2_000_000n,
  'LivepeerToken.mint': 2_000_000n,
  'LivepeerToken.transfer': 2_000_000n,
  'LivepeerToken.burn': 2_000_000n,
  'LivepeerToken.grantRole': 2_000_000n,
  'LivepeerToken.revokeRole': 2_000_000n,
  'BondingManager.bond': 2_000_000n,
  'BondingManager.bondForWithHint': 2_000_000n,
  'BondingManager.unbond': 2_000_000n,
  'BondingManager.rebond': 2_000_000n,
  'BondingManager.rebondFromUnbonded': 2_000_000n,
  'BondingManager.transferBond': 2_000_000n,
  'BondingManager.withdrawStake': 2_000_000n,
  'BondingManager.withdrawFees': 2_000_000n,
  'BondingManager.claimEarnings': 2_000_000n,
  'BondingManager.reward': 2_000_000n,
  'BondingManager.rewardForTranscoder': 2_000_000n,
  'BondingManager.setRewardCaller': 2_000_000n,
  'BondingManager.transcoder': 2_000_000n,
  'BondingManager.slashTranscoder': 2_000_000n,
  'BondingManager.setter': 2_000_000n,
  'RoundsManager.initializeRound': 2_000_000n,
  'RoundsManager.setter': 2_000_000n,
  'Minter.setter': 2_000_000n,
  'TicketBroker.fund': 2_000_000n,
  'TicketBroker.unlock': 2_000_000n,
  'TicketBroker.withdraw': 2_000_000n,
  'TicketBroker.redeemWinningTicket': 2_000_000n,
  'TicketBroker.setter': 2_000_000n,
  'ServiceRegistry.setServiceURI': 2_000_000n,
  'AIServiceRegistry.setServiceURI': 2_000_000n,
  'Controller.pause': 2_000_000n,
  'Controller.updateController': 2_000_000n,
} as const satisfies Record<string, bigint>

/** A call label with a gas limit. */
export type GasLabel = keyof typeof gasLimits
