-- Cohort retention analytics (docs/cohorts.md): cohort x period tables with "on", "on or
-- after" and bracket retention, revenue retention and LTV curves, first-time and recurring
-- cohorts, matured-cohort curves. Calendar functions are STABLE (date_trunc with a zone
-- is); the rest IMMUTABLE; every aggregate is PARALLEL SAFE (its combine function is exact).

CREATE TYPE @extschema@.cohort_summary;
CREATE FUNCTION @extschema@.cohort_summary_in(cstring) RETURNS @extschema@.cohort_summary
AS 'MODULE_PATHNAME', 'cohort_summary_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cohort_summary_out(@extschema@.cohort_summary) RETURNS cstring
AS 'MODULE_PATHNAME', 'cohort_summary_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cohort_summary_recv(internal) RETURNS @extschema@.cohort_summary
AS 'MODULE_PATHNAME', 'cohort_summary_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cohort_summary_send(@extschema@.cohort_summary) RETURNS bytea
AS 'MODULE_PATHNAME', 'cohort_summary_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.cohort_summary (
    INPUT = @extschema@.cohort_summary_in, OUTPUT = @extschema@.cohort_summary_out,
    RECEIVE = @extschema@.cohort_summary_recv, SEND = @extschema@.cohort_summary_send,
    INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended
);
COMMENT ON TYPE @extschema@.cohort_summary IS
    'Cohort x period grid (first-time or recurring cohorts of one calendar): per cell the '
    'customers active, their orders and revenue, and the customers whose last order falls '
    'there; optional bracket counts. Built by cohort_agg(...) or recurring_cohort_agg(...); '
    'read with cohort_table(), retention_curve(), bracket_retention().';
COMMENT ON FUNCTION @extschema@.cohort_summary_in(cstring) IS
    'Text input of cohort_summary; error 22P02 on malformed or inconsistent text.';
COMMENT ON FUNCTION @extschema@.cohort_summary_out(@extschema@.cohort_summary) IS
    'Text output of cohort_summary: calendar, kind, first period, brackets and one row-major '
    'list per counter.';
COMMENT ON FUNCTION @extschema@.cohort_summary_recv(internal) IS
    'Binary input of cohort_summary; error 22P03 on malformed bytes.';
COMMENT ON FUNCTION @extschema@.cohort_summary_send(@extschema@.cohort_summary) IS
    'Binary output of cohort_summary: version, kind, then 64-bit words in network byte order.';
CREATE FUNCTION @extschema@.cohort_summary_combine(@extschema@.cohort_summary, @extschema@.cohort_summary) RETURNS @extschema@.cohort_summary
AS 'MODULE_PATHNAME', 'cohort_summary_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cohort_summary_final(@extschema@.cohort_summary) RETURNS @extschema@.cohort_summary
AS 'MODULE_PATHNAME', 'cohort_summary_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_summary_combine(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'Add two cohort summaries of disjoint sets of customers cell by cell (exact; error 22023 '
    'when calendar, kind or brackets differ).';
COMMENT ON FUNCTION @extschema@.cohort_summary_final(@extschema@.cohort_summary) IS
    'Final function of cohort aggregates: drops the spare capacity of the running grid.';
CREATE AGGREGATE @extschema@.rollup(@extschema@.cohort_summary) (
    SFUNC = @extschema@.cohort_summary_combine, STYPE = @extschema@.cohort_summary,
    FINALFUNC = @extschema@.cohort_summary_final, COMBINEFUNC = @extschema@.cohort_summary_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.cohort_summary) IS
    'The original name of combine(cohort_summary), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.cohort_summary) (
    SFUNC = @extschema@.cohort_summary_combine, STYPE = @extschema@.cohort_summary,
    FINALFUNC = @extschema@.cohort_summary_final, COMBINEFUNC = @extschema@.cohort_summary_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.cohort_summary) IS
    'Merge cohort summaries of disjoint customer sets (segments, shards, partitions) with the '
    'same calendar, kind and brackets. NULLs skipped; no rows gives NULL.';

