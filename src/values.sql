-- Summaries as values (docs/values.md): for each of the fourteen stored types, = and <> and
-- the order operators of a default btree operator class, a default hash operator class, and
-- explicit casts to jsonb and json. The comparison functions of every type name one set of
-- C functions (src/values.rs): equal means the same figures bit for bit (the same text
-- form); the order is a stable total order over the canonical form (retention_core::value),
-- not a ranking by any figure. The JSON holds the figures the accessors and read-outs give,
-- under their names (intervals as seconds, *_seconds); STABLE where it holds a time, which
-- PostgreSQL writes in the session TimeZone, or cohort_table()'s now().


-- nps_summary -----------------------------------------------------------------------------
CREATE FUNCTION @extschema@.nps_summary_eq(@extschema@.nps_summary, @extschema@.nps_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_summary_eq(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'The = operator of nps_summary: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.nps_summary_ne(@extschema@.nps_summary, @extschema@.nps_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_summary_ne(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'The <> operator of nps_summary: not equal.';
CREATE FUNCTION @extschema@.nps_summary_lt(@extschema@.nps_summary, @extschema@.nps_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_summary_lt(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'The < operator of nps_summary: sorts before.';
CREATE FUNCTION @extschema@.nps_summary_le(@extschema@.nps_summary, @extschema@.nps_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_summary_le(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'The <= operator of nps_summary: sorts before or equal.';
CREATE FUNCTION @extschema@.nps_summary_gt(@extschema@.nps_summary, @extschema@.nps_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_summary_gt(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'The > operator of nps_summary: sorts after.';
CREATE FUNCTION @extschema@.nps_summary_ge(@extschema@.nps_summary, @extschema@.nps_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_summary_ge(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'The >= operator of nps_summary: sorts after or equal.';
CREATE FUNCTION @extschema@.nps_summary_cmp(@extschema@.nps_summary, @extschema@.nps_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_summary_cmp(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'Btree comparison of nps_summary (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.nps_summary_hash(@extschema@.nps_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_summary_hash(@extschema@.nps_summary) IS
    'Hash of nps_summary (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.nps_summary_hash_extended(@extschema@.nps_summary, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_summary_hash_extended(@extschema@.nps_summary, bigint) IS
    '64-bit seeded hash of nps_summary (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.nps_summary, RIGHTARG = @extschema@.nps_summary, FUNCTION = @extschema@.nps_summary_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'nps_summary = nps_summary: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.nps_summary, RIGHTARG = @extschema@.nps_summary, FUNCTION = @extschema@.nps_summary_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'nps_summary <> nps_summary: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.nps_summary, RIGHTARG = @extschema@.nps_summary, FUNCTION = @extschema@.nps_summary_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'nps_summary < nps_summary: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.nps_summary, RIGHTARG = @extschema@.nps_summary, FUNCTION = @extschema@.nps_summary_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'nps_summary <= nps_summary: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.nps_summary, RIGHTARG = @extschema@.nps_summary, FUNCTION = @extschema@.nps_summary_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'nps_summary > nps_summary: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.nps_summary, RIGHTARG = @extschema@.nps_summary, FUNCTION = @extschema@.nps_summary_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'nps_summary >= nps_summary: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.nps_summary_ops DEFAULT FOR TYPE @extschema@.nps_summary USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.nps_summary_cmp(@extschema@.nps_summary, @extschema@.nps_summary);
COMMENT ON OPERATOR CLASS @extschema@.nps_summary_ops USING btree IS
    'Default btree class of nps_summary: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.nps_summary_ops USING btree IS
    'Btree family of nps_summary (its default class alone).';
CREATE OPERATOR CLASS @extschema@.nps_summary_ops DEFAULT FOR TYPE @extschema@.nps_summary USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.nps_summary_hash(@extschema@.nps_summary), FUNCTION 2 @extschema@.nps_summary_hash_extended(@extschema@.nps_summary, bigint);
COMMENT ON OPERATOR CLASS @extschema@.nps_summary_ops USING hash IS
    'Default hash class of nps_summary: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.nps_summary_ops USING hash IS
    'Hash family of nps_summary (its default class alone).';
CREATE FUNCTION @extschema@.nps_summary_jsonb(@extschema@.nps_summary) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'respondents', @extschema@.respondents($1),
        'promoters', @extschema@.promoters($1),
        'passives', @extschema@.passives($1),
        'detractors', @extschema@.detractors($1),
        'nps', @extschema@.nps($1),
        'nps_stderr', @extschema@.nps_stderr($1)) $$;
COMMENT ON FUNCTION @extschema@.nps_summary_jsonb(@extschema@.nps_summary) IS
    'The cast of nps_summary to jsonb: respondents, promoters, passives, detractors, nps, nps_stderr (docs/values.md).';
CREATE FUNCTION @extschema@.nps_summary_json(@extschema@.nps_summary) RETURNS json
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.nps_summary_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.nps_summary_json(@extschema@.nps_summary) IS
    'The cast of nps_summary to json (what to_json, to_jsonb and row_to_json use): nps_summary_jsonb as json.';
CREATE CAST (@extschema@.nps_summary AS jsonb) WITH FUNCTION @extschema@.nps_summary_jsonb(@extschema@.nps_summary);
COMMENT ON CAST (@extschema@.nps_summary AS jsonb) IS
    'nps_summary as JSON for drivers: respondents, promoters, passives, detractors, nps, nps_stderr.';
CREATE CAST (@extschema@.nps_summary AS json) WITH FUNCTION @extschema@.nps_summary_json(@extschema@.nps_summary);
COMMENT ON CAST (@extschema@.nps_summary AS json) IS
    'nps_summary as JSON for drivers (the keys of its jsonb cast).';

-- csat_summary ----------------------------------------------------------------------------
CREATE FUNCTION @extschema@.csat_summary_eq(@extschema@.csat_summary, @extschema@.csat_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_summary_eq(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'The = operator of csat_summary: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.csat_summary_ne(@extschema@.csat_summary, @extschema@.csat_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_summary_ne(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'The <> operator of csat_summary: not equal.';
CREATE FUNCTION @extschema@.csat_summary_lt(@extschema@.csat_summary, @extschema@.csat_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_summary_lt(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'The < operator of csat_summary: sorts before.';
CREATE FUNCTION @extschema@.csat_summary_le(@extschema@.csat_summary, @extschema@.csat_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_summary_le(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'The <= operator of csat_summary: sorts before or equal.';
CREATE FUNCTION @extschema@.csat_summary_gt(@extschema@.csat_summary, @extschema@.csat_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_summary_gt(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'The > operator of csat_summary: sorts after.';
CREATE FUNCTION @extschema@.csat_summary_ge(@extschema@.csat_summary, @extschema@.csat_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_summary_ge(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'The >= operator of csat_summary: sorts after or equal.';
CREATE FUNCTION @extschema@.csat_summary_cmp(@extschema@.csat_summary, @extschema@.csat_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_summary_cmp(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'Btree comparison of csat_summary (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.csat_summary_hash(@extschema@.csat_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_summary_hash(@extschema@.csat_summary) IS
    'Hash of csat_summary (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.csat_summary_hash_extended(@extschema@.csat_summary, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_summary_hash_extended(@extschema@.csat_summary, bigint) IS
    '64-bit seeded hash of csat_summary (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.csat_summary, RIGHTARG = @extschema@.csat_summary, FUNCTION = @extschema@.csat_summary_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'csat_summary = csat_summary: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.csat_summary, RIGHTARG = @extschema@.csat_summary, FUNCTION = @extschema@.csat_summary_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'csat_summary <> csat_summary: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.csat_summary, RIGHTARG = @extschema@.csat_summary, FUNCTION = @extschema@.csat_summary_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'csat_summary < csat_summary: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.csat_summary, RIGHTARG = @extschema@.csat_summary, FUNCTION = @extschema@.csat_summary_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'csat_summary <= csat_summary: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.csat_summary, RIGHTARG = @extschema@.csat_summary, FUNCTION = @extschema@.csat_summary_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'csat_summary > csat_summary: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.csat_summary, RIGHTARG = @extschema@.csat_summary, FUNCTION = @extschema@.csat_summary_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'csat_summary >= csat_summary: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.csat_summary_ops DEFAULT FOR TYPE @extschema@.csat_summary USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.csat_summary_cmp(@extschema@.csat_summary, @extschema@.csat_summary);
COMMENT ON OPERATOR CLASS @extschema@.csat_summary_ops USING btree IS
    'Default btree class of csat_summary: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.csat_summary_ops USING btree IS
    'Btree family of csat_summary (its default class alone).';
CREATE OPERATOR CLASS @extschema@.csat_summary_ops DEFAULT FOR TYPE @extschema@.csat_summary USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.csat_summary_hash(@extschema@.csat_summary), FUNCTION 2 @extschema@.csat_summary_hash_extended(@extschema@.csat_summary, bigint);
COMMENT ON OPERATOR CLASS @extschema@.csat_summary_ops USING hash IS
    'Default hash class of csat_summary: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.csat_summary_ops USING hash IS
    'Hash family of csat_summary (its default class alone).';
CREATE FUNCTION @extschema@.csat_summary_jsonb(@extschema@.csat_summary) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'respondents', @extschema@.respondents($1),
        'satisfied', @extschema@.satisfied($1),
        'csat', @extschema@.csat($1)) $$;
COMMENT ON FUNCTION @extschema@.csat_summary_jsonb(@extschema@.csat_summary) IS
    'The cast of csat_summary to jsonb: respondents, satisfied, csat (docs/values.md).';
CREATE FUNCTION @extschema@.csat_summary_json(@extschema@.csat_summary) RETURNS json
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.csat_summary_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.csat_summary_json(@extschema@.csat_summary) IS
    'The cast of csat_summary to json (what to_json, to_jsonb and row_to_json use): csat_summary_jsonb as json.';
CREATE CAST (@extschema@.csat_summary AS jsonb) WITH FUNCTION @extschema@.csat_summary_jsonb(@extschema@.csat_summary);
COMMENT ON CAST (@extschema@.csat_summary AS jsonb) IS
    'csat_summary as JSON for drivers: respondents, satisfied, csat.';
CREATE CAST (@extschema@.csat_summary AS json) WITH FUNCTION @extschema@.csat_summary_json(@extschema@.csat_summary);
COMMENT ON CAST (@extschema@.csat_summary AS json) IS
    'csat_summary as JSON for drivers (the keys of its jsonb cast).';

-- ces_summary -----------------------------------------------------------------------------
CREATE FUNCTION @extschema@.ces_summary_eq(@extschema@.ces_summary, @extschema@.ces_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_summary_eq(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'The = operator of ces_summary: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.ces_summary_ne(@extschema@.ces_summary, @extschema@.ces_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_summary_ne(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'The <> operator of ces_summary: not equal.';
CREATE FUNCTION @extschema@.ces_summary_lt(@extschema@.ces_summary, @extschema@.ces_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_summary_lt(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'The < operator of ces_summary: sorts before.';
CREATE FUNCTION @extschema@.ces_summary_le(@extschema@.ces_summary, @extschema@.ces_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_summary_le(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'The <= operator of ces_summary: sorts before or equal.';
CREATE FUNCTION @extschema@.ces_summary_gt(@extschema@.ces_summary, @extschema@.ces_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_summary_gt(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'The > operator of ces_summary: sorts after.';
CREATE FUNCTION @extschema@.ces_summary_ge(@extschema@.ces_summary, @extschema@.ces_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_summary_ge(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'The >= operator of ces_summary: sorts after or equal.';
CREATE FUNCTION @extschema@.ces_summary_cmp(@extschema@.ces_summary, @extschema@.ces_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_summary_cmp(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'Btree comparison of ces_summary (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.ces_summary_hash(@extschema@.ces_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_summary_hash(@extschema@.ces_summary) IS
    'Hash of ces_summary (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.ces_summary_hash_extended(@extschema@.ces_summary, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_summary_hash_extended(@extschema@.ces_summary, bigint) IS
    '64-bit seeded hash of ces_summary (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.ces_summary, RIGHTARG = @extschema@.ces_summary, FUNCTION = @extschema@.ces_summary_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'ces_summary = ces_summary: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.ces_summary, RIGHTARG = @extschema@.ces_summary, FUNCTION = @extschema@.ces_summary_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'ces_summary <> ces_summary: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.ces_summary, RIGHTARG = @extschema@.ces_summary, FUNCTION = @extschema@.ces_summary_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'ces_summary < ces_summary: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.ces_summary, RIGHTARG = @extschema@.ces_summary, FUNCTION = @extschema@.ces_summary_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'ces_summary <= ces_summary: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.ces_summary, RIGHTARG = @extschema@.ces_summary, FUNCTION = @extschema@.ces_summary_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'ces_summary > ces_summary: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.ces_summary, RIGHTARG = @extschema@.ces_summary, FUNCTION = @extschema@.ces_summary_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'ces_summary >= ces_summary: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.ces_summary_ops DEFAULT FOR TYPE @extschema@.ces_summary USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.ces_summary_cmp(@extschema@.ces_summary, @extschema@.ces_summary);
COMMENT ON OPERATOR CLASS @extschema@.ces_summary_ops USING btree IS
    'Default btree class of ces_summary: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.ces_summary_ops USING btree IS
    'Btree family of ces_summary (its default class alone).';
CREATE OPERATOR CLASS @extschema@.ces_summary_ops DEFAULT FOR TYPE @extschema@.ces_summary USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.ces_summary_hash(@extschema@.ces_summary), FUNCTION 2 @extschema@.ces_summary_hash_extended(@extschema@.ces_summary, bigint);
COMMENT ON OPERATOR CLASS @extschema@.ces_summary_ops USING hash IS
    'Default hash class of ces_summary: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.ces_summary_ops USING hash IS
    'Hash family of ces_summary (its default class alone).';
CREATE FUNCTION @extschema@.ces_summary_jsonb(@extschema@.ces_summary) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'respondents', @extschema@.respondents($1),
        'ces', @extschema@.ces($1),
        'ces_mean', @extschema@.ces_mean($1)) $$;
COMMENT ON FUNCTION @extschema@.ces_summary_jsonb(@extschema@.ces_summary) IS
    'The cast of ces_summary to jsonb: respondents, ces, ces_mean (docs/values.md).';
CREATE FUNCTION @extschema@.ces_summary_json(@extschema@.ces_summary) RETURNS json
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.ces_summary_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.ces_summary_json(@extschema@.ces_summary) IS
    'The cast of ces_summary to json (what to_json, to_jsonb and row_to_json use): ces_summary_jsonb as json.';
CREATE CAST (@extschema@.ces_summary AS jsonb) WITH FUNCTION @extschema@.ces_summary_jsonb(@extschema@.ces_summary);
COMMENT ON CAST (@extschema@.ces_summary AS jsonb) IS
    'ces_summary as JSON for drivers: respondents, ces, ces_mean.';
CREATE CAST (@extschema@.ces_summary AS json) WITH FUNCTION @extschema@.ces_summary_json(@extschema@.ces_summary);
COMMENT ON CAST (@extschema@.ces_summary AS json) IS
    'ces_summary as JSON for drivers (the keys of its jsonb cast).';

-- customer_history ------------------------------------------------------------------------
CREATE FUNCTION @extschema@.customer_history_eq(@extschema@.customer_history, @extschema@.customer_history) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_eq(@extschema@.customer_history, @extschema@.customer_history) IS
    'The = operator of customer_history: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.customer_history_ne(@extschema@.customer_history, @extschema@.customer_history) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_ne(@extschema@.customer_history, @extschema@.customer_history) IS
    'The <> operator of customer_history: not equal.';
CREATE FUNCTION @extschema@.customer_history_lt(@extschema@.customer_history, @extschema@.customer_history) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_lt(@extschema@.customer_history, @extschema@.customer_history) IS
    'The < operator of customer_history: sorts before.';
CREATE FUNCTION @extschema@.customer_history_le(@extschema@.customer_history, @extschema@.customer_history) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_le(@extschema@.customer_history, @extschema@.customer_history) IS
    'The <= operator of customer_history: sorts before or equal.';
CREATE FUNCTION @extschema@.customer_history_gt(@extschema@.customer_history, @extschema@.customer_history) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_gt(@extschema@.customer_history, @extschema@.customer_history) IS
    'The > operator of customer_history: sorts after.';
CREATE FUNCTION @extschema@.customer_history_ge(@extschema@.customer_history, @extschema@.customer_history) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_ge(@extschema@.customer_history, @extschema@.customer_history) IS
    'The >= operator of customer_history: sorts after or equal.';
CREATE FUNCTION @extschema@.customer_history_cmp(@extschema@.customer_history, @extschema@.customer_history) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_cmp(@extschema@.customer_history, @extschema@.customer_history) IS
    'Btree comparison of customer_history (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.customer_history_hash(@extschema@.customer_history) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_hash(@extschema@.customer_history) IS
    'Hash of customer_history (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.customer_history_hash_extended(@extschema@.customer_history, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_hash_extended(@extschema@.customer_history, bigint) IS
    '64-bit seeded hash of customer_history (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.customer_history, RIGHTARG = @extschema@.customer_history, FUNCTION = @extschema@.customer_history_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.customer_history, @extschema@.customer_history) IS
    'customer_history = customer_history: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.customer_history, RIGHTARG = @extschema@.customer_history, FUNCTION = @extschema@.customer_history_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.customer_history, @extschema@.customer_history) IS
    'customer_history <> customer_history: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.customer_history, RIGHTARG = @extschema@.customer_history, FUNCTION = @extschema@.customer_history_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.customer_history, @extschema@.customer_history) IS
    'customer_history < customer_history: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.customer_history, RIGHTARG = @extschema@.customer_history, FUNCTION = @extschema@.customer_history_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.customer_history, @extschema@.customer_history) IS
    'customer_history <= customer_history: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.customer_history, RIGHTARG = @extschema@.customer_history, FUNCTION = @extschema@.customer_history_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.customer_history, @extschema@.customer_history) IS
    'customer_history > customer_history: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.customer_history, RIGHTARG = @extschema@.customer_history, FUNCTION = @extschema@.customer_history_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.customer_history, @extschema@.customer_history) IS
    'customer_history >= customer_history: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.customer_history_ops DEFAULT FOR TYPE @extschema@.customer_history USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.customer_history_cmp(@extschema@.customer_history, @extschema@.customer_history);
COMMENT ON OPERATOR CLASS @extschema@.customer_history_ops USING btree IS
    'Default btree class of customer_history: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.customer_history_ops USING btree IS
    'Btree family of customer_history (its default class alone).';
CREATE OPERATOR CLASS @extschema@.customer_history_ops DEFAULT FOR TYPE @extschema@.customer_history USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.customer_history_hash(@extschema@.customer_history), FUNCTION 2 @extschema@.customer_history_hash_extended(@extschema@.customer_history, bigint);
COMMENT ON OPERATOR CLASS @extschema@.customer_history_ops USING hash IS
    'Default hash class of customer_history: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.customer_history_ops USING hash IS
    'Hash family of customer_history (its default class alone).';
CREATE FUNCTION @extschema@.customer_history_jsonb(@extschema@.customer_history) RETURNS jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'first_order_at', @extschema@.first_order_at($1),
        'last_order_at', @extschema@.last_order_at($1),
        'orders', @extschema@.orders($1),
        'revenue', @extschema@.revenue($1),
        'avg_order_value', @extschema@.avg_order_value($1),
        'items', @extschema@.items($1),
        'cost', @extschema@.cost($1),
        'profit', @extschema@.profit($1),
        'lifespan_seconds', pg_catalog.date_part('epoch', @extschema@.lifespan($1)),
        'avg_time_between_purchases_seconds', pg_catalog.date_part('epoch', @extschema@.avg_time_between_purchases($1)),
        'order_list', (SELECT COALESCE(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r)), '[]'::pg_catalog.jsonb) FROM @extschema@.order_list($1) r)) $$;
COMMENT ON FUNCTION @extschema@.customer_history_jsonb(@extschema@.customer_history) IS
    'The cast of customer_history to jsonb: first_order_at, last_order_at, orders, revenue, avg_order_value, items, cost, profit, lifespan_seconds, avg_time_between_purchases_seconds, order_list (ordered_at, amount) (docs/values.md).';
CREATE FUNCTION @extschema@.customer_history_json(@extschema@.customer_history) RETURNS json
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.customer_history_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.customer_history_json(@extschema@.customer_history) IS
    'The cast of customer_history to json (what to_json, to_jsonb and row_to_json use): customer_history_jsonb as json.';
CREATE CAST (@extschema@.customer_history AS jsonb) WITH FUNCTION @extschema@.customer_history_jsonb(@extschema@.customer_history);
COMMENT ON CAST (@extschema@.customer_history AS jsonb) IS
    'customer_history as JSON for drivers: first_order_at, last_order_at, orders, revenue, avg_order_value, items, cost, profit, lifespan_seconds, avg_time_between_purchases_seconds, order_list (ordered_at, amount).';
CREATE CAST (@extschema@.customer_history AS json) WITH FUNCTION @extschema@.customer_history_json(@extschema@.customer_history);
COMMENT ON CAST (@extschema@.customer_history AS json) IS
    'customer_history as JSON for drivers (the keys of its jsonb cast).';

-- customer_stats --------------------------------------------------------------------------
CREATE FUNCTION @extschema@.customer_stats_eq(@extschema@.customer_stats, @extschema@.customer_stats) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_eq(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'The = operator of customer_stats: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.customer_stats_ne(@extschema@.customer_stats, @extschema@.customer_stats) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_ne(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'The <> operator of customer_stats: not equal.';
CREATE FUNCTION @extschema@.customer_stats_lt(@extschema@.customer_stats, @extschema@.customer_stats) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_lt(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'The < operator of customer_stats: sorts before.';
CREATE FUNCTION @extschema@.customer_stats_le(@extschema@.customer_stats, @extschema@.customer_stats) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_le(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'The <= operator of customer_stats: sorts before or equal.';
CREATE FUNCTION @extschema@.customer_stats_gt(@extschema@.customer_stats, @extschema@.customer_stats) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_gt(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'The > operator of customer_stats: sorts after.';
CREATE FUNCTION @extschema@.customer_stats_ge(@extschema@.customer_stats, @extschema@.customer_stats) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_ge(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'The >= operator of customer_stats: sorts after or equal.';
CREATE FUNCTION @extschema@.customer_stats_cmp(@extschema@.customer_stats, @extschema@.customer_stats) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_cmp(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'Btree comparison of customer_stats (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.customer_stats_hash(@extschema@.customer_stats) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_hash(@extschema@.customer_stats) IS
    'Hash of customer_stats (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.customer_stats_hash_extended(@extschema@.customer_stats, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_hash_extended(@extschema@.customer_stats, bigint) IS
    '64-bit seeded hash of customer_stats (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.customer_stats, RIGHTARG = @extschema@.customer_stats, FUNCTION = @extschema@.customer_stats_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'customer_stats = customer_stats: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.customer_stats, RIGHTARG = @extschema@.customer_stats, FUNCTION = @extschema@.customer_stats_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'customer_stats <> customer_stats: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.customer_stats, RIGHTARG = @extschema@.customer_stats, FUNCTION = @extschema@.customer_stats_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'customer_stats < customer_stats: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.customer_stats, RIGHTARG = @extschema@.customer_stats, FUNCTION = @extschema@.customer_stats_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'customer_stats <= customer_stats: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.customer_stats, RIGHTARG = @extschema@.customer_stats, FUNCTION = @extschema@.customer_stats_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'customer_stats > customer_stats: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.customer_stats, RIGHTARG = @extschema@.customer_stats, FUNCTION = @extschema@.customer_stats_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'customer_stats >= customer_stats: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.customer_stats_ops DEFAULT FOR TYPE @extschema@.customer_stats USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.customer_stats_cmp(@extschema@.customer_stats, @extschema@.customer_stats);
COMMENT ON OPERATOR CLASS @extschema@.customer_stats_ops USING btree IS
    'Default btree class of customer_stats: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.customer_stats_ops USING btree IS
    'Btree family of customer_stats (its default class alone).';
CREATE OPERATOR CLASS @extschema@.customer_stats_ops DEFAULT FOR TYPE @extschema@.customer_stats USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.customer_stats_hash(@extschema@.customer_stats), FUNCTION 2 @extschema@.customer_stats_hash_extended(@extschema@.customer_stats, bigint);
COMMENT ON OPERATOR CLASS @extschema@.customer_stats_ops USING hash IS
    'Default hash class of customer_stats: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.customer_stats_ops USING hash IS
    'Hash family of customer_stats (its default class alone).';
CREATE FUNCTION @extschema@.customer_stats_jsonb(@extschema@.customer_stats) RETURNS jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'customers', @extschema@.customers($1),
        'orders', @extschema@.orders($1),
        'repeat_customers', @extschema@.repeat_customers($1),
        'items', @extschema@.items($1),
        'orders_per_customer', @extschema@.orders_per_customer($1),
        'repeat_purchase_rate', @extschema@.repeat_purchase_rate($1),
        'revenue', @extschema@.revenue($1),
        'avg_order_value', @extschema@.avg_order_value($1),
        'revenue_per_customer', @extschema@.revenue_per_customer($1),
        'cost', @extschema@.cost($1),
        'profit', @extschema@.profit($1),
        'profit_per_customer', @extschema@.profit_per_customer($1),
        'first_order_at', @extschema@.first_order_at($1),
        'last_order_at', @extschema@.last_order_at($1),
        'avg_lifespan_seconds', pg_catalog.date_part('epoch', @extschema@.avg_lifespan($1)),
        'avg_time_between_purchases_seconds', pg_catalog.date_part('epoch', @extschema@.avg_time_between_purchases($1)),
        'median_time_between_purchases_seconds', pg_catalog.date_part('epoch', @extschema@.median_time_between_purchases($1)),
        'gap_resolution_seconds', pg_catalog.date_part('epoch', @extschema@.gap_resolution($1))) $$;
COMMENT ON FUNCTION @extschema@.customer_stats_jsonb(@extschema@.customer_stats) IS
    'The cast of customer_stats to jsonb: customers, orders, repeat_customers, items, orders_per_customer, repeat_purchase_rate, revenue, avg_order_value, revenue_per_customer, cost, profit, profit_per_customer, first_order_at, last_order_at, and avg_lifespan, avg_time_between_purchases, median_time_between_purchases, gap_resolution in seconds (*_seconds) (docs/values.md).';
CREATE FUNCTION @extschema@.customer_stats_json(@extschema@.customer_stats) RETURNS json
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.customer_stats_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.customer_stats_json(@extschema@.customer_stats) IS
    'The cast of customer_stats to json (what to_json, to_jsonb and row_to_json use): customer_stats_jsonb as json.';
CREATE CAST (@extschema@.customer_stats AS jsonb) WITH FUNCTION @extschema@.customer_stats_jsonb(@extschema@.customer_stats);
COMMENT ON CAST (@extschema@.customer_stats AS jsonb) IS
    'customer_stats as JSON for drivers: customers, orders, repeat_customers, items, orders_per_customer, repeat_purchase_rate, revenue, avg_order_value, revenue_per_customer, cost, profit, profit_per_customer, first_order_at, last_order_at, and avg_lifespan, avg_time_between_purchases, median_time_between_purchases, gap_resolution in seconds (*_seconds).';
CREATE CAST (@extschema@.customer_stats AS json) WITH FUNCTION @extschema@.customer_stats_json(@extschema@.customer_stats);
COMMENT ON CAST (@extschema@.customer_stats AS json) IS
    'customer_stats as JSON for drivers (the keys of its jsonb cast).';

-- period_series ---------------------------------------------------------------------------
CREATE FUNCTION @extschema@.period_series_eq(@extschema@.period_series, @extschema@.period_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_eq(@extschema@.period_series, @extschema@.period_series) IS
    'The = operator of period_series: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.period_series_ne(@extschema@.period_series, @extschema@.period_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_ne(@extschema@.period_series, @extschema@.period_series) IS
    'The <> operator of period_series: not equal.';
CREATE FUNCTION @extschema@.period_series_lt(@extschema@.period_series, @extschema@.period_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_lt(@extschema@.period_series, @extschema@.period_series) IS
    'The < operator of period_series: sorts before.';
CREATE FUNCTION @extschema@.period_series_le(@extschema@.period_series, @extschema@.period_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_le(@extschema@.period_series, @extschema@.period_series) IS
    'The <= operator of period_series: sorts before or equal.';
CREATE FUNCTION @extschema@.period_series_gt(@extschema@.period_series, @extschema@.period_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_gt(@extschema@.period_series, @extschema@.period_series) IS
    'The > operator of period_series: sorts after.';
CREATE FUNCTION @extschema@.period_series_ge(@extschema@.period_series, @extschema@.period_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_ge(@extschema@.period_series, @extschema@.period_series) IS
    'The >= operator of period_series: sorts after or equal.';
CREATE FUNCTION @extschema@.period_series_cmp(@extschema@.period_series, @extschema@.period_series) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_cmp(@extschema@.period_series, @extschema@.period_series) IS
    'Btree comparison of period_series (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.period_series_hash(@extschema@.period_series) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_hash(@extschema@.period_series) IS
    'Hash of period_series (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.period_series_hash_extended(@extschema@.period_series, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_hash_extended(@extschema@.period_series, bigint) IS
    '64-bit seeded hash of period_series (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.period_series, RIGHTARG = @extschema@.period_series, FUNCTION = @extschema@.period_series_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.period_series, @extschema@.period_series) IS
    'period_series = period_series: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.period_series, RIGHTARG = @extschema@.period_series, FUNCTION = @extschema@.period_series_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.period_series, @extschema@.period_series) IS
    'period_series <> period_series: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.period_series, RIGHTARG = @extschema@.period_series, FUNCTION = @extschema@.period_series_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.period_series, @extschema@.period_series) IS
    'period_series < period_series: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.period_series, RIGHTARG = @extschema@.period_series, FUNCTION = @extschema@.period_series_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.period_series, @extschema@.period_series) IS
    'period_series <= period_series: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.period_series, RIGHTARG = @extschema@.period_series, FUNCTION = @extschema@.period_series_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.period_series, @extschema@.period_series) IS
    'period_series > period_series: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.period_series, RIGHTARG = @extschema@.period_series, FUNCTION = @extschema@.period_series_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.period_series, @extschema@.period_series) IS
    'period_series >= period_series: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.period_series_ops DEFAULT FOR TYPE @extschema@.period_series USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.period_series_cmp(@extschema@.period_series, @extschema@.period_series);
COMMENT ON OPERATOR CLASS @extschema@.period_series_ops USING btree IS
    'Default btree class of period_series: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.period_series_ops USING btree IS
    'Btree family of period_series (its default class alone).';
CREATE OPERATOR CLASS @extschema@.period_series_ops DEFAULT FOR TYPE @extschema@.period_series USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.period_series_hash(@extschema@.period_series), FUNCTION 2 @extschema@.period_series_hash_extended(@extschema@.period_series, bigint);
COMMENT ON OPERATOR CLASS @extschema@.period_series_ops USING hash IS
    'Default hash class of period_series: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.period_series_ops USING hash IS
    'Hash family of period_series (its default class alone).';
CREATE FUNCTION @extschema@.period_series_jsonb(@extschema@.period_series) RETURNS jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'periods', (SELECT COALESCE(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r)), '[]'::pg_catalog.jsonb) FROM @extschema@.periods($1) r)) $$;
COMMENT ON FUNCTION @extschema@.period_series_jsonb(@extschema@.period_series) IS
    'The cast of period_series to jsonb: periods: the rows of periods() (docs/values.md).';
CREATE FUNCTION @extschema@.period_series_json(@extschema@.period_series) RETURNS json
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.period_series_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.period_series_json(@extschema@.period_series) IS
    'The cast of period_series to json (what to_json, to_jsonb and row_to_json use): period_series_jsonb as json.';
CREATE CAST (@extschema@.period_series AS jsonb) WITH FUNCTION @extschema@.period_series_jsonb(@extschema@.period_series);
COMMENT ON CAST (@extschema@.period_series AS jsonb) IS
    'period_series as JSON for drivers: periods: the rows of periods().';
CREATE CAST (@extschema@.period_series AS json) WITH FUNCTION @extschema@.period_series_json(@extschema@.period_series);
COMMENT ON CAST (@extschema@.period_series AS json) IS
    'period_series as JSON for drivers (the keys of its jsonb cast).';

-- retention_summary -----------------------------------------------------------------------
CREATE FUNCTION @extschema@.retention_summary_eq(@extschema@.retention_summary, @extschema@.retention_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_summary_eq(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'The = operator of retention_summary: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.retention_summary_ne(@extschema@.retention_summary, @extschema@.retention_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_summary_ne(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'The <> operator of retention_summary: not equal.';
CREATE FUNCTION @extschema@.retention_summary_lt(@extschema@.retention_summary, @extschema@.retention_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_summary_lt(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'The < operator of retention_summary: sorts before.';
CREATE FUNCTION @extschema@.retention_summary_le(@extschema@.retention_summary, @extschema@.retention_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_summary_le(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'The <= operator of retention_summary: sorts before or equal.';
CREATE FUNCTION @extschema@.retention_summary_gt(@extschema@.retention_summary, @extschema@.retention_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_summary_gt(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'The > operator of retention_summary: sorts after.';
CREATE FUNCTION @extschema@.retention_summary_ge(@extschema@.retention_summary, @extschema@.retention_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_summary_ge(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'The >= operator of retention_summary: sorts after or equal.';
CREATE FUNCTION @extschema@.retention_summary_cmp(@extschema@.retention_summary, @extschema@.retention_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_summary_cmp(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'Btree comparison of retention_summary (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.retention_summary_hash(@extschema@.retention_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_summary_hash(@extschema@.retention_summary) IS
    'Hash of retention_summary (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.retention_summary_hash_extended(@extschema@.retention_summary, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_summary_hash_extended(@extschema@.retention_summary, bigint) IS
    '64-bit seeded hash of retention_summary (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.retention_summary, RIGHTARG = @extschema@.retention_summary, FUNCTION = @extschema@.retention_summary_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'retention_summary = retention_summary: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.retention_summary, RIGHTARG = @extschema@.retention_summary, FUNCTION = @extschema@.retention_summary_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'retention_summary <> retention_summary: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.retention_summary, RIGHTARG = @extschema@.retention_summary, FUNCTION = @extschema@.retention_summary_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'retention_summary < retention_summary: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.retention_summary, RIGHTARG = @extschema@.retention_summary, FUNCTION = @extschema@.retention_summary_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'retention_summary <= retention_summary: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.retention_summary, RIGHTARG = @extschema@.retention_summary, FUNCTION = @extschema@.retention_summary_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'retention_summary > retention_summary: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.retention_summary, RIGHTARG = @extschema@.retention_summary, FUNCTION = @extschema@.retention_summary_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'retention_summary >= retention_summary: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.retention_summary_ops DEFAULT FOR TYPE @extschema@.retention_summary USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.retention_summary_cmp(@extschema@.retention_summary, @extschema@.retention_summary);
COMMENT ON OPERATOR CLASS @extschema@.retention_summary_ops USING btree IS
    'Default btree class of retention_summary: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.retention_summary_ops USING btree IS
    'Btree family of retention_summary (its default class alone).';
CREATE OPERATOR CLASS @extschema@.retention_summary_ops DEFAULT FOR TYPE @extschema@.retention_summary USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.retention_summary_hash(@extschema@.retention_summary), FUNCTION 2 @extschema@.retention_summary_hash_extended(@extschema@.retention_summary, bigint);
COMMENT ON OPERATOR CLASS @extschema@.retention_summary_ops USING hash IS
    'Default hash class of retention_summary: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.retention_summary_ops USING hash IS
    'Hash family of retention_summary (its default class alone).';
CREATE FUNCTION @extschema@.retention_summary_jsonb(@extschema@.retention_summary) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'customers_start', @extschema@.customers_start($1),
        'new_customers', @extschema@.new_customers($1),
        'retained', @extschema@.retained($1),
        'reactivated', @extschema@.reactivated($1),
        'churned', @extschema@.churned($1),
        'customers_end', @extschema@.customers_end($1),
        'retention_rate', @extschema@.retention_rate($1),
        'churn_rate', @extschema@.churn_rate($1)) $$;
COMMENT ON FUNCTION @extschema@.retention_summary_jsonb(@extschema@.retention_summary) IS
    'The cast of retention_summary to jsonb: customers_start, new_customers, retained, reactivated, churned, customers_end, retention_rate, churn_rate (docs/values.md).';
CREATE FUNCTION @extschema@.retention_summary_json(@extschema@.retention_summary) RETURNS json
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.retention_summary_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.retention_summary_json(@extschema@.retention_summary) IS
    'The cast of retention_summary to json (what to_json, to_jsonb and row_to_json use): retention_summary_jsonb as json.';
CREATE CAST (@extschema@.retention_summary AS jsonb) WITH FUNCTION @extschema@.retention_summary_jsonb(@extschema@.retention_summary);
COMMENT ON CAST (@extschema@.retention_summary AS jsonb) IS
    'retention_summary as JSON for drivers: customers_start, new_customers, retained, reactivated, churned, customers_end, retention_rate, churn_rate.';
CREATE CAST (@extschema@.retention_summary AS json) WITH FUNCTION @extschema@.retention_summary_json(@extschema@.retention_summary);
COMMENT ON CAST (@extschema@.retention_summary AS json) IS
    'retention_summary as JSON for drivers (the keys of its jsonb cast).';

-- cohort_summary --------------------------------------------------------------------------
CREATE FUNCTION @extschema@.cohort_summary_eq(@extschema@.cohort_summary, @extschema@.cohort_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_summary_eq(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'The = operator of cohort_summary: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.cohort_summary_ne(@extschema@.cohort_summary, @extschema@.cohort_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_summary_ne(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'The <> operator of cohort_summary: not equal.';
CREATE FUNCTION @extschema@.cohort_summary_lt(@extschema@.cohort_summary, @extschema@.cohort_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_summary_lt(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'The < operator of cohort_summary: sorts before.';
CREATE FUNCTION @extschema@.cohort_summary_le(@extschema@.cohort_summary, @extschema@.cohort_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_summary_le(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'The <= operator of cohort_summary: sorts before or equal.';
CREATE FUNCTION @extschema@.cohort_summary_gt(@extschema@.cohort_summary, @extschema@.cohort_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_summary_gt(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'The > operator of cohort_summary: sorts after.';
CREATE FUNCTION @extschema@.cohort_summary_ge(@extschema@.cohort_summary, @extschema@.cohort_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_summary_ge(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'The >= operator of cohort_summary: sorts after or equal.';
CREATE FUNCTION @extschema@.cohort_summary_cmp(@extschema@.cohort_summary, @extschema@.cohort_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_summary_cmp(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'Btree comparison of cohort_summary (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.cohort_summary_hash(@extschema@.cohort_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_summary_hash(@extschema@.cohort_summary) IS
    'Hash of cohort_summary (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.cohort_summary_hash_extended(@extschema@.cohort_summary, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_summary_hash_extended(@extschema@.cohort_summary, bigint) IS
    '64-bit seeded hash of cohort_summary (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.cohort_summary, RIGHTARG = @extschema@.cohort_summary, FUNCTION = @extschema@.cohort_summary_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'cohort_summary = cohort_summary: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.cohort_summary, RIGHTARG = @extschema@.cohort_summary, FUNCTION = @extschema@.cohort_summary_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'cohort_summary <> cohort_summary: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.cohort_summary, RIGHTARG = @extschema@.cohort_summary, FUNCTION = @extschema@.cohort_summary_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'cohort_summary < cohort_summary: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.cohort_summary, RIGHTARG = @extschema@.cohort_summary, FUNCTION = @extschema@.cohort_summary_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'cohort_summary <= cohort_summary: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.cohort_summary, RIGHTARG = @extschema@.cohort_summary, FUNCTION = @extschema@.cohort_summary_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'cohort_summary > cohort_summary: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.cohort_summary, RIGHTARG = @extschema@.cohort_summary, FUNCTION = @extschema@.cohort_summary_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'cohort_summary >= cohort_summary: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.cohort_summary_ops DEFAULT FOR TYPE @extschema@.cohort_summary USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.cohort_summary_cmp(@extschema@.cohort_summary, @extschema@.cohort_summary);
COMMENT ON OPERATOR CLASS @extschema@.cohort_summary_ops USING btree IS
    'Default btree class of cohort_summary: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.cohort_summary_ops USING btree IS
    'Btree family of cohort_summary (its default class alone).';
CREATE OPERATOR CLASS @extschema@.cohort_summary_ops DEFAULT FOR TYPE @extschema@.cohort_summary USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.cohort_summary_hash(@extschema@.cohort_summary), FUNCTION 2 @extschema@.cohort_summary_hash_extended(@extschema@.cohort_summary, bigint);
COMMENT ON OPERATOR CLASS @extschema@.cohort_summary_ops USING hash IS
    'Default hash class of cohort_summary: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.cohort_summary_ops USING hash IS
    'Hash family of cohort_summary (its default class alone).';
CREATE FUNCTION @extschema@.cohort_summary_jsonb(@extschema@.cohort_summary) RETURNS jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'recurring', @extschema@.is_recurring($1),
        'cohorts', (SELECT COALESCE(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r)), '[]'::pg_catalog.jsonb) FROM @extschema@.cohort_table($1) r),
        'curve', (SELECT COALESCE(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r)), '[]'::pg_catalog.jsonb) FROM @extschema@.retention_curve($1) r),
        'brackets', (SELECT COALESCE(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r)), '[]'::pg_catalog.jsonb) FROM @extschema@.bracket_retention($1) r)) $$;
COMMENT ON FUNCTION @extschema@.cohort_summary_jsonb(@extschema@.cohort_summary) IS
    'The cast of cohort_summary to jsonb: recurring, cohorts (the rows of cohort_table()), curve (retention_curve()), brackets (bracket_retention()) (docs/values.md).';
CREATE FUNCTION @extschema@.cohort_summary_json(@extschema@.cohort_summary) RETURNS json
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.cohort_summary_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.cohort_summary_json(@extschema@.cohort_summary) IS
    'The cast of cohort_summary to json (what to_json, to_jsonb and row_to_json use): cohort_summary_jsonb as json.';
CREATE CAST (@extschema@.cohort_summary AS jsonb) WITH FUNCTION @extschema@.cohort_summary_jsonb(@extschema@.cohort_summary);
COMMENT ON CAST (@extschema@.cohort_summary AS jsonb) IS
    'cohort_summary as JSON for drivers: recurring, cohorts (the rows of cohort_table()), curve (retention_curve()), brackets (bracket_retention()).';
CREATE CAST (@extschema@.cohort_summary AS json) WITH FUNCTION @extschema@.cohort_summary_json(@extschema@.cohort_summary);
COMMENT ON CAST (@extschema@.cohort_summary AS json) IS
    'cohort_summary as JSON for drivers (the keys of its jsonb cast).';

-- mrr_series ------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.mrr_series_eq(@extschema@.mrr_series, @extschema@.mrr_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_series_eq(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'The = operator of mrr_series: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.mrr_series_ne(@extschema@.mrr_series, @extschema@.mrr_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_series_ne(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'The <> operator of mrr_series: not equal.';
CREATE FUNCTION @extschema@.mrr_series_lt(@extschema@.mrr_series, @extschema@.mrr_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_series_lt(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'The < operator of mrr_series: sorts before.';
CREATE FUNCTION @extschema@.mrr_series_le(@extschema@.mrr_series, @extschema@.mrr_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_series_le(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'The <= operator of mrr_series: sorts before or equal.';
CREATE FUNCTION @extschema@.mrr_series_gt(@extschema@.mrr_series, @extschema@.mrr_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_series_gt(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'The > operator of mrr_series: sorts after.';
CREATE FUNCTION @extschema@.mrr_series_ge(@extschema@.mrr_series, @extschema@.mrr_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_series_ge(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'The >= operator of mrr_series: sorts after or equal.';
CREATE FUNCTION @extschema@.mrr_series_cmp(@extschema@.mrr_series, @extschema@.mrr_series) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_series_cmp(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'Btree comparison of mrr_series (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.mrr_series_hash(@extschema@.mrr_series) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_series_hash(@extschema@.mrr_series) IS
    'Hash of mrr_series (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.mrr_series_hash_extended(@extschema@.mrr_series, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_series_hash_extended(@extschema@.mrr_series, bigint) IS
    '64-bit seeded hash of mrr_series (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.mrr_series, RIGHTARG = @extschema@.mrr_series, FUNCTION = @extschema@.mrr_series_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'mrr_series = mrr_series: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.mrr_series, RIGHTARG = @extschema@.mrr_series, FUNCTION = @extschema@.mrr_series_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'mrr_series <> mrr_series: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.mrr_series, RIGHTARG = @extschema@.mrr_series, FUNCTION = @extschema@.mrr_series_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'mrr_series < mrr_series: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.mrr_series, RIGHTARG = @extschema@.mrr_series, FUNCTION = @extschema@.mrr_series_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'mrr_series <= mrr_series: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.mrr_series, RIGHTARG = @extschema@.mrr_series, FUNCTION = @extschema@.mrr_series_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'mrr_series > mrr_series: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.mrr_series, RIGHTARG = @extschema@.mrr_series, FUNCTION = @extschema@.mrr_series_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'mrr_series >= mrr_series: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.mrr_series_ops DEFAULT FOR TYPE @extschema@.mrr_series USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.mrr_series_cmp(@extschema@.mrr_series, @extschema@.mrr_series);
COMMENT ON OPERATOR CLASS @extschema@.mrr_series_ops USING btree IS
    'Default btree class of mrr_series: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.mrr_series_ops USING btree IS
    'Btree family of mrr_series (its default class alone).';
CREATE OPERATOR CLASS @extschema@.mrr_series_ops DEFAULT FOR TYPE @extschema@.mrr_series USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.mrr_series_hash(@extschema@.mrr_series), FUNCTION 2 @extschema@.mrr_series_hash_extended(@extschema@.mrr_series, bigint);
COMMENT ON OPERATOR CLASS @extschema@.mrr_series_ops USING hash IS
    'Default hash class of mrr_series: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.mrr_series_ops USING hash IS
    'Hash family of mrr_series (its default class alone).';
CREATE FUNCTION @extschema@.mrr_series_jsonb(@extschema@.mrr_series) RETURNS jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'periods', (SELECT COALESCE(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r)), '[]'::pg_catalog.jsonb) FROM @extschema@.periods($1) r)) $$;
COMMENT ON FUNCTION @extschema@.mrr_series_jsonb(@extschema@.mrr_series) IS
    'The cast of mrr_series to jsonb: periods: the rows of periods() (docs/values.md).';
CREATE FUNCTION @extschema@.mrr_series_json(@extschema@.mrr_series) RETURNS json
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.mrr_series_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.mrr_series_json(@extschema@.mrr_series) IS
    'The cast of mrr_series to json (what to_json, to_jsonb and row_to_json use): mrr_series_jsonb as json.';
CREATE CAST (@extschema@.mrr_series AS jsonb) WITH FUNCTION @extschema@.mrr_series_jsonb(@extschema@.mrr_series);
COMMENT ON CAST (@extschema@.mrr_series AS jsonb) IS
    'mrr_series as JSON for drivers: periods: the rows of periods().';
CREATE CAST (@extschema@.mrr_series AS json) WITH FUNCTION @extschema@.mrr_series_json(@extschema@.mrr_series);
COMMENT ON CAST (@extschema@.mrr_series AS json) IS
    'mrr_series as JSON for drivers (the keys of its jsonb cast).';

-- mrr_summary -----------------------------------------------------------------------------
CREATE FUNCTION @extschema@.mrr_summary_eq(@extschema@.mrr_summary, @extschema@.mrr_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_summary_eq(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'The = operator of mrr_summary: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.mrr_summary_ne(@extschema@.mrr_summary, @extschema@.mrr_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_summary_ne(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'The <> operator of mrr_summary: not equal.';
CREATE FUNCTION @extschema@.mrr_summary_lt(@extschema@.mrr_summary, @extschema@.mrr_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_summary_lt(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'The < operator of mrr_summary: sorts before.';
CREATE FUNCTION @extschema@.mrr_summary_le(@extschema@.mrr_summary, @extschema@.mrr_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_summary_le(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'The <= operator of mrr_summary: sorts before or equal.';
CREATE FUNCTION @extschema@.mrr_summary_gt(@extschema@.mrr_summary, @extschema@.mrr_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_summary_gt(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'The > operator of mrr_summary: sorts after.';
CREATE FUNCTION @extschema@.mrr_summary_ge(@extschema@.mrr_summary, @extschema@.mrr_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_summary_ge(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'The >= operator of mrr_summary: sorts after or equal.';
CREATE FUNCTION @extschema@.mrr_summary_cmp(@extschema@.mrr_summary, @extschema@.mrr_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_summary_cmp(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'Btree comparison of mrr_summary (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.mrr_summary_hash(@extschema@.mrr_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_summary_hash(@extschema@.mrr_summary) IS
    'Hash of mrr_summary (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.mrr_summary_hash_extended(@extschema@.mrr_summary, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_summary_hash_extended(@extschema@.mrr_summary, bigint) IS
    '64-bit seeded hash of mrr_summary (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.mrr_summary, RIGHTARG = @extschema@.mrr_summary, FUNCTION = @extschema@.mrr_summary_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'mrr_summary = mrr_summary: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.mrr_summary, RIGHTARG = @extschema@.mrr_summary, FUNCTION = @extschema@.mrr_summary_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'mrr_summary <> mrr_summary: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.mrr_summary, RIGHTARG = @extschema@.mrr_summary, FUNCTION = @extschema@.mrr_summary_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'mrr_summary < mrr_summary: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.mrr_summary, RIGHTARG = @extschema@.mrr_summary, FUNCTION = @extschema@.mrr_summary_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'mrr_summary <= mrr_summary: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.mrr_summary, RIGHTARG = @extschema@.mrr_summary, FUNCTION = @extschema@.mrr_summary_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'mrr_summary > mrr_summary: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.mrr_summary, RIGHTARG = @extschema@.mrr_summary, FUNCTION = @extschema@.mrr_summary_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'mrr_summary >= mrr_summary: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.mrr_summary_ops DEFAULT FOR TYPE @extschema@.mrr_summary USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.mrr_summary_cmp(@extschema@.mrr_summary, @extschema@.mrr_summary);
COMMENT ON OPERATOR CLASS @extschema@.mrr_summary_ops USING btree IS
    'Default btree class of mrr_summary: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.mrr_summary_ops USING btree IS
    'Btree family of mrr_summary (its default class alone).';
CREATE OPERATOR CLASS @extschema@.mrr_summary_ops DEFAULT FOR TYPE @extschema@.mrr_summary USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.mrr_summary_hash(@extschema@.mrr_summary), FUNCTION 2 @extschema@.mrr_summary_hash_extended(@extschema@.mrr_summary, bigint);
COMMENT ON OPERATOR CLASS @extschema@.mrr_summary_ops USING hash IS
    'Default hash class of mrr_summary: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.mrr_summary_ops USING hash IS
    'Hash family of mrr_summary (its default class alone).';
CREATE FUNCTION @extschema@.mrr_summary_jsonb(@extschema@.mrr_summary) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'mrr_start', @extschema@.mrr_start($1),
        'new_mrr', @extschema@.new_mrr($1),
        'expansion_mrr', @extschema@.expansion_mrr($1),
        'contraction_mrr', @extschema@.contraction_mrr($1),
        'churned_mrr', @extschema@.churned_mrr($1),
        'mrr_end', @extschema@.mrr_end($1),
        'customers_start', @extschema@.customers_start($1),
        'new_customers', @extschema@.new_customers($1),
        'expanded_customers', @extschema@.expanded_customers($1),
        'contracted_customers', @extschema@.contracted_customers($1),
        'churned_customers', @extschema@.churned_customers($1),
        'customers_end', @extschema@.customers_end($1),
        'revenue_churn', @extschema@.revenue_churn($1),
        'gross_mrr_churn', @extschema@.gross_mrr_churn($1),
        'net_mrr_churn', @extschema@.net_mrr_churn($1),
        'gross_revenue_retention', @extschema@.gross_revenue_retention($1),
        'net_revenue_retention', @extschema@.net_revenue_retention($1),
        'quick_ratio', @extschema@.quick_ratio($1)) $$;
COMMENT ON FUNCTION @extschema@.mrr_summary_jsonb(@extschema@.mrr_summary) IS
    'The cast of mrr_summary to jsonb: the figures of its accessors: mrr_start, new_mrr, expansion_mrr, contraction_mrr, churned_mrr, mrr_end, the customer counts and the rates (docs/values.md).';
CREATE FUNCTION @extschema@.mrr_summary_json(@extschema@.mrr_summary) RETURNS json
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.mrr_summary_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.mrr_summary_json(@extschema@.mrr_summary) IS
    'The cast of mrr_summary to json (what to_json, to_jsonb and row_to_json use): mrr_summary_jsonb as json.';
CREATE CAST (@extschema@.mrr_summary AS jsonb) WITH FUNCTION @extschema@.mrr_summary_jsonb(@extschema@.mrr_summary);
COMMENT ON CAST (@extschema@.mrr_summary AS jsonb) IS
    'mrr_summary as JSON for drivers: the figures of its accessors: mrr_start, new_mrr, expansion_mrr, contraction_mrr, churned_mrr, mrr_end, the customer counts and the rates.';
CREATE CAST (@extschema@.mrr_summary AS json) WITH FUNCTION @extschema@.mrr_summary_json(@extschema@.mrr_summary);
COMMENT ON CAST (@extschema@.mrr_summary AS json) IS
    'mrr_summary as JSON for drivers (the keys of its jsonb cast).';

-- bgnbd_model -----------------------------------------------------------------------------
CREATE FUNCTION @extschema@.bgnbd_model_eq(@extschema@.bgnbd_model, @extschema@.bgnbd_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgnbd_model_eq(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'The = operator of bgnbd_model: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.bgnbd_model_ne(@extschema@.bgnbd_model, @extschema@.bgnbd_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgnbd_model_ne(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'The <> operator of bgnbd_model: not equal.';
CREATE FUNCTION @extschema@.bgnbd_model_lt(@extschema@.bgnbd_model, @extschema@.bgnbd_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgnbd_model_lt(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'The < operator of bgnbd_model: sorts before.';
CREATE FUNCTION @extschema@.bgnbd_model_le(@extschema@.bgnbd_model, @extschema@.bgnbd_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgnbd_model_le(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'The <= operator of bgnbd_model: sorts before or equal.';
CREATE FUNCTION @extschema@.bgnbd_model_gt(@extschema@.bgnbd_model, @extschema@.bgnbd_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgnbd_model_gt(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'The > operator of bgnbd_model: sorts after.';
CREATE FUNCTION @extschema@.bgnbd_model_ge(@extschema@.bgnbd_model, @extschema@.bgnbd_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgnbd_model_ge(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'The >= operator of bgnbd_model: sorts after or equal.';
CREATE FUNCTION @extschema@.bgnbd_model_cmp(@extschema@.bgnbd_model, @extschema@.bgnbd_model) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgnbd_model_cmp(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'Btree comparison of bgnbd_model (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.bgnbd_model_hash(@extschema@.bgnbd_model) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgnbd_model_hash(@extschema@.bgnbd_model) IS
    'Hash of bgnbd_model (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.bgnbd_model_hash_extended(@extschema@.bgnbd_model, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgnbd_model_hash_extended(@extschema@.bgnbd_model, bigint) IS
    '64-bit seeded hash of bgnbd_model (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.bgnbd_model, RIGHTARG = @extschema@.bgnbd_model, FUNCTION = @extschema@.bgnbd_model_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'bgnbd_model = bgnbd_model: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.bgnbd_model, RIGHTARG = @extschema@.bgnbd_model, FUNCTION = @extschema@.bgnbd_model_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'bgnbd_model <> bgnbd_model: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.bgnbd_model, RIGHTARG = @extschema@.bgnbd_model, FUNCTION = @extschema@.bgnbd_model_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'bgnbd_model < bgnbd_model: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.bgnbd_model, RIGHTARG = @extschema@.bgnbd_model, FUNCTION = @extschema@.bgnbd_model_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'bgnbd_model <= bgnbd_model: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.bgnbd_model, RIGHTARG = @extschema@.bgnbd_model, FUNCTION = @extschema@.bgnbd_model_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'bgnbd_model > bgnbd_model: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.bgnbd_model, RIGHTARG = @extschema@.bgnbd_model, FUNCTION = @extschema@.bgnbd_model_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'bgnbd_model >= bgnbd_model: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.bgnbd_model_ops DEFAULT FOR TYPE @extschema@.bgnbd_model USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.bgnbd_model_cmp(@extschema@.bgnbd_model, @extschema@.bgnbd_model);
COMMENT ON OPERATOR CLASS @extschema@.bgnbd_model_ops USING btree IS
    'Default btree class of bgnbd_model: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.bgnbd_model_ops USING btree IS
    'Btree family of bgnbd_model (its default class alone).';
CREATE OPERATOR CLASS @extschema@.bgnbd_model_ops DEFAULT FOR TYPE @extschema@.bgnbd_model USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.bgnbd_model_hash(@extschema@.bgnbd_model), FUNCTION 2 @extschema@.bgnbd_model_hash_extended(@extschema@.bgnbd_model, bigint);
COMMENT ON OPERATOR CLASS @extschema@.bgnbd_model_ops USING hash IS
    'Default hash class of bgnbd_model: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.bgnbd_model_ops USING hash IS
    'Hash family of bgnbd_model (its default class alone).';
CREATE FUNCTION @extschema@.bgnbd_model_jsonb(@extschema@.bgnbd_model) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'model', 'bgnbd',
        'parameters', pg_catalog.to_jsonb(@extschema@.parameters($1)),
        'fit_info', pg_catalog.to_jsonb(@extschema@.fit_info($1))) $$;
COMMENT ON FUNCTION @extschema@.bgnbd_model_jsonb(@extschema@.bgnbd_model) IS
    'The cast of bgnbd_model to jsonb: model, parameters (r, alpha, a, b), fit_info (docs/values.md).';
CREATE FUNCTION @extschema@.bgnbd_model_json(@extschema@.bgnbd_model) RETURNS json
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.bgnbd_model_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.bgnbd_model_json(@extschema@.bgnbd_model) IS
    'The cast of bgnbd_model to json (what to_json, to_jsonb and row_to_json use): bgnbd_model_jsonb as json.';
CREATE CAST (@extschema@.bgnbd_model AS jsonb) WITH FUNCTION @extschema@.bgnbd_model_jsonb(@extschema@.bgnbd_model);
COMMENT ON CAST (@extschema@.bgnbd_model AS jsonb) IS
    'bgnbd_model as JSON for drivers: model, parameters (r, alpha, a, b), fit_info.';
CREATE CAST (@extschema@.bgnbd_model AS json) WITH FUNCTION @extschema@.bgnbd_model_json(@extschema@.bgnbd_model);
COMMENT ON CAST (@extschema@.bgnbd_model AS json) IS
    'bgnbd_model as JSON for drivers (the keys of its jsonb cast).';

-- gamma_gamma_model -----------------------------------------------------------------------
CREATE FUNCTION @extschema@.gamma_gamma_model_eq(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_eq(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'The = operator of gamma_gamma_model: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.gamma_gamma_model_ne(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_ne(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'The <> operator of gamma_gamma_model: not equal.';
CREATE FUNCTION @extschema@.gamma_gamma_model_lt(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_lt(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'The < operator of gamma_gamma_model: sorts before.';
CREATE FUNCTION @extschema@.gamma_gamma_model_le(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_le(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'The <= operator of gamma_gamma_model: sorts before or equal.';
CREATE FUNCTION @extschema@.gamma_gamma_model_gt(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_gt(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'The > operator of gamma_gamma_model: sorts after.';
CREATE FUNCTION @extschema@.gamma_gamma_model_ge(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_ge(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'The >= operator of gamma_gamma_model: sorts after or equal.';
CREATE FUNCTION @extschema@.gamma_gamma_model_cmp(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_cmp(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'Btree comparison of gamma_gamma_model (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.gamma_gamma_model_hash(@extschema@.gamma_gamma_model) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_hash(@extschema@.gamma_gamma_model) IS
    'Hash of gamma_gamma_model (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.gamma_gamma_model_hash_extended(@extschema@.gamma_gamma_model, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_hash_extended(@extschema@.gamma_gamma_model, bigint) IS
    '64-bit seeded hash of gamma_gamma_model (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.gamma_gamma_model, RIGHTARG = @extschema@.gamma_gamma_model, FUNCTION = @extschema@.gamma_gamma_model_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'gamma_gamma_model = gamma_gamma_model: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.gamma_gamma_model, RIGHTARG = @extschema@.gamma_gamma_model, FUNCTION = @extschema@.gamma_gamma_model_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'gamma_gamma_model <> gamma_gamma_model: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.gamma_gamma_model, RIGHTARG = @extschema@.gamma_gamma_model, FUNCTION = @extschema@.gamma_gamma_model_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'gamma_gamma_model < gamma_gamma_model: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.gamma_gamma_model, RIGHTARG = @extschema@.gamma_gamma_model, FUNCTION = @extschema@.gamma_gamma_model_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'gamma_gamma_model <= gamma_gamma_model: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.gamma_gamma_model, RIGHTARG = @extschema@.gamma_gamma_model, FUNCTION = @extschema@.gamma_gamma_model_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'gamma_gamma_model > gamma_gamma_model: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.gamma_gamma_model, RIGHTARG = @extschema@.gamma_gamma_model, FUNCTION = @extschema@.gamma_gamma_model_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'gamma_gamma_model >= gamma_gamma_model: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.gamma_gamma_model_ops DEFAULT FOR TYPE @extschema@.gamma_gamma_model USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.gamma_gamma_model_cmp(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model);
COMMENT ON OPERATOR CLASS @extschema@.gamma_gamma_model_ops USING btree IS
    'Default btree class of gamma_gamma_model: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.gamma_gamma_model_ops USING btree IS
    'Btree family of gamma_gamma_model (its default class alone).';
CREATE OPERATOR CLASS @extschema@.gamma_gamma_model_ops DEFAULT FOR TYPE @extschema@.gamma_gamma_model USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.gamma_gamma_model_hash(@extschema@.gamma_gamma_model), FUNCTION 2 @extschema@.gamma_gamma_model_hash_extended(@extschema@.gamma_gamma_model, bigint);
COMMENT ON OPERATOR CLASS @extschema@.gamma_gamma_model_ops USING hash IS
    'Default hash class of gamma_gamma_model: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.gamma_gamma_model_ops USING hash IS
    'Hash family of gamma_gamma_model (its default class alone).';
CREATE FUNCTION @extschema@.gamma_gamma_model_jsonb(@extschema@.gamma_gamma_model) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'model', 'gamma_gamma',
        'parameters', pg_catalog.to_jsonb(@extschema@.parameters($1)),
        'fit_info', pg_catalog.to_jsonb(@extschema@.fit_info($1))) $$;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_jsonb(@extschema@.gamma_gamma_model) IS
    'The cast of gamma_gamma_model to jsonb: model, parameters (p, q, v), fit_info (docs/values.md).';
CREATE FUNCTION @extschema@.gamma_gamma_model_json(@extschema@.gamma_gamma_model) RETURNS json
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.gamma_gamma_model_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_json(@extschema@.gamma_gamma_model) IS
    'The cast of gamma_gamma_model to json (what to_json, to_jsonb and row_to_json use): gamma_gamma_model_jsonb as json.';
CREATE CAST (@extschema@.gamma_gamma_model AS jsonb) WITH FUNCTION @extschema@.gamma_gamma_model_jsonb(@extschema@.gamma_gamma_model);
COMMENT ON CAST (@extschema@.gamma_gamma_model AS jsonb) IS
    'gamma_gamma_model as JSON for drivers: model, parameters (p, q, v), fit_info.';
CREATE CAST (@extschema@.gamma_gamma_model AS json) WITH FUNCTION @extschema@.gamma_gamma_model_json(@extschema@.gamma_gamma_model);
COMMENT ON CAST (@extschema@.gamma_gamma_model AS json) IS
    'gamma_gamma_model as JSON for drivers (the keys of its jsonb cast).';

-- sbg_model -------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.sbg_model_eq(@extschema@.sbg_model, @extschema@.sbg_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_model_eq(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'The = operator of sbg_model: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.sbg_model_ne(@extschema@.sbg_model, @extschema@.sbg_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_model_ne(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'The <> operator of sbg_model: not equal.';
CREATE FUNCTION @extschema@.sbg_model_lt(@extschema@.sbg_model, @extschema@.sbg_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_model_lt(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'The < operator of sbg_model: sorts before.';
CREATE FUNCTION @extschema@.sbg_model_le(@extschema@.sbg_model, @extschema@.sbg_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_model_le(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'The <= operator of sbg_model: sorts before or equal.';
CREATE FUNCTION @extschema@.sbg_model_gt(@extschema@.sbg_model, @extschema@.sbg_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_model_gt(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'The > operator of sbg_model: sorts after.';
CREATE FUNCTION @extschema@.sbg_model_ge(@extschema@.sbg_model, @extschema@.sbg_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_model_ge(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'The >= operator of sbg_model: sorts after or equal.';
CREATE FUNCTION @extschema@.sbg_model_cmp(@extschema@.sbg_model, @extschema@.sbg_model) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_model_cmp(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'Btree comparison of sbg_model (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.sbg_model_hash(@extschema@.sbg_model) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_model_hash(@extschema@.sbg_model) IS
    'Hash of sbg_model (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.sbg_model_hash_extended(@extschema@.sbg_model, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_model_hash_extended(@extschema@.sbg_model, bigint) IS
    '64-bit seeded hash of sbg_model (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.sbg_model, RIGHTARG = @extschema@.sbg_model, FUNCTION = @extschema@.sbg_model_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'sbg_model = sbg_model: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.sbg_model, RIGHTARG = @extschema@.sbg_model, FUNCTION = @extschema@.sbg_model_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'sbg_model <> sbg_model: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.sbg_model, RIGHTARG = @extschema@.sbg_model, FUNCTION = @extschema@.sbg_model_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'sbg_model < sbg_model: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.sbg_model, RIGHTARG = @extschema@.sbg_model, FUNCTION = @extschema@.sbg_model_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'sbg_model <= sbg_model: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.sbg_model, RIGHTARG = @extschema@.sbg_model, FUNCTION = @extschema@.sbg_model_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'sbg_model > sbg_model: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.sbg_model, RIGHTARG = @extschema@.sbg_model, FUNCTION = @extschema@.sbg_model_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'sbg_model >= sbg_model: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.sbg_model_ops DEFAULT FOR TYPE @extschema@.sbg_model USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.sbg_model_cmp(@extschema@.sbg_model, @extschema@.sbg_model);
COMMENT ON OPERATOR CLASS @extschema@.sbg_model_ops USING btree IS
    'Default btree class of sbg_model: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.sbg_model_ops USING btree IS
    'Btree family of sbg_model (its default class alone).';
CREATE OPERATOR CLASS @extschema@.sbg_model_ops DEFAULT FOR TYPE @extschema@.sbg_model USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.sbg_model_hash(@extschema@.sbg_model), FUNCTION 2 @extschema@.sbg_model_hash_extended(@extschema@.sbg_model, bigint);
COMMENT ON OPERATOR CLASS @extschema@.sbg_model_ops USING hash IS
    'Default hash class of sbg_model: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.sbg_model_ops USING hash IS
    'Hash family of sbg_model (its default class alone).';
CREATE FUNCTION @extschema@.sbg_model_jsonb(@extschema@.sbg_model) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'model', 'sbg',
        'parameters', pg_catalog.to_jsonb(@extschema@.parameters($1)),
        'fit_info', pg_catalog.to_jsonb(@extschema@.fit_info($1))) $$;
COMMENT ON FUNCTION @extschema@.sbg_model_jsonb(@extschema@.sbg_model) IS
    'The cast of sbg_model to jsonb: model, parameters (alpha, beta), fit_info (docs/values.md).';
CREATE FUNCTION @extschema@.sbg_model_json(@extschema@.sbg_model) RETURNS json
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.sbg_model_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.sbg_model_json(@extschema@.sbg_model) IS
    'The cast of sbg_model to json (what to_json, to_jsonb and row_to_json use): sbg_model_jsonb as json.';
CREATE CAST (@extschema@.sbg_model AS jsonb) WITH FUNCTION @extschema@.sbg_model_jsonb(@extschema@.sbg_model);
COMMENT ON CAST (@extschema@.sbg_model AS jsonb) IS
    'sbg_model as JSON for drivers: model, parameters (alpha, beta), fit_info.';
CREATE CAST (@extschema@.sbg_model AS json) WITH FUNCTION @extschema@.sbg_model_json(@extschema@.sbg_model);
COMMENT ON CAST (@extschema@.sbg_model AS json) IS
    'sbg_model as JSON for drivers (the keys of its jsonb cast).';

-- survival_curve --------------------------------------------------------------------------
CREATE FUNCTION @extschema@.survival_curve_eq(@extschema@.survival_curve, @extschema@.survival_curve) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival_curve_eq(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'The = operator of survival_curve: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.survival_curve_ne(@extschema@.survival_curve, @extschema@.survival_curve) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival_curve_ne(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'The <> operator of survival_curve: not equal.';
CREATE FUNCTION @extschema@.survival_curve_lt(@extschema@.survival_curve, @extschema@.survival_curve) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival_curve_lt(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'The < operator of survival_curve: sorts before.';
CREATE FUNCTION @extschema@.survival_curve_le(@extschema@.survival_curve, @extschema@.survival_curve) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival_curve_le(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'The <= operator of survival_curve: sorts before or equal.';
CREATE FUNCTION @extschema@.survival_curve_gt(@extschema@.survival_curve, @extschema@.survival_curve) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival_curve_gt(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'The > operator of survival_curve: sorts after.';
CREATE FUNCTION @extschema@.survival_curve_ge(@extschema@.survival_curve, @extschema@.survival_curve) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival_curve_ge(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'The >= operator of survival_curve: sorts after or equal.';
CREATE FUNCTION @extschema@.survival_curve_cmp(@extschema@.survival_curve, @extschema@.survival_curve) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival_curve_cmp(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'Btree comparison of survival_curve (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.survival_curve_hash(@extschema@.survival_curve) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival_curve_hash(@extschema@.survival_curve) IS
    'Hash of survival_curve (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.survival_curve_hash_extended(@extschema@.survival_curve, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival_curve_hash_extended(@extschema@.survival_curve, bigint) IS
    '64-bit seeded hash of survival_curve (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.survival_curve, RIGHTARG = @extschema@.survival_curve, FUNCTION = @extschema@.survival_curve_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'survival_curve = survival_curve: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.survival_curve, RIGHTARG = @extschema@.survival_curve, FUNCTION = @extschema@.survival_curve_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'survival_curve <> survival_curve: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.survival_curve, RIGHTARG = @extschema@.survival_curve, FUNCTION = @extschema@.survival_curve_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'survival_curve < survival_curve: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.survival_curve, RIGHTARG = @extschema@.survival_curve, FUNCTION = @extschema@.survival_curve_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'survival_curve <= survival_curve: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.survival_curve, RIGHTARG = @extschema@.survival_curve, FUNCTION = @extschema@.survival_curve_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'survival_curve > survival_curve: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.survival_curve, RIGHTARG = @extschema@.survival_curve, FUNCTION = @extschema@.survival_curve_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'survival_curve >= survival_curve: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.survival_curve_ops DEFAULT FOR TYPE @extschema@.survival_curve USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.survival_curve_cmp(@extschema@.survival_curve, @extschema@.survival_curve);
COMMENT ON OPERATOR CLASS @extschema@.survival_curve_ops USING btree IS
    'Default btree class of survival_curve: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.survival_curve_ops USING btree IS
    'Btree family of survival_curve (its default class alone).';
CREATE OPERATOR CLASS @extschema@.survival_curve_ops DEFAULT FOR TYPE @extschema@.survival_curve USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.survival_curve_hash(@extschema@.survival_curve), FUNCTION 2 @extschema@.survival_curve_hash_extended(@extschema@.survival_curve, bigint);
COMMENT ON OPERATOR CLASS @extschema@.survival_curve_ops USING hash IS
    'Default hash class of survival_curve: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.survival_curve_ops USING hash IS
    'Hash family of survival_curve (its default class alone).';
CREATE FUNCTION @extschema@.survival_curve_jsonb(@extschema@.survival_curve) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'subjects', @extschema@.subjects($1),
        'median_lifetime', @extschema@.median_lifetime($1),
        'curve', (SELECT COALESCE(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r)), '[]'::pg_catalog.jsonb) FROM @extschema@.survival_curve($1) r)) $$;
COMMENT ON FUNCTION @extschema@.survival_curve_jsonb(@extschema@.survival_curve) IS
    'The cast of survival_curve to jsonb: subjects, median_lifetime, curve (the rows of survival_curve()) (docs/values.md).';
CREATE FUNCTION @extschema@.survival_curve_json(@extschema@.survival_curve) RETURNS json
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.survival_curve_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.survival_curve_json(@extschema@.survival_curve) IS
    'The cast of survival_curve to json (what to_json, to_jsonb and row_to_json use): survival_curve_jsonb as json.';
CREATE CAST (@extschema@.survival_curve AS jsonb) WITH FUNCTION @extschema@.survival_curve_jsonb(@extschema@.survival_curve);
COMMENT ON CAST (@extschema@.survival_curve AS jsonb) IS
    'survival_curve as JSON for drivers: subjects, median_lifetime, curve (the rows of survival_curve()).';
CREATE CAST (@extschema@.survival_curve AS json) WITH FUNCTION @extschema@.survival_curve_json(@extschema@.survival_curve);
COMMENT ON CAST (@extschema@.survival_curve AS json) IS
    'survival_curve as JSON for drivers (the keys of its jsonb cast).';
