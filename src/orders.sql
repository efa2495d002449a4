-- Order-history metrics (docs/orders.md): retention and churn, repeat purchase, time between
-- purchases, revenue and profit per customer, historic CLV, period series, MRR movements.
--
-- Level 1: customer_history_agg(ordered_at, amount, ...) under GROUP BY customer_id gives one
-- customer_history per customer (a stored, versioned type). Level 2: *_agg(customer_history)
-- gives a population summary whose size does not depend on the number of customers, read
-- with accessors. One step: the same summaries (and the headline rates) straight from order
-- rows with customer_id, for small and medium data; both paths give the same numbers.
--
-- Volatility: functions that bucket times into calendar periods follow PostgreSQL's
-- date_trunc(unit, timestamptz, zone), which is STABLE; everything else is IMMUTABLE.
-- Every aggregate is PARALLEL SAFE: its combine function is exact and order-independent.

-- types ----------------------------------------------------------------------------------------
CREATE TYPE @extschema@.customer_history;
CREATE FUNCTION @extschema@.customer_history_in(cstring) RETURNS @extschema@.customer_history
AS 'MODULE_PATHNAME', 'customer_history_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.customer_history_out(@extschema@.customer_history) RETURNS cstring
AS 'MODULE_PATHNAME', 'customer_history_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.customer_history_recv(internal) RETURNS @extschema@.customer_history
AS 'MODULE_PATHNAME', 'customer_history_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.customer_history_send(@extschema@.customer_history) RETURNS bytea
AS 'MODULE_PATHNAME', 'customer_history_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- STORAGE extended: a long history compresses well and may be moved out of line.
CREATE TYPE @extschema@.customer_history (
    INPUT = @extschema@.customer_history_in,
    OUTPUT = @extschema@.customer_history_out,
    RECEIVE = @extschema@.customer_history_recv,
    SEND = @extschema@.customer_history_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = int4,
    STORAGE = extended
);
COMMENT ON TYPE @extschema@.customer_history IS 'One customer''s orders (time and amount of each, plus item and cost totals), built by customer_history_agg(...) under GROUP BY customer_id. Stored compactly (a few bytes per order); text form (version:1,scale:2,times:[...],amounts:[...]). Input of every order-history summary (*_agg(customer_history)); merge with rollup() or customer_history_combine().';
COMMENT ON FUNCTION @extschema@.customer_history_in(cstring) IS 'Text input of customer_history: its versioned text form; error 22P02 on malformed text.';
COMMENT ON FUNCTION @extschema@.customer_history_out(@extschema@.customer_history) IS 'Text output of customer_history: (version:1,scale:S,times:["...+00",...],amounts:[...]) with optional items and cost totals.';
COMMENT ON FUNCTION @extschema@.customer_history_recv(internal) IS 'Binary input of customer_history (its stored bytes, fully checked); error 22P03 on malformed bytes.';
COMMENT ON FUNCTION @extschema@.customer_history_send(@extschema@.customer_history) IS 'Binary output of customer_history: version, flags, scale, then varint-encoded time deltas and amounts.';

-- The summary types share one layout (8-byte header and 64-bit words) and one set of
-- support functions in C; STORAGE plain for the small fixed-size ones (read without a copy),
-- extended for those that grow with periods or distinct gap lengths.
CREATE TYPE @extschema@.retention_summary;
CREATE FUNCTION @extschema@.retention_summary_in(cstring) RETURNS @extschema@.retention_summary
AS 'MODULE_PATHNAME', 'retention_summary_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.retention_summary_out(@extschema@.retention_summary) RETURNS cstring
AS 'MODULE_PATHNAME', 'retention_summary_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.retention_summary_recv(internal) RETURNS @extschema@.retention_summary
AS 'MODULE_PATHNAME', 'retention_summary_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.retention_summary_send(@extschema@.retention_summary) RETURNS bytea
AS 'MODULE_PATHNAME', 'retention_summary_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.retention_summary (
    INPUT = @extschema@.retention_summary_in, OUTPUT = @extschema@.retention_summary_out,
    RECEIVE = @extschema@.retention_summary_recv, SEND = @extschema@.retention_summary_send,
    INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain
);
COMMENT ON TYPE @extschema@.retention_summary IS 'Retention over one period against the previous period of the same length: customers active at start, retained, new, reactivated. Built by retention_agg(...); read with retention_rate(), churn_rate(), retention_ci(), churn_ci() and the counts. Text form (version:1,period_start:"...",period_end:"...",customers_start:N,retained:N,new_customers:N,reactivated:N).';

CREATE TYPE @extschema@.customer_stats;
CREATE FUNCTION @extschema@.customer_stats_in(cstring) RETURNS @extschema@.customer_stats
AS 'MODULE_PATHNAME', 'customer_stats_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.customer_stats_out(@extschema@.customer_stats) RETURNS cstring
AS 'MODULE_PATHNAME', 'customer_stats_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.customer_stats_recv(internal) RETURNS @extschema@.customer_stats
AS 'MODULE_PATHNAME', 'customer_stats_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.customer_stats_send(@extschema@.customer_stats) RETURNS bytea
AS 'MODULE_PATHNAME', 'customer_stats_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.customer_stats (
    INPUT = @extschema@.customer_stats_in, OUTPUT = @extschema@.customer_stats_out,
    RECEIVE = @extschema@.customer_stats_recv, SEND = @extschema@.customer_stats_send,
    INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended
);
COMMENT ON TYPE @extschema@.customer_stats IS 'Population figures of a set of customers: customers, repeat customers, orders, exact revenue, items, cost, lifespans and the histogram of gaps between consecutive orders. Built by customer_stats_agg(...); read with repeat_purchase_rate(), avg_order_value(), avg_time_between_purchases(), median_time_between_purchases(), historic_clv() and others.';

CREATE TYPE @extschema@.period_series;
CREATE FUNCTION @extschema@.period_series_in(cstring) RETURNS @extschema@.period_series
AS 'MODULE_PATHNAME', 'period_series_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_series_out(@extschema@.period_series) RETURNS cstring
AS 'MODULE_PATHNAME', 'period_series_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_series_recv(internal) RETURNS @extschema@.period_series
AS 'MODULE_PATHNAME', 'period_series_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_series_send(@extschema@.period_series) RETURNS bytea
AS 'MODULE_PATHNAME', 'period_series_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.period_series (
    INPUT = @extschema@.period_series_in, OUTPUT = @extschema@.period_series_out,
    RECEIVE = @extschema@.period_series_recv, SEND = @extschema@.period_series_send,
    INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended
);
COMMENT ON TYPE @extschema@.period_series IS 'Customer activity per calendar period (day, week, month, quarter or year in one time zone): new, retained, reactivated and churned customers, orders and revenue. Built by period_series_agg(...); one row per period with periods().';

CREATE TYPE @extschema@.mrr_summary;
CREATE FUNCTION @extschema@.mrr_summary_in(cstring) RETURNS @extschema@.mrr_summary
AS 'MODULE_PATHNAME', 'mrr_summary_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_summary_out(@extschema@.mrr_summary) RETURNS cstring
AS 'MODULE_PATHNAME', 'mrr_summary_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_summary_recv(internal) RETURNS @extschema@.mrr_summary
AS 'MODULE_PATHNAME', 'mrr_summary_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_summary_send(@extschema@.mrr_summary) RETURNS bytea
AS 'MODULE_PATHNAME', 'mrr_summary_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.mrr_summary (
    INPUT = @extschema@.mrr_summary_in, OUTPUT = @extschema@.mrr_summary_out,
    RECEIVE = @extschema@.mrr_summary_recv, SEND = @extschema@.mrr_summary_send,
    INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain
);
COMMENT ON TYPE @extschema@.mrr_summary IS 'MRR movements between two snapshots: starting and ending MRR, new, expansion, contraction and churned MRR (exact) and the customers of each kind. Built by mrr_movements(mrr_start, mrr_end); read with revenue_churn(), gross_mrr_churn(), net_mrr_churn(), net_revenue_retention(), gross_revenue_retention(), quick_ratio().';

