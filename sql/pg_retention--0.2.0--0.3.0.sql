-- pg_retention 0.2.0 -> 0.3.0, run by ALTER EXTENSION pg_retention UPDATE.
-- (Refuse to run outside it, as contrib's scripts do.)
\echo Use "ALTER EXTENSION pg_retention UPDATE TO '0.3.0'" to load this file. \quit

-- 0.3.0 makes the extension at home in the tools analysts use (BI tools that parse SQL,
-- drivers, dbt). Each section below names the change of the SQL surface it carries.


-- ============================================================================================
-- issue 16, item 5 (types) (types): scores of other types and float amounts (src/survey.sql,
-- src/orders/{history,stats,series,cohort,mrr}.sql, each file's "issue 16" section).
-- ============================================================================================
-- Scores of other types (issue 16) ---------------------------------------------------------
-- Every aggregate above that takes an integer score has the same aggregate for a smallint,
-- bigint, numeric, double precision or real score (pandas writes bigint, or double precision
-- for an integer column with missing values; schemas use smallint or numeric). A whole number
-- of any of these types is that score; a fraction, NaN or an infinity is error 22023, as is a
-- score off the scale. The integer aggregates keep their own transition (and its per-row fast
-- path); these share one C transition per family (nps_score_trans, ...) that reads the score
-- by its type. Each type has its own SQL declaration of it, not an anyelement one, so that a
-- call without an expression (Citus's workers, OidFunctionCall) still knows the type from
-- the declaration.
-- Resolution (docs/survey.md, tests/pg_regress/sql/input_types.sql): an integer argument
-- still calls the integer aggregate; an untyped literal or NULL beside the scale arguments
-- ('4', NULL), which any overload accepts, goes to the double precision one (PostgreSQL's
-- preferred numeric type), with the same result.

-- transitions of the smallint score aggregates
CREATE FUNCTION @extschema@.nps_score_trans(@extschema@.nps_summary, smallint) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_score_trans(@extschema@.nps_summary, smallint) IS
    'Transition function of nps() and nps_agg() for smallint scores: counts one whole-number '
    'score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a score off the '
    'scale.';
CREATE FUNCTION @extschema@.nps_score_inv(@extschema@.nps_summary, smallint) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_score_inv(@extschema@.nps_summary, smallint) IS
    'Inverse transition of nps() for smallint scores, for sliding window frames: takes back '
    'one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, smallint) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, smallint) IS
    'Transition function of csat(score) and csat_agg(score) for smallint scores: counts one '
    'whole-number score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a '
    'score off the scale.';
CREATE FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, smallint) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, smallint) IS
    'Inverse transition of csat(score) for smallint scores, for sliding window frames: takes '
    'back one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, smallint, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, smallint, integer, integer, integer) IS
    'Transition function of csat(score, scale_min, scale_max, satisfied_min) and '
    'csat_agg(...) for smallint scores: counts one whole-number score (NULL skipped); error '
    '22023 for a fraction, NaN, an infinity or a score off the scale.';
CREATE FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, smallint, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, smallint, integer, integer, integer) IS
    'Inverse transition of csat(score, scale_min, scale_max, satisfied_min) for smallint '
    'scores, for sliding window frames: takes back one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.ces_score_trans(@extschema@.ces_summary, smallint, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_score_trans(@extschema@.ces_summary, smallint, integer) IS
    'Transition function of ces(), ces_mean() and ces_agg() for smallint scores: counts one '
    'whole-number score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a '
    'score off the scale.';
CREATE FUNCTION @extschema@.ces_score_inv(@extschema@.ces_summary, smallint, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_score_inv(@extschema@.ces_summary, smallint, integer) IS
    'Inverse transition of ces() and ces_mean() for smallint scores, for sliding window '
    'frames: takes back one score counted earlier (NULL skipped).';

-- transitions of the bigint score aggregates
CREATE FUNCTION @extschema@.nps_score_trans(@extschema@.nps_summary, bigint) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_score_trans(@extschema@.nps_summary, bigint) IS
    'Transition function of nps() and nps_agg() for bigint scores: counts one whole-number '
    'score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a score off the '
    'scale.';
CREATE FUNCTION @extschema@.nps_score_inv(@extschema@.nps_summary, bigint) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_score_inv(@extschema@.nps_summary, bigint) IS
    'Inverse transition of nps() for bigint scores, for sliding window frames: takes back one '
    'score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, bigint) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, bigint) IS
    'Transition function of csat(score) and csat_agg(score) for bigint scores: counts one '
    'whole-number score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a '
    'score off the scale.';
CREATE FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, bigint) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, bigint) IS
    'Inverse transition of csat(score) for bigint scores, for sliding window frames: takes '
    'back one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, bigint, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, bigint, integer, integer, integer) IS
    'Transition function of csat(score, scale_min, scale_max, satisfied_min) and '
    'csat_agg(...) for bigint scores: counts one whole-number score (NULL skipped); error '
    '22023 for a fraction, NaN, an infinity or a score off the scale.';
