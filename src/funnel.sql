-- ClickHouse's retention() and windowFunnel() with ClickHouse's semantics (docs/cohorts.md).
-- IMMUTABLE; every aggregate is PARALLEL SAFE.

CREATE FUNCTION @extschema@.retention_trans(bigint, VARIADIC boolean[]) RETURNS bigint
AS 'MODULE_PATHNAME', 'retention_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.retention_combine(bigint, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'retention_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.retention_final(bigint) RETURNS integer[]
AS 'MODULE_PATHNAME', 'retention_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_trans(bigint, boolean[]) IS
    'Transition function of retention(cond1, ..., condN): ORs the conditions of a row into a '
    'bit mask (the number of conditions in the upper 32 bits).';
COMMENT ON FUNCTION @extschema@.retention_combine(bigint, bigint) IS
    'Combine function of retention(): ORs two masks of the same number of conditions.';
COMMENT ON FUNCTION @extschema@.retention_final(bigint) IS
    'Final function of retention(): the array [c1, c1 AND c2, ..., c1 AND cN].';
CREATE AGGREGATE @extschema@.retention(VARIADIC conditions boolean[]) (
    SFUNC = @extschema@.retention_trans, STYPE = bigint, FINALFUNC = @extschema@.retention_final,
    COMBINEFUNC = @extschema@.retention_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.retention(boolean[]) IS
    'ClickHouse''s retention(cond1, cond2, ..., condN), 2 to 32 conditions: an integer[] of '
    '0/1 flags [c1, c1 AND c2, ..., c1 AND cN], where ci is whether condition i held on any '
    'row of the group (NULL counts as false, row order is ignored). Sum the arrays '
    'element-wise over users for retention counts. No rows gives NULL; error 22023 for another '
    'number of conditions.';

CREATE FUNCTION @extschema@.window_funnel_trans(@extschema@.window_funnel_state, interval, timestamptz, VARIADIC boolean[]) RETURNS @extschema@.window_funnel_state
AS 'MODULE_PATHNAME', 'window_funnel_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.window_funnel_trans(@extschema@.window_funnel_state, interval, text, timestamptz, VARIADIC boolean[]) RETURNS @extschema@.window_funnel_state
AS 'MODULE_PATHNAME', 'window_funnel_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.window_funnel_final(@extschema@.window_funnel_state) RETURNS integer
AS 'MODULE_PATHNAME', 'window_funnel_state_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.window_funnel_trans(@extschema@.window_funnel_state, interval, timestamptz, boolean[]) IS
    'Transition function of window_funnel(window, ts, cond1, ...): records the row''s true '
    'conditions as events.';
COMMENT ON FUNCTION @extschema@.window_funnel_trans(@extschema@.window_funnel_state, interval, text, timestamptz, boolean[]) IS
    'Transition function of window_funnel(window, mode, ts, cond1, ...).';
COMMENT ON FUNCTION @extschema@.window_funnel_final(@extschema@.window_funnel_state) IS
    'Final function of window_funnel(): the deepest step reached.';
CREATE AGGREGATE @extschema@.window_funnel(window_size interval, ts timestamptz, VARIADIC conditions boolean[]) (
    SFUNC = @extschema@.window_funnel_trans, STYPE = @extschema@.window_funnel_state, FINALFUNC = @extschema@.window_funnel_final,
    COMBINEFUNC = @extschema@.window_funnel_state_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.window_funnel(window_size interval, mode text, ts timestamptz, VARIADIC conditions boolean[]) (
    SFUNC = @extschema@.window_funnel_trans, STYPE = @extschema@.window_funnel_state, FINALFUNC = @extschema@.window_funnel_final,
    COMBINEFUNC = @extschema@.window_funnel_state_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.window_funnel(interval, timestamptz, boolean[]) IS
    'ClickHouse''s windowFunnel(window)(ts, cond1, ..., condN), 1 to 32 conditions: the '
    'deepest step of the chain cond1 -> cond2 -> ... whose steps happen in order within '
    'window_size of the chain''s first event (the window includes its end). Rows with a NULL '
    'ts are skipped, NULL conditions are false. No rows gives NULL.';
COMMENT ON AGGREGATE @extschema@.window_funnel(interval, text, timestamptz, boolean[]) IS
    'window_funnel with ClickHouse''s modes, a comma-separated list: strict_deduplication (a '
    'repeated step stops the chain), strict_order (no other event between steps), '
    'strict_increase (steps at strictly increasing times), strict_once (a row is one step '
    'at most), allow_reentry (with strict_order: an event of a step not yet due is skipped). '
    'Error 22023 for another mode, or allow_reentry without strict_order.';

-- window_funnel_steps: the times of the steps of the chain window_funnel's level counts.
CREATE FUNCTION @extschema@.window_funnel_steps_final(@extschema@.window_funnel_state) RETURNS timestamptz[]
AS 'MODULE_PATHNAME', 'window_funnel_state_steps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.window_funnel_steps_final(@extschema@.window_funnel_state) IS
    'Final function of window_funnel_steps(): the times of the steps of the deepest chain.';
CREATE AGGREGATE @extschema@.window_funnel_steps(window_size interval, ts timestamptz, VARIADIC conditions boolean[]) (
    SFUNC = @extschema@.window_funnel_trans, STYPE = @extschema@.window_funnel_state, FINALFUNC = @extschema@.window_funnel_steps_final,
    COMBINEFUNC = @extschema@.window_funnel_state_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.window_funnel_steps(window_size interval, mode text, ts timestamptz, VARIADIC conditions boolean[]) (
    SFUNC = @extschema@.window_funnel_trans, STYPE = @extschema@.window_funnel_state, FINALFUNC = @extschema@.window_funnel_steps_final,
    COMBINEFUNC = @extschema@.window_funnel_state_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.window_funnel_steps(interval, timestamptz, boolean[]) IS
    'The times of the steps of the chain window_funnel(window_size, ts, cond1, ...) reaches: '
    'as many as its level (an empty array for level 0; no rows gives NULL). The first chain '
    'to reach the last step, or else the chain with the latest first step among those that '
    'reached the deepest one. The input of funnel_table().';
COMMENT ON AGGREGATE @extschema@.window_funnel_steps(interval, text, timestamptz, boolean[]) IS
    'window_funnel_steps with window_funnel''s modes (a comma-separated list).';

-- funnel_table: the step table of a funnel over users.
CREATE TYPE @extschema@.funnel_step AS (
    step integer, users bigint,
    conversion double precision, conversion_lower double precision, conversion_upper double precision,
    step_conversion double precision, step_conversion_lower double precision, step_conversion_upper double precision,
    drop_off bigint, mean_time interval, median_time interval);
COMMENT ON TYPE @extschema@.funnel_step IS
    'One step of funnel_table(): the users who reached it, the conversion from the first step '
    'and from the step before with their Wilson intervals, the users lost since the step '
    'before, and the mean and median time from the step before.';
CREATE FUNCTION @extschema@.funnel_table_trans(@extschema@.funnel_table_state, timestamptz[], integer) RETURNS @extschema@.funnel_table_state
AS 'MODULE_PATHNAME', 'funnel_table_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_table_trans(@extschema@.funnel_table_state, timestamptz[], integer, double precision) RETURNS @extschema@.funnel_table_state
AS 'MODULE_PATHNAME', 'funnel_table_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_table_final(@extschema@.funnel_table_state) RETURNS @extschema@.funnel_step[]
AS 'MODULE_PATHNAME', 'funnel_table_state_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_table_trans(@extschema@.funnel_table_state, timestamptz[], integer) IS
    'Transition function of funnel_table(step_times, steps): counts one user''s steps and the '
    'times between them.';
COMMENT ON FUNCTION @extschema@.funnel_table_trans(@extschema@.funnel_table_state, timestamptz[], integer, double precision) IS
    'Transition function of funnel_table(step_times, steps, confidence).';
COMMENT ON FUNCTION @extschema@.funnel_table_final(@extschema@.funnel_table_state) IS
    'Final function of funnel_table(): one funnel_step per step.';
CREATE AGGREGATE @extschema@.funnel_table(step_times timestamptz[], steps integer) (
    SFUNC = @extschema@.funnel_table_trans, STYPE = @extschema@.funnel_table_state, FINALFUNC = @extschema@.funnel_table_final,
    COMBINEFUNC = @extschema@.funnel_table_state_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.funnel_table(step_times timestamptz[], steps integer, confidence double precision) (
    SFUNC = @extschema@.funnel_table_trans, STYPE = @extschema@.funnel_table_state, FINALFUNC = @extschema@.funnel_table_final,
    COMBINEFUNC = @extschema@.funnel_table_state_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.funnel_table(timestamptz[], integer) IS
    'The step table of a funnel of 1 to 32 steps over users, one row per user of its '
    'window_funnel_steps() times: an array of funnel_step (unnest it), per step the users who '
    'reached it, the conversion from the first step and from the step before with 95% Wilson '
    'intervals, the drop-off, and the exact mean and median time from the step before. NULL '
    'arrays are skipped; no rows gives NULL; error 22023 for more times than steps or '
    'decreasing times.';
COMMENT ON AGGREGATE @extschema@.funnel_table(timestamptz[], integer, double precision) IS
    'funnel_table(step_times, steps) with Wilson intervals at the given confidence (0 < c < 1).';
