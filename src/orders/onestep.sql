-- The functions the one-step order aggregates share (DESIGN.md, "State strategies"): the
-- order log's transitions and its serial / deserial / combine functions. The aggregates
-- themselves are declared with their feature (stats.sql, series.sql, cohort.sql).
-- customer_id may be smallint, integer, bigint, uuid, text or varchar (or a domain over one);
-- ids are compared exactly. Rows with a NULL customer_id or ordered_at are skipped.

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
CREATE FUNCTION @extschema@.orders_by_id_serial(internal) RETURNS bytea
AS 'MODULE_PATHNAME', 'orders_by_id_serial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.orders_by_id_deserial(bytea, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'orders_by_id_deserial' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.orders_by_id_combine(internal, internal) RETURNS internal
AS 'MODULE_PATHNAME', 'orders_by_id_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.orders_by_id_trans(internal, anyelement, timestamptz) IS
    'Transition function of the one-step order aggregates: keeps every order per customer (a '
    'customer_history builder).';
COMMENT ON FUNCTION @extschema@.orders_by_id_trans(internal, anyelement, timestamptz, numeric) IS
    'Transition function of customer_stats_agg(customer_id, ordered_at, amount): keeps every '
    'order and its amount per customer.';
COMMENT ON FUNCTION @extschema@.orders_by_id_trans(internal, anyelement, timestamptz, numeric, bigint, numeric) IS
    'Transition function of customer_stats_agg(customer_id, ordered_at, amount, items, cost).';
COMMENT ON FUNCTION @extschema@.orders_by_id_series_trans(internal, anyelement, timestamptz, numeric, text) IS
    'Transition function of period_series_agg and mrr_series_agg from order rows (session time '
    'zone).';
COMMENT ON FUNCTION @extschema@.orders_by_id_series_trans(internal, anyelement, timestamptz, numeric, text, text) IS
    'Transition function of period_series_agg and mrr_series_agg from order rows, in the given '
    'time zone.';
COMMENT ON FUNCTION @extschema@.orders_by_id_serial(internal) IS
    'Serializes a partial per-customer order state for parallel aggregation (each customer''s '
    'history in stored form).';
COMMENT ON FUNCTION @extschema@.orders_by_id_deserial(bytea, internal) IS
    'Deserializes a partial per-customer order state (histories checked like binary input).';
COMMENT ON FUNCTION @extschema@.orders_by_id_combine(internal, internal) IS
    'Combines two partial per-customer order states (customers by exact id).';
