-- One customer's RFM columns with lifetimes' semantics (docs/predict.md), the input of the
-- models. Functions reading the session's TimeZone are STABLE; the rest IMMUTABLE.

CREATE FUNCTION @extschema@.rfm(h @extschema@.customer_history, observation_end timestamptz,
    granularity text DEFAULT 'day', multiplier double precision DEFAULT 1,
    OUT frequency bigint, OUT recency double precision, OUT t double precision, OUT monetary_value numeric)
RETURNS record AS 'MODULE_PATHNAME', 'rfm_history' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rfm(h @extschema@.customer_history, observation_end timestamptz,
    granularity text, multiplier double precision, time_zone text,
    OUT frequency bigint, OUT recency double precision, OUT t double precision, OUT monetary_value numeric)
RETURNS record AS 'MODULE_PATHNAME', 'rfm_history' LANGUAGE C STABLE STRICT PARALLEL SAFE;
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
    observation_end timestamptz, granularity text DEFAULT 'day', multiplier double precision DEFAULT 1,
    OUT frequency_cal bigint, OUT recency_cal double precision, OUT t_cal double precision,
    OUT monetary_value_cal numeric, OUT frequency_holdout bigint, OUT monetary_value_holdout numeric,
    OUT duration_holdout double precision)
RETURNS record AS 'MODULE_PATHNAME', 'rfm_holdout_history' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rfm_holdout(h @extschema@.customer_history, calibration_end timestamptz,
    observation_end timestamptz, granularity text, multiplier double precision, time_zone text,
    OUT frequency_cal bigint, OUT recency_cal double precision, OUT t_cal double precision,
    OUT monetary_value_cal numeric, OUT frequency_holdout bigint, OUT monetary_value_holdout numeric,
    OUT duration_holdout double precision)
RETURNS record AS 'MODULE_PATHNAME', 'rfm_holdout_history' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rfm_holdout(@extschema@.customer_history, timestamptz, timestamptz, text, double precision) IS
    'Calibration / holdout split as lifetimes'' calibration_and_holdout_data: RFM values up to '
    'the period of calibration_end, then the periods with orders after it up to the period of '
    'observation_end (frequency_holdout), their mean amount and the holdout length '
    '(duration_holdout), in periods / multiplier. NULL when the customer has no order by '
    'calibration_end.';
COMMENT ON FUNCTION @extschema@.rfm_holdout(@extschema@.customer_history, timestamptz, timestamptz, text, double precision, text) IS
    'Calibration / holdout split as lifetimes'' calibration_and_holdout_data, in calendar '
    'periods of the given time zone.';
