-- Retention and churn over one period against the previous one (docs/orders.md): the
-- retention_summary type, retention_agg over histories and from order rows, the one-step
-- retention_rate and churn_rate, and the read-outs. IMMUTABLE; every aggregate is PARALLEL
-- SAFE (its combine function is exact).

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
COMMENT ON TYPE @extschema@.retention_summary IS
    'Retention over one period against the previous period of the same length: customers '
    'active at start, retained, new, reactivated. Built by retention_agg(...); read with '
    'retention_rate(), churn_rate(), retention_ci(), churn_ci() and the counts. Text form '
    '(version:1,period_start:"...",period_end:"...",customers_start:N,retained:N,new_customers:N,reactivated:N).';
COMMENT ON FUNCTION @extschema@.retention_summary_in(cstring) IS
    'Text input of retention_summary; error 22P02 on malformed or inconsistent text.';
COMMENT ON FUNCTION @extschema@.retention_summary_out(@extschema@.retention_summary) IS
    'Text output of retention_summary: its versioned text form.';
COMMENT ON FUNCTION @extschema@.retention_summary_recv(internal) IS
    'Binary input of retention_summary; error 22P03 on malformed bytes.';
COMMENT ON FUNCTION @extschema@.retention_summary_send(@extschema@.retention_summary) IS
    'Binary output of retention_summary: version, kind, then 64-bit words in network byte '
    'order.';
CREATE FUNCTION @extschema@.retention_summary_combine(@extschema@.retention_summary, @extschema@.retention_summary) RETURNS @extschema@.retention_summary
AS 'MODULE_PATHNAME', 'retention_summary_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_summary_combine(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'Add two retention summaries of disjoint sets of customers (exact; error 22023 when their '
    'periods differ): the combine function of retention_agg and the transition of rollup().';
CREATE AGGREGATE @extschema@.rollup(@extschema@.retention_summary) (
    SFUNC = @extschema@.retention_summary_combine, STYPE = @extschema@.retention_summary,
    COMBINEFUNC = @extschema@.retention_summary_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.retention_summary) IS
    'The original name of combine(retention_summary), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.retention_summary) (
    SFUNC = @extschema@.retention_summary_combine, STYPE = @extschema@.retention_summary,
    COMBINEFUNC = @extschema@.retention_summary_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.retention_summary) IS
    'Merge retention summaries of disjoint customer sets (segments, shards, partitions) of the '
    'same period. NULLs skipped; no rows gives NULL.';

CREATE FUNCTION @extschema@.retention_history_trans(@extschema@.retention_summary, @extschema@.customer_history, timestamptz, timestamptz) RETURNS @extschema@.retention_summary
AS 'MODULE_PATHNAME', 'retention_history_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_history_trans(@extschema@.retention_summary, @extschema@.customer_history, timestamptz, timestamptz) IS
    'Transition function of retention_agg(customer_history, period_start, period_end): '
    'classifies one customer.';
