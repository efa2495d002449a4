-- Customer histories (docs/orders.md), level 1 of the order features (DESIGN.md):
-- customer_history_agg(ordered_at, amount, ...) under GROUP BY customer_id gives one
-- customer_history per customer (a stored, versioned type); rollup merges stored histories
-- of one customer; the accessors read one customer's figures. IMMUTABLE and PARALLEL SAFE.

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
COMMENT ON TYPE @extschema@.customer_history IS
    'One customer''s orders (time and amount of each, plus item and cost totals), built by '
    'customer_history_agg(...) under GROUP BY customer_id. Stored compactly (a few bytes per '
    'order); text form (version:1,scale:2,times:[...],amounts:[...]). Input of every '
    'order-history summary (*_agg(customer_history)); merge with rollup() or '
    'customer_history_combine().';
COMMENT ON FUNCTION @extschema@.customer_history_in(cstring) IS
    'Text input of customer_history: its versioned text form; error 22P02 on malformed text.';
COMMENT ON FUNCTION @extschema@.customer_history_out(@extschema@.customer_history) IS
    'Text output of customer_history: (version:1,scale:S,times:["...+00",...],amounts:[...]) '
    'with optional items and cost totals.';
COMMENT ON FUNCTION @extschema@.customer_history_recv(internal) IS
    'Binary input of customer_history (its stored bytes, fully checked); error 22P03 on '
    'malformed bytes.';
COMMENT ON FUNCTION @extschema@.customer_history_send(@extschema@.customer_history) IS
    'Binary output of customer_history: version, flags, scale, then varint-encoded time deltas '
    'and amounts.';
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
COMMENT ON FUNCTION @extschema@.customer_history_trans(internal, timestamptz) IS
    'Transition function of customer_history_agg(ordered_at): adds one order (NULL ordered_at '
    'skipped; error 22008 for infinite or out-of-range times).';
COMMENT ON FUNCTION @extschema@.customer_history_trans(internal, timestamptz, numeric) IS
    'Transition function of customer_history_agg(ordered_at, amount): adds one order; a NULL '
    'amount is an order without an amount; error 22023 for a negative amount.';
COMMENT ON FUNCTION @extschema@.customer_history_trans(internal, timestamptz, numeric, bigint, numeric) IS
    'Transition function of customer_history_agg(ordered_at, amount, items, cost): adds one '
    'order and its items and cost (NULL: not known for this order); error 22023 for negative '
    'values.';
COMMENT ON FUNCTION @extschema@.customer_history_final(internal) IS
    'Final function of customer_history_agg and rollup(customer_history): sorts the orders and '
    'encodes the history.';
COMMENT ON FUNCTION @extschema@.customer_history_serial(internal) IS
    'Serializes a partial customer_history state for parallel aggregation (the stored form).';
COMMENT ON FUNCTION @extschema@.customer_history_deserial(bytea, internal) IS
    'Deserializes a partial customer_history state (checked like binary input).';
COMMENT ON FUNCTION @extschema@.customer_history_state_combine(internal, internal) IS
    'Combines two partial customer_history states: the union of their orders.';
COMMENT ON FUNCTION @extschema@.customer_history_rollup_trans(internal, @extschema@.customer_history) IS
    'Transition function of rollup(customer_history): adds the orders of a stored history.';
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
COMMENT ON AGGREGATE @extschema@.customer_history_agg(timestamptz) IS
    'One customer''s order history from its order rows (use with GROUP BY customer_id): every '
    'order''s time, no amounts. NULL times skipped; no rows gives NULL.';
COMMENT ON AGGREGATE @extschema@.customer_history_agg(timestamptz, numeric) IS
    'One customer''s order history (use with GROUP BY customer_id): each order''s time and '
    'amount (exact). NULL times skipped, NULL amounts kept as orders without an amount; error '
    '22023 for a negative amount (refunds are not orders).';
COMMENT ON AGGREGATE @extschema@.customer_history_agg(timestamptz, numeric, bigint, numeric) IS
    'One customer''s order history with items and cost totals (use with GROUP BY customer_id), '
    'for items per order and profit. NULL times skipped; error 22023 for negative amounts, '
    'items or costs.';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.customer_history) IS
    'The original name of combine(customer_history), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.customer_history) (
    SFUNC = @extschema@.customer_history_rollup_trans, STYPE = internal,
    FINALFUNC = @extschema@.customer_history_final,
    COMBINEFUNC = @extschema@.customer_history_state_combine,
    SERIALFUNC = @extschema@.customer_history_serial, DESERIALFUNC = @extschema@.customer_history_deserial,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.customer_history) IS
    'Merge stored histories of the same customer (yesterday''s history and today''s orders, or '
    'partitions): the history of all their orders.';