CREATE FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, bigint, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, bigint, integer, integer, integer) IS
    'Inverse transition of csat(score, scale_min, scale_max, satisfied_min) for bigint '
    'scores, for sliding window frames: takes back one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.ces_score_trans(@extschema@.ces_summary, bigint, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_score_trans(@extschema@.ces_summary, bigint, integer) IS
    'Transition function of ces(), ces_mean() and ces_agg() for bigint scores: counts one '
    'whole-number score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a '
    'score off the scale.';
CREATE FUNCTION @extschema@.ces_score_inv(@extschema@.ces_summary, bigint, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_score_inv(@extschema@.ces_summary, bigint, integer) IS
    'Inverse transition of ces() and ces_mean() for bigint scores, for sliding window frames: '
    'takes back one score counted earlier (NULL skipped).';

-- transitions of the numeric score aggregates
CREATE FUNCTION @extschema@.nps_score_trans(@extschema@.nps_summary, numeric) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_score_trans(@extschema@.nps_summary, numeric) IS
    'Transition function of nps() and nps_agg() for numeric scores: counts one whole-number '
    'score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a score off the '
    'scale.';
CREATE FUNCTION @extschema@.nps_score_inv(@extschema@.nps_summary, numeric) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_score_inv(@extschema@.nps_summary, numeric) IS
    'Inverse transition of nps() for numeric scores, for sliding window frames: takes back '
    'one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, numeric) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, numeric) IS
    'Transition function of csat(score) and csat_agg(score) for numeric scores: counts one '
    'whole-number score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a '
    'score off the scale.';
CREATE FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, numeric) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, numeric) IS
    'Inverse transition of csat(score) for numeric scores, for sliding window frames: takes '
    'back one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, numeric, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, numeric, integer, integer, integer) IS
    'Transition function of csat(score, scale_min, scale_max, satisfied_min) and '
    'csat_agg(...) for numeric scores: counts one whole-number score (NULL skipped); error '
    '22023 for a fraction, NaN, an infinity or a score off the scale.';
CREATE FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, numeric, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, numeric, integer, integer, integer) IS
    'Inverse transition of csat(score, scale_min, scale_max, satisfied_min) for numeric '
    'scores, for sliding window frames: takes back one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.ces_score_trans(@extschema@.ces_summary, numeric, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_score_trans(@extschema@.ces_summary, numeric, integer) IS
    'Transition function of ces(), ces_mean() and ces_agg() for numeric scores: counts one '
    'whole-number score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a '
    'score off the scale.';
CREATE FUNCTION @extschema@.ces_score_inv(@extschema@.ces_summary, numeric, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_score_inv(@extschema@.ces_summary, numeric, integer) IS
    'Inverse transition of ces() and ces_mean() for numeric scores, for sliding window '
    'frames: takes back one score counted earlier (NULL skipped).';

-- transitions of the double precision score aggregates
CREATE FUNCTION @extschema@.nps_score_trans(@extschema@.nps_summary, double precision) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_score_trans(@extschema@.nps_summary, double precision) IS
    'Transition function of nps() and nps_agg() for double precision scores: counts one '
    'whole-number score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a '
    'score off the scale.';
CREATE FUNCTION @extschema@.nps_score_inv(@extschema@.nps_summary, double precision) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_score_inv(@extschema@.nps_summary, double precision) IS
    'Inverse transition of nps() for double precision scores, for sliding window frames: '
    'takes back one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, double precision) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, double precision) IS
    'Transition function of csat(score) and csat_agg(score) for double precision scores: '
    'counts one whole-number score (NULL skipped); error 22023 for a fraction, NaN, an '
    'infinity or a score off the scale.';
CREATE FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, double precision) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, double precision) IS
    'Inverse transition of csat(score) for double precision scores, for sliding window '
    'frames: takes back one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, double precision, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, double precision, integer, integer, integer) IS
    'Transition function of csat(score, scale_min, scale_max, satisfied_min) and '
    'csat_agg(...) for double precision scores: counts one whole-number score (NULL skipped); '
    'error 22023 for a fraction, NaN, an infinity or a score off the scale.';
