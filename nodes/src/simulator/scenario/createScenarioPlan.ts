import { parseEther, type Address } from 'viem'
import type { PrivateKeyAccount } from 'viem/accounts'
import type { DevnetAccounts } from '../../devnet/createDevnetAccounts.ts'
import type { Random } from '../random/createRandom.ts'

const LPT = 10n ** 18n

/** How one orchestrator behaves over the scenario. */
export type OrchestratorPlan = {
  index: number
  account: PrivateKeyAccount
  address: Address
  /** LPT self-bonded at registration. */
  selfBond: bigint
  /** Scenario round (0-based) in which it registers. */
  joinRound: number
  rewardCut: bigint
  feeShare: bigint
  /** Probability of calling reward in a round where it is active. */
  reliability: number
  serviceUri: string
  /** Also published on the AIServiceRegistry. */
  aiServiceUri: string | undefined
  /** LIP-118: a keeper calls reward for it from round 1. */
  usesRewardCaller: boolean
}

/** How one delegator behaves. */
export type DelegatorPlan = {
  index: number
  address: Address
  /** LPT minted to it at funding. */
  budget: bigint
  /** Scenario round of its first bond; undefined: never bonds on its own. */
  joinRound: number | undefined
  /** Share of the budget in the first bond (0..1). */
  firstBondShare: number
}

/** What one gateway does. */
export type GatewayPlan = {
  index: number
  account: PrivateKeyAccount
  address: Address
  deposit: bigint
  reserve: bigint
  faceValue: bigint
  /** Winning tickets it pays per round. */
  ticketsPerRound: number
}

/** Who plays the scripted episodes that make every contract event happen. */
export type ScenarioCast = {
  /** Partial unbond in round 1, rebond in round 3. */
  rebonder: Address
  /** Full unbond in round 2, rebondFromUnbonded in round 4. */
  returner: Address
  /** Partial unbond in round 1, withdrawStake in round 8. */
  withdrawer: Address
  /** transferBond to a fresh account in round 3. */
  giver: Address
  /** Never bonds; receives `giver`'s stake. */
  receiver: Address
  /** transferBond to a bonded delegator in round 5. */
  secondGiver: Address
  secondReceiver: Address
  /** claimEarnings in round 2. */
  claimer: Address
  /** Moves its stake to another orchestrator in round 3. */
  mover: Address
  /** Cancels an unlock (rounds 2-3). */
  cancellingGateway: Address
  /** Unlocks and withdraws (rounds 4-6), funds again in round 8. */
  withdrawingGateway: Address
  /** Unlocks then cancels by funding itself (rounds 9-10), if there are 3+ gateways. */
  selfFundingGateway: Address | undefined
  /** Pays tickets larger than its deposit: reserve claims. */
  lowDepositGateway: Address
}

/** The whole deterministic plan of a scenario. */
export type ScenarioPlan = {
  orchestrators: OrchestratorPlan[]
  delegators: DelegatorPlan[]
  gateways: GatewayPlan[]
  cast: ScenarioCast
  /** Delegators reserved for scripted episodes (no random actions). */
  scripted: ReadonlySet<Address>
}

/** Scenario rounds of the scripted episodes (0-based). */
export const episodeRounds = {
  rewardCallers: 1,
  partialUnbond: 1,
  fullUnbond: 2,
  claim: 2,
  unlockToCancel: 2,
  rebond: 3,
  transferToFresh: 3,
  move: 3,
  cancelUnlock: 3,
  burn: 3,
  rebondFromUnbonded: 4,
  revokeRole: 4,
  treasuryCeiling: 4,
  unlockToWithdraw: 4,
  transferToBonded: 5,
  pause: 6,
  withdraw: 6,
  withdrawFees: 6,
  slash: 7,
  withdrawStake: 8,
  retire: 8,
  fundAgain: 8,
  unlockToSelfFund: 9,
  selfFund: 10,
  parameters: 10,
  unsetRewardCaller: 11,
} as const

/** Fewest rounds in which every episode (hence every contract event) happens. */
export const minimumCoverageRounds = 12