CREATE FUNCTION @extschema@.cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, text) RETURNS @extschema@.cohort_summary
AS 'MODULE_PATHNAME', 'cohort_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, text, text) RETURNS @extschema@.cohort_summary
AS 'MODULE_PATHNAME', 'cohort_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, text, integer[]) RETURNS @extschema@.cohort_summary
AS 'MODULE_PATHNAME', 'cohort_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, text, text, integer[]) RETURNS @extschema@.cohort_summary
AS 'MODULE_PATHNAME', 'cohort_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.recurring_cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, text) RETURNS @extschema@.cohort_summary
AS 'MODULE_PATHNAME', 'recurring_cohort_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.recurring_cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, text, text) RETURNS @extschema@.cohort_summary
AS 'MODULE_PATHNAME', 'recurring_cohort_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.recurring_cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, text, integer[]) RETURNS @extschema@.cohort_summary
AS 'MODULE_PATHNAME', 'recurring_cohort_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.recurring_cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, text, text, integer[]) RETURNS @extschema@.cohort_summary
AS 'MODULE_PATHNAME', 'recurring_cohort_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, text) IS
    'Transition function of cohort_agg(h, granularity): adds one customer to the cohort of its '
    'first period (session time zone).';
COMMENT ON FUNCTION @extschema@.cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, text, text) IS
    'Transition function of cohort_agg(h, granularity, time_zone).';
COMMENT ON FUNCTION @extschema@.cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, text, integer[]) IS
    'Transition function of cohort_agg(h, granularity, brackets).';
COMMENT ON FUNCTION @extschema@.cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, text, text, integer[]) IS
    'Transition function of cohort_agg(h, granularity, time_zone, brackets).';
COMMENT ON FUNCTION @extschema@.recurring_cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, text) IS
    'Transition function of recurring_cohort_agg(h, granularity): adds one customer to the '
    'cohort of every period it ordered in.';
COMMENT ON FUNCTION @extschema@.recurring_cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, text, text) IS
    'Transition function of recurring_cohort_agg(h, granularity, time_zone).';
COMMENT ON FUNCTION @extschema@.recurring_cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, text, integer[]) IS
    'Transition function of recurring_cohort_agg(h, granularity, brackets).';
COMMENT ON FUNCTION @extschema@.recurring_cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, text, text, integer[]) IS
    'Transition function of recurring_cohort_agg(h, granularity, time_zone, brackets).';