CREATE FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, double precision, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, double precision, integer, integer, integer) IS
    'Inverse transition of csat(score, scale_min, scale_max, satisfied_min) for double '
    'precision scores, for sliding window frames: takes back one score counted earlier (NULL '
    'skipped).';
CREATE FUNCTION @extschema@.ces_score_trans(@extschema@.ces_summary, double precision, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_score_trans(@extschema@.ces_summary, double precision, integer) IS
    'Transition function of ces(), ces_mean() and ces_agg() for double precision scores: '
    'counts one whole-number score (NULL skipped); error 22023 for a fraction, NaN, an '
    'infinity or a score off the scale.';
CREATE FUNCTION @extschema@.ces_score_inv(@extschema@.ces_summary, double precision, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_score_inv(@extschema@.ces_summary, double precision, integer) IS
    'Inverse transition of ces() and ces_mean() for double precision scores, for sliding '
    'window frames: takes back one score counted earlier (NULL skipped).';

-- transitions of the real score aggregates
CREATE FUNCTION @extschema@.nps_score_trans(@extschema@.nps_summary, real) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_score_trans(@extschema@.nps_summary, real) IS
    'Transition function of nps() and nps_agg() for real scores: counts one whole-number '
    'score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a score off the '
    'scale.';
CREATE FUNCTION @extschema@.nps_score_inv(@extschema@.nps_summary, real) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_score_inv(@extschema@.nps_summary, real) IS
    'Inverse transition of nps() for real scores, for sliding window frames: takes back one '
    'score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, real) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, real) IS
    'Transition function of csat(score) and csat_agg(score) for real scores: counts one '
    'whole-number score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a '
    'score off the scale.';
CREATE FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, real) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, real) IS
    'Inverse transition of csat(score) for real scores, for sliding window frames: takes back '
    'one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, real, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, real, integer, integer, integer) IS
    'Transition function of csat(score, scale_min, scale_max, satisfied_min) and '
    'csat_agg(...) for real scores: counts one whole-number score (NULL skipped); error 22023 '
    'for a fraction, NaN, an infinity or a score off the scale.';
CREATE FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, real, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, real, integer, integer, integer) IS
    'Inverse transition of csat(score, scale_min, scale_max, satisfied_min) for real scores, '
    'for sliding window frames: takes back one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.ces_score_trans(@extschema@.ces_summary, real, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_score_trans(@extschema@.ces_summary, real, integer) IS
    'Transition function of ces(), ces_mean() and ces_agg() for real scores: counts one '
    'whole-number score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a '
    'score off the scale.';
