import type { NetworkPreset } from '@peerscope/protocol'
import type { Store } from '@subsquid/typeorm-store'
import type { DelegatorRoundRow, EntityHistoryRow, OrchestratorRoundRow } from '../clickhouse/index.ts'

/**
 * One decoded Livepeer log as the runner hands it to the entity handlers, in chain order. The
 * runner's `DecodedLog` (indexer/src/decode) is assignable to it.
 */
export type HandlerLog = {
  block: { height: number; hash: string; /** milliseconds */ timestamp: number }
  transaction: {
    hash: string
    from: string
    to: string | null
    /** Receipt gasUsed, when the processor selects it; 0 otherwise. */
    gasUsed?: bigint | undefined
    gasPrice?: bigint | undefined
    /**
     * Calldata, when the processor selects `transaction.input`. `ParameterUpdate` only names the
     * parameter: its new value is decoded from the setter's calldata (no eth_call). Without it the
     * treasury cut rate changes after the first round are unknown to the earnings ledger.
     */
    input?: string | undefined
  }
  logIndex: number
  /** Emitting contract address (any case). */
  address: string
  eventName: string
  /** viem-decoded arguments: uints as bigint, addresses as hex strings. */
  args: Record<string, unknown>
  /** The protocol round at the log's block. */
  round: bigint
}

/** Parameters for {@link createEntityHandlers}. */
export type CreateEntityHandlersParameters = {
  /** Network preset: contract addresses (to tell whose `ParameterUpdate` it is) and deployment parameters. */
  preset: NetworkPreset
  /** Cross-check every ledger event against the model (protocol `createEarningsLedger({ verify })`). Default true. */
  verifyLedger?: boolean | undefined
}

/** What {@link createEntityHandlers} returns. */
export type EntityHandlers = {
  /**
   * Applies one batch of decoded logs (chain order) to the Postgres entities through the batch's
   * typeorm-store `Store`: bulk loads, in-memory updates, one bulk upsert per entity type. Call it
   * inside the processor's batch transaction; it is safe to call again after that transaction
   * failed or after a hot-block rollback (the earnings ledger resynchronises from Postgres).
   */
  handleBatch: (store: Store, logs: readonly HandlerLog[]) => Promise<EntityFacts>
}

/**
 * Rows for ClickHouse that need the earnings ledger, computed while the batch was applied:
 * `reward_split` / `fee_split` per Reward / WinningTicketTransfer, a `snapshot` per transcoder at each
 * NewRound, and per (round, delegator) the running earnings of the round (stake = pendingStake at
 * the end of the batch).
 */
export type EntityFacts = { orchestratorRounds: OrchestratorRoundRow[]; delegatorRounds: DelegatorRoundRow[]; entityHistory: EntityHistoryRow[] }
