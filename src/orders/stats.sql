-- Population figures (docs/orders.md): the customer_stats type, customer_stats_agg over
-- histories and from order rows, the one-step repeat_purchase_rate and gap aggregates, and
-- the read-outs (repeat purchase, orders, revenue, profit, gaps, historic CLV). IMMUTABLE;
-- every aggregate is PARALLEL SAFE.

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
COMMENT ON TYPE @extschema@.customer_stats IS
    'Population figures of a set of customers: customers, repeat customers, orders, exact '
    'revenue, items, cost, lifespans and the histogram of gaps between consecutive orders. '
    'Built by customer_stats_agg(...); read with repeat_purchase_rate(), avg_order_value(), '
    'avg_time_between_purchases(), median_time_between_purchases(), historic_clv() and others.';
COMMENT ON FUNCTION @extschema@.customer_stats_in(cstring) IS
    'Text input of customer_stats; error 22P02 on malformed or inconsistent text.';
COMMENT ON FUNCTION @extschema@.customer_stats_out(@extschema@.customer_stats) IS
    'Text output of customer_stats: its versioned text form.';
COMMENT ON FUNCTION @extschema@.customer_stats_recv(internal) IS
    'Binary input of customer_stats; error 22P03 on malformed bytes.';
COMMENT ON FUNCTION @extschema@.customer_stats_send(@extschema@.customer_stats) IS
    'Binary output of customer_stats: version, kind, then 64-bit words in network byte order.';
CREATE FUNCTION @extschema@.customer_stats_combine(@extschema@.customer_stats, @extschema@.customer_stats) RETURNS @extschema@.customer_stats
AS 'MODULE_PATHNAME', 'customer_stats_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.customer_stats_final(@extschema@.customer_stats) RETURNS @extschema@.customer_stats
AS 'MODULE_PATHNAME', 'customer_stats_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_combine(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'Add two customer_stats of disjoint sets of customers (exact): the combine function of '
    'customer_stats_agg and the transition of rollup().';
COMMENT ON FUNCTION @extschema@.customer_stats_final(@extschema@.customer_stats) IS
    'Final function of customer_stats aggregates: drops the spare capacity of the running '
    'state.';
CREATE AGGREGATE @extschema@.rollup(@extschema@.customer_stats) (
    SFUNC = @extschema@.customer_stats_combine, STYPE = @extschema@.customer_stats,
    FINALFUNC = @extschema@.customer_stats_final, COMBINEFUNC = @extschema@.customer_stats_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.customer_stats) IS
    'The original name of combine(customer_stats), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.customer_stats) (
    SFUNC = @extschema@.customer_stats_combine, STYPE = @extschema@.customer_stats,
    FINALFUNC = @extschema@.customer_stats_final, COMBINEFUNC = @extschema@.customer_stats_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.customer_stats) IS
    'Merge customer_stats of disjoint customer sets (segments, shards, partitions). NULLs '
    'skipped; no rows gives NULL.';

CREATE FUNCTION @extschema@.customer_stats_history_trans(@extschema@.customer_stats, @extschema@.customer_history) RETURNS @extschema@.customer_stats
AS 'MODULE_PATHNAME', 'customer_stats_history_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_history_trans(@extschema@.customer_stats, @extschema@.customer_history) IS
    'Transition function of customer_stats_agg(customer_history): adds one customer.';
