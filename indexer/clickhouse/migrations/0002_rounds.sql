-- Per round per orchestrator and per round per delegator (indexer-stack.md §8.3 (b)).
-- ReplacingMergeTree: a row is identified by its key, which includes the log that produced it, so a
-- rewritten batch collapses (read with FINAL). Nothing reads these tables through a materialized
-- view, so forks and crash recovery use a lightweight DELETE on block_number.
--
-- orchestrator_rounds.kind:
--   reward, treasury, fees: derived by the sink from Reward, TreasuryReward, WinningTicketTransfer;
--   reward_split, fee_split, snapshot: precomputed by the caller from the LIP-36 ledger.
-- Additive columns are summed per (orchestrator, round); stake/active come from the latest snapshot.
CREATE TABLE IF NOT EXISTS orchestrator_rounds
(
    orchestrator      String,
    round             UInt64,
    block_number      UInt64,
    log_index         UInt32,
    kind              LowCardinality(String),
    block_hash        String,
    block_time        DateTime64(3, 'UTC'),
    stake             UInt256,
    active            UInt8,
    reward_calls      UInt32,
    reward            UInt256,
    treasury_reward   UInt256,
    reward_commission UInt256,
    delegators_reward UInt256,
    fees              UInt256,
    fee_commission    UInt256,
    delegators_fees   UInt256,
    INDEX ix_block block_number TYPE minmax GRANULARITY 1
)
ENGINE = ReplacingMergeTree
ORDER BY (orchestrator, round, block_number, log_index, kind);

-- One row per delegator per round, precomputed by the caller from the LIP-36 ledger (pendingStake /
-- pendingFees); the latest row per (delegator, round) by (block_number, log_index) wins.
CREATE TABLE IF NOT EXISTS delegator_rounds
(
    delegator    String,
    round        UInt64,
    block_number UInt64,
    log_index    UInt32,
    orchestrator String,
    block_hash   String,
    block_time   DateTime64(3, 'UTC'),
    stake        UInt256,
    reward       UInt256,
    fees         UInt256,
    INDEX ix_block block_number TYPE minmax GRANULARITY 1
)
ENGINE = ReplacingMergeTree
ORDER BY (delegator, round, block_number, log_index);