CREATE FUNCTION @extschema@.ces_score_inv(@extschema@.ces_summary, real, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_score_inv(@extschema@.ces_summary, real, integer) IS
    'Inverse transition of ces() and ces_mean() for real scores, for sliding window frames: '
    'takes back one score counted earlier (NULL skipped).';

-- smallint scores
CREATE AGGREGATE @extschema@.nps(score smallint) (
    SFUNC = @extschema@.nps_score_trans,
    STYPE = @extschema@.nps_summary,
    FINALFUNC = @extschema@.nps,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    MSFUNC = @extschema@.nps_score_trans,
    MINVFUNC = @extschema@.nps_score_inv,
    MSTYPE = @extschema@.nps_summary,
    MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps(smallint) IS
    'Net Promoter Score of 0..10 scores given as smallint (same as nps(integer)). NULL scores '
    'skipped; no scores gives NULL; a whole number of any score type counts; a fraction, NaN '
    'or infinity is error 22023, as is a score outside 0..10.';
CREATE AGGREGATE @extschema@.nps_agg(score smallint) (
    SFUNC = @extschema@.nps_score_trans,
    STYPE = @extschema@.nps_summary,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps_agg(smallint) IS
    'Summary (nps_summary) of 0..10 scores given as smallint (same as nps_agg(integer)). NULL '
    'scores skipped; no scores gives NULL; a whole number of any score type counts; a '
    'fraction, NaN or infinity is error 22023, as is a score outside 0..10.';
CREATE AGGREGATE @extschema@.csat(score smallint) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_score_trans,
    MINVFUNC = @extschema@.csat_score_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(smallint) IS
    'Customer satisfaction score on the 1..5 scale of scores given as smallint (same as '
    'csat(integer)). NULL scores skipped; no scores gives NULL; a whole number of any score '
    'type counts; a fraction, NaN or infinity is error 22023, as is a score outside 1..5.';
CREATE AGGREGATE @extschema@.csat(score smallint, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_score_trans,
    MINVFUNC = @extschema@.csat_score_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(smallint, integer, integer, integer) IS
    'Customer satisfaction score on the scale scale_min..scale_max of scores given as '
    'smallint (same as csat(integer, ...)). NULL scores skipped; no scores gives NULL; a '
    'whole number of any score type counts; a fraction, NaN or infinity is error 22023, as is '
    'a score off the scale or an invalid scale; 22004 for a NULL scale argument.';
CREATE AGGREGATE @extschema@.csat_agg(score smallint) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(smallint) IS
    'Summary (csat_summary) of scores on the 1..5 scale given as smallint (same as '
    'csat_agg(integer)). NULL scores skipped; no scores gives NULL; a whole number of any '
    'score type counts; a fraction, NaN or infinity is error 22023, as is a score outside '
    '1..5.';
CREATE AGGREGATE @extschema@.csat_agg(score smallint, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(smallint, integer, integer, integer) IS
    'Summary (csat_summary) of scores on the scale scale_min..scale_max given as smallint '
    '(same as csat_agg(integer, ...)). NULL scores skipped; no scores gives NULL; a whole '
    'number of any score type counts; a fraction, NaN or infinity is error 22023, as is a '
    'score off the scale or an invalid scale; 22004 for a NULL scale argument.';
CREATE AGGREGATE @extschema@.ces(score smallint, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_score_trans,
    MINVFUNC = @extschema@.ces_score_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces(smallint, integer) IS
    'Customer effort score of scores 1..options given as smallint (same as ces(integer, '
    'integer)). NULL scores skipped; no scores gives NULL; a whole number of any score type '
    'counts; a fraction, NaN or infinity is error 22023, as is a score off the scale; 22004 '
    'for NULL options.';
CREATE AGGREGATE @extschema@.ces_mean(score smallint, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces_mean,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_score_trans,
    MINVFUNC = @extschema@.ces_score_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces_mean,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_mean(smallint, integer) IS
    'Mean effort score of scores 1..options given as smallint (same as ces_mean(integer, '
    'integer)). NULL scores skipped; no scores gives NULL; a whole number of any score type '
    'counts; a fraction, NaN or infinity is error 22023, as is a score off the scale; 22004 '
    'for NULL options.';
CREATE AGGREGATE @extschema@.ces_agg(score smallint, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_agg(smallint, integer) IS
    'Summary (ces_summary) of effort scores 1..options given as smallint (same as '
    'ces_agg(integer, integer)). NULL scores skipped; no scores gives NULL; a whole number of '
    'any score type counts; a fraction, NaN or infinity is error 22023, as is a score off the '
    'scale; 22004 for NULL options.';

-- bigint scores
CREATE AGGREGATE @extschema@.nps(score bigint) (
    SFUNC = @extschema@.nps_score_trans,
    STYPE = @extschema@.nps_summary,
    FINALFUNC = @extschema@.nps,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    MSFUNC = @extschema@.nps_score_trans,
    MINVFUNC = @extschema@.nps_score_inv,
    MSTYPE = @extschema@.nps_summary,
    MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps(bigint) IS
    'Net Promoter Score of 0..10 scores given as bigint (same as nps(integer)). NULL scores '
    'skipped; no scores gives NULL; a whole number of any score type counts; a fraction, NaN '
    'or infinity is error 22023, as is a score outside 0..10.';
CREATE AGGREGATE @extschema@.nps_agg(score bigint) (
    SFUNC = @extschema@.nps_score_trans,
    STYPE = @extschema@.nps_summary,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps_agg(bigint) IS
    'Summary (nps_summary) of 0..10 scores given as bigint (same as nps_agg(integer)). NULL '
    'scores skipped; no scores gives NULL; a whole number of any score type counts; a '
    'fraction, NaN or infinity is error 22023, as is a score outside 0..10.';
CREATE AGGREGATE @extschema@.csat(score bigint) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_score_trans,
    MINVFUNC = @extschema@.csat_score_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(bigint) IS
    'Customer satisfaction score on the 1..5 scale of scores given as bigint (same as '
    'csat(integer)). NULL scores skipped; no scores gives NULL; a whole number of any score '
    'type counts; a fraction, NaN or infinity is error 22023, as is a score outside 1..5.';
CREATE AGGREGATE @extschema@.csat(score bigint, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_score_trans,
    MINVFUNC = @extschema@.csat_score_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(bigint, integer, integer, integer) IS
    'Customer satisfaction score on the scale scale_min..scale_max of scores given as bigint '
    '(same as csat(integer, ...)). NULL scores skipped; no scores gives NULL; a whole number '
    'of any score type counts; a fraction, NaN or infinity is error 22023, as is a score off '
    'the scale or an invalid scale; 22004 for a NULL scale argument.';
CREATE AGGREGATE @extschema@.csat_agg(score bigint) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(bigint) IS
    'Summary (csat_summary) of scores on the 1..5 scale given as bigint (same as '
    'csat_agg(integer)). NULL scores skipped; no scores gives NULL; a whole number of any '
    'score type counts; a fraction, NaN or infinity is error 22023, as is a score outside '
    '1..5.';
CREATE AGGREGATE @extschema@.csat_agg(score bigint, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(bigint, integer, integer, integer) IS
    'Summary (csat_summary) of scores on the scale scale_min..scale_max given as bigint (same '
    'as csat_agg(integer, ...)). NULL scores skipped; no scores gives NULL; a whole number of '
    'any score type counts; a fraction, NaN or infinity is error 22023, as is a score off the '
    'scale or an invalid scale; 22004 for a NULL scale argument.';
CREATE AGGREGATE @extschema@.ces(score bigint, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_score_trans,
    MINVFUNC = @extschema@.ces_score_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces(bigint, integer) IS
    'Customer effort score of scores 1..options given as bigint (same as ces(integer, '
    'integer)). NULL scores skipped; no scores gives NULL; a whole number of any score type '
    'counts; a fraction, NaN or infinity is error 22023, as is a score off the scale; 22004 '
    'for NULL options.';
CREATE AGGREGATE @extschema@.ces_mean(score bigint, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces_mean,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_score_trans,
    MINVFUNC = @extschema@.ces_score_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces_mean,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_mean(bigint, integer) IS
    'Mean effort score of scores 1..options given as bigint (same as ces_mean(integer, '
    'integer)). NULL scores skipped; no scores gives NULL; a whole number of any score type '
    'counts; a fraction, NaN or infinity is error 22023, as is a score off the scale; 22004 '
    'for NULL options.';
CREATE AGGREGATE @extschema@.ces_agg(score bigint, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_agg(bigint, integer) IS
    'Summary (ces_summary) of effort scores 1..options given as bigint (same as '
    'ces_agg(integer, integer)). NULL scores skipped; no scores gives NULL; a whole number of '
    'any score type counts; a fraction, NaN or infinity is error 22023, as is a score off the '
    'scale; 22004 for NULL options.';

-- numeric scores
CREATE AGGREGATE @extschema@.nps(score numeric) (
    SFUNC = @extschema@.nps_score_trans,
    STYPE = @extschema@.nps_summary,
    FINALFUNC = @extschema@.nps,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    MSFUNC = @extschema@.nps_score_trans,
    MINVFUNC = @extschema@.nps_score_inv,
    MSTYPE = @extschema@.nps_summary,
    MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps(numeric) IS
    'Net Promoter Score of 0..10 scores given as numeric (same as nps(integer)). NULL scores '
    'skipped; no scores gives NULL; a whole number of any score type counts; a fraction, NaN '
    'or infinity is error 22023, as is a score outside 0..10.';
CREATE AGGREGATE @extschema@.nps_agg(score numeric) (
    SFUNC = @extschema@.nps_score_trans,
    STYPE = @extschema@.nps_summary,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps_agg(numeric) IS
    'Summary (nps_summary) of 0..10 scores given as numeric (same as nps_agg(integer)). NULL '
    'scores skipped; no scores gives NULL; a whole number of any score type counts; a '
    'fraction, NaN or infinity is error 22023, as is a score outside 0..10.';
CREATE AGGREGATE @extschema@.csat(score numeric) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_score_trans,
    MINVFUNC = @extschema@.csat_score_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(numeric) IS
    'Customer satisfaction score on the 1..5 scale of scores given as numeric (same as '
    'csat(integer)). NULL scores skipped; no scores gives NULL; a whole number of any score '
    'type counts; a fraction, NaN or infinity is error 22023, as is a score outside 1..5.';
CREATE AGGREGATE @extschema@.csat(score numeric, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_score_trans,
    MINVFUNC = @extschema@.csat_score_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(numeric, integer, integer, integer) IS
    'Customer satisfaction score on the scale scale_min..scale_max of scores given as numeric '
    '(same as csat(integer, ...)). NULL scores skipped; no scores gives NULL; a whole number '
    'of any score type counts; a fraction, NaN or infinity is error 22023, as is a score off '
    'the scale or an invalid scale; 22004 for a NULL scale argument.';
CREATE AGGREGATE @extschema@.csat_agg(score numeric) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(numeric) IS
    'Summary (csat_summary) of scores on the 1..5 scale given as numeric (same as '
    'csat_agg(integer)). NULL scores skipped; no scores gives NULL; a whole number of any '
    'score type counts; a fraction, NaN or infinity is error 22023, as is a score outside '
    '1..5.';
CREATE AGGREGATE @extschema@.csat_agg(score numeric, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(numeric, integer, integer, integer) IS
    'Summary (csat_summary) of scores on the scale scale_min..scale_max given as numeric '
    '(same as csat_agg(integer, ...)). NULL scores skipped; no scores gives NULL; a whole '
    'number of any score type counts; a fraction, NaN or infinity is error 22023, as is a '
    'score off the scale or an invalid scale; 22004 for a NULL scale argument.';
CREATE AGGREGATE @extschema@.ces(score numeric, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_score_trans,
    MINVFUNC = @extschema@.ces_score_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces(numeric, integer) IS
    'Customer effort score of scores 1..options given as numeric (same as ces(integer, '
    'integer)). NULL scores skipped; no scores gives NULL; a whole number of any score type '
    'counts; a fraction, NaN or infinity is error 22023, as is a score off the scale; 22004 '
    'for NULL options.';
CREATE AGGREGATE @extschema@.ces_mean(score numeric, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces_mean,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_score_trans,
    MINVFUNC = @extschema@.ces_score_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces_mean,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_mean(numeric, integer) IS
    'Mean effort score of scores 1..options given as numeric (same as ces_mean(integer, '
    'integer)). NULL scores skipped; no scores gives NULL; a whole number of any score type '
    'counts; a fraction, NaN or infinity is error 22023, as is a score off the scale; 22004 '
    'for NULL options.';
CREATE AGGREGATE @extschema@.ces_agg(score numeric, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_agg(numeric, integer) IS
    'Summary (ces_summary) of effort scores 1..options given as numeric (same as '
    'ces_agg(integer, integer)). NULL scores skipped; no scores gives NULL; a whole number of '
    'any score type counts; a fraction, NaN or infinity is error 22023, as is a score off the '
    'scale; 22004 for NULL options.';

-- double precision scores
CREATE AGGREGATE @extschema@.nps(score double precision) (
    SFUNC = @extschema@.nps_score_trans,
    STYPE = @extschema@.nps_summary,
    FINALFUNC = @extschema@.nps,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    MSFUNC = @extschema@.nps_score_trans,
    MINVFUNC = @extschema@.nps_score_inv,
    MSTYPE = @extschema@.nps_summary,
    MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps(double precision) IS
    'Net Promoter Score of 0..10 scores given as double precision (same as nps(integer)). '
    'NULL scores skipped; no scores gives NULL; a whole number of any score type counts; a '
    'fraction, NaN or infinity is error 22023, as is a score outside 0..10.';
CREATE AGGREGATE @extschema@.nps_agg(score double precision) (
    SFUNC = @extschema@.nps_score_trans,
    STYPE = @extschema@.nps_summary,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps_agg(double precision) IS
    'Summary (nps_summary) of 0..10 scores given as double precision (same as '
    'nps_agg(integer)). NULL scores skipped; no scores gives NULL; a whole number of any '
    'score type counts; a fraction, NaN or infinity is error 22023, as is a score outside '
    '0..10.';
CREATE AGGREGATE @extschema@.csat(score double precision) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_score_trans,
    MINVFUNC = @extschema@.csat_score_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(double precision) IS
    'Customer satisfaction score on the 1..5 scale of scores given as double precision (same '
    'as csat(integer)). NULL scores skipped; no scores gives NULL; a whole number of any '
    'score type counts; a fraction, NaN or infinity is error 22023, as is a score outside '
    '1..5.';
CREATE AGGREGATE @extschema@.csat(score double precision, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_score_trans,
    MINVFUNC = @extschema@.csat_score_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(double precision, integer, integer, integer) IS
    'Customer satisfaction score on the scale scale_min..scale_max of scores given as double '
    'precision (same as csat(integer, ...)). NULL scores skipped; no scores gives NULL; a '
    'whole number of any score type counts; a fraction, NaN or infinity is error 22023, as is '
    'a score off the scale or an invalid scale; 22004 for a NULL scale argument.';
CREATE AGGREGATE @extschema@.csat_agg(score double precision) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(double precision) IS
    'Summary (csat_summary) of scores on the 1..5 scale given as double precision (same as '
    'csat_agg(integer)). NULL scores skipped; no scores gives NULL; a whole number of any '
    'score type counts; a fraction, NaN or infinity is error 22023, as is a score outside '
    '1..5.';
CREATE AGGREGATE @extschema@.csat_agg(score double precision, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(double precision, integer, integer, integer) IS
    'Summary (csat_summary) of scores on the scale scale_min..scale_max given as double '
    'precision (same as csat_agg(integer, ...)). NULL scores skipped; no scores gives NULL; a '
    'whole number of any score type counts; a fraction, NaN or infinity is error 22023, as is '
    'a score off the scale or an invalid scale; 22004 for a NULL scale argument.';
CREATE AGGREGATE @extschema@.ces(score double precision, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_score_trans,
    MINVFUNC = @extschema@.ces_score_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces(double precision, integer) IS
    'Customer effort score of scores 1..options given as double precision (same as '
    'ces(integer, integer)). NULL scores skipped; no scores gives NULL; a whole number of any '
    'score type counts; a fraction, NaN or infinity is error 22023, as is a score off the '
    'scale; 22004 for NULL options.';
CREATE AGGREGATE @extschema@.ces_mean(score double precision, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces_mean,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_score_trans,
    MINVFUNC = @extschema@.ces_score_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces_mean,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_mean(double precision, integer) IS
    'Mean effort score of scores 1..options given as double precision (same as '
    'ces_mean(integer, integer)). NULL scores skipped; no scores gives NULL; a whole number '
    'of any score type counts; a fraction, NaN or infinity is error 22023, as is a score off '
    'the scale; 22004 for NULL options.';
CREATE AGGREGATE @extschema@.ces_agg(score double precision, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_agg(double precision, integer) IS
    'Summary (ces_summary) of effort scores 1..options given as double precision (same as '
    'ces_agg(integer, integer)). NULL scores skipped; no scores gives NULL; a whole number of '
    'any score type counts; a fraction, NaN or infinity is error 22023, as is a score off the '
    'scale; 22004 for NULL options.';

-- real scores
CREATE AGGREGATE @extschema@.nps(score real) (
    SFUNC = @extschema@.nps_score_trans,
    STYPE = @extschema@.nps_summary,
    FINALFUNC = @extschema@.nps,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    MSFUNC = @extschema@.nps_score_trans,
    MINVFUNC = @extschema@.nps_score_inv,
    MSTYPE = @extschema@.nps_summary,
    MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps(real) IS
    'Net Promoter Score of 0..10 scores given as real (same as nps(integer)). NULL scores '
    'skipped; no scores gives NULL; a whole number of any score type counts; a fraction, NaN '
    'or infinity is error 22023, as is a score outside 0..10.';
CREATE AGGREGATE @extschema@.nps_agg(score real) (
    SFUNC = @extschema@.nps_score_trans,
    STYPE = @extschema@.nps_summary,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps_agg(real) IS
    'Summary (nps_summary) of 0..10 scores given as real (same as nps_agg(integer)). NULL '
    'scores skipped; no scores gives NULL; a whole number of any score type counts; a '
    'fraction, NaN or infinity is error 22023, as is a score outside 0..10.';
CREATE AGGREGATE @extschema@.csat(score real) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_score_trans,
    MINVFUNC = @extschema@.csat_score_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(real) IS
    'Customer satisfaction score on the 1..5 scale of scores given as real (same as '
    'csat(integer)). NULL scores skipped; no scores gives NULL; a whole number of any score '
    'type counts; a fraction, NaN or infinity is error 22023, as is a score outside 1..5.';
CREATE AGGREGATE @extschema@.csat(score real, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_score_trans,
    MINVFUNC = @extschema@.csat_score_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(real, integer, integer, integer) IS
    'Customer satisfaction score on the scale scale_min..scale_max of scores given as real '
    '(same as csat(integer, ...)). NULL scores skipped; no scores gives NULL; a whole number '
    'of any score type counts; a fraction, NaN or infinity is error 22023, as is a score off '
    'the scale or an invalid scale; 22004 for a NULL scale argument.';
CREATE AGGREGATE @extschema@.csat_agg(score real) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(real) IS
    'Summary (csat_summary) of scores on the 1..5 scale given as real (same as '
    'csat_agg(integer)). NULL scores skipped; no scores gives NULL; a whole number of any '
    'score type counts; a fraction, NaN or infinity is error 22023, as is a score outside '
    '1..5.';
CREATE AGGREGATE @extschema@.csat_agg(score real, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(real, integer, integer, integer) IS
    'Summary (csat_summary) of scores on the scale scale_min..scale_max given as real (same '
    'as csat_agg(integer, ...)). NULL scores skipped; no scores gives NULL; a whole number of '
    'any score type counts; a fraction, NaN or infinity is error 22023, as is a score off the '
    'scale or an invalid scale; 22004 for a NULL scale argument.';
CREATE AGGREGATE @extschema@.ces(score real, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_score_trans,
    MINVFUNC = @extschema@.ces_score_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces(real, integer) IS
    'Customer effort score of scores 1..options given as real (same as ces(integer, '
    'integer)). NULL scores skipped; no scores gives NULL; a whole number of any score type '
    'counts; a fraction, NaN or infinity is error 22023, as is a score off the scale; 22004 '
    'for NULL options.';
CREATE AGGREGATE @extschema@.ces_mean(score real, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces_mean,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_score_trans,
    MINVFUNC = @extschema@.ces_score_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces_mean,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_mean(real, integer) IS
    'Mean effort score of scores 1..options given as real (same as ces_mean(integer, '
    'integer)). NULL scores skipped; no scores gives NULL; a whole number of any score type '
    'counts; a fraction, NaN or infinity is error 22023, as is a score off the scale; 22004 '
    'for NULL options.';
CREATE AGGREGATE @extschema@.ces_agg(score real, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_agg(real, integer) IS
    'Summary (ces_summary) of effort scores 1..options given as real (same as '
    'ces_agg(integer, integer)). NULL scores skipped; no scores gives NULL; a whole number of '
    'any score type counts; a fraction, NaN or infinity is error 22023, as is a score off the '
    'scale; 22004 for NULL options.';

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

-- Float amounts (issue 16): the float_amount overloads (history.sql) ---------------------
CREATE AGGREGATE @extschema@.period_series_agg(customer_id anyelement, ordered_at timestamptz, amount @extschema@.float_amount, granularity text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.series_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.period_series_agg(anyelement, timestamptz, @extschema@.float_amount, text) IS
    'period_series_agg(customer_id, ordered_at, amount, granularity) for double precision and '
    'real amounts (same as the numeric form): double precision and real amounts are taken as '
    'their shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';
CREATE AGGREGATE @extschema@.period_series_agg(customer_id anyelement, ordered_at timestamptz, amount @extschema@.float_amount, granularity text, time_zone text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.series_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.period_series_agg(anyelement, timestamptz, @extschema@.float_amount, text, text) IS
    'period_series_agg(customer_id, ordered_at, amount, granularity, time_zone) for double '
    'precision and real amounts (same as the numeric form): double precision and real amounts '
    'are taken as their shortest decimal (amount::text::numeric); NaN and infinities are '
    'error 22023.';
CREATE AGGREGATE @extschema@.mrr_series_agg(customer_id anyelement, period timestamptz, mrr @extschema@.float_amount, granularity text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.mrr_series_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.mrr_series_agg(anyelement, timestamptz, @extschema@.float_amount, text) IS
    'mrr_series_agg(customer_id, period, mrr, granularity) for double precision and real '
    'amounts (same as the numeric form): double precision and real amounts are taken as their '
    'shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';
CREATE AGGREGATE @extschema@.mrr_series_agg(customer_id anyelement, period timestamptz, mrr @extschema@.float_amount, granularity text, time_zone text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.mrr_series_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.mrr_series_agg(anyelement, timestamptz, @extschema@.float_amount, text, text) IS
    'mrr_series_agg(customer_id, period, mrr, granularity, time_zone) for double precision '
    'and real amounts (same as the numeric form): double precision and real amounts are taken '
    'as their shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';

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

-- Float amounts (issue 16): the float_amount overloads (history.sql) ---------------------
CREATE AGGREGATE @extschema@.mrr_movements(mrr_start @extschema@.float_amount, mrr_end @extschema@.float_amount) (
    SFUNC = @extschema@.mrr_movements_trans, STYPE = @extschema@.mrr_summary,
    COMBINEFUNC = @extschema@.mrr_summary_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.mrr_movements(@extschema@.float_amount, @extschema@.float_amount) IS
    'mrr_movements(mrr_start, mrr_end) for double precision and real MRR (either may be '
    'numeric; same as the numeric form): double precision and real MRR are taken as their '
    'shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';
