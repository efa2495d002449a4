-- Calendar period tables (docs/orders.md): period_series (customer activity per period) and
-- mrr_series (MRR movements per period), over histories or from order rows, and periods().
-- Functions that bucket times into periods follow PostgreSQL's date_trunc(unit,
-- timestamptz, zone), which is STABLE; the rest IMMUTABLE; every aggregate PARALLEL SAFE.

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
COMMENT ON TYPE @extschema@.period_series IS
    'Customer activity per calendar period (day, week, month, quarter or year in one time '
    'zone): new, retained, reactivated and churned customers, orders and revenue. Built by '
    'period_series_agg(...); one row per period with periods().';

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
COMMENT ON TYPE @extschema@.mrr_series IS
    'MRR movements per calendar period from a customer x period MRR table: new, reactivation, '
    'expansion, contraction and churned MRR and the customers of each kind. Built by '
    'mrr_series_agg(...); one row per period with periods().';
COMMENT ON FUNCTION @extschema@.period_series_in(cstring) IS
    'Text input of period_series; error 22P02 on malformed or inconsistent text.';
COMMENT ON FUNCTION @extschema@.period_series_out(@extschema@.period_series) IS
    'Text output of period_series: calendar, first period, scale and one list per column.';
COMMENT ON FUNCTION @extschema@.period_series_recv(internal) IS
    'Binary input of period_series; error 22P03 on malformed bytes.';
COMMENT ON FUNCTION @extschema@.period_series_send(@extschema@.period_series) IS
    'Binary output of period_series: version, kind, then 64-bit words in network byte order.';
COMMENT ON FUNCTION @extschema@.mrr_series_in(cstring) IS
    'Text input of mrr_series; error 22P02 on malformed or inconsistent text.';
COMMENT ON FUNCTION @extschema@.mrr_series_out(@extschema@.mrr_series) IS
    'Text output of mrr_series: calendar, first period, scale and one list per column.';
COMMENT ON FUNCTION @extschema@.mrr_series_recv(internal) IS
    'Binary input of mrr_series; error 22P03 on malformed bytes.';
COMMENT ON FUNCTION @extschema@.mrr_series_send(@extschema@.mrr_series) IS
    'Binary output of mrr_series: version, kind, then 64-bit words in network byte order.';
CREATE FUNCTION @extschema@.period_series_combine(@extschema@.period_series, @extschema@.period_series) RETURNS @extschema@.period_series
AS 'MODULE_PATHNAME', 'period_series_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_series_final(@extschema@.period_series) RETURNS @extschema@.period_series
AS 'MODULE_PATHNAME', 'period_series_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_series_combine(@extschema@.mrr_series, @extschema@.mrr_series) RETURNS @extschema@.mrr_series
AS 'MODULE_PATHNAME', 'mrr_series_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_series_final(@extschema@.mrr_series) RETURNS @extschema@.mrr_series
AS 'MODULE_PATHNAME', 'mrr_series_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_combine(@extschema@.period_series, @extschema@.period_series) IS
    'Add two period series of disjoint sets of customers period by period (exact; error 22023 '
    'when granularity or time zone differ).';
COMMENT ON FUNCTION @extschema@.period_series_final(@extschema@.period_series) IS
    'Final function of period_series aggregates: drops the spare capacity of the running state.';
