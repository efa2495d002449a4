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