CREATE AGGREGATE @extschema@.customer_stats_agg(h @extschema@.customer_history) (
    SFUNC = @extschema@.customer_stats_history_trans, STYPE = @extschema@.customer_stats,
    FINALFUNC = @extschema@.customer_stats_final, COMBINEFUNC = @extschema@.customer_stats_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.customer_stats_agg(@extschema@.customer_history) IS
    'Population figures (customer_stats) of customer histories (the scalable path). NULL '
    'histories skipped; no rows gives NULL.';

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
COMMENT ON FUNCTION @extschema@.count_by_id_trans(internal, anyelement) IS
    'Transition function of repeat_purchase_rate(customer_id): counts rows per customer.';
COMMENT ON FUNCTION @extschema@.repeat_rate_by_id_final(internal) IS
    'Final function of repeat_purchase_rate(customer_id).';
COMMENT ON FUNCTION @extschema@.count_by_id_serial(internal) IS
    'Serializes a partial per-customer row count for parallel aggregation.';
COMMENT ON FUNCTION @extschema@.count_by_id_deserial(bytea, internal) IS
    'Deserializes a partial per-customer row count.';
COMMENT ON FUNCTION @extschema@.count_by_id_combine(internal, internal) IS
    'Combines two partial per-customer row counts.';
CREATE AGGREGATE @extschema@.repeat_purchase_rate(customer_id anyelement) (
    SFUNC = @extschema@.count_by_id_trans, STYPE = internal, FINALFUNC = @extschema@.repeat_rate_by_id_final,
    COMBINEFUNC = @extschema@.count_by_id_combine, SERIALFUNC = @extschema@.count_by_id_serial,
    DESERIALFUNC = @extschema@.count_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.repeat_purchase_rate(anyelement) IS
    'Repeat purchase rate: share (a fraction in [0, 1]) of the distinct customers among the '
    'rows with two or more rows (an order is a row). NULL ids skipped; no rows gives NULL.';

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
COMMENT ON FUNCTION @extschema@.span_by_id_trans(internal, anyelement, timestamptz) IS
    'Transition function of avg_time_between_purchases(customer_id, ordered_at): first and '
    'last order and order count per customer.';
COMMENT ON FUNCTION @extschema@.avg_gap_by_id_final(internal) IS
    'Final function of avg_time_between_purchases(customer_id, ordered_at).';
COMMENT ON FUNCTION @extschema@.span_by_id_serial(internal) IS
    'Serializes a partial per-customer span state for parallel aggregation.';
COMMENT ON FUNCTION @extschema@.span_by_id_deserial(bytea, internal) IS
    'Deserializes a partial per-customer span state.';
COMMENT ON FUNCTION @extschema@.span_by_id_combine(internal, internal) IS
    'Combines two partial per-customer span states.';
CREATE AGGREGATE @extschema@.avg_time_between_purchases(customer_id anyelement, ordered_at timestamptz) (
    SFUNC = @extschema@.span_by_id_trans, STYPE = internal, FINALFUNC = @extschema@.avg_gap_by_id_final,
    COMBINEFUNC = @extschema@.span_by_id_combine, SERIALFUNC = @extschema@.span_by_id_serial,
    DESERIALFUNC = @extschema@.span_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.avg_time_between_purchases(anyelement, timestamptz) IS
    'Pooled mean gap between consecutive orders of the same customer = sum over customers of '
    '(last - first) / sum of (orders - 1), as an interval. NULL when no customer has two '
    'orders.';

CREATE FUNCTION @extschema@.stats_by_id_final(internal) RETURNS @extschema@.customer_stats
AS 'MODULE_PATHNAME', 'stats_by_id_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.median_gap_by_id_final(internal) RETURNS interval
AS 'MODULE_PATHNAME', 'median_gap_by_id_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.stats_by_id_final(internal) IS
    'Final function of customer_stats_agg(customer_id, ...).';
COMMENT ON FUNCTION @extschema@.median_gap_by_id_final(internal) IS
    'Final function of median_time_between_purchases(customer_id, ordered_at).';
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
COMMENT ON AGGREGATE @extschema@.customer_stats_agg(anyelement, timestamptz) IS
    'Population figures (customer_stats) straight from order rows without amounts (one step; '
    'logs every order, 32 bytes each). Same numbers as customer_stats_agg(customer_history).';
COMMENT ON AGGREGATE @extschema@.customer_stats_agg(anyelement, timestamptz, numeric) IS
    'Population figures (customer_stats) straight from order rows with amounts (one step). '
    'Same numbers as customer_stats_agg(customer_history).';
COMMENT ON AGGREGATE @extschema@.customer_stats_agg(anyelement, timestamptz, numeric, bigint, numeric) IS
    'Population figures (customer_stats) with items and cost, straight from order rows (one '
    'step).';
COMMENT ON AGGREGATE @extschema@.median_time_between_purchases(anyelement, timestamptz) IS
    'Median gap between consecutive orders of the same customer, over all such gaps (the mean '
    'of the middle two for an even count), as an interval; exact up to 16384 distinct gap '
    'lengths, see gap_resolution(). NULL when no customer has two orders.';

CREATE FUNCTION @extschema@.customers(@extschema@.customer_stats) RETURNS bigint
AS 'MODULE_PATHNAME', 'stats_customers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.repeat_customers(@extschema@.customer_stats) RETURNS bigint
AS 'MODULE_PATHNAME', 'stats_repeat_customers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.repeat_purchase_rate(@extschema@.customer_stats) RETURNS double precision
AS 'MODULE_PATHNAME', 'stats_repeat_purchase_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.repeat_purchase_ci(summary @extschema@.customer_stats, confidence double precision DEFAULT 0.95)
RETURNS @extschema@.confidence_interval
AS 'MODULE_PATHNAME', 'stats_repeat_purchase_ci_typed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
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
COMMENT ON FUNCTION @extschema@.customers(@extschema@.customer_stats) IS
    'Number of distinct customers.';
COMMENT ON FUNCTION @extschema@.repeat_customers(@extschema@.customer_stats) IS
    'Customers with two or more orders.';
COMMENT ON FUNCTION @extschema@.repeat_purchase_rate(@extschema@.customer_stats) IS
    'repeat_customers / customers, a fraction in [0, 1].';
COMMENT ON FUNCTION @extschema@.repeat_purchase_ci(@extschema@.customer_stats, double precision) IS
    'Wilson score interval (lower, upper) of the repeat purchase rate (default confidence '
    '0.95); error 22023 unless 0 < confidence < 1.';
COMMENT ON FUNCTION @extschema@.orders(@extschema@.customer_stats) IS 'Number of orders.';
COMMENT ON FUNCTION @extschema@.orders_per_customer(@extschema@.customer_stats) IS
    'orders / customers.';
COMMENT ON FUNCTION @extschema@.revenue(@extschema@.customer_stats) IS
    'Sum of all order amounts (exact numeric); NULL when no order has an amount.';
COMMENT ON FUNCTION @extschema@.avg_order_value(@extschema@.customer_stats) IS
    'Average order value = revenue / orders with an amount (numeric, as avg(amount)); NULL '
    'when no order has an amount.';
COMMENT ON FUNCTION @extschema@.revenue_per_customer(@extschema@.customer_stats) IS
    'revenue / customers (numeric): the realised historic value per customer.';
COMMENT ON FUNCTION @extschema@.items(@extschema@.customer_stats) IS
    'Sum of items (customer_history_agg or customer_stats_agg with items); NULL when no order '
    'gives items.';
COMMENT ON FUNCTION @extschema@.cost(@extschema@.customer_stats) IS
    'Sum of costs; NULL when no order gives a cost.';
COMMENT ON FUNCTION @extschema@.profit(@extschema@.customer_stats) IS
    'revenue - cost; NULL unless every order has both an amount and a cost.';
COMMENT ON FUNCTION @extschema@.profit_per_customer(@extschema@.customer_stats) IS
    'profit / customers (numeric); NULL when profit is.';
COMMENT ON FUNCTION @extschema@.avg_time_between_purchases(@extschema@.customer_stats) IS
    'Pooled mean gap between consecutive orders = sum of (last - first) / sum of (orders - 1) '
    'over customers; NULL when no customer has two orders.';
COMMENT ON FUNCTION @extschema@.median_time_between_purchases(@extschema@.customer_stats) IS
    'Median of all gaps between consecutive orders of the same customer (mean of the middle '
    'two for an even count); exact while gap_resolution() is 1 microsecond.';
COMMENT ON FUNCTION @extschema@.gap_resolution(@extschema@.customer_stats) IS
    'Width of the gap histogram''s buckets: 00:00:00.000001 while the median gap is exact; '
    'wider (a power of two of microseconds) past 16384 distinct gap lengths, then the median '
    'is within half of it.';
COMMENT ON FUNCTION @extschema@.avg_lifespan(@extschema@.customer_stats) IS
    'Mean over customers of (last order - first order), one-order customers counting 0.';
COMMENT ON FUNCTION @extschema@.first_order_at(@extschema@.customer_stats) IS
    'Time of the earliest order of all customers.';
COMMENT ON FUNCTION @extschema@.last_order_at(@extschema@.customer_stats) IS
    'Time of the latest order of all customers.';
COMMENT ON FUNCTION @extschema@.purchase_frequency(@extschema@.customer_stats, interval) IS
    'Orders per customer per `per` (default 1 year) over the observation window (first to last '
    'order of all customers); per counts like extract(epoch): a year is 365.25 days, a month '
    '30. NULL when the window is 0.';
COMMENT ON FUNCTION @extschema@.historic_clv(@extschema@.customer_stats, interval) IS
    'Historic CLV = avg_order_value x purchase_frequency(per) x lifespan, lifespan = the '
    'observed mean lifespan (avg_lifespan) in units of per. Currency of the amounts.';
COMMENT ON FUNCTION @extschema@.historic_clv(@extschema@.customer_stats, interval, double precision) IS
    'Historic CLV = avg_order_value x purchase_frequency(per) x (1 / churn_rate), churn_rate '
    'being per `per` (a fraction in (0, 1]); error 22023 otherwise.';

-- Float amounts (issue 16): the float_amount overloads (history.sql) ---------------------
CREATE AGGREGATE @extschema@.customer_stats_agg(customer_id anyelement, ordered_at timestamptz, amount @extschema@.float_amount) (
    SFUNC = @extschema@.orders_by_id_trans, STYPE = internal, FINALFUNC = @extschema@.stats_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.customer_stats_agg(anyelement, timestamptz, @extschema@.float_amount) IS
    'customer_stats_agg(customer_id, ordered_at, amount) for double precision and real '
    'amounts (same as the numeric form): double precision and real amounts are taken as their '
    'shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';
CREATE AGGREGATE @extschema@.customer_stats_agg(customer_id anyelement, ordered_at timestamptz, amount @extschema@.float_amount, items bigint, cost @extschema@.float_amount) (
    SFUNC = @extschema@.orders_by_id_trans, STYPE = internal, FINALFUNC = @extschema@.stats_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.customer_stats_agg(anyelement, timestamptz, @extschema@.float_amount, bigint, @extschema@.float_amount) IS
    'customer_stats_agg(customer_id, ordered_at, amount, items, cost) for double precision '
    'and real amounts or costs (either may be numeric): double precision and real amounts are '
    'taken as their shortest decimal (amount::text::numeric); NaN and infinities are error '
    '22023.';