CREATE TYPE @extschema@.mrr_series;
CREATE FUNCTION @extschema@.mrr_series_in(cstring) RETURNS @extschema@.mrr_series
AS 'MODULE_PATHNAME', 'mrr_series_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_series_out(@extschema@.mrr_series) RETURNS cstring
AS 'MODULE_PATHNAME', 'mrr_series_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_series_recv(internal) RETURNS @extschema@.mrr_series
AS 'MODULE_PATHNAME', 'mrr_series_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_series_send(@extschema@.mrr_series) RETURNS bytea
AS 'MODULE_PATHNAME', 'mrr_series_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.mrr_series (
    INPUT = @extschema@.mrr_series_in, OUTPUT = @extschema@.mrr_series_out,
    RECEIVE = @extschema@.mrr_series_recv, SEND = @extschema@.mrr_series_send,
    INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended
);
COMMENT ON TYPE @extschema@.mrr_series IS 'MRR movements per calendar period from a customer x period MRR table: new, reactivation, expansion, contraction and churned MRR and the customers of each kind. Built by mrr_series_agg(...); one row per period with periods().';

-- type I/O comments, in one place
COMMENT ON FUNCTION @extschema@.retention_summary_in(cstring) IS 'Text input of retention_summary; error 22P02 on malformed or inconsistent text.';
COMMENT ON FUNCTION @extschema@.retention_summary_out(@extschema@.retention_summary) IS 'Text output of retention_summary: its versioned text form.';
COMMENT ON FUNCTION @extschema@.retention_summary_recv(internal) IS 'Binary input of retention_summary; error 22P03 on malformed bytes.';
COMMENT ON FUNCTION @extschema@.retention_summary_send(@extschema@.retention_summary) IS 'Binary output of retention_summary: version, kind, then 64-bit words in network byte order.';
COMMENT ON FUNCTION @extschema@.customer_stats_in(cstring) IS 'Text input of customer_stats; error 22P02 on malformed or inconsistent text.';
COMMENT ON FUNCTION @extschema@.customer_stats_out(@extschema@.customer_stats) IS 'Text output of customer_stats: its versioned text form.';
COMMENT ON FUNCTION @extschema@.customer_stats_recv(internal) IS 'Binary input of customer_stats; error 22P03 on malformed bytes.';
COMMENT ON FUNCTION @extschema@.customer_stats_send(@extschema@.customer_stats) IS 'Binary output of customer_stats: version, kind, then 64-bit words in network byte order.';
COMMENT ON FUNCTION @extschema@.period_series_in(cstring) IS 'Text input of period_series; error 22P02 on malformed or inconsistent text.';
COMMENT ON FUNCTION @extschema@.period_series_out(@extschema@.period_series) IS 'Text output of period_series: calendar, first period, scale and one list per column.';
COMMENT ON FUNCTION @extschema@.period_series_recv(internal) IS 'Binary input of period_series; error 22P03 on malformed bytes.';
COMMENT ON FUNCTION @extschema@.period_series_send(@extschema@.period_series) IS 'Binary output of period_series: version, kind, then 64-bit words in network byte order.';
COMMENT ON FUNCTION @extschema@.mrr_summary_in(cstring) IS 'Text input of mrr_summary; error 22P02 on malformed or inconsistent text.';
COMMENT ON FUNCTION @extschema@.mrr_summary_out(@extschema@.mrr_summary) IS 'Text output of mrr_summary: its versioned text form.';
COMMENT ON FUNCTION @extschema@.mrr_summary_recv(internal) IS 'Binary input of mrr_summary; error 22P03 on malformed bytes.';
COMMENT ON FUNCTION @extschema@.mrr_summary_send(@extschema@.mrr_summary) IS 'Binary output of mrr_summary: version, kind, then 64-bit words in network byte order.';
COMMENT ON FUNCTION @extschema@.mrr_series_in(cstring) IS 'Text input of mrr_series; error 22P02 on malformed or inconsistent text.';
COMMENT ON FUNCTION @extschema@.mrr_series_out(@extschema@.mrr_series) IS 'Text output of mrr_series: calendar, first period, scale and one list per column.';
COMMENT ON FUNCTION @extschema@.mrr_series_recv(internal) IS 'Binary input of mrr_series; error 22P03 on malformed bytes.';
COMMENT ON FUNCTION @extschema@.mrr_series_send(@extschema@.mrr_series) IS 'Binary output of mrr_series: version, kind, then 64-bit words in network byte order.';

-- combine and compacting final functions of the summaries; rollup() of each ----------------------
CREATE FUNCTION @extschema@.retention_summary_combine(@extschema@.retention_summary, @extschema@.retention_summary) RETURNS @extschema@.retention_summary
AS 'MODULE_PATHNAME', 'retention_summary_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.customer_stats_combine(@extschema@.customer_stats, @extschema@.customer_stats) RETURNS @extschema@.customer_stats
AS 'MODULE_PATHNAME', 'customer_stats_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.customer_stats_final(@extschema@.customer_stats) RETURNS @extschema@.customer_stats
AS 'MODULE_PATHNAME', 'customer_stats_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_series_combine(@extschema@.period_series, @extschema@.period_series) RETURNS @extschema@.period_series
AS 'MODULE_PATHNAME', 'period_series_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_series_final(@extschema@.period_series) RETURNS @extschema@.period_series
AS 'MODULE_PATHNAME', 'period_series_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_summary_combine(@extschema@.mrr_summary, @extschema@.mrr_summary) RETURNS @extschema@.mrr_summary
AS 'MODULE_PATHNAME', 'mrr_summary_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_series_combine(@extschema@.mrr_series, @extschema@.mrr_series) RETURNS @extschema@.mrr_series
AS 'MODULE_PATHNAME', 'mrr_series_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_series_final(@extschema@.mrr_series) RETURNS @extschema@.mrr_series
AS 'MODULE_PATHNAME', 'mrr_series_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_summary_combine(@extschema@.retention_summary, @extschema@.retention_summary) IS 'Add two retention summaries of disjoint sets of customers (exact; error 22023 when their periods differ): the combine function of retention_agg and the transition of rollup().';
COMMENT ON FUNCTION @extschema@.customer_stats_combine(@extschema@.customer_stats, @extschema@.customer_stats) IS 'Add two customer_stats of disjoint sets of customers (exact): the combine function of customer_stats_agg and the transition of rollup().';
COMMENT ON FUNCTION @extschema@.customer_stats_final(@extschema@.customer_stats) IS 'Final function of customer_stats aggregates: drops the spare capacity of the running state.';
COMMENT ON FUNCTION @extschema@.period_series_combine(@extschema@.period_series, @extschema@.period_series) IS 'Add two period series of disjoint sets of customers period by period (exact; error 22023 when granularity or time zone differ).';
COMMENT ON FUNCTION @extschema@.period_series_final(@extschema@.period_series) IS 'Final function of period_series aggregates: drops the spare capacity of the running state.';
COMMENT ON FUNCTION @extschema@.mrr_summary_combine(@extschema@.mrr_summary, @extschema@.mrr_summary) IS 'Add two MRR summaries of disjoint sets of customers (exact).';
COMMENT ON FUNCTION @extschema@.mrr_series_combine(@extschema@.mrr_series, @extschema@.mrr_series) IS 'Add two MRR series of disjoint sets of customers period by period (exact; error 22023 when granularity or time zone differ).';
COMMENT ON FUNCTION @extschema@.mrr_series_final(@extschema@.mrr_series) IS 'Final function of mrr_series aggregates: drops the spare capacity of the running state.';

CREATE AGGREGATE @extschema@.rollup(@extschema@.retention_summary) (
    SFUNC = @extschema@.retention_summary_combine, STYPE = @extschema@.retention_summary,
    COMBINEFUNC = @extschema@.retention_summary_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.rollup(@extschema@.customer_stats) (
    SFUNC = @extschema@.customer_stats_combine, STYPE = @extschema@.customer_stats,
    FINALFUNC = @extschema@.customer_stats_final, COMBINEFUNC = @extschema@.customer_stats_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.rollup(@extschema@.period_series) (
    SFUNC = @extschema@.period_series_combine, STYPE = @extschema@.period_series,
    FINALFUNC = @extschema@.period_series_final, COMBINEFUNC = @extschema@.period_series_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.rollup(@extschema@.mrr_summary) (
    SFUNC = @extschema@.mrr_summary_combine, STYPE = @extschema@.mrr_summary,
    COMBINEFUNC = @extschema@.mrr_summary_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.rollup(@extschema@.mrr_series) (
    SFUNC = @extschema@.mrr_series_combine, STYPE = @extschema@.mrr_series,
    FINALFUNC = @extschema@.mrr_series_final, COMBINEFUNC = @extschema@.mrr_series_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.retention_summary) IS 'Merge retention summaries of disjoint customer sets (segments, shards, partitions) of the same period. NULLs skipped; no rows gives NULL.';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.customer_stats) IS 'Merge customer_stats of disjoint customer sets (segments, shards, partitions). NULLs skipped; no rows gives NULL.';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.period_series) IS 'Merge period series of disjoint customer sets with the same calendar. NULLs skipped; no rows gives NULL.';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.mrr_summary) IS 'Merge MRR summaries of disjoint customer sets. NULLs skipped; no rows gives NULL.';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.mrr_series) IS 'Merge MRR series of disjoint customer sets with the same calendar. NULLs skipped; no rows gives NULL.';

