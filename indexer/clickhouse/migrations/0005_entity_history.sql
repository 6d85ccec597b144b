-- Versions of the entities the API can time-travel (`block: { number }`): Protocol, Transcoder,
-- Delegator. One row per entity per block in which it changed; `data` is the entity's Postgres row
-- as JSON keyed by column name, values as `pg` returns them (numeric as strings), so the API turns a
-- version into a GraphQL object exactly as it does a live row. Chain data: rolled back with a
-- DELETE above the fork height (no view reads it). Read a height with
--   SELECT id, argMax(data, block_number) FROM entity_history
--   WHERE entity = {entity:String} AND block_number <= {n:UInt64} GROUP BY id
-- ReplacingMergeTree on (entity, id, block_number) makes a re-written batch harmless.
CREATE TABLE IF NOT EXISTS entity_history
(
    entity       LowCardinality(String),
    id           String,
    block_number UInt64,
    data         String
)
ENGINE = ReplacingMergeTree
ORDER BY (entity, id, block_number);