COMMENT ON FUNCTION @extschema@.mrr_series_combine(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'Add two MRR series of disjoint sets of customers period by period (exact; error 22023 '
    'when granularity or time zone differ).';
COMMENT ON FUNCTION @extschema@.mrr_series_final(@extschema@.mrr_series) IS
    'Final function of mrr_series aggregates: drops the spare capacity of the running state.';
CREATE AGGREGATE @extschema@.rollup(@extschema@.period_series) (
    SFUNC = @extschema@.period_series_combine, STYPE = @extschema@.period_series,
    FINALFUNC = @extschema@.period_series_final, COMBINEFUNC = @extschema@.period_series_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.rollup(@extschema@.mrr_series) (
    SFUNC = @extschema@.mrr_series_combine, STYPE = @extschema@.mrr_series,
    FINALFUNC = @extschema@.mrr_series_final, COMBINEFUNC = @extschema@.mrr_series_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.period_series) IS
    'The original name of combine(period_series), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.period_series) (
    SFUNC = @extschema@.period_series_combine, STYPE = @extschema@.period_series,
    FINALFUNC = @extschema@.period_series_final, COMBINEFUNC = @extschema@.period_series_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.period_series) IS
    'Merge period series of disjoint customer sets with the same calendar. NULLs skipped; no '
    'rows gives NULL.';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.mrr_series) IS
    'The original name of combine(mrr_series), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.mrr_series) (
    SFUNC = @extschema@.mrr_series_combine, STYPE = @extschema@.mrr_series,
    FINALFUNC = @extschema@.mrr_series_final, COMBINEFUNC = @extschema@.mrr_series_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.mrr_series) IS
    'Merge MRR series of disjoint customer sets with the same calendar. NULLs skipped; no rows '
    'gives NULL.';

CREATE FUNCTION @extschema@.period_series_history_trans(@extschema@.period_series, @extschema@.customer_history, text) RETURNS @extschema@.period_series
AS 'MODULE_PATHNAME', 'period_series_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.period_series_history_trans(@extschema@.period_series, @extschema@.customer_history, text, text) RETURNS @extschema@.period_series
AS 'MODULE_PATHNAME', 'period_series_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_history_trans(@extschema@.period_series, @extschema@.customer_history, text) IS
    'Transition function of period_series_agg(customer_history, granularity): adds one '
    'customer, periods in the session time zone.';
COMMENT ON FUNCTION @extschema@.period_series_history_trans(@extschema@.period_series, @extschema@.customer_history, text, text) IS
    'Transition function of period_series_agg(customer_history, granularity, time_zone): adds '
    'one customer.';