-- level 1: customer_history_agg ----------------------------------------------------------------
CREATE FUNCTION @extschema@.customer_history_trans(internal, timestamptz) RETURNS internal
AS 'MODULE_PATHNAME', 'customer_history_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.customer_history_trans(internal, timestamptz, numeric) RETURNS internal
AS 'MODULE_PATHNAME', 'customer_history_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.customer_history_trans(internal, timestamptz, numeric, bigint, numeric) RETURNS internal
AS 'MODULE_PATHNAME', 'customer_history_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.customer_history_final(internal) RETURNS @extschema@.customer_history
AS 'MODULE_PATHNAME', 'customer_history_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.customer_history_serial(internal) RETURNS bytea
AS 'MODULE_PATHNAME', 'customer_history_serial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.customer_history_deserial(bytea, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'customer_history_deserial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.customer_history_state_combine(internal, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'customer_history_state_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.customer_history_rollup_trans(internal, @extschema@.customer_history) RETURNS internal
AS 'MODULE_PATHNAME', 'customer_history_rollup_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_trans(internal, timestamptz) IS 'Transition function of customer_history_agg(ordered_at): adds one order (NULL ordered_at skipped; error 22008 for infinite or out-of-range times).';
COMMENT ON FUNCTION @extschema@.customer_history_trans(internal, timestamptz, numeric) IS 'Transition function of customer_history_agg(ordered_at, amount): adds one order; a NULL amount is an order without an amount; error 22023 for a negative amount.';
COMMENT ON FUNCTION @extschema@.customer_history_trans(internal, timestamptz, numeric, bigint, numeric) IS 'Transition function of customer_history_agg(ordered_at, amount, items, cost): adds one order and its items and cost (NULL: not known for this order); error 22023 for negative values.';
COMMENT ON FUNCTION @extschema@.customer_history_final(internal) IS 'Final function of customer_history_agg and rollup(customer_history): sorts the orders and encodes the history.';
COMMENT ON FUNCTION @extschema@.customer_history_serial(internal) IS 'Serializes a partial customer_history state for parallel aggregation (the stored form).';
COMMENT ON FUNCTION @extschema@.customer_history_deserial(bytea, internal) IS 'Deserializes a partial customer_history state (checked like binary input).';
COMMENT ON FUNCTION @extschema@.customer_history_state_combine(internal, internal) IS 'Combines two partial customer_history states: the union of their orders.';
COMMENT ON FUNCTION @extschema@.customer_history_rollup_trans(internal, @extschema@.customer_history) IS 'Transition function of rollup(customer_history): adds the orders of a stored history.';

CREATE AGGREGATE @extschema@.customer_history_agg(ordered_at timestamptz) (
    SFUNC = @extschema@.customer_history_trans, STYPE = internal,
    FINALFUNC = @extschema@.customer_history_final,
    COMBINEFUNC = @extschema@.customer_history_state_combine,
    SERIALFUNC = @extschema@.customer_history_serial, DESERIALFUNC = @extschema@.customer_history_deserial,
    PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.customer_history_agg(ordered_at timestamptz, amount numeric) (
    SFUNC = @extschema@.customer_history_trans, STYPE = internal,
    FINALFUNC = @extschema@.customer_history_final,
    COMBINEFUNC = @extschema@.customer_history_state_combine,
    SERIALFUNC = @extschema@.customer_history_serial, DESERIALFUNC = @extschema@.customer_history_deserial,
    PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.customer_history_agg(ordered_at timestamptz, amount numeric, items bigint, cost numeric) (
    SFUNC = @extschema@.customer_history_trans, STYPE = internal,
    FINALFUNC = @extschema@.customer_history_final,
    COMBINEFUNC = @extschema@.customer_history_state_combine,
    SERIALFUNC = @extschema@.customer_history_serial, DESERIALFUNC = @extschema@.customer_history_deserial,
    PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.rollup(@extschema@.customer_history) (
    SFUNC = @extschema@.customer_history_rollup_trans, STYPE = internal,
    FINALFUNC = @extschema@.customer_history_final,
    COMBINEFUNC = @extschema@.customer_history_state_combine,
    SERIALFUNC = @extschema@.customer_history_serial, DESERIALFUNC = @extschema@.customer_history_deserial,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.customer_history_agg(timestamptz) IS 'One customer''s order history from its order rows (use with GROUP BY customer_id): every order''s time, no amounts. NULL times skipped; no rows gives NULL.';
COMMENT ON AGGREGATE @extschema@.customer_history_agg(timestamptz, numeric) IS 'One customer''s order history (use with GROUP BY customer_id): each order''s time and amount (exact). NULL times skipped, NULL amounts kept as orders without an amount; error 22023 for a negative amount (refunds are not orders).';
COMMENT ON AGGREGATE @extschema@.customer_history_agg(timestamptz, numeric, bigint, numeric) IS 'One customer''s order history with items and cost totals (use with GROUP BY customer_id), for items per order and profit. NULL times skipped; error 22023 for negative amounts, items or costs.';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.customer_history) IS 'Merge stored histories of the same customer (yesterday''s history and today''s orders, or partitions): the history of all their orders.';

CREATE FUNCTION @extschema@.customer_history_combine(@extschema@.customer_history, @extschema@.customer_history) RETURNS @extschema@.customer_history
AS 'MODULE_PATHNAME', 'customer_history_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_combine(@extschema@.customer_history, @extschema@.customer_history) IS 'The history of the orders of both (the same customer): for INSERT ... ON CONFLICT DO UPDATE SET h = customer_history_combine(t.h, excluded.h).';

-- level-1 accessors -----------------------------------------------------------------------------
CREATE FUNCTION @extschema@.first_order_at(@extschema@.customer_history) RETURNS timestamptz
AS 'MODULE_PATHNAME', 'history_first_order' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.last_order_at(@extschema@.customer_history) RETURNS timestamptz
AS 'MODULE_PATHNAME', 'history_last_order' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.orders(@extschema@.customer_history) RETURNS bigint
AS 'MODULE_PATHNAME', 'history_orders' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.revenue(@extschema@.customer_history) RETURNS numeric
AS 'MODULE_PATHNAME', 'history_revenue' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.avg_order_value(@extschema@.customer_history) RETURNS numeric
AS 'MODULE_PATHNAME', 'history_avg_order_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.items(@extschema@.customer_history) RETURNS bigint
AS 'MODULE_PATHNAME', 'history_items' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cost(@extschema@.customer_history) RETURNS numeric
AS 'MODULE_PATHNAME', 'history_cost' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.profit(@extschema@.customer_history) RETURNS numeric
AS 'MODULE_PATHNAME', 'history_profit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.lifespan(@extschema@.customer_history) RETURNS interval
AS 'MODULE_PATHNAME', 'history_lifespan' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.avg_time_between_purchases(@extschema@.customer_history) RETURNS interval
AS 'MODULE_PATHNAME', 'history_avg_gap' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.has_order_between(h @extschema@.customer_history, from_time timestamptz, to_time timestamptz) RETURNS boolean
AS 'MODULE_PATHNAME', 'history_has_order_between' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.order_list(h @extschema@.customer_history, OUT ordered_at timestamptz, OUT amount numeric) RETURNS SETOF record
AS 'MODULE_PATHNAME', 'history_order_list' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION @extschema@.first_order_at(@extschema@.customer_history) IS 'Time of the customer''s first order.';
COMMENT ON FUNCTION @extschema@.last_order_at(@extschema@.customer_history) IS 'Time of the customer''s last order.';
COMMENT ON FUNCTION @extschema@.orders(@extschema@.customer_history) IS 'Number of the customer''s orders (rows).';
COMMENT ON FUNCTION @extschema@.revenue(@extschema@.customer_history) IS 'Sum of the customer''s order amounts (exact numeric); NULL when no order has an amount.';
COMMENT ON FUNCTION @extschema@.avg_order_value(@extschema@.customer_history) IS 'Revenue / orders with an amount (numeric division, as avg(amount)); NULL when no order has an amount.';
COMMENT ON FUNCTION @extschema@.items(@extschema@.customer_history) IS 'Sum of items over the customer''s orders that give them; NULL when none does.';
COMMENT ON FUNCTION @extschema@.cost(@extschema@.customer_history) IS 'Sum of cost over the customer''s orders that give it; NULL when none does.';
COMMENT ON FUNCTION @extschema@.profit(@extschema@.customer_history) IS 'Revenue - cost; NULL unless every order has both an amount and a cost.';
COMMENT ON FUNCTION @extschema@.lifespan(@extschema@.customer_history) IS 'Last order - first order (an interval in days and time; 0 for one order).';
COMMENT ON FUNCTION @extschema@.avg_time_between_purchases(@extschema@.customer_history) IS 'The customer''s mean gap between consecutive orders = (last - first) / (orders - 1); NULL with one order.';
COMMENT ON FUNCTION @extschema@.has_order_between(@extschema@.customer_history, timestamptz, timestamptz) IS 'Whether the customer ordered in [from_time, to_time) (for WHERE clauses on stored histories).';
COMMENT ON FUNCTION @extschema@.order_list(@extschema@.customer_history) IS 'The customer''s orders, one row each in time order: ordered_at and amount (NULL when unknown).';

-- level 2 over histories -----------------------------------------------------------------------
CREATE FUNCTION @extschema@.retention_history_trans(@extschema@.retention_summary, @extschema@.customer_history, timestamptz, timestamptz) RETURNS @extschema@.retention_summary
AS 'MODULE_PATHNAME', 'retention_history_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_history_trans(@extschema@.retention_summary, @extschema@.customer_history, timestamptz, timestamptz) IS 'Transition function of retention_agg(customer_history, period_start, period_end): classifies one customer.';
CREATE AGGREGATE @extschema@.retention_agg(h @extschema@.customer_history, period_start timestamptz, period_end timestamptz) (
    SFUNC = @extschema@.retention_history_trans, STYPE = @extschema@.retention_summary,
    COMBINEFUNC = @extschema@.retention_summary_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.retention_agg(@extschema@.customer_history, timestamptz, timestamptz) IS 'Retention summary over [period_start, period_end) against the previous period of the same length, from customer histories (the scalable path). NULL histories skipped; no rows gives NULL; error 22023 unless period_end > period_start, 22004 for a NULL bound.';

CREATE FUNCTION @extschema@.customer_stats_history_trans(@extschema@.customer_stats, @extschema@.customer_history) RETURNS @extschema@.customer_stats
AS 'MODULE_PATHNAME', 'customer_stats_history_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_history_trans(@extschema@.customer_stats, @extschema@.customer_history) IS 'Transition function of customer_stats_agg(customer_history): adds one customer.';
CREATE AGGREGATE @extschema@.customer_stats_agg(h @extschema@.customer_history) (
    SFUNC = @extschema@.customer_stats_history_trans, STYPE = @extschema@.customer_stats,
    FINALFUNC = @extschema@.customer_stats_final, COMBINEFUNC = @extschema@.customer_stats_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.customer_stats_agg(@extschema@.customer_history) IS 'Population figures (customer_stats) of customer histories (the scalable path). NULL histories skipped; no rows gives NULL.';

CREATE FUNCTION @extschema@.period_series_history_trans(@extschema@.period_series, @extschema@.customer_history, text) RETURNS @extschema@.period_series
AS 'MODULE_PATHNAME', 'period_series_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_series_history_trans(@extschema@.period_series, @extschema@.customer_history, text, text) RETURNS @extschema@.period_series
AS 'MODULE_PATHNAME', 'period_series_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_history_trans(@extschema@.period_series, @extschema@.customer_history, text) IS 'Transition function of period_series_agg(customer_history, granularity): adds one customer, periods in the session time zone.';
COMMENT ON FUNCTION @extschema@.period_series_history_trans(@extschema@.period_series, @extschema@.customer_history, text, text) IS 'Transition function of period_series_agg(customer_history, granularity, time_zone): adds one customer.';
CREATE AGGREGATE @extschema@.period_series_agg(h @extschema@.customer_history, granularity text) (
    SFUNC = @extschema@.period_series_history_trans, STYPE = @extschema@.period_series,
    FINALFUNC = @extschema@.period_series_final, COMBINEFUNC = @extschema@.period_series_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.period_series_agg(h @extschema@.customer_history, granularity text, time_zone text) (
    SFUNC = @extschema@.period_series_history_trans, STYPE = @extschema@.period_series,
    FINALFUNC = @extschema@.period_series_final, COMBINEFUNC = @extschema@.period_series_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.period_series_agg(@extschema@.customer_history, text) IS 'Customer activity per calendar period (granularity day, week, month, quarter or year; periods as date_trunc in the session TimeZone) from customer histories. Read with periods(). NULL histories skipped; no rows gives NULL; error 22023 for another granularity, 54000 beyond 100000 periods.';
COMMENT ON AGGREGATE @extschema@.period_series_agg(@extschema@.customer_history, text, text) IS 'Customer activity per calendar period in the given time zone (as date_trunc(granularity, ordered_at, time_zone)) from customer histories. Read with periods().';

CREATE FUNCTION @extschema@.mrr_series_history_trans(@extschema@.mrr_series, @extschema@.customer_history, text) RETURNS @extschema@.mrr_series
AS 'MODULE_PATHNAME', 'mrr_series_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_series_history_trans(@extschema@.mrr_series, @extschema@.customer_history, text, text) RETURNS @extschema@.mrr_series
AS 'MODULE_PATHNAME', 'mrr_series_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_series_history_trans(@extschema@.mrr_series, @extschema@.customer_history, text) IS 'Transition function of mrr_series_agg(customer_history, granularity): adds one customer''s MRR movements.';
COMMENT ON FUNCTION @extschema@.mrr_series_history_trans(@extschema@.mrr_series, @extschema@.customer_history, text, text) IS 'Transition function of mrr_series_agg(customer_history, granularity, time_zone): adds one customer''s MRR movements.';
CREATE AGGREGATE @extschema@.mrr_series_agg(h @extschema@.customer_history, granularity text) (
    SFUNC = @extschema@.mrr_series_history_trans, STYPE = @extschema@.mrr_series,
    FINALFUNC = @extschema@.mrr_series_final, COMBINEFUNC = @extschema@.mrr_series_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.mrr_series_agg(h @extschema@.customer_history, granularity text, time_zone text) (
    SFUNC = @extschema@.mrr_series_history_trans, STYPE = @extschema@.mrr_series,
    FINALFUNC = @extschema@.mrr_series_final, COMBINEFUNC = @extschema@.mrr_series_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.mrr_series_agg(@extschema@.customer_history, text) IS 'MRR movements per calendar period from histories of (period, MRR) rows, built with customer_history_agg(period, mrr): a customer''s MRR in a period is the sum of its amounts there (0 without rows). Periods in the session TimeZone. Read with periods().';
COMMENT ON AGGREGATE @extschema@.mrr_series_agg(@extschema@.customer_history, text, text) IS 'MRR movements per calendar period in the given time zone, from histories of (period, MRR) rows. Read with periods().';

-- one step: straight from order rows with customer_id ----------------------------------------------
-- customer_id may be smallint, integer, bigint, uuid, text or varchar (or a domain over one);
-- ids are compared exactly. Rows with a NULL customer_id or ordered_at are skipped.
CREATE FUNCTION @extschema@.retention_by_id_trans(internal, anyelement, timestamptz, timestamptz, timestamptz) RETURNS internal
AS 'MODULE_PATHNAME', 'retention_by_id_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.retention_by_id_final(internal) RETURNS @extschema@.retention_summary
AS 'MODULE_PATHNAME', 'retention_by_id_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.retention_rate_by_id_final(internal) RETURNS double precision
AS 'MODULE_PATHNAME', 'retention_rate_by_id_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.churn_rate_by_id_final(internal) RETURNS double precision
AS 'MODULE_PATHNAME', 'churn_rate_by_id_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.retention_by_id_serial(internal) RETURNS bytea
AS 'MODULE_PATHNAME', 'retention_by_id_serial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.retention_by_id_deserial(bytea, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'retention_by_id_deserial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.retention_by_id_combine(internal, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'retention_by_id_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_by_id_trans(internal, anyelement, timestamptz, timestamptz, timestamptz) IS 'Transition function of the one-step retention aggregates: keeps, per customer, in which of (before the previous period, the previous period, the period) it ordered.';
COMMENT ON FUNCTION @extschema@.retention_by_id_final(internal) IS 'Final function of retention_agg(customer_id, ...): the retention_summary.';
COMMENT ON FUNCTION @extschema@.retention_rate_by_id_final(internal) IS 'Final function of retention_rate(customer_id, ...).';
COMMENT ON FUNCTION @extschema@.churn_rate_by_id_final(internal) IS 'Final function of churn_rate(customer_id, ...).';
COMMENT ON FUNCTION @extschema@.retention_by_id_serial(internal) IS 'Serializes a partial one-step retention state for parallel aggregation.';
COMMENT ON FUNCTION @extschema@.retention_by_id_deserial(bytea, internal) IS 'Deserializes a partial one-step retention state.';
COMMENT ON FUNCTION @extschema@.retention_by_id_combine(internal, internal) IS 'Combines two partial one-step retention states (customers by exact id).';
CREATE AGGREGATE @extschema@.retention_agg(customer_id anyelement, ordered_at timestamptz, period_start timestamptz, period_end timestamptz) (
    SFUNC = @extschema@.retention_by_id_trans, STYPE = internal, FINALFUNC = @extschema@.retention_by_id_final,
    COMBINEFUNC = @extschema@.retention_by_id_combine, SERIALFUNC = @extschema@.retention_by_id_serial,
    DESERIALFUNC = @extschema@.retention_by_id_deserial, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.retention_rate(customer_id anyelement, ordered_at timestamptz, period_start timestamptz, period_end timestamptz) (
    SFUNC = @extschema@.retention_by_id_trans, STYPE = internal, FINALFUNC = @extschema@.retention_rate_by_id_final,
    COMBINEFUNC = @extschema@.retention_by_id_combine, SERIALFUNC = @extschema@.retention_by_id_serial,
    DESERIALFUNC = @extschema@.retention_by_id_deserial, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.churn_rate(customer_id anyelement, ordered_at timestamptz, period_start timestamptz, period_end timestamptz) (
    SFUNC = @extschema@.retention_by_id_trans, STYPE = internal, FINALFUNC = @extschema@.churn_rate_by_id_final,
    COMBINEFUNC = @extschema@.retention_by_id_combine, SERIALFUNC = @extschema@.retention_by_id_serial,
    DESERIALFUNC = @extschema@.retention_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.retention_agg(anyelement, timestamptz, timestamptz, timestamptz) IS 'Retention summary over [period_start, period_end) against the previous period of the same length, straight from order rows (one step; 1 byte per customer plus the table). Same numbers as retention_agg(customer_history, ...).';
COMMENT ON AGGREGATE @extschema@.retention_rate(anyelement, timestamptz, timestamptz, timestamptz) IS 'Customer retention rate: of the customers with an order in [period_start - L, period_start), L = period_end - period_start, the share (a fraction in [0, 1]) with an order in [period_start, period_end). NULL when that base is empty.';
COMMENT ON AGGREGATE @extschema@.churn_rate(anyelement, timestamptz, timestamptz, timestamptz) IS 'Customer churn rate = 1 - retention_rate(customer_id, ordered_at, period_start, period_end): the share of the previous period''s customers with no order in [period_start, period_end). NULL when that base is empty.';

CREATE FUNCTION @extschema@.count_by_id_trans(internal, anyelement) RETURNS internal
AS 'MODULE_PATHNAME', 'count_by_id_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.repeat_rate_by_id_final(internal) RETURNS double precision
AS 'MODULE_PATHNAME', 'repeat_rate_by_id_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.count_by_id_serial(internal) RETURNS bytea
AS 'MODULE_PATHNAME', 'count_by_id_serial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.count_by_id_deserial(bytea, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'count_by_id_deserial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.count_by_id_combine(internal, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'count_by_id_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.count_by_id_trans(internal, anyelement) IS 'Transition function of repeat_purchase_rate(customer_id): counts rows per customer.';
COMMENT ON FUNCTION @extschema@.repeat_rate_by_id_final(internal) IS 'Final function of repeat_purchase_rate(customer_id).';
COMMENT ON FUNCTION @extschema@.count_by_id_serial(internal) IS 'Serializes a partial per-customer row count for parallel aggregation.';
COMMENT ON FUNCTION @extschema@.count_by_id_deserial(bytea, internal) IS 'Deserializes a partial per-customer row count.';
COMMENT ON FUNCTION @extschema@.count_by_id_combine(internal, internal) IS 'Combines two partial per-customer row counts.';
CREATE AGGREGATE @extschema@.repeat_purchase_rate(customer_id anyelement) (
    SFUNC = @extschema@.count_by_id_trans, STYPE = internal, FINALFUNC = @extschema@.repeat_rate_by_id_final,
    COMBINEFUNC = @extschema@.count_by_id_combine, SERIALFUNC = @extschema@.count_by_id_serial,
    DESERIALFUNC = @extschema@.count_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.repeat_purchase_rate(anyelement) IS 'Repeat purchase rate: share (a fraction in [0, 1]) of the distinct customers among the rows with two or more rows (an order is a row). NULL ids skipped; no rows gives NULL.';

CREATE FUNCTION @extschema@.span_by_id_trans(internal, anyelement, timestamptz) RETURNS internal
AS 'MODULE_PATHNAME', 'span_by_id_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.avg_gap_by_id_final(internal) RETURNS interval
AS 'MODULE_PATHNAME', 'avg_gap_by_id_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.span_by_id_serial(internal) RETURNS bytea
AS 'MODULE_PATHNAME', 'span_by_id_serial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.span_by_id_deserial(bytea, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'span_by_id_deserial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.span_by_id_combine(internal, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'span_by_id_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.span_by_id_trans(internal, anyelement, timestamptz) IS 'Transition function of avg_time_between_purchases(customer_id, ordered_at): first and last order and order count per customer.';
COMMENT ON FUNCTION @extschema@.avg_gap_by_id_final(internal) IS 'Final function of avg_time_between_purchases(customer_id, ordered_at).';
COMMENT ON FUNCTION @extschema@.span_by_id_serial(internal) IS 'Serializes a partial per-customer span state for parallel aggregation.';
COMMENT ON FUNCTION @extschema@.span_by_id_deserial(bytea, internal) IS 'Deserializes a partial per-customer span state.';
COMMENT ON FUNCTION @extschema@.span_by_id_combine(internal, internal) IS 'Combines two partial per-customer span states.';
CREATE AGGREGATE @extschema@.avg_time_between_purchases(customer_id anyelement, ordered_at timestamptz) (
    SFUNC = @extschema@.span_by_id_trans, STYPE = internal, FINALFUNC = @extschema@.avg_gap_by_id_final,
    COMBINEFUNC = @extschema@.span_by_id_combine, SERIALFUNC = @extschema@.span_by_id_serial,
    DESERIALFUNC = @extschema@.span_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.avg_time_between_purchases(anyelement, timestamptz) IS 'Pooled mean gap between consecutive orders of the same customer = sum over customers of (last - first) / sum of (orders - 1), as an interval. NULL when no customer has two orders.';

CREATE FUNCTION @extschema@.orders_by_id_trans(internal, anyelement, timestamptz) RETURNS internal
AS 'MODULE_PATHNAME', 'orders_by_id_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.orders_by_id_trans(internal, anyelement, timestamptz, numeric) RETURNS internal
AS 'MODULE_PATHNAME', 'orders_by_id_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.orders_by_id_trans(internal, anyelement, timestamptz, numeric, bigint, numeric) RETURNS internal
AS 'MODULE_PATHNAME', 'orders_by_id_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.orders_by_id_series_trans(internal, anyelement, timestamptz, numeric, text) RETURNS internal
AS 'MODULE_PATHNAME', 'orders_by_id_series_trans' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.orders_by_id_series_trans(internal, anyelement, timestamptz, numeric, text, text) RETURNS internal
AS 'MODULE_PATHNAME', 'orders_by_id_series_trans' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.stats_by_id_final(internal) RETURNS @extschema@.customer_stats
AS 'MODULE_PATHNAME', 'stats_by_id_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.median_gap_by_id_final(internal) RETURNS interval
AS 'MODULE_PATHNAME', 'median_gap_by_id_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.series_by_id_final(internal) RETURNS @extschema@.period_series
AS 'MODULE_PATHNAME', 'series_by_id_final' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_series_by_id_final(internal) RETURNS @extschema@.mrr_series
AS 'MODULE_PATHNAME', 'mrr_series_by_id_final' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.orders_by_id_serial(internal) RETURNS bytea
AS 'MODULE_PATHNAME', 'orders_by_id_serial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.orders_by_id_deserial(bytea, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'orders_by_id_deserial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.orders_by_id_combine(internal, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'orders_by_id_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.orders_by_id_trans(internal, anyelement, timestamptz) IS 'Transition function of the one-step order aggregates: keeps every order per customer (a customer_history builder).';
COMMENT ON FUNCTION @extschema@.orders_by_id_trans(internal, anyelement, timestamptz, numeric) IS 'Transition function of customer_stats_agg(customer_id, ordered_at, amount): keeps every order and its amount per customer.';
COMMENT ON FUNCTION @extschema@.orders_by_id_trans(internal, anyelement, timestamptz, numeric, bigint, numeric) IS 'Transition function of customer_stats_agg(customer_id, ordered_at, amount, items, cost).';
COMMENT ON FUNCTION @extschema@.orders_by_id_series_trans(internal, anyelement, timestamptz, numeric, text) IS 'Transition function of period_series_agg and mrr_series_agg from order rows (session time zone).';
COMMENT ON FUNCTION @extschema@.orders_by_id_series_trans(internal, anyelement, timestamptz, numeric, text, text) IS 'Transition function of period_series_agg and mrr_series_agg from order rows, in the given time zone.';
COMMENT ON FUNCTION @extschema@.stats_by_id_final(internal) IS 'Final function of customer_stats_agg(customer_id, ...).';
COMMENT ON FUNCTION @extschema@.median_gap_by_id_final(internal) IS 'Final function of median_time_between_purchases(customer_id, ordered_at).';
COMMENT ON FUNCTION @extschema@.series_by_id_final(internal) IS 'Final function of period_series_agg(customer_id, ...).';
COMMENT ON FUNCTION @extschema@.mrr_series_by_id_final(internal) IS 'Final function of mrr_series_agg(customer_id, ...).';
COMMENT ON FUNCTION @extschema@.orders_by_id_serial(internal) IS 'Serializes a partial per-customer order state for parallel aggregation (each customer''s history in stored form).';
COMMENT ON FUNCTION @extschema@.orders_by_id_deserial(bytea, internal) IS 'Deserializes a partial per-customer order state (histories checked like binary input).';
COMMENT ON FUNCTION @extschema@.orders_by_id_combine(internal, internal) IS 'Combines two partial per-customer order states (customers by exact id).';

CREATE AGGREGATE @extschema@.customer_stats_agg(customer_id anyelement, ordered_at timestamptz) (
    SFUNC = @extschema@.orders_by_id_trans, STYPE = internal, FINALFUNC = @extschema@.stats_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.customer_stats_agg(customer_id anyelement, ordered_at timestamptz, amount numeric) (
    SFUNC = @extschema@.orders_by_id_trans, STYPE = internal, FINALFUNC = @extschema@.stats_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.customer_stats_agg(customer_id anyelement, ordered_at timestamptz, amount numeric, items bigint, cost numeric) (
    SFUNC = @extschema@.orders_by_id_trans, STYPE = internal, FINALFUNC = @extschema@.stats_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.median_time_between_purchases(customer_id anyelement, ordered_at timestamptz) (
    SFUNC = @extschema@.orders_by_id_trans, STYPE = internal, FINALFUNC = @extschema@.median_gap_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.period_series_agg(customer_id anyelement, ordered_at timestamptz, amount numeric, granularity text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.series_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.period_series_agg(customer_id anyelement, ordered_at timestamptz, amount numeric, granularity text, time_zone text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.series_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.mrr_series_agg(customer_id anyelement, period timestamptz, mrr numeric, granularity text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.mrr_series_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.mrr_series_agg(customer_id anyelement, period timestamptz, mrr numeric, granularity text, time_zone text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.mrr_series_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.customer_stats_agg(anyelement, timestamptz) IS 'Population figures (customer_stats) straight from order rows without amounts (one step; logs every order, 32 bytes each). Same numbers as customer_stats_agg(customer_history).';
COMMENT ON AGGREGATE @extschema@.customer_stats_agg(anyelement, timestamptz, numeric) IS 'Population figures (customer_stats) straight from order rows with amounts (one step). Same numbers as customer_stats_agg(customer_history).';
COMMENT ON AGGREGATE @extschema@.customer_stats_agg(anyelement, timestamptz, numeric, bigint, numeric) IS 'Population figures (customer_stats) with items and cost, straight from order rows (one step).';
COMMENT ON AGGREGATE @extschema@.median_time_between_purchases(anyelement, timestamptz) IS 'Median gap between consecutive orders of the same customer, over all such gaps (the mean of the middle two for an even count), as an interval; exact up to 16384 distinct gap lengths, see gap_resolution(). NULL when no customer has two orders.';
COMMENT ON AGGREGATE @extschema@.period_series_agg(anyelement, timestamptz, numeric, text) IS 'Customer activity per calendar period straight from order rows (one step; periods in the session TimeZone). Read with periods(). Same numbers as period_series_agg(customer_history, granularity).';
COMMENT ON AGGREGATE @extschema@.period_series_agg(anyelement, timestamptz, numeric, text, text) IS 'Customer activity per calendar period in the given time zone, straight from order rows (one step). Read with periods().';
COMMENT ON AGGREGATE @extschema@.mrr_series_agg(anyelement, timestamptz, numeric, text) IS 'MRR movements per calendar period straight from a customer x period MRR table (one step; session TimeZone): MRR of a customer in a period is the sum of its rows there, 0 without rows. Read with periods().';
COMMENT ON AGGREGATE @extschema@.mrr_series_agg(anyelement, timestamptz, numeric, text, text) IS 'MRR movements per calendar period in the given time zone, straight from a customer x period MRR table (one step). Read with periods().';

-- MRR movements between two snapshots ------------------------------------------------------------
CREATE FUNCTION @extschema@.mrr_movements_trans(@extschema@.mrr_summary, numeric, numeric) RETURNS @extschema@.mrr_summary
AS 'MODULE_PATHNAME', 'mrr_movements_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_trans(@extschema@.mrr_summary, numeric, numeric) IS 'Transition function of mrr_movements(mrr_start, mrr_end): classifies one customer''s movement.';
CREATE AGGREGATE @extschema@.mrr_movements(mrr_start numeric, mrr_end numeric) (
    SFUNC = @extschema@.mrr_movements_trans, STYPE = @extschema@.mrr_summary,
    COMBINEFUNC = @extschema@.mrr_summary_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.mrr_movements(numeric, numeric) IS 'MRR movements (mrr_summary) from each customer''s MRR at the start and at the end of a period: churned (to 0), new (from 0), expansion, contraction. NULL means no subscription (0), so a FULL JOIN of two snapshots can be aggregated directly; rows with both NULL are skipped; error 22023 for negative MRR.';

-- accessors of retention_summary -----------------------------------------------------------------
CREATE FUNCTION @extschema@.retention_rate(@extschema@.retention_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'retention_summary_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.churn_rate(@extschema@.retention_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'retention_summary_churn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.retention_ci(summary @extschema@.retention_summary, confidence double precision DEFAULT 0.95,
    OUT lower double precision, OUT upper double precision) RETURNS record
AS 'MODULE_PATHNAME', 'retention_summary_ci' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.churn_ci(summary @extschema@.retention_summary, confidence double precision DEFAULT 0.95,
    OUT lower double precision, OUT upper double precision) RETURNS record
AS 'MODULE_PATHNAME', 'retention_summary_churn_ci' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.customers_start(@extschema@.retention_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'retention_summary_customers_start' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.retained(@extschema@.retention_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'retention_summary_retained' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.churned(@extschema@.retention_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'retention_summary_churned' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.new_customers(@extschema@.retention_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'retention_summary_new' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.reactivated(@extschema@.retention_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'retention_summary_reactivated' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.customers_end(@extschema@.retention_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'retention_summary_customers_end' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_rate(@extschema@.retention_summary) IS 'retained / customers_start, a fraction in [0, 1]; NULL when customers_start = 0.';
COMMENT ON FUNCTION @extschema@.churn_rate(@extschema@.retention_summary) IS 'churned / customers_start = 1 - retention_rate, a fraction in [0, 1]; NULL when customers_start = 0.';
COMMENT ON FUNCTION @extschema@.retention_ci(@extschema@.retention_summary, double precision) IS 'Wilson score interval (lower, upper) of the retention rate at the given confidence (default 0.95). NULL when customers_start = 0; error 22023 unless 0 < confidence < 1.';
COMMENT ON FUNCTION @extschema@.churn_ci(@extschema@.retention_summary, double precision) IS 'Wilson score interval (lower, upper) of the churn rate at the given confidence (default 0.95). NULL when customers_start = 0; error 22023 unless 0 < confidence < 1.';
COMMENT ON FUNCTION @extschema@.customers_start(@extschema@.retention_summary) IS 'Customers with an order in the previous period (the base of the rates).';
COMMENT ON FUNCTION @extschema@.retained(@extschema@.retention_summary) IS 'Customers with an order in the previous period and in the period.';
COMMENT ON FUNCTION @extschema@.churned(@extschema@.retention_summary) IS 'Customers with an order in the previous period and none in the period.';
COMMENT ON FUNCTION @extschema@.new_customers(@extschema@.retention_summary) IS 'Customers whose first order (among the aggregated rows) is in the period.';
COMMENT ON FUNCTION @extschema@.reactivated(@extschema@.retention_summary) IS 'Customers with an order in the period, none in the previous period, and one before it.';
COMMENT ON FUNCTION @extschema@.customers_end(@extschema@.retention_summary) IS 'Customers with an order in the period: retained + new + reactivated.';

-- accessors of customer_stats ---------------------------------------------------------------------
CREATE FUNCTION @extschema@.customers(@extschema@.customer_stats) RETURNS bigint
AS 'MODULE_PATHNAME', 'stats_customers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.repeat_customers(@extschema@.customer_stats) RETURNS bigint
AS 'MODULE_PATHNAME', 'stats_repeat_customers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.repeat_purchase_rate(@extschema@.customer_stats) RETURNS double precision
AS 'MODULE_PATHNAME', 'stats_repeat_purchase_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.repeat_purchase_ci(summary @extschema@.customer_stats, confidence double precision DEFAULT 0.95,
    OUT lower double precision, OUT upper double precision) RETURNS record
AS 'MODULE_PATHNAME', 'stats_repeat_purchase_ci' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.orders(@extschema@.customer_stats) RETURNS bigint
AS 'MODULE_PATHNAME', 'stats_orders' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.orders_per_customer(@extschema@.customer_stats) RETURNS double precision
AS 'MODULE_PATHNAME', 'stats_orders_per_customer' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.revenue(@extschema@.customer_stats) RETURNS numeric
AS 'MODULE_PATHNAME', 'stats_revenue' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.avg_order_value(@extschema@.customer_stats) RETURNS numeric
AS 'MODULE_PATHNAME', 'stats_avg_order_value' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.revenue_per_customer(@extschema@.customer_stats) RETURNS numeric
AS 'MODULE_PATHNAME', 'stats_revenue_per_customer' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.items(@extschema@.customer_stats) RETURNS bigint
AS 'MODULE_PATHNAME', 'stats_items' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cost(@extschema@.customer_stats) RETURNS numeric
AS 'MODULE_PATHNAME', 'stats_cost' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.profit(@extschema@.customer_stats) RETURNS numeric
AS 'MODULE_PATHNAME', 'stats_profit' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.profit_per_customer(@extschema@.customer_stats) RETURNS numeric
AS 'MODULE_PATHNAME', 'stats_profit_per_customer' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.avg_time_between_purchases(@extschema@.customer_stats) RETURNS interval
AS 'MODULE_PATHNAME', 'stats_avg_gap' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.median_time_between_purchases(@extschema@.customer_stats) RETURNS interval
AS 'MODULE_PATHNAME', 'stats_median_gap' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.gap_resolution(@extschema@.customer_stats) RETURNS interval
AS 'MODULE_PATHNAME', 'stats_gap_resolution' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.avg_lifespan(@extschema@.customer_stats) RETURNS interval
AS 'MODULE_PATHNAME', 'stats_avg_lifespan' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.first_order_at(@extschema@.customer_stats) RETURNS timestamptz
AS 'MODULE_PATHNAME', 'stats_first_order' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.last_order_at(@extschema@.customer_stats) RETURNS timestamptz
AS 'MODULE_PATHNAME', 'stats_last_order' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.purchase_frequency(summary @extschema@.customer_stats, per interval DEFAULT '1 year') RETURNS double precision
AS 'MODULE_PATHNAME', 'stats_purchase_frequency' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.historic_clv(summary @extschema@.customer_stats, per interval DEFAULT '1 year') RETURNS double precision
AS 'MODULE_PATHNAME', 'stats_historic_clv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.historic_clv(summary @extschema@.customer_stats, per interval, churn_rate double precision) RETURNS double precision
AS 'MODULE_PATHNAME', 'stats_historic_clv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customers(@extschema@.customer_stats) IS 'Number of distinct customers.';
COMMENT ON FUNCTION @extschema@.repeat_customers(@extschema@.customer_stats) IS 'Customers with two or more orders.';
COMMENT ON FUNCTION @extschema@.repeat_purchase_rate(@extschema@.customer_stats) IS 'repeat_customers / customers, a fraction in [0, 1].';
COMMENT ON FUNCTION @extschema@.repeat_purchase_ci(@extschema@.customer_stats, double precision) IS 'Wilson score interval (lower, upper) of the repeat purchase rate (default confidence 0.95); error 22023 unless 0 < confidence < 1.';
COMMENT ON FUNCTION @extschema@.orders(@extschema@.customer_stats) IS 'Number of orders.';
COMMENT ON FUNCTION @extschema@.orders_per_customer(@extschema@.customer_stats) IS 'orders / customers.';
COMMENT ON FUNCTION @extschema@.revenue(@extschema@.customer_stats) IS 'Sum of all order amounts (exact numeric); NULL when no order has an amount.';
COMMENT ON FUNCTION @extschema@.avg_order_value(@extschema@.customer_stats) IS 'Average order value = revenue / orders with an amount (numeric, as avg(amount)); NULL when no order has an amount.';
COMMENT ON FUNCTION @extschema@.revenue_per_customer(@extschema@.customer_stats) IS 'revenue / customers (numeric): the realised historic value per customer.';
COMMENT ON FUNCTION @extschema@.items(@extschema@.customer_stats) IS 'Sum of items (customer_history_agg or customer_stats_agg with items); NULL when no order gives items.';
COMMENT ON FUNCTION @extschema@.cost(@extschema@.customer_stats) IS 'Sum of costs; NULL when no order gives a cost.';
COMMENT ON FUNCTION @extschema@.profit(@extschema@.customer_stats) IS 'revenue - cost; NULL unless every order has both an amount and a cost.';
COMMENT ON FUNCTION @extschema@.profit_per_customer(@extschema@.customer_stats) IS 'profit / customers (numeric); NULL when profit is.';
COMMENT ON FUNCTION @extschema@.avg_time_between_purchases(@extschema@.customer_stats) IS 'Pooled mean gap between consecutive orders = sum of (last - first) / sum of (orders - 1) over customers; NULL when no customer has two orders.';
COMMENT ON FUNCTION @extschema@.median_time_between_purchases(@extschema@.customer_stats) IS 'Median of all gaps between consecutive orders of the same customer (mean of the middle two for an even count); exact while gap_resolution() is 1 microsecond.';
COMMENT ON FUNCTION @extschema@.gap_resolution(@extschema@.customer_stats) IS 'Width of the gap histogram''s buckets: 00:00:00.000001 while the median gap is exact; wider (a power of two of microseconds) past 16384 distinct gap lengths, then the median is within half of it.';
COMMENT ON FUNCTION @extschema@.avg_lifespan(@extschema@.customer_stats) IS 'Mean over customers of (last order - first order), one-order customers counting 0.';
COMMENT ON FUNCTION @extschema@.first_order_at(@extschema@.customer_stats) IS 'Time of the earliest order of all customers.';
COMMENT ON FUNCTION @extschema@.last_order_at(@extschema@.customer_stats) IS 'Time of the latest order of all customers.';
COMMENT ON FUNCTION @extschema@.purchase_frequency(@extschema@.customer_stats, interval) IS 'Orders per customer per `per` (default 1 year) over the observation window (first to last order of all customers); per counts like extract(epoch): a year is 365.25 days, a month 30. NULL when the window is 0.';
COMMENT ON FUNCTION @extschema@.historic_clv(@extschema@.customer_stats, interval) IS 'Historic CLV = avg_order_value x purchase_frequency(per) x lifespan, lifespan = the observed mean lifespan (avg_lifespan) in units of per. Currency of the amounts.';
COMMENT ON FUNCTION @extschema@.historic_clv(@extschema@.customer_stats, interval, double precision) IS 'Historic CLV = avg_order_value x purchase_frequency(per) x (1 / churn_rate), churn_rate being per `per` (a fraction in (0, 1]); error 22023 otherwise.';

-- accessors of mrr_summary -------------------------------------------------------------------------
CREATE FUNCTION @extschema@.revenue_churn(@extschema@.mrr_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'mrr_revenue_churn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.gross_mrr_churn(@extschema@.mrr_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'mrr_gross_churn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.net_mrr_churn(@extschema@.mrr_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'mrr_net_churn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.net_revenue_retention(@extschema@.mrr_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'mrr_nrr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.gross_revenue_retention(@extschema@.mrr_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'mrr_grr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quick_ratio(@extschema@.mrr_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'mrr_quick_ratio' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_start(@extschema@.mrr_summary) RETURNS numeric
AS 'MODULE_PATHNAME', 'mrr_start_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_end(@extschema@.mrr_summary) RETURNS numeric
AS 'MODULE_PATHNAME', 'mrr_end_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.new_mrr(@extschema@.mrr_summary) RETURNS numeric
AS 'MODULE_PATHNAME', 'mrr_new' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.expansion_mrr(@extschema@.mrr_summary) RETURNS numeric
AS 'MODULE_PATHNAME', 'mrr_expansion' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.contraction_mrr(@extschema@.mrr_summary) RETURNS numeric
AS 'MODULE_PATHNAME', 'mrr_contraction' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.churned_mrr(@extschema@.mrr_summary) RETURNS numeric
AS 'MODULE_PATHNAME', 'mrr_churned' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.customers_start(@extschema@.mrr_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'mrr_customers_start' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.customers_end(@extschema@.mrr_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'mrr_customers_end' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.new_customers(@extschema@.mrr_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'mrr_new_customers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.churned_customers(@extschema@.mrr_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'mrr_churned_customers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.expanded_customers(@extschema@.mrr_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'mrr_expanded_customers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.contracted_customers(@extschema@.mrr_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'mrr_contracted_customers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.revenue_churn(@extschema@.mrr_summary) IS 'Revenue churn = churned MRR / starting MRR, a fraction in [0, 1]; NULL when starting MRR is 0.';
COMMENT ON FUNCTION @extschema@.gross_mrr_churn(@extschema@.mrr_summary) IS 'Gross MRR churn = (churned + contraction) / starting MRR; NULL when starting MRR is 0.';
COMMENT ON FUNCTION @extschema@.net_mrr_churn(@extschema@.mrr_summary) IS 'Net MRR churn = (churned + contraction - expansion) / starting MRR (ChartMogul, Baremetrics); negative when expansion exceeds the losses; NULL when starting MRR is 0.';
COMMENT ON FUNCTION @extschema@.net_revenue_retention(@extschema@.mrr_summary) IS 'Net revenue retention = (start - churned - contraction + expansion) / start = 1 - net_mrr_churn; NULL when starting MRR is 0.';
COMMENT ON FUNCTION @extschema@.gross_revenue_retention(@extschema@.mrr_summary) IS 'Gross revenue retention = (start - churned - contraction) / start = 1 - gross_mrr_churn; NULL when starting MRR is 0.';
COMMENT ON FUNCTION @extschema@.quick_ratio(@extschema@.mrr_summary) IS 'SaaS quick ratio = (new + expansion) / (churned + contraction); NULL when nothing was lost.';
COMMENT ON FUNCTION @extschema@.mrr_start(@extschema@.mrr_summary) IS 'Total MRR at the start.';
COMMENT ON FUNCTION @extschema@.mrr_end(@extschema@.mrr_summary) IS 'Total MRR at the end = start + new + expansion - contraction - churned.';
COMMENT ON FUNCTION @extschema@.new_mrr(@extschema@.mrr_summary) IS 'MRR of customers with none at the start.';
COMMENT ON FUNCTION @extschema@.expansion_mrr(@extschema@.mrr_summary) IS 'Increase of MRR of customers whose MRR grew.';
COMMENT ON FUNCTION @extschema@.contraction_mrr(@extschema@.mrr_summary) IS 'Decrease of MRR of customers whose MRR shrank but stayed above 0.';
COMMENT ON FUNCTION @extschema@.churned_mrr(@extschema@.mrr_summary) IS 'Starting MRR of customers whose MRR went to 0.';
COMMENT ON FUNCTION @extschema@.customers_start(@extschema@.mrr_summary) IS 'Customers with MRR at the start.';
COMMENT ON FUNCTION @extschema@.customers_end(@extschema@.mrr_summary) IS 'Customers with MRR at the end.';
COMMENT ON FUNCTION @extschema@.new_customers(@extschema@.mrr_summary) IS 'Customers with MRR at the end and none at the start.';
COMMENT ON FUNCTION @extschema@.churned_customers(@extschema@.mrr_summary) IS 'Customers with MRR at the start and none at the end.';
COMMENT ON FUNCTION @extschema@.expanded_customers(@extschema@.mrr_summary) IS 'Customers whose MRR grew (both snapshots above 0).';
COMMENT ON FUNCTION @extschema@.contracted_customers(@extschema@.mrr_summary) IS 'Customers whose MRR shrank but stayed above 0.';

-- periods() of the period tables ----------------------------------------------------------------------
CREATE FUNCTION @extschema@.periods(summary @extschema@.period_series, confidence double precision DEFAULT 0.95,
    OUT period_start timestamptz, OUT period_end timestamptz,
    OUT customers_start bigint, OUT new_customers bigint, OUT retained bigint, OUT reactivated bigint,
    OUT churned bigint, OUT customers_end bigint,
    OUT retention_rate double precision, OUT churn_rate double precision, OUT crr double precision,
    OUT returning_customer_rate double precision, OUT retention_lower double precision, OUT retention_upper double precision,
    OUT orders bigint, OUT revenue numeric, OUT avg_order_value numeric, OUT orders_per_customer double precision,
    OUT revenue_per_customer numeric)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'period_series_rows' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 24;
COMMENT ON FUNCTION @extschema@.periods(@extschema@.period_series, double precision) IS 'One row per period from the first to the last with an order: customers at start (active the period before), new, retained, reactivated, churned, at end (active); retention_rate = retained / start, churn_rate = churned / start, crr = (end - new) / start (counts reactivations as retained, so it can exceed 1), returning_customer_rate = (retained + reactivated) / end, the Wilson interval of retention_rate at the given confidence, orders, revenue, avg_order_value, orders and revenue per active customer.';

CREATE FUNCTION @extschema@.periods(summary @extschema@.mrr_series,
    OUT period_start timestamptz, OUT period_end timestamptz,
    OUT mrr_start numeric, OUT new_mrr numeric, OUT reactivation_mrr numeric, OUT expansion_mrr numeric,
    OUT contraction_mrr numeric, OUT churned_mrr numeric, OUT mrr_end numeric,
    OUT customers_start bigint, OUT new_customers bigint, OUT reactivated_customers bigint,
    OUT expanded_customers bigint, OUT contracted_customers bigint, OUT churned_customers bigint, OUT customers_end bigint,
    OUT revenue_churn double precision, OUT gross_mrr_churn double precision, OUT net_mrr_churn double precision,
    OUT gross_revenue_retention double precision, OUT net_revenue_retention double precision, OUT quick_ratio double precision)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'mrr_series_rows' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 24;
COMMENT ON FUNCTION @extschema@.periods(@extschema@.mrr_series) IS 'One row per period from the first to the last with MRR: MRR at start and end, new (first MRR ever), reactivation (MRR again after a gap), expansion, contraction and churned MRR, the customers of each kind, and the rates of mrr_summary with quick_ratio = (new + reactivation + expansion) / (churned + contraction).';
