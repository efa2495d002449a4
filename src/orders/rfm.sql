-- One customer's RFM columns with lifetimes' semantics (docs/predict.md), the input of the
-- models. Functions reading the session's TimeZone are STABLE; the rest IMMUTABLE.

-- The rows of rfm() and rfm_holdout(), named types so that they can be stored.
CREATE TYPE @extschema@.rfm_values AS (
    frequency bigint, recency double precision, t double precision, monetary_value numeric);
COMMENT ON TYPE @extschema@.rfm_values IS
    'One customer''s RFM values as lifetimes computes them (frequency, recency, t, '
    'monetary_value), the result of rfm().';
CREATE TYPE @extschema@.rfm_holdout_values AS (
    frequency_cal bigint, recency_cal double precision, t_cal double precision,
    monetary_value_cal numeric, frequency_holdout bigint, monetary_value_holdout numeric,
    duration_holdout double precision);
COMMENT ON TYPE @extschema@.rfm_holdout_values IS
    'One customer''s calibration / holdout split as lifetimes computes it, the result of '
    'rfm_holdout().';

CREATE FUNCTION @extschema@.rfm(h @extschema@.customer_history, observation_end timestamptz,
    granularity text DEFAULT 'day', multiplier double precision DEFAULT 1)
RETURNS @extschema@.rfm_values AS 'MODULE_PATHNAME', 'rfm_history_typed' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rfm(h @extschema@.customer_history, observation_end timestamptz,
    granularity text, multiplier double precision, time_zone text)
RETURNS @extschema@.rfm_values AS 'MODULE_PATHNAME', 'rfm_history_typed' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rfm(@extschema@.customer_history, timestamptz, text, double precision) IS
    'A customer''s RFM values as lifetimes'' summary_data_from_transaction_data computes them, '
    'in calendar periods (session time zone) up to the period of observation_end, divided by '
    'multiplier: frequency = repeat periods, recency = last - first period, t = observation '
    'end - first period, monetary_value = mean amount of the repeat periods (0 without). NULL '
    'when the customer has no order by then.';
COMMENT ON FUNCTION @extschema@.rfm(@extschema@.customer_history, timestamptz, text, double precision, text) IS
    'A customer''s RFM values (frequency, recency, t, monetary_value) as lifetimes computes '
    'them, in calendar periods of the given time zone up to the period of observation_end, '
    'divided by multiplier.';
CREATE FUNCTION @extschema@.rfm_holdout(h @extschema@.customer_history, calibration_end timestamptz,
    observation_end timestamptz, granularity text DEFAULT 'day', multiplier double precision DEFAULT 1)
RETURNS @extschema@.rfm_holdout_values AS 'MODULE_PATHNAME', 'rfm_holdout_history_typed' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rfm_holdout(h @extschema@.customer_history, calibration_end timestamptz,
    observation_end timestamptz, granularity text, multiplier double precision, time_zone text)
RETURNS @extschema@.rfm_holdout_values AS 'MODULE_PATHNAME', 'rfm_holdout_history_typed' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rfm_holdout(@extschema@.customer_history, timestamptz, timestamptz, text, double precision) IS
    'Calibration / holdout split as lifetimes'' calibration_and_holdout_data: RFM values up to '
    'the period of calibration_end, then the periods with orders after it up to the period of '
    'observation_end (frequency_holdout), their mean amount and the holdout length '
    '(duration_holdout), in periods / multiplier. NULL when the customer has no order by '
    'calibration_end.';
COMMENT ON FUNCTION @extschema@.rfm_holdout(@extschema@.customer_history, timestamptz, timestamptz, text, double precision, text) IS
    'Calibration / holdout split as lifetimes'' calibration_and_holdout_data, in calendar '
    'periods of the given time zone.';