CREATE AGGREGATE @extschema@.period_series_agg(h @extschema@.customer_history, granularity text) (
    SFUNC = @extschema@.period_series_history_trans, STYPE = @extschema@.period_series,
    FINALFUNC = @extschema@.period_series_final, COMBINEFUNC = @extschema@.period_series_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.period_series_agg(h @extschema@.customer_history, granularity text, time_zone text) (
    SFUNC = @extschema@.period_series_history_trans, STYPE = @extschema@.period_series,
    FINALFUNC = @extschema@.period_series_final, COMBINEFUNC = @extschema@.period_series_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.period_series_agg(@extschema@.customer_history, text) IS
    'Customer activity per calendar period (granularity day, week, month, quarter or year; '
    'periods as date_trunc in the session TimeZone) from customer histories. Read with '
    'periods(). NULL histories skipped; no rows gives NULL; error 22023 for another '
    'granularity, 54000 beyond 100000 periods. '
    'The session TimeZone at aggregation decides the periods and is recorded in the '
    'summary: on CDNOW, January 1997 has 7,846 new customers under UTC and 7,942 under '
    'America/Los_Angeles; pass time_zone to fix the calendar.';
COMMENT ON AGGREGATE @extschema@.period_series_agg(@extschema@.customer_history, text, text) IS
    'Customer activity per calendar period in the given time zone (as date_trunc(granularity, '
    'ordered_at, time_zone)) from customer histories. Read with periods().';

CREATE FUNCTION @extschema@.mrr_series_history_trans(@extschema@.mrr_series, @extschema@.customer_history, text) RETURNS @extschema@.mrr_series
AS 'MODULE_PATHNAME', 'mrr_series_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_series_history_trans(@extschema@.mrr_series, @extschema@.customer_history, text, text) RETURNS @extschema@.mrr_series
AS 'MODULE_PATHNAME', 'mrr_series_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_series_history_trans(@extschema@.mrr_series, @extschema@.customer_history, text) IS
    'Transition function of mrr_series_agg(customer_history, granularity): adds one '
    'customer''s MRR movements.';
COMMENT ON FUNCTION @extschema@.mrr_series_history_trans(@extschema@.mrr_series, @extschema@.customer_history, text, text) IS
    'Transition function of mrr_series_agg(customer_history, granularity, time_zone): adds one '
    'customer''s MRR movements.';
CREATE AGGREGATE @extschema@.mrr_series_agg(h @extschema@.customer_history, granularity text) (
    SFUNC = @extschema@.mrr_series_history_trans, STYPE = @extschema@.mrr_series,
    FINALFUNC = @extschema@.mrr_series_final, COMBINEFUNC = @extschema@.mrr_series_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.mrr_series_agg(h @extschema@.customer_history, granularity text, time_zone text) (
    SFUNC = @extschema@.mrr_series_history_trans, STYPE = @extschema@.mrr_series,
    FINALFUNC = @extschema@.mrr_series_final, COMBINEFUNC = @extschema@.mrr_series_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.mrr_series_agg(@extschema@.customer_history, text) IS
    'MRR movements per calendar period from histories of (period, MRR) rows, built with '
    'customer_history_agg(period, mrr): a customer''s MRR in a period is the sum of its '
    'amounts there (0 without rows). Periods in the session TimeZone. Read with periods(). '
    'The session TimeZone at aggregation decides the periods and is recorded in the '
    'summary: on CDNOW, January 1997 has 7,846 new customers under UTC and 7,942 under '
    'America/Los_Angeles; pass time_zone to fix the calendar.';
COMMENT ON AGGREGATE @extschema@.mrr_series_agg(@extschema@.customer_history, text, text) IS
    'MRR movements per calendar period in the given time zone, from histories of (period, MRR) '
    'rows. Read with periods().';

CREATE FUNCTION @extschema@.series_by_id_final(internal) RETURNS @extschema@.period_series
AS 'MODULE_PATHNAME', 'series_by_id_final' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_series_by_id_final(internal) RETURNS @extschema@.mrr_series
AS 'MODULE_PATHNAME', 'mrr_series_by_id_final' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.series_by_id_final(internal) IS
    'Final function of period_series_agg(customer_id, ...).';
COMMENT ON FUNCTION @extschema@.mrr_series_by_id_final(internal) IS
    'Final function of mrr_series_agg(customer_id, ...).';
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
COMMENT ON AGGREGATE @extschema@.period_series_agg(anyelement, timestamptz, numeric, text) IS
    'Customer activity per calendar period straight from order rows (one step; periods in the '
    'session TimeZone). Read with periods(). Same numbers as '
    'period_series_agg(customer_history, granularity). '
    'The session TimeZone at aggregation decides the periods and is recorded in the '
    'summary: on CDNOW, January 1997 has 7,846 new customers under UTC and 7,942 under '
    'America/Los_Angeles; pass time_zone to fix the calendar.';
COMMENT ON AGGREGATE @extschema@.period_series_agg(anyelement, timestamptz, numeric, text, text) IS
    'Customer activity per calendar period in the given time zone, straight from order rows '
    '(one step). Read with periods().';
COMMENT ON AGGREGATE @extschema@.mrr_series_agg(anyelement, timestamptz, numeric, text) IS
    'MRR movements per calendar period straight from a customer x period MRR table (one step; '
    'session TimeZone): MRR of a customer in a period is the sum of its rows there, 0 without '
    'rows. Read with periods(). '
    'The session TimeZone at aggregation decides the periods and is recorded in the '
    'summary: on CDNOW, January 1997 has 7,846 new customers under UTC and 7,942 under '
    'America/Los_Angeles; pass time_zone to fix the calendar.';
COMMENT ON AGGREGATE @extschema@.mrr_series_agg(anyelement, timestamptz, numeric, text, text) IS
    'MRR movements per calendar period in the given time zone, straight from a customer x '
    'period MRR table (one step). Read with periods().';

CREATE FUNCTION @extschema@.periods(summary @extschema@.period_series, confidence double precision DEFAULT 0.95,
    OUT period_start timestamptz, OUT period_end timestamptz,
    OUT customers_start bigint, OUT new_customers bigint, OUT retained bigint, OUT reactivated bigint,
    OUT churned bigint, OUT customers_end bigint,
    OUT retention_rate double precision, OUT churn_rate double precision, OUT crr double precision,
    OUT returning_customer_rate double precision, OUT retention_lower double precision, OUT retention_upper double precision,
    OUT orders bigint, OUT revenue numeric, OUT avg_order_value numeric, OUT orders_per_customer double precision,
    OUT revenue_per_customer numeric, OUT date date)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'period_series_dated_rows' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 24;
COMMENT ON FUNCTION @extschema@.periods(@extschema@.period_series, double precision) IS
    'One row per period from the first to the last with an order: customers at start (active '
    'the period before), new, retained, reactivated, churned, at end (active); retention_rate '
    '= retained / start, churn_rate = churned / start, crr = (end - new) / start (counts '
    'reactivations as retained, so it can exceed 1), returning_customer_rate = (retained + '
    'reactivated) / end, the Wilson interval of retention_rate at the given confidence, '
    'orders, revenue, avg_order_value, orders and revenue per active customer. '
    'date is the period''s first day in the summary''s own time zone, a label that, unlike '
    'period_start, does not move with the session TimeZone.';
CREATE FUNCTION @extschema@.periods(summary @extschema@.mrr_series,
    OUT period_start timestamptz, OUT period_end timestamptz,
    OUT mrr_start numeric, OUT new_mrr numeric, OUT reactivation_mrr numeric, OUT expansion_mrr numeric,
    OUT contraction_mrr numeric, OUT churned_mrr numeric, OUT mrr_end numeric,
    OUT customers_start bigint, OUT new_customers bigint, OUT reactivated_customers bigint,
    OUT expanded_customers bigint, OUT contracted_customers bigint, OUT churned_customers bigint, OUT customers_end bigint,
    OUT revenue_churn double precision, OUT gross_mrr_churn double precision, OUT net_mrr_churn double precision,
    OUT gross_revenue_retention double precision, OUT net_revenue_retention double precision, OUT quick_ratio double precision,
    OUT date date)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'mrr_series_dated_rows' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 24;
COMMENT ON FUNCTION @extschema@.periods(@extschema@.mrr_series) IS
    'One row per period from the first to the last with MRR: MRR at start and end, new (first '
    'MRR ever), reactivation (MRR again after a gap), expansion, contraction and churned MRR, '
    'the customers of each kind, and the rates of mrr_summary with quick_ratio = (new + '
    'reactivation + expansion) / (churned + contraction). '
    'date is the period''s first day in the summary''s own time zone, a label that, unlike '
    'period_start, does not move with the session TimeZone.';

-- Float amounts (issue 16): the float_amount overloads (history.sql) ---------------------
CREATE AGGREGATE @extschema@.period_series_agg(customer_id anyelement, ordered_at timestamptz, amount @extschema@.float_amount, granularity text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.series_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.period_series_agg(anyelement, timestamptz, @extschema@.float_amount, text) IS
    'period_series_agg(customer_id, ordered_at, amount, granularity) for double precision and '
    'real amounts (same as the numeric form): double precision and real amounts are taken as '
    'their shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';
CREATE AGGREGATE @extschema@.period_series_agg(customer_id anyelement, ordered_at timestamptz, amount @extschema@.float_amount, granularity text, time_zone text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.series_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.period_series_agg(anyelement, timestamptz, @extschema@.float_amount, text, text) IS
    'period_series_agg(customer_id, ordered_at, amount, granularity, time_zone) for double '
    'precision and real amounts (same as the numeric form): double precision and real amounts '
    'are taken as their shortest decimal (amount::text::numeric); NaN and infinities are '
    'error 22023.';
CREATE AGGREGATE @extschema@.mrr_series_agg(customer_id anyelement, period timestamptz, mrr @extschema@.float_amount, granularity text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.mrr_series_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.mrr_series_agg(anyelement, timestamptz, @extschema@.float_amount, text) IS
    'mrr_series_agg(customer_id, period, mrr, granularity) for double precision and real '
    'amounts (same as the numeric form): double precision and real amounts are taken as their '
    'shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';
CREATE AGGREGATE @extschema@.mrr_series_agg(customer_id anyelement, period timestamptz, mrr @extschema@.float_amount, granularity text, time_zone text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.mrr_series_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.mrr_series_agg(anyelement, timestamptz, @extschema@.float_amount, text, text) IS
    'mrr_series_agg(customer_id, period, mrr, granularity, time_zone) for double precision '
    'and real amounts (same as the numeric form): double precision and real amounts are taken '
    'as their shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';

-- Daily activity with rolling windows (issue 19 item 2): activity_series, DAU, WAU, MAU ----
CREATE TYPE @extschema@.activity_series;
CREATE FUNCTION @extschema@.activity_series_in(cstring) RETURNS @extschema@.activity_series
AS 'MODULE_PATHNAME', 'activity_series_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.activity_series_out(@extschema@.activity_series) RETURNS cstring
AS 'MODULE_PATHNAME', 'activity_series_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.activity_series_recv(internal) RETURNS @extschema@.activity_series
AS 'MODULE_PATHNAME', 'activity_series_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.activity_series_send(@extschema@.activity_series) RETURNS bytea
AS 'MODULE_PATHNAME', 'activity_series_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.activity_series (
    INPUT = @extschema@.activity_series_in, OUTPUT = @extschema@.activity_series_out,
    RECEIVE = @extschema@.activity_series_recv, SEND = @extschema@.activity_series_send,
    INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended
);
COMMENT ON TYPE @extschema@.activity_series IS
    'Active customers per day in one time zone, with the rolling 7- and 28-day windows: DAU, '
    'WAU, MAU and DAU/MAU stickiness. Built by activity_series_agg(...); one row per day with '
    'periods(); summaries of disjoint customer sets merge with combine().';
COMMENT ON FUNCTION @extschema@.activity_series_in(cstring) IS
    'Text input of activity_series; error 22P02 on malformed or inconsistent text.';
COMMENT ON FUNCTION @extschema@.activity_series_out(@extschema@.activity_series) IS
    'Text output of activity_series: time zone, first day, and per day the active customers and '
    'the 7- and 28-day spans that start and end there.';
COMMENT ON FUNCTION @extschema@.activity_series_recv(internal) IS
    'Binary input of activity_series; error 22P03 on malformed bytes.';
COMMENT ON FUNCTION @extschema@.activity_series_send(@extschema@.activity_series) IS
    'Binary output of activity_series: version, kind, then 64-bit words in network byte order.';
CREATE FUNCTION @extschema@.activity_series_combine(@extschema@.activity_series, @extschema@.activity_series) RETURNS @extschema@.activity_series
AS 'MODULE_PATHNAME', 'activity_series_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.activity_series_final(@extschema@.activity_series) RETURNS @extschema@.activity_series
AS 'MODULE_PATHNAME', 'activity_series_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.activity_series_combine(@extschema@.activity_series, @extschema@.activity_series) IS
    'Add two activity series of disjoint sets of customers day by day (exact; error 22023 when '
    'the time zones differ).';
COMMENT ON FUNCTION @extschema@.activity_series_final(@extschema@.activity_series) IS
    'Final function of activity_series aggregates: drops the spare capacity of the running state.';
CREATE AGGREGATE @extschema@.combine(@extschema@.activity_series) (
    SFUNC = @extschema@.activity_series_combine, STYPE = @extschema@.activity_series,
    FINALFUNC = @extschema@.activity_series_final, COMBINEFUNC = @extschema@.activity_series_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.activity_series) IS
    'Merge activity series of disjoint customer sets with the same time zone (a customer in two '
    'of them would be counted twice). NULLs skipped; no rows gives NULL.';

CREATE FUNCTION @extschema@.activity_series_history_trans(@extschema@.activity_series, @extschema@.customer_history) RETURNS @extschema@.activity_series
AS 'MODULE_PATHNAME', 'activity_series_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.activity_series_history_trans(@extschema@.activity_series, @extschema@.customer_history, text) RETURNS @extschema@.activity_series
AS 'MODULE_PATHNAME', 'activity_series_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.activity_series_history_trans(@extschema@.activity_series, @extschema@.customer_history) IS
    'Transition function of activity_series_agg(customer_history): adds one customer''s active '
    'days, days in the session time zone.';
COMMENT ON FUNCTION @extschema@.activity_series_history_trans(@extschema@.activity_series, @extschema@.customer_history, text) IS
    'Transition function of activity_series_agg(customer_history, time_zone): adds one '
    'customer''s active days.';
CREATE AGGREGATE @extschema@.activity_series_agg(h @extschema@.customer_history) (
    SFUNC = @extschema@.activity_series_history_trans, STYPE = @extschema@.activity_series,
    FINALFUNC = @extschema@.activity_series_final, COMBINEFUNC = @extschema@.activity_series_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.activity_series_agg(h @extschema@.customer_history, time_zone text) (
    SFUNC = @extschema@.activity_series_history_trans, STYPE = @extschema@.activity_series,
    FINALFUNC = @extschema@.activity_series_final, COMBINEFUNC = @extschema@.activity_series_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.activity_series_agg(@extschema@.customer_history) IS
    'Active customers per day from customer histories, with the rolling 7- and 28-day windows '
    '(DAU, WAU, MAU; days as date_trunc(''day'', ordered_at) in the session TimeZone, which the '
    'summary records). Read with periods(). NULL histories skipped; no rows gives NULL; error '
    '54000 beyond 100000 days.';
COMMENT ON AGGREGATE @extschema@.activity_series_agg(@extschema@.customer_history, text) IS
    'Active customers per day in the given time zone, with the rolling 7- and 28-day windows, '
    'from customer histories. Read with periods().';

CREATE FUNCTION @extschema@.orders_by_id_days_trans(internal, anyelement, timestamptz) RETURNS internal
AS 'MODULE_PATHNAME', 'orders_by_id_days_trans' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.orders_by_id_days_trans(internal, anyelement, timestamptz, text) RETURNS internal
AS 'MODULE_PATHNAME', 'orders_by_id_days_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.orders_by_id_days_trans(internal, anyelement, timestamptz) IS
    'Transition function of activity_series_agg from order rows (session time zone): keeps each '
    'customer''s active days.';
COMMENT ON FUNCTION @extschema@.orders_by_id_days_trans(internal, anyelement, timestamptz, text) IS
    'Transition function of activity_series_agg from order rows, in the given time zone.';
CREATE FUNCTION @extschema@.activity_series_by_id_final(internal) RETURNS @extschema@.activity_series
AS 'MODULE_PATHNAME', 'activity_series_by_id_final' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.activity_series_by_id_final(internal) IS
    'Final function of activity_series_agg(customer_id, ...).';
CREATE AGGREGATE @extschema@.activity_series_agg(customer_id anyelement, ordered_at timestamptz) (
    SFUNC = @extschema@.orders_by_id_days_trans, STYPE = internal, FINALFUNC = @extschema@.activity_series_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.activity_series_agg(customer_id anyelement, ordered_at timestamptz, time_zone text) (
    SFUNC = @extschema@.orders_by_id_days_trans, STYPE = internal, FINALFUNC = @extschema@.activity_series_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.activity_series_agg(anyelement, timestamptz) IS
    'Active customers per day straight from order or event rows (one step; days in the session '
    'TimeZone, which the summary records), with the rolling 7- and 28-day windows: DAU, WAU, '
    'MAU. Read with periods(). Same numbers as activity_series_agg(customer_history). Rows with '
    'a NULL customer_id or ordered_at are skipped.';
COMMENT ON AGGREGATE @extschema@.activity_series_agg(anyelement, timestamptz, text) IS
    'Active customers per day in the given time zone straight from order or event rows (one '
    'step), with the rolling 7- and 28-day windows. Read with periods().';

CREATE FUNCTION @extschema@.periods(summary @extschema@.activity_series,
    OUT period_start timestamptz, OUT period_end timestamptz,
    OUT dau bigint, OUT wau bigint, OUT mau bigint,
    OUT dau_mau double precision, OUT dau_wau double precision, OUT wau_mau double precision,
    OUT date date)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'activity_series_rows' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 366;
COMMENT ON FUNCTION @extschema@.periods(@extschema@.activity_series) IS
    'One row per day from the first to the last with an active customer: dau (active that '
    'day), wau and mau (active on at least one of the 7 / 28 days ending that day), dau_mau '
    '(stickiness), dau_wau and wau_mau (NULL when the divisor is 0). date is the day in the '
    'summary''s own time zone, a label that, unlike period_start, does not move with the '
    'session TimeZone.';