CREATE AGGREGATE @extschema@.retention_agg(h @extschema@.customer_history, period_start timestamptz, period_end timestamptz) (
    SFUNC = @extschema@.retention_history_trans, STYPE = @extschema@.retention_summary,
    COMBINEFUNC = @extschema@.retention_summary_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.retention_agg(@extschema@.customer_history, timestamptz, timestamptz) IS
    'Retention summary over [period_start, period_end) against the previous period of the same '
    'length, from customer histories (the scalable path). NULL histories skipped; no rows '
    'gives NULL; error 22023 unless period_end > period_start, 22004 for a NULL bound.';

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
COMMENT ON FUNCTION @extschema@.retention_by_id_trans(internal, anyelement, timestamptz, timestamptz, timestamptz) IS
    'Transition function of the one-step retention aggregates: keeps, per customer, in which '
    'of (before the previous period, the previous period, the period) it ordered.';
COMMENT ON FUNCTION @extschema@.retention_by_id_final(internal) IS
    'Final function of retention_agg(customer_id, ...): the retention_summary.';
COMMENT ON FUNCTION @extschema@.retention_rate_by_id_final(internal) IS
    'Final function of retention_rate(customer_id, ...).';
COMMENT ON FUNCTION @extschema@.churn_rate_by_id_final(internal) IS
    'Final function of churn_rate(customer_id, ...).';
COMMENT ON FUNCTION @extschema@.retention_by_id_serial(internal) IS
    'Serializes a partial one-step retention state for parallel aggregation.';
COMMENT ON FUNCTION @extschema@.retention_by_id_deserial(bytea, internal) IS
    'Deserializes a partial one-step retention state.';
COMMENT ON FUNCTION @extschema@.retention_by_id_combine(internal, internal) IS
    'Combines two partial one-step retention states (customers by exact id).';
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
COMMENT ON AGGREGATE @extschema@.retention_agg(anyelement, timestamptz, timestamptz, timestamptz) IS
    'Retention summary over [period_start, period_end) against the previous period of the same '
    'length, straight from order rows (one step; 1 byte per customer plus the table). Same '
    'numbers as retention_agg(customer_history, ...).';
COMMENT ON AGGREGATE @extschema@.retention_rate(anyelement, timestamptz, timestamptz, timestamptz) IS
    'Customer retention rate: of the customers with an order in [period_start - L, '
    'period_start), L = period_end - period_start, the share (a fraction in [0, 1]) with an '
    'order in [period_start, period_end). NULL when that base is empty. It needs both '
    'periods'' orders in one group, so under GROUP BY date_trunc(''month'', ordered_at) each '
    'group lacks the previous month and answers NULL (or 0); for a chart by period use '
    'periods(period_series_agg(customer_id, ordered_at, amount, ''month'')), one row per '
    'month (docs/orders.md, Charting a metric by period).';
COMMENT ON AGGREGATE @extschema@.churn_rate(anyelement, timestamptz, timestamptz, timestamptz) IS
    'Customer churn rate = 1 - retention_rate(customer_id, ordered_at, period_start, '
    'period_end): the share of the previous period''s customers with no order in '
    '[period_start, period_end). NULL when that base is empty. Like retention_rate it cannot '
    'be charted under GROUP BY month; periods(period_series_agg(...)) gives the churn_rate of '
    'every period in one call.';

CREATE FUNCTION @extschema@.retention_rate(@extschema@.retention_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'retention_summary_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.churn_rate(@extschema@.retention_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'retention_summary_churn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.retention_ci(summary @extschema@.retention_summary, confidence double precision DEFAULT 0.95)
RETURNS @extschema@.confidence_interval
AS 'MODULE_PATHNAME', 'retention_summary_ci_typed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.churn_ci(summary @extschema@.retention_summary, confidence double precision DEFAULT 0.95)
RETURNS @extschema@.confidence_interval
AS 'MODULE_PATHNAME', 'retention_summary_churn_ci_typed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
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
COMMENT ON FUNCTION @extschema@.retention_rate(@extschema@.retention_summary) IS
    'retained / customers_start, a fraction in [0, 1]; NULL when customers_start = 0.';
COMMENT ON FUNCTION @extschema@.churn_rate(@extschema@.retention_summary) IS
    'churned / customers_start = 1 - retention_rate, a fraction in [0, 1]; NULL when '
    'customers_start = 0.';
COMMENT ON FUNCTION @extschema@.retention_ci(@extschema@.retention_summary, double precision) IS
    'Wilson score interval (lower, upper) of the retention rate at the given confidence '
    '(default 0.95). NULL when customers_start = 0; error 22023 unless 0 < confidence < 1.';
COMMENT ON FUNCTION @extschema@.churn_ci(@extschema@.retention_summary, double precision) IS
    'Wilson score interval (lower, upper) of the churn rate at the given confidence (default '
    '0.95). NULL when customers_start = 0; error 22023 unless 0 < confidence < 1.';
COMMENT ON FUNCTION @extschema@.customers_start(@extschema@.retention_summary) IS
    'Customers with an order in the previous period (the base of the rates).';
COMMENT ON FUNCTION @extschema@.retained(@extschema@.retention_summary) IS
    'Customers with an order in the previous period and in the period.';
COMMENT ON FUNCTION @extschema@.churned(@extschema@.retention_summary) IS
    'Customers with an order in the previous period and none in the period.';
COMMENT ON FUNCTION @extschema@.new_customers(@extschema@.retention_summary) IS
    'Customers whose first order (among the aggregated rows) is in the period.';
COMMENT ON FUNCTION @extschema@.reactivated(@extschema@.retention_summary) IS
    'Customers with an order in the period, none in the previous period, and one before it.';
COMMENT ON FUNCTION @extschema@.customers_end(@extschema@.retention_summary) IS
    'Customers with an order in the period: retained + new + reactivated.';