CREATE FUNCTION @extschema@.customer_history_combine(@extschema@.customer_history, @extschema@.customer_history) RETURNS @extschema@.customer_history
AS 'MODULE_PATHNAME', 'customer_history_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_combine(@extschema@.customer_history, @extschema@.customer_history) IS
    'The history of the orders of both (the same customer): for INSERT ... ON CONFLICT DO '
    'UPDATE SET h = customer_history_combine(t.h, excluded.h).';
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
COMMENT ON FUNCTION @extschema@.first_order_at(@extschema@.customer_history) IS
    'Time of the customer''s first order.';
COMMENT ON FUNCTION @extschema@.last_order_at(@extschema@.customer_history) IS
    'Time of the customer''s last order.';
COMMENT ON FUNCTION @extschema@.orders(@extschema@.customer_history) IS
    'Number of the customer''s orders (rows).';
COMMENT ON FUNCTION @extschema@.revenue(@extschema@.customer_history) IS
    'Sum of the customer''s order amounts (exact numeric); NULL when no order has an amount.';
COMMENT ON FUNCTION @extschema@.avg_order_value(@extschema@.customer_history) IS
    'Revenue / orders with an amount (numeric division, as avg(amount)); NULL when no order '
    'has an amount.';
COMMENT ON FUNCTION @extschema@.items(@extschema@.customer_history) IS
    'Sum of items over the customer''s orders that give them; NULL when none does.';
COMMENT ON FUNCTION @extschema@.cost(@extschema@.customer_history) IS
    'Sum of cost over the customer''s orders that give it; NULL when none does.';
COMMENT ON FUNCTION @extschema@.profit(@extschema@.customer_history) IS
    'Revenue - cost; NULL unless every order has both an amount and a cost.';
COMMENT ON FUNCTION @extschema@.lifespan(@extschema@.customer_history) IS
    'Last order - first order (an interval in days and time; 0 for one order).';
COMMENT ON FUNCTION @extschema@.avg_time_between_purchases(@extschema@.customer_history) IS
    'The customer''s mean gap between consecutive orders = (last - first) / (orders - 1); NULL '
    'with one order.';
COMMENT ON FUNCTION @extschema@.has_order_between(@extschema@.customer_history, timestamptz, timestamptz) IS
    'Whether the customer ordered in [from_time, to_time) (for WHERE clauses on stored '
    'histories).';
COMMENT ON FUNCTION @extschema@.order_list(@extschema@.customer_history) IS
    'The customer''s orders, one row each in time order: ordered_at and amount (NULL when '
    'unknown).';

-- Float amounts (issue 16) -----------------------------------------------------------------
-- float_amount is the argument type of the overloads that take amounts as double precision
-- or real (pandas and JDBC write float8 columns; PostgreSQL casts float8 to numeric only on
-- assignment, so numeric arguments refuse them). It is laid out as numeric, so those
-- overloads run the numeric transition functions unchanged; the implicit casts from double
-- precision and real take a float as its shortest decimal (the digits PostgreSQL prints for
-- it, so amount::text::numeric: 19.99 stays 19.99), and refuse NaN and the infinities with
-- 22023. There is no cast from the integer types, so an integer amount still calls the
-- numeric overload; PREFERRED makes an untyped literal or NULL amount, which every overload
-- accepts, resolve to this type (read by numeric_in, the same value) instead of being
-- ambiguous. See docs/orders.md, "Amount types".
CREATE TYPE @extschema@.float_amount;
CREATE FUNCTION @extschema@.float_amount_in(cstring, oid, integer) RETURNS @extschema@.float_amount
AS 'numeric_in' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.float_amount_out(@extschema@.float_amount) RETURNS cstring
AS 'numeric_out' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.float_amount_recv(internal, oid, integer) RETURNS @extschema@.float_amount
AS 'numeric_recv' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.float_amount_send(@extschema@.float_amount) RETURNS bytea
AS 'numeric_send' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.float_amount (
    INPUT = @extschema@.float_amount_in,
    OUTPUT = @extschema@.float_amount_out,
    RECEIVE = @extschema@.float_amount_recv,
    SEND = @extschema@.float_amount_send,
    LIKE = numeric,
    CATEGORY = 'N',
    PREFERRED = true
);
COMMENT ON TYPE @extschema@.float_amount IS
    'Argument type of the order aggregates'' overloads for double precision and real amounts '
    '(customer_history_agg, customer_stats_agg, period_series_agg, mrr_series_agg, '
    'cohort_agg, recurring_cohort_agg, mrr_movements): a numeric, reached by implicit casts '
    'from double precision and real that take the float''s shortest decimal '
    '(amount::text::numeric) and refuse NaN and infinities (22023). Not a column type.';
