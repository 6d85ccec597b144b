-- Raw facts: one row per decoded log (indexer-stack.md §8.2).
-- CollapsingMergeTree(sign): the daily materialized views of 0003 read this table, so forks and
-- crash recovery remove rows with cancel rows (sign = -1), which flow through the views (§6.2).
-- Readers: FINAL, or sum(sign)-aware aggregates. Addresses and hashes are lower-case.
-- amount / amount2: the event's main amounts in wei (see src/clickhouse/eventColumns.ts); args: all
-- decoded arguments as JSON with integers as decimal strings.
CREATE TABLE IF NOT EXISTS events
(
    block_number      UInt64,
    log_index         UInt32,
    block_hash        String,
    block_time        DateTime64(3, 'UTC'),
    transaction_hash  String,
    transaction_index UInt32,
    transaction_from  String,
    contract_address  LowCardinality(String),
    contract_name     LowCardinality(String),
    event_name        LowCardinality(String),
    round             UInt64,
    orchestrator      String,
    delegator         String,
    sender            String,
    recipient         String,
    amount            UInt256,
    amount2           UInt256,
    args              String,
    sign              Int8 DEFAULT 1,
    INDEX ix_block block_number TYPE minmax GRANULARITY 1,
    INDEX ix_orchestrator orchestrator TYPE bloom_filter GRANULARITY 4,
    INDEX ix_delegator delegator TYPE bloom_filter GRANULARITY 4
)
ENGINE = CollapsingMergeTree(sign)
PARTITION BY toYYYYMM(block_time)
ORDER BY (block_number, log_index);
