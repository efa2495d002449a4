-- Kaplan-Meier survival curves (docs/predict.md): kaplan_meier(duration, churned), the
-- survival_curve type, its rollup and read-outs. IMMUTABLE; every aggregate PARALLEL SAFE.

CREATE TYPE @extschema@.survival_curve;
CREATE FUNCTION @extschema@.survival_curve_in(cstring) RETURNS @extschema@.survival_curve
AS 'MODULE_PATHNAME', 'survival_curve_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.survival_curve_out(@extschema@.survival_curve) RETURNS cstring
AS 'MODULE_PATHNAME', 'survival_curve_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.survival_curve_recv(internal) RETURNS @extschema@.survival_curve
AS 'MODULE_PATHNAME', 'survival_curve_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.survival_curve_send(@extschema@.survival_curve) RETURNS bytea
AS 'MODULE_PATHNAME', 'survival_curve_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.survival_curve (INPUT = @extschema@.survival_curve_in, OUTPUT = @extschema@.survival_curve_out,
    RECEIVE = @extschema@.survival_curve_recv, SEND = @extschema@.survival_curve_send,
    INTERNALLENGTH = VARIABLE, STORAGE = extended);
COMMENT ON TYPE @extschema@.survival_curve IS
    'A Kaplan-Meier state: events and censorings per distinct duration. Built by '
    'kaplan_meier(duration, churned), merged by rollup(); read with survival_curve(c, '
    'confidence) and median_lifetime(c).';
COMMENT ON FUNCTION @extschema@.survival_curve_in(cstring) IS
    'Input function of survival_curve: (version:1,durations:[...],events:[...],censored:[...]).';
COMMENT ON FUNCTION @extschema@.survival_curve_out(@extschema@.survival_curve) IS
    'Output function of survival_curve: the exact, versioned text form.';
COMMENT ON FUNCTION @extschema@.survival_curve_recv(internal) IS
    'Binary input of survival_curve: the text form''s bytes, checked.';
COMMENT ON FUNCTION @extschema@.survival_curve_send(@extschema@.survival_curve) IS
    'Binary output of survival_curve: the text form''s bytes.';
CREATE FUNCTION @extschema@.kaplan_meier_trans(@extschema@.kaplan_meier_state, double precision, boolean) RETURNS @extschema@.kaplan_meier_state
AS 'MODULE_PATHNAME', 'kaplan_meier_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.survival_curve_rollup_trans(@extschema@.kaplan_meier_state, @extschema@.survival_curve) RETURNS @extschema@.kaplan_meier_state
AS 'MODULE_PATHNAME', 'survival_curve_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.kaplan_meier_final(@extschema@.kaplan_meier_state) RETURNS @extschema@.survival_curve
AS 'MODULE_PATHNAME', 'kaplan_meier_state_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.kaplan_meier_trans(@extschema@.kaplan_meier_state, double precision, boolean) IS
    'Transition function of kaplan_meier(duration, churned).';
COMMENT ON FUNCTION @extschema@.survival_curve_rollup_trans(@extschema@.kaplan_meier_state, @extschema@.survival_curve) IS
    'Transition function of rollup(survival_curve).';
COMMENT ON FUNCTION @extschema@.kaplan_meier_final(@extschema@.kaplan_meier_state) IS
    'Final function of kaplan_meier and rollup(survival_curve).';
CREATE AGGREGATE @extschema@.kaplan_meier(duration double precision, churned boolean) (
    SFUNC = @extschema@.kaplan_meier_trans, STYPE = @extschema@.kaplan_meier_state, FINALFUNC = @extschema@.kaplan_meier_final,
    COMBINEFUNC = @extschema@.kaplan_meier_state_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.rollup(@extschema@.survival_curve) (
    SFUNC = @extschema@.survival_curve_rollup_trans, STYPE = @extschema@.kaplan_meier_state, FINALFUNC = @extschema@.kaplan_meier_final,
    COMBINEFUNC = @extschema@.kaplan_meier_state_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.kaplan_meier(double precision, boolean) IS
    'Kaplan-Meier survival of customers: one row per customer with its observed lifetime '
    '(duration >= 0, any unit) and whether it churned (true) or is still observed (false, '
    'censored). NULL durations skipped; no rows gives NULL. Read with survival_curve() and '
    'median_lifetime().';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.survival_curve) IS
    'The original name of combine(survival_curve), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.survival_curve) (
    SFUNC = @extschema@.survival_curve_rollup_trans, STYPE = @extschema@.kaplan_meier_state, FINALFUNC = @extschema@.kaplan_meier_final,
    COMBINEFUNC = @extschema@.kaplan_meier_state_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.survival_curve) IS
    'Merge Kaplan-Meier states of disjoint sets of customers (exact). NULLs skipped; no rows '
    'gives NULL.';

CREATE FUNCTION @extschema@.survival_curve(c @extschema@.survival_curve, confidence double precision DEFAULT 0.95,
    OUT duration double precision, OUT at_risk bigint, OUT churned bigint, OUT censored bigint,
    OUT survival double precision, OUT lower double precision, OUT upper double precision)
RETURNS SETOF record AS 'MODULE_PATHNAME', 'survival_curve_rows' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE ROWS 100;
CREATE FUNCTION @extschema@.median_lifetime(c @extschema@.survival_curve) RETURNS double precision
AS 'MODULE_PATHNAME', 'survival_curve_median' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.subjects(c @extschema@.survival_curve) RETURNS bigint
AS 'MODULE_PATHNAME', 'survival_curve_subjects' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival_curve(@extschema@.survival_curve, double precision) IS
    'The Kaplan-Meier curve: at 0 and each distinct duration, customers at risk, churned, '
    'censored, S(t) and its confidence band by Greenwood''s variance on the log(-log) scale '
    '(lifelines'' default).';
COMMENT ON FUNCTION @extschema@.median_lifetime(@extschema@.survival_curve) IS
    'The median lifetime: the first duration where S(t) <= 0.5 (as lifelines), NULL when the '
    'curve never falls that far.';
COMMENT ON FUNCTION @extschema@.subjects(@extschema@.survival_curve) IS
    'Customers in the Kaplan-Meier state.';