/**
 * Draws the scenario's cast and behaviour from the seed: stakes (log-uniform), cuts, reward
 * reliability, join rounds, gateway budgets. The first `numActiveTranscoders + 1` orchestrators
 * register in round 0 (the pool is full and one waits outside); the others join later, the first
 * of them with a stake large enough to evict the smallest member.
 *
 * @example
 * const plan = createScenarioPlan({ random, accounts, rounds: 30, numActiveTranscoders: 15 })
 */
export function createScenarioPlan({ random, accounts, rounds, numActiveTranscoders }: { random: Random; accounts: DevnetAccounts; rounds: number; numActiveTranscoders: number }): ScenarioPlan {
  const r = random.fork('plan')
  const firstWave = Math.min(accounts.orchestrators.length, numActiveTranscoders + 1)
  const lateRounds = [3, 5, 9, 13, 16, 19, 22, 25]
  const rewardCutChoices = [20_000n, 50_000n, 100_000n, 150_000n, 200_000n, 250_000n, 500_000n]
  const feeShareChoices = [250_000n, 400_000n, 500_000n, 600_000n, 750_000n, 900_000n]

  const orchestrators = accounts.orchestrators.map((account, index): OrchestratorPlan => {
    const late = index - firstWave
    const joinRound = late < 0 ? 0 : Math.min(lateRounds[late] ?? 3 + late * 3, Math.max(0, rounds - 1))
    return {
      index,
      account,
      address: account.address,
      selfBond: late === 0 ? r.logUniform(150_000, 250_000, LPT) : r.logUniform(3_000, 60_000, LPT),
      joinRound,
      rewardCut: r.pick(rewardCutChoices),
      feeShare: r.pick(feeShareChoices),
      reliability: r.weighted([1, 0.95, 0.8, 0.5], [0.4, 0.35, 0.15, 0.1]),
      serviceUri: `https://orchestrator-${index}.devnet.peerscope.test:8935`,
      aiServiceUri: index % 3 === 0 ? `https://ai-${index}.devnet.peerscope.test:8936` : undefined,
      usesRewardCaller: index === 2 || index === 5,
    }
  })

  const d = accounts.delegators.map((account) => account.address)
  const pickDelegator = (i: number) => d[Math.min(i, d.length - 1)]!
  const cast = {
    rebonder: pickDelegator(0),
    returner: pickDelegator(1),
    withdrawer: pickDelegator(2),
    giver: pickDelegator(3),
    receiver: pickDelegator(4),
    secondGiver: pickDelegator(5),
    secondReceiver: pickDelegator(6),
    claimer: pickDelegator(7),
    mover: pickDelegator(8),
  }
  const scripted = new Set<Address>(Object.values(cast))

  const delegators = d.map((address, index): DelegatorPlan => {
    const isScripted = scripted.has(address)
    const wave = r.float()
    const joinRound =
      address === cast.receiver ? undefined : isScripted || wave < 0.6 ? 0 : wave < 0.85 ? r.int(1, 3) : r.int(4, Math.max(4, Math.floor(rounds / 2)))
    return { index, address, budget: r.logUniform(200, 20_000, LPT), joinRound, firstBondShare: 0.5 + r.float() * 0.45 }
  })

  const g = accounts.gateways
  const gateways = g.map((account, index): GatewayPlan => {
    const low = index === Math.min(1, g.length - 1)
    return {
      index,
      account,
      address: account.address,
      deposit: low ? parseEther('0.05') : r.logUniform(2, 6, 10n ** 18n),
      reserve: low ? parseEther('3') : r.logUniform(1, 3, 10n ** 18n),
      faceValue: low ? parseEther('0.05') : r.logUniform(5, 30, 10n ** 15n),
      ticketsPerRound: low ? 3 : r.int(2, 4),
    }
  })
  const gateway = (fromEnd: number) => g[Math.max(0, g.length - 1 - fromEnd)]!.address

  return {
    orchestrators,
    delegators,
    gateways,
    scripted,
    cast: {
      ...cast,
      cancellingGateway: gateway(0),
      withdrawingGateway: gateway(1),
      selfFundingGateway: g.length >= 3 ? gateway(2) : undefined,
      lowDepositGateway: g[Math.min(1, g.length - 1)]!.address,
    },
  }
}