CREATE AGGREGATE @extschema@.cohort_agg(h @extschema@.customer_history, granularity text) (
    SFUNC = @extschema@.cohort_history_trans, STYPE = @extschema@.cohort_summary,
    FINALFUNC = @extschema@.cohort_summary_final, COMBINEFUNC = @extschema@.cohort_summary_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.cohort_agg(h @extschema@.customer_history, granularity text, time_zone text) (
    SFUNC = @extschema@.cohort_history_trans, STYPE = @extschema@.cohort_summary,
    FINALFUNC = @extschema@.cohort_summary_final, COMBINEFUNC = @extschema@.cohort_summary_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.cohort_agg(h @extschema@.customer_history, granularity text, brackets integer[]) (
    SFUNC = @extschema@.cohort_history_trans, STYPE = @extschema@.cohort_summary,
    FINALFUNC = @extschema@.cohort_summary_final, COMBINEFUNC = @extschema@.cohort_summary_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.cohort_agg(h @extschema@.customer_history, granularity text, time_zone text, brackets integer[]) (
    SFUNC = @extschema@.cohort_history_trans, STYPE = @extschema@.cohort_summary,
    FINALFUNC = @extschema@.cohort_summary_final, COMBINEFUNC = @extschema@.cohort_summary_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.recurring_cohort_agg(h @extschema@.customer_history, granularity text) (
    SFUNC = @extschema@.recurring_cohort_history_trans, STYPE = @extschema@.cohort_summary,
    FINALFUNC = @extschema@.cohort_summary_final, COMBINEFUNC = @extschema@.cohort_summary_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.recurring_cohort_agg(h @extschema@.customer_history, granularity text, time_zone text) (
    SFUNC = @extschema@.recurring_cohort_history_trans, STYPE = @extschema@.cohort_summary,
    FINALFUNC = @extschema@.cohort_summary_final, COMBINEFUNC = @extschema@.cohort_summary_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.recurring_cohort_agg(h @extschema@.customer_history, granularity text, brackets integer[]) (
    SFUNC = @extschema@.recurring_cohort_history_trans, STYPE = @extschema@.cohort_summary,
    FINALFUNC = @extschema@.cohort_summary_final, COMBINEFUNC = @extschema@.cohort_summary_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.recurring_cohort_agg(h @extschema@.customer_history, granularity text, time_zone text, brackets integer[]) (
    SFUNC = @extschema@.recurring_cohort_history_trans, STYPE = @extschema@.cohort_summary,
    FINALFUNC = @extschema@.cohort_summary_final, COMBINEFUNC = @extschema@.cohort_summary_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.cohort_agg(@extschema@.customer_history, text) IS
    'First-time cohorts: each customer in the cohort of the calendar period (granularity day, '
    'week, month, quarter or year; session TimeZone) of its first order, counted in every '
    'later period it ordered in. Read with cohort_table(), retention_curve(). NULL histories '
    'skipped; no rows gives NULL; error 54000 beyond 2,000,000 cells. '
    'The session TimeZone at aggregation decides the periods and is recorded in the '
    'summary: on CDNOW, January 1997 has 7,846 new customers under UTC and 7,942 under '
    'America/Los_Angeles; pass time_zone to fix the calendar.';
COMMENT ON AGGREGATE @extschema@.cohort_agg(@extschema@.customer_history, text, text) IS
    'First-time cohorts in the given time zone. Read with cohort_table(), retention_curve().';
COMMENT ON AGGREGATE @extschema@.cohort_agg(@extschema@.customer_history, text, integer[]) IS
    'First-time cohorts with bracket counts: brackets are increasing offsets b1 < b2 < ..., '
    'bracket j the periods [bj, bj+1) after the cohort''s own; read with bracket_retention(). '
    'The session TimeZone at aggregation decides the periods and is recorded in the '
    'summary: on CDNOW, January 1997 has 7,846 new customers under UTC and 7,942 under '
    'America/Los_Angeles; pass time_zone to fix the calendar.';
COMMENT ON AGGREGATE @extschema@.cohort_agg(@extschema@.customer_history, text, text, integer[]) IS
    'First-time cohorts in the given time zone with bracket counts; read with '
    'bracket_retention().';
COMMENT ON AGGREGATE @extschema@.recurring_cohort_agg(@extschema@.customer_history, text) IS
    'Recurring cohorts: every period with an order starts a cohort of the customer (so a '
    'customer is in several cohorts), counted in every later period it ordered in. Read with '
    'cohort_table(), retention_curve(). '
    'The session TimeZone at aggregation decides the periods and is recorded in the '
    'summary: on CDNOW, January 1997 has 7,846 new customers under UTC and 7,942 under '
    'America/Los_Angeles; pass time_zone to fix the calendar.';
COMMENT ON AGGREGATE @extschema@.recurring_cohort_agg(@extschema@.customer_history, text, text) IS
    'Recurring cohorts in the given time zone.';
COMMENT ON AGGREGATE @extschema@.recurring_cohort_agg(@extschema@.customer_history, text, integer[]) IS
    'Recurring cohorts with bracket counts; read with bracket_retention(). '
    'The session TimeZone at aggregation decides the periods and is recorded in the '
    'summary: on CDNOW, January 1997 has 7,846 new customers under UTC and 7,942 under '
    'America/Los_Angeles; pass time_zone to fix the calendar.';
COMMENT ON AGGREGATE @extschema@.recurring_cohort_agg(@extschema@.customer_history, text, text, integer[]) IS
    'Recurring cohorts in the given time zone with bracket counts.';

CREATE FUNCTION @extschema@.cohort_by_id_final(internal) RETURNS @extschema@.cohort_summary
AS 'MODULE_PATHNAME', 'cohort_by_id_final' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.recurring_cohort_by_id_final(internal) RETURNS @extschema@.cohort_summary
AS 'MODULE_PATHNAME', 'recurring_cohort_by_id_final' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_by_id_final(internal) IS
    'Final function of cohort_agg(customer_id, ...).';
COMMENT ON FUNCTION @extschema@.recurring_cohort_by_id_final(internal) IS
    'Final function of recurring_cohort_agg(customer_id, ...).';
CREATE AGGREGATE @extschema@.cohort_agg(customer_id anyelement, ordered_at timestamptz, amount numeric, granularity text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.cohort_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.cohort_agg(customer_id anyelement, ordered_at timestamptz, amount numeric, granularity text, time_zone text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.cohort_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.recurring_cohort_agg(customer_id anyelement, ordered_at timestamptz, amount numeric, granularity text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.recurring_cohort_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.recurring_cohort_agg(customer_id anyelement, ordered_at timestamptz, amount numeric, granularity text, time_zone text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.recurring_cohort_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.cohort_agg(anyelement, timestamptz, numeric, text) IS
    'First-time cohorts straight from order rows (one step; logs every order, 32 bytes each). '
    'Same numbers as cohort_agg(customer_history, granularity). '
    'The session TimeZone at aggregation decides the periods and is recorded in the '
    'summary: on CDNOW, January 1997 has 7,846 new customers under UTC and 7,942 under '
    'America/Los_Angeles; pass time_zone to fix the calendar.';
COMMENT ON AGGREGATE @extschema@.cohort_agg(anyelement, timestamptz, numeric, text, text) IS
    'First-time cohorts in the given time zone, straight from order rows (one step).';
COMMENT ON AGGREGATE @extschema@.recurring_cohort_agg(anyelement, timestamptz, numeric, text) IS
    'Recurring cohorts straight from order rows (one step). Same numbers as '
    'recurring_cohort_agg(customer_history, granularity). '
    'The session TimeZone at aggregation decides the periods and is recorded in the '
    'summary: on CDNOW, January 1997 has 7,846 new customers under UTC and 7,942 under '
    'America/Los_Angeles; pass time_zone to fix the calendar.';
COMMENT ON AGGREGATE @extschema@.recurring_cohort_agg(anyelement, timestamptz, numeric, text, text) IS
    'Recurring cohorts in the given time zone, straight from order rows (one step).';

CREATE FUNCTION @extschema@.cohort_table(summary @extschema@.cohort_summary, as_of timestamptz DEFAULT now(), confidence double precision DEFAULT 0.95,
    OUT cohort_start timestamptz, OUT period_offset integer, OUT period_start timestamptz, OUT period_end timestamptz,
    OUT cohort_size bigint, OUT active bigint, OUT retention double precision,
    OUT retention_lower double precision, OUT retention_upper double precision,
    OUT active_on_or_after bigint, OUT retention_on_or_after double precision,
    OUT orders bigint, OUT revenue numeric, OUT revenue_retention double precision,
    OUT cumulative_revenue_per_customer numeric, OUT matured boolean, OUT cohort_date date, OUT date date)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'cohort_table_dated_rows' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 100;
COMMENT ON FUNCTION @extschema@.cohort_table(@extschema@.cohort_summary, timestamptz, double precision) IS
    'One row per cohort and period from the cohort''s own (offset 0) to the last period with '
    'an order: cohort size, customers active ("on" retention = active / size, with its Wilson '
    'interval), active in that period or later ("on or after", unbounded retention), orders, '
    'revenue, revenue retention (revenue / the cohort''s offset-0 revenue), cumulative revenue '
    'per customer (the LTV curve), and matured: whether the period had ended by as_of (default '
    'now()). cohort_date and date are the first days of the cohort''s and the row''s period '
    'in the summary''s own time zone, labels that, unlike cohort_start and period_start, do '
    'not move with the session TimeZone.';
CREATE FUNCTION @extschema@.retention_curve(summary @extschema@.cohort_summary, mode text DEFAULT 'on', as_of timestamptz DEFAULT now(), confidence double precision DEFAULT 0.95,
    OUT period_offset integer, OUT cohorts bigint, OUT customers bigint, OUT active bigint,
    OUT retention double precision, OUT retention_lower double precision, OUT retention_upper double precision)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'retention_curve_rows' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 24;
COMMENT ON FUNCTION @extschema@.retention_curve(@extschema@.cohort_summary, text, timestamptz, double precision) IS
    'The weighted average retention curve: for each offset N, over the cohorts whose period N '
    'had ended by as_of (matured cohorts, Amplitude''s rule), the customers active at N (mode '
    '''on'') or at N or later (mode ''on or after'') over the sum of those cohorts'' sizes, '
    'with a Wilson interval of the pooled proportion. Error 22023 for another mode.';
CREATE FUNCTION @extschema@.bracket_retention(summary @extschema@.cohort_summary, confidence double precision DEFAULT 0.95,
    OUT cohort_start timestamptz, OUT bracket integer, OUT from_offset integer, OUT to_offset integer,
    OUT cohort_size bigint, OUT active bigint, OUT retention double precision,
    OUT retention_lower double precision, OUT retention_upper double precision, OUT cohort_date date)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'bracket_retention_dated_rows' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 24;
COMMENT ON FUNCTION @extschema@.bracket_retention(@extschema@.cohort_summary, double precision) IS
    'One row per cohort and bracket of a summary built with brackets: customers active in any '
    'period of [from_offset, to_offset) after the cohort''s own, over the cohort size, with '
    'its Wilson interval. No rows for a summary built without brackets. cohort_date is the '
    'first day of the cohort''s period in the summary''s own time zone (unlike cohort_start, '
    'it does not move with the session TimeZone).';
CREATE FUNCTION @extschema@.is_recurring(@extschema@.cohort_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'cohort_summary_is_recurring' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.is_recurring(@extschema@.cohort_summary) IS
    'Whether the summary holds recurring cohorts (recurring_cohort_agg) rather than first-time '
    'ones.';

-- Float amounts (issue 16): the float_amount overloads (history.sql) ---------------------
CREATE AGGREGATE @extschema@.cohort_agg(customer_id anyelement, ordered_at timestamptz, amount @extschema@.float_amount, granularity text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.cohort_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.cohort_agg(anyelement, timestamptz, @extschema@.float_amount, text) IS
    'cohort_agg(customer_id, ordered_at, amount, granularity) for double precision and real '
    'amounts (same as the numeric form): double precision and real amounts are taken as their '
    'shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';
CREATE AGGREGATE @extschema@.cohort_agg(customer_id anyelement, ordered_at timestamptz, amount @extschema@.float_amount, granularity text, time_zone text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.cohort_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.cohort_agg(anyelement, timestamptz, @extschema@.float_amount, text, text) IS
    'cohort_agg(customer_id, ordered_at, amount, granularity, time_zone) for double precision '
    'and real amounts (same as the numeric form): double precision and real amounts are taken '
    'as their shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';
CREATE AGGREGATE @extschema@.recurring_cohort_agg(customer_id anyelement, ordered_at timestamptz, amount @extschema@.float_amount, granularity text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.recurring_cohort_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.recurring_cohort_agg(anyelement, timestamptz, @extschema@.float_amount, text) IS
    'recurring_cohort_agg(customer_id, ordered_at, amount, granularity) for double precision '
    'and real amounts (same as the numeric form): double precision and real amounts are taken '
    'as their shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';
CREATE AGGREGATE @extschema@.recurring_cohort_agg(customer_id anyelement, ordered_at timestamptz, amount @extschema@.float_amount, granularity text, time_zone text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.recurring_cohort_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.recurring_cohort_agg(anyelement, timestamptz, @extschema@.float_amount, text, text) IS
    'recurring_cohort_agg(customer_id, ordered_at, amount, granularity, time_zone) for double '
    'precision and real amounts (same as the numeric form): double precision and real amounts '
    'are taken as their shortest decimal (amount::text::numeric); NaN and infinities are '
    'error 22023.';

-- Cohorts by acquisition date (issue 19 item 4): the cohort of a customer's sign-up, first
-- visit or campaign rather than of its first order.
CREATE FUNCTION @extschema@.acquisition_cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, timestamptz, text) RETURNS @extschema@.cohort_summary
AS 'MODULE_PATHNAME', 'acquisition_cohort_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.acquisition_cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, timestamptz, text, text) RETURNS @extschema@.cohort_summary
AS 'MODULE_PATHNAME', 'acquisition_cohort_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.acquisition_cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, timestamptz, text) IS
    'Transition function of acquisition_cohort_agg(h, acquired_at, granularity): adds one '
    'customer to the cohort of its acquisition, periods in the session time zone.';
COMMENT ON FUNCTION @extschema@.acquisition_cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, timestamptz, text, text) IS
    'Transition function of acquisition_cohort_agg(h, acquired_at, granularity, time_zone): adds '
    'one customer to the cohort of its acquisition.';
CREATE AGGREGATE @extschema@.acquisition_cohort_agg(h @extschema@.customer_history, acquired_at timestamptz, granularity text) (
    SFUNC = @extschema@.acquisition_cohort_history_trans, STYPE = @extschema@.cohort_summary,
    FINALFUNC = @extschema@.cohort_summary_final, COMBINEFUNC = @extschema@.cohort_summary_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.acquisition_cohort_agg(h @extschema@.customer_history, acquired_at timestamptz, granularity text, time_zone text) (
    SFUNC = @extschema@.acquisition_cohort_history_trans, STYPE = @extschema@.cohort_summary,
    FINALFUNC = @extschema@.cohort_summary_final, COMBINEFUNC = @extschema@.cohort_summary_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.acquisition_cohort_agg(@extschema@.customer_history, timestamptz, text) IS
    'First-time cohorts by acquisition date (sign-up, first visit, campaign) instead of first '
    'order: a customer joins the cohort of the period of acquired_at (session TimeZone), is '
    'active there whether or not it ordered, and its orders before acquired_at are not counted '
    '(pass least(acquired_at, first_order_at(h)) to keep them). A NULL history (a customer who '
    'never ordered, from a LEFT JOIN) counts in its cohort without orders; a NULL acquired_at '
    'skips the row; no rows gives NULL. A cohort_summary: read with cohort_table(), '
    'retention_curve().';
COMMENT ON AGGREGATE @extschema@.acquisition_cohort_agg(@extschema@.customer_history, timestamptz, text, text) IS
    'acquisition_cohort_agg(h, acquired_at, granularity) with periods in the given time zone.';
