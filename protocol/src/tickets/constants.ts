import { maxUint256 } from 'viem'

/**
 * 2^256 − 1: winning probabilities are numerators over this, so P(win) = winProb / maxWinProb.
 *
 * @see shared/spec/protocol.md §12.2
 */
export const maxWinProb = maxUint256

/** go-livepeer's default `-ticketEV`, wei. */
export const defaultTicketEV = 8_000_000_000n

/** go-livepeer's `txCostMultiplier`: the default face value is 100 × the redemption cost. */
export const defaultTxCostMultiplier = 100n

/** go-livepeer's `evMultiplier`: when 100 × txCost is below EV, the face value is 100 × EV. */
export const evMultiplier = 100n

/** Gas go-livepeer budgets for one `redeemWinningTicket` on Arbitrum (L2). */
export const redeemGasL2 = 1_200_000n

/** Gas go-livepeer budgets for one `redeemWinningTicket` on Ethereum (L1). */
export const redeemGasL1 = 350_000n

/** go-livepeer's hard-coded "average" gas price for the face-value floor check: 3 gwei. */
export const averageGasPrice = 3_000_000_000n
