import { IndexerInvariantError } from '../errors/base.ts'

/** RoundsManager's round-length state (spec protocol.md §11.1), valid from `fromHeight`. */
export type RoundParameters = {
  lastRoundLengthUpdateRound: bigint
  lastRoundLengthUpdateStartBlock: bigint
  roundLength: bigint
}

/** Parameters for {@link createRoundClock}. */
export type CreateRoundClockParameters = {
  /** The state at the first block to index (from the chain, or the devnet manifest). */
  initial: RoundParameters
}

/** What {@link createRoundClock} returns. */
export type RoundClock = {
  /** The round at a `blockNum()` value: the L1 block number on Arbitrum, the height on the devnet. */
  roundAt: (blockNum: bigint) => bigint
  /** Applies `ParameterUpdate("roundLength")` seen at L2 `height`, whose `blockNum()` is `blockNum`. */
  setRoundLength: (update: { height: number; blockNum: bigint; roundLength: bigint }) => void
  /** Forgets updates above `height` (a fork rolled those blocks back). */
  rollback: (height: number) => void
  /** The parameters in force now. */
  current: () => RoundParameters
}

/**
 * The protocol round per block without an `eth_call` per log: the RoundsManager formula
 * `lastRoundLengthUpdateRound + (blockNum − lastRoundLengthUpdateStartBlock) / roundLength`,
 * with each `setRoundLength` re-anchoring at the round it happens in, exactly like the contract.
 *
 * @see shared/spec/protocol.md §11.1, shared/spec/subgraph-and-explorer.md §6.1
 *
 * @example
 * const clock = createRoundClock({ initial: { lastRoundLengthUpdateRound: 0n, lastRoundLengthUpdateStartBlock: 0n, roundLength: 50n } })
 * clock.roundAt(120n) // 2n
 */
export function createRoundClock({ initial }: CreateRoundClockParameters): RoundClock {
  // History of parameters by the L2 height they took effect at, so forks can undo an update.
  const history: { height: number; parameters: RoundParameters }[] = [{ height: -1, parameters: initial }]
  const current = () => (history[history.length - 1] as (typeof history)[number]).parameters

  const roundWith = (parameters: RoundParameters, blockNum: bigint) => {
    if (parameters.roundLength === 0n) return 0n
    if (blockNum < parameters.lastRoundLengthUpdateStartBlock)
      throw new IndexerInvariantError(`Block number ${blockNum} is before the last round-length update at ${parameters.lastRoundLengthUpdateStartBlock}.`)
    return parameters.lastRoundLengthUpdateRound + (blockNum - parameters.lastRoundLengthUpdateStartBlock) / parameters.roundLength
  }

  return {
    roundAt: (blockNum) => roundWith(current(), blockNum),
    setRoundLength: ({ height, blockNum, roundLength }) => {
      // NOTE: a retried transaction replays its blocks; drop what an earlier attempt recorded here.
      while (history.length > 1 && (history[history.length - 1] as (typeof history)[number]).height >= height) history.pop()
      const old = current()
      // NOTE: the contract's first setRoundLength sets the length before anchoring (roundLength was 0).
      const anchorWith = old.roundLength === 0n ? { ...old, roundLength } : old
      const round = roundWith(anchorWith, blockNum)
      const startBlock = anchorWith.lastRoundLengthUpdateStartBlock + (round - anchorWith.lastRoundLengthUpdateRound) * anchorWith.roundLength
      history.push({ height, parameters: { lastRoundLengthUpdateRound: round, lastRoundLengthUpdateStartBlock: startBlock, roundLength } })
    },
    rollback: (height) => {
      while (history.length > 1 && (history[history.length - 1] as (typeof history)[number]).height > height) history.pop()
    },
    current,
  }
}
