-- Daily rollups fed by materialized views on events (indexer-stack.md §8.4). Every value is
-- multiplied by sign, so cancel rows from rollback/recovery subtract exactly; SummingMergeTree
-- targets with plain integers (no uniqState, which cannot be un-counted). Distinct counts (active
-- orchestrators, delegators) = number of keys with a positive event count in the keyed tables.
-- Read with sum(...) GROUP BY: rows merge in the background.
CREATE TABLE IF NOT EXISTS daily_totals
(
    day               Date,
    events            Int64,
    new_rounds        Int64,
    reward_calls      Int64,
    rewards           Int256,
    treasury_rewards  Int256,
    winning_tickets   Int64,
    ticket_face_value Int256,
    fees              Int256,
    bonds             Int64,
    bonded            Int256,
    unbonds           Int64,
    unbonded          Int256,
    rebonds           Int64,
    rebonded          Int256,
    withdrawn_stake   Int256,
    withdrawn_fees    Int256,
    claimed_rewards   Int256,
    claimed_fees      Int256,
    deposits          Int256,
    reserves          Int256,
    lpt_minted        Int256,
    lpt_burned        Int256
)
ENGINE = SummingMergeTree
ORDER BY day;

CREATE MATERIALIZED VIEW IF NOT EXISTS daily_totals_mv TO daily_totals AS
SELECT
    toDate(block_time)                                                   AS day,
    sum(toInt64(sign))                                                   AS events,
    sumIf(toInt64(sign), event_name = 'NewRound')                        AS new_rounds,
    sumIf(toInt64(sign), event_name = 'Reward')                          AS reward_calls,
    sumIf(toInt256(amount) * sign, event_name = 'Reward')                AS rewards,
    sumIf(toInt256(amount) * sign, event_name = 'TreasuryReward')        AS treasury_rewards,
    sumIf(toInt64(sign), event_name = 'WinningTicketRedeemed')           AS winning_tickets,
    sumIf(toInt256(amount) * sign, event_name = 'WinningTicketRedeemed') AS ticket_face_value,
    sumIf(toInt256(amount) * sign, event_name = 'WinningTicketTransfer') AS fees,
    sumIf(toInt64(sign), event_name = 'Bond')                            AS bonds,
    sumIf(toInt256(amount) * sign, event_name = 'Bond')                  AS bonded,
    sumIf(toInt64(sign), event_name = 'Unbond')                          AS unbonds,
    sumIf(toInt256(amount) * sign, event_name = 'Unbond')                AS unbonded,
    sumIf(toInt64(sign), event_name = 'Rebond')                          AS rebonds,
    sumIf(toInt256(amount) * sign, event_name = 'Rebond')                AS rebonded,
    sumIf(toInt256(amount) * sign, event_name = 'WithdrawStake')         AS withdrawn_stake,
    sumIf(toInt256(amount) * sign, event_name = 'WithdrawFees')          AS withdrawn_fees,
    sumIf(toInt256(amount) * sign, event_name = 'EarningsClaimed')       AS claimed_rewards,
    sumIf(toInt256(amount2) * sign, event_name = 'EarningsClaimed')      AS claimed_fees,
    sumIf(toInt256(amount) * sign, event_name = 'DepositFunded')         AS deposits,
    sumIf(toInt256(amount) * sign, event_name = 'ReserveFunded')         AS reserves,
    sumIf(toInt256(amount) * sign, event_name = 'Mint')                  AS lpt_minted,
    sumIf(toInt256(amount) * sign, event_name = 'Burn')                  AS lpt_burned
FROM events
GROUP BY day;

CREATE TABLE IF NOT EXISTS daily_orchestrators
(
    day              Date,
    orchestrator     String,
    events           Int64,
    reward_calls     Int64,
    rewards          Int256,
    treasury_rewards Int256,
    winning_tickets  Int64,
    fees             Int256,
    bonded           Int256,
    unbonded         Int256
)
ENGINE = SummingMergeTree
ORDER BY (day, orchestrator);

CREATE MATERIALIZED VIEW IF NOT EXISTS daily_orchestrators_mv TO daily_orchestrators AS
SELECT
    toDate(block_time)                                                   AS day,
    orchestrator,
    sum(toInt64(sign))                                                   AS events,
    sumIf(toInt64(sign), event_name = 'Reward')                          AS reward_calls,
    sumIf(toInt256(amount) * sign, event_name = 'Reward')                AS rewards,
    sumIf(toInt256(amount) * sign, event_name = 'TreasuryReward')        AS treasury_rewards,
    sumIf(toInt64(sign), event_name = 'WinningTicketRedeemed')           AS winning_tickets,
    sumIf(toInt256(amount) * sign, event_name = 'WinningTicketTransfer') AS fees,
    sumIf(toInt256(amount) * sign, event_name = 'Bond')                  AS bonded,
    sumIf(toInt256(amount) * sign, event_name = 'Unbond')                AS unbonded
FROM events
WHERE orchestrator != ''
GROUP BY day, orchestrator;

CREATE TABLE IF NOT EXISTS daily_delegators
(
    day             Date,
    delegator       String,
    events          Int64,
    bonded          Int256,
    unbonded        Int256,
    rebonded        Int256,
    claimed_rewards Int256,
    claimed_fees    Int256,
    withdrawn_stake Int256,
    withdrawn_fees  Int256
)
ENGINE = SummingMergeTree
ORDER BY (day, delegator);

CREATE MATERIALIZED VIEW IF NOT EXISTS daily_delegators_mv TO daily_delegators AS
SELECT
    toDate(block_time)                                              AS day,
    delegator,
    sum(toInt64(sign))                                              AS events,
    sumIf(toInt256(amount) * sign, event_name = 'Bond')             AS bonded,
    sumIf(toInt256(amount) * sign, event_name = 'Unbond')           AS unbonded,
    sumIf(toInt256(amount) * sign, event_name = 'Rebond')           AS rebonded,
    sumIf(toInt256(amount) * sign, event_name = 'EarningsClaimed')  AS claimed_rewards,
    sumIf(toInt256(amount2) * sign, event_name = 'EarningsClaimed') AS claimed_fees,
    sumIf(toInt256(amount) * sign, event_name = 'WithdrawStake')    AS withdrawn_stake,
    sumIf(toInt256(amount) * sign, event_name = 'WithdrawFees')     AS withdrawn_fees
FROM events
WHERE delegator != ''
GROUP BY day, delegator;