COMMENT ON FUNCTION @extschema@.float_amount_in(cstring, oid, integer) IS
    'Text input of float_amount: numeric''s (numeric_in); error 22P02 on malformed text.';
COMMENT ON FUNCTION @extschema@.float_amount_out(@extschema@.float_amount) IS
    'Text output of float_amount: numeric''s (numeric_out).';
COMMENT ON FUNCTION @extschema@.float_amount_recv(internal, oid, integer) IS
    'Binary input of float_amount: numeric''s (numeric_recv).';
COMMENT ON FUNCTION @extschema@.float_amount_send(@extschema@.float_amount) IS
    'Binary output of float_amount: numeric''s (numeric_send).';
CREATE FUNCTION @extschema@.float_amount(double precision) RETURNS @extschema@.float_amount
AS 'MODULE_PATHNAME', 'float_amount_from_float' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.float_amount(double precision) IS
    'Implicit cast double precision -> float_amount: the float''s shortest decimal, the digits '
    'PostgreSQL prints for it (as amount::text::numeric; 19.99 stays 19.99, 0.1 + 0.2 is '
    '0.30000000000000004). Error 22023 for NaN and infinities.';
CREATE FUNCTION @extschema@.float_amount(real) RETURNS @extschema@.float_amount
AS 'MODULE_PATHNAME', 'float_amount_from_float' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.float_amount(real) IS
    'Implicit cast real -> float_amount: the real''s own shortest decimal (as '
    'amount::text::numeric; 19.99::real stays 19.99). Error 22023 for NaN and infinities.';
CREATE CAST (double precision AS @extschema@.float_amount) WITH FUNCTION @extschema@.float_amount(double precision) AS IMPLICIT;
CREATE CAST (real AS @extschema@.float_amount) WITH FUNCTION @extschema@.float_amount(real) AS IMPLICIT;
-- Binary both ways: the float_amount overloads run the numeric transition functions, and a
-- numeric cost beside a float amount (or the reverse) finds the float_amount overload.
CREATE CAST (numeric AS @extschema@.float_amount) WITHOUT FUNCTION AS IMPLICIT;
CREATE CAST (@extschema@.float_amount AS numeric) WITHOUT FUNCTION AS IMPLICIT;
COMMENT ON CAST (double precision AS @extschema@.float_amount) IS
    'Float amounts into the order aggregates: the float''s shortest decimal; NaN and infinities refused.';
COMMENT ON CAST (real AS @extschema@.float_amount) IS
    'Float amounts into the order aggregates: the real''s shortest decimal; NaN and infinities refused.';
COMMENT ON CAST (numeric AS @extschema@.float_amount) IS
    'A numeric is a float_amount as it is (same layout).';
COMMENT ON CAST (@extschema@.float_amount AS numeric) IS
    'A float_amount is a numeric as it is (same layout): its overloads use the numeric transitions.';
CREATE AGGREGATE @extschema@.customer_history_agg(ordered_at timestamptz, amount @extschema@.float_amount) (
    SFUNC = @extschema@.customer_history_trans, STYPE = internal,
    FINALFUNC = @extschema@.customer_history_final,
    COMBINEFUNC = @extschema@.customer_history_state_combine,
    SERIALFUNC = @extschema@.customer_history_serial, DESERIALFUNC = @extschema@.customer_history_deserial,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.customer_history_agg(timestamptz, @extschema@.float_amount) IS
    'customer_history_agg(ordered_at, amount) for double precision and real amounts (same as '
    'the numeric form): double precision and real amounts are taken as their shortest decimal '
    '(amount::text::numeric); NaN and infinities are error 22023.';
CREATE AGGREGATE @extschema@.customer_history_agg(ordered_at timestamptz, amount @extschema@.float_amount, items bigint, cost @extschema@.float_amount) (
    SFUNC = @extschema@.customer_history_trans, STYPE = internal,
    FINALFUNC = @extschema@.customer_history_final,
    COMBINEFUNC = @extschema@.customer_history_state_combine,
    SERIALFUNC = @extschema@.customer_history_serial, DESERIALFUNC = @extschema@.customer_history_deserial,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.customer_history_agg(timestamptz, @extschema@.float_amount, bigint, @extschema@.float_amount) IS
    'customer_history_agg(ordered_at, amount, items, cost) for double precision and real '
    'amounts or costs (either may be numeric): double precision and real amounts are taken as '
    'their shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';
