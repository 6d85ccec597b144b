-- Benchmark samples, reserved for the nodes issue (nodes.md §12.3 leaderboard fields). Not chain
-- data: no block_number, never rolled back. ReplacingMergeTree on sample_id makes a re-sent sample
-- harmless (read with FINAL). Prices and spend are wei (UInt256); latencies in milliseconds.
-- Leaderboard aggregates (AVG success_rate / round trip / seg duration per orchestrator, region,
-- job type, pipeline, model; the AI median RTT) are computed from this table with FINAL, so a
-- re-sent sample never counts twice (a materialized view would count it twice).
CREATE TABLE IF NOT EXISTS benchmark_samples
(
    sample_id          String,
    started_at         DateTime64(3, 'UTC'),
    finished_at        DateTime64(3, 'UTC'),
    orchestrator       String,
    service_uri        String,
    region             LowCardinality(String),
    gateway            String,
    job_type           LowCardinality(String),   -- 'transcoding' | 'ai' | 'live'
    pipeline           LowCardinality(String),   -- AI pipeline, '' for transcoding
    model              LowCardinality(String),   -- AI model id, '' for transcoding
    model_is_warm      UInt8,
    round              UInt64,
    success            UInt8,
    success_rate       Float64,                  -- 0..1, as leaderboard-serverless stores it
    round_trip_ms      Float64,
    upload_ms          Float64,
    download_ms        Float64,
    transcode_ms       Float64,
    time_to_first_ms   Float64,                  -- AI live: prompt/stream to first frame
    seg_duration_ms    Float64,
    segments_sent      UInt32,
    segments_received  UInt32,
    pixels             UInt64,
    output_fps         Float64,
    price_per_unit_wei UInt256,
    pixels_per_unit    UInt64,
    spend_wei          UInt256,                  -- tickets' expected value paid for this sample
    tickets_sent       UInt32,
    ticket_face_value  UInt256,
    error_code         LowCardinality(String),
    errors             String,                   -- JSON [{error_code, message, count}]
    input_parameters   String,                   -- JSON
    INDEX ix_started started_at TYPE minmax GRANULARITY 1
)
ENGINE = ReplacingMergeTree
PARTITION BY toYYYYMM(started_at)
ORDER BY (orchestrator, region, job_type, pipeline, model, started_at, sample_id);
