-- Survey metrics: NPS, CSAT, CES.
--
-- Each family has a summary type that is also the aggregate state (see survey.rs): a
-- one-step aggregate (nps(score)) and a two-step one (nps_agg(score) -> nps_summary, then
-- accessors) share the transition function; rollup(summary) merges stored summaries with
-- the combine function. All are PARALLEL SAFE: combine is exact addition of counts.
-- The one-step aggregates also have a moving-aggregate mode (an inverse transition), so a
-- sliding window frame (a rolling 30-day NPS) costs O(1) per row. The *_agg aggregates do
-- not: in a frame whose scores are all NULL they would return an empty summary where the
-- plain mode returns NULL.

-- nps_summary ---------------------------------------------------------------------------------
CREATE TYPE @extschema@.nps_summary;
CREATE FUNCTION @extschema@.nps_summary_in(cstring) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_summary_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.nps_summary_out(@extschema@.nps_summary) RETURNS cstring
AS 'MODULE_PATHNAME', 'nps_summary_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.nps_summary_recv(internal) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_summary_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.nps_summary_send(@extschema@.nps_summary) RETURNS bytea
AS 'MODULE_PATHNAME', 'nps_summary_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- STORAGE plain: at most 832 bytes, never worth compressing, and always stored with an
-- aligned 4-byte header, so reading a stored summary never copies it.
CREATE TYPE @extschema@.nps_summary (
    INPUT = @extschema@.nps_summary_in,
    OUTPUT = @extschema@.nps_summary_out,
    RECEIVE = @extschema@.nps_summary_recv,
    SEND = @extschema@.nps_summary_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.nps_summary IS
    'NPS survey summary: count of responses at each score 0..10. Text form '
    '(version:1,counts:[c0,...,c10]). Build with nps_agg(score), merge with rollup(), read '
    'with nps(), nps_ci(), promoters(), passives(), detractors(), respondents().';
COMMENT ON FUNCTION @extschema@.nps_summary_in(cstring) IS
    'Text input of nps_summary: parses its versioned text form; error 22P02 on malformed text.';
COMMENT ON FUNCTION @extschema@.nps_summary_out(@extschema@.nps_summary) IS
    'Text output of nps_summary: its versioned text form.';
COMMENT ON FUNCTION @extschema@.nps_summary_recv(internal) IS
    'Binary input of nps_summary (COPY BINARY, binary protocol); error 22P03 on malformed '
    'bytes.';
COMMENT ON FUNCTION @extschema@.nps_summary_send(@extschema@.nps_summary) IS
    'Binary output of nps_summary: version, kind, scale, then one 8-byte count per scale '
    'point, in network byte order.';

CREATE FUNCTION @extschema@.nps_summary_combine(@extschema@.nps_summary, @extschema@.nps_summary) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_summary_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_summary_combine(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'Merge two nps_summary values by adding their counts (exact, associative, commutative): '
    'the combine function of every nps aggregate and the transition of rollup(). Error 22023 '
    'when the scales differ, 22003 past 2^63-1 responses.';
CREATE AGGREGATE @extschema@.rollup(@extschema@.nps_summary) (
    SFUNC = @extschema@.nps_summary_combine,
    STYPE = @extschema@.nps_summary,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.nps_summary) IS
    'The original name of combine(nps_summary), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.nps_summary) (
    SFUNC = @extschema@.nps_summary_combine,
    STYPE = @extschema@.nps_summary,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.nps_summary) IS
    'Merge stored nps_summary values (daily summaries into months, say) into one; exactly the '
    'summary of all their responses. NULL summaries are skipped; no rows gives NULL.';

CREATE FUNCTION @extschema@.respondents(@extschema@.nps_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'nps_respondents' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.respondents(@extschema@.nps_summary) IS
    'Number of responses counted in the nps_summary.';

-- csat_summary ---------------------------------------------------------------------------------
CREATE TYPE @extschema@.csat_summary;
CREATE FUNCTION @extschema@.csat_summary_in(cstring) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_summary_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.csat_summary_out(@extschema@.csat_summary) RETURNS cstring
AS 'MODULE_PATHNAME', 'csat_summary_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.csat_summary_recv(internal) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_summary_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.csat_summary_send(@extschema@.csat_summary) RETURNS bytea
AS 'MODULE_PATHNAME', 'csat_summary_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- STORAGE plain: at most 832 bytes, never worth compressing, and always stored with an
-- aligned 4-byte header, so reading a stored summary never copies it.
CREATE TYPE @extschema@.csat_summary (
    INPUT = @extschema@.csat_summary_in,
    OUTPUT = @extschema@.csat_summary_out,
    RECEIVE = @extschema@.csat_summary_recv,
    SEND = @extschema@.csat_summary_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.csat_summary IS
    'CSAT survey summary: scale, satisfied threshold and count of responses at each score. '
    'Text form (version:1,min:1,max:5,satisfied_min:4,counts:[...]). Build with '
    'csat_agg(score), merge with rollup(), read with csat(), csat_ci(), satisfied(), '
    'respondents().';
COMMENT ON FUNCTION @extschema@.csat_summary_in(cstring) IS
    'Text input of csat_summary: parses its versioned text form; error 22P02 on malformed text.';
COMMENT ON FUNCTION @extschema@.csat_summary_out(@extschema@.csat_summary) IS
    'Text output of csat_summary: its versioned text form.';
COMMENT ON FUNCTION @extschema@.csat_summary_recv(internal) IS
    'Binary input of csat_summary (COPY BINARY, binary protocol); error 22P03 on malformed '
    'bytes.';
COMMENT ON FUNCTION @extschema@.csat_summary_send(@extschema@.csat_summary) IS
    'Binary output of csat_summary: version, kind, scale, then one 8-byte count per scale '
    'point, in network byte order.';

CREATE FUNCTION @extschema@.csat_summary_combine(@extschema@.csat_summary, @extschema@.csat_summary) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_summary_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_summary_combine(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'Merge two csat_summary values by adding their counts (exact, associative, commutative): '
    'the combine function of every csat aggregate and the transition of rollup(). Error 22023 '
    'when the scales differ, 22003 past 2^63-1 responses.';
CREATE AGGREGATE @extschema@.rollup(@extschema@.csat_summary) (
    SFUNC = @extschema@.csat_summary_combine,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.csat_summary) IS
    'The original name of combine(csat_summary), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.csat_summary) (
    SFUNC = @extschema@.csat_summary_combine,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.csat_summary) IS
    'Merge stored csat_summary values (daily summaries into months, say) into one; exactly the '
    'summary of all their responses. NULL summaries are skipped; no rows gives NULL.';

CREATE FUNCTION @extschema@.respondents(@extschema@.csat_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'csat_respondents' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.respondents(@extschema@.csat_summary) IS
    'Number of responses counted in the csat_summary.';

-- ces_summary ---------------------------------------------------------------------------------
CREATE TYPE @extschema@.ces_summary;
CREATE FUNCTION @extschema@.ces_summary_in(cstring) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_summary_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ces_summary_out(@extschema@.ces_summary) RETURNS cstring
AS 'MODULE_PATHNAME', 'ces_summary_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ces_summary_recv(internal) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_summary_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.ces_summary_send(@extschema@.ces_summary) RETURNS bytea
AS 'MODULE_PATHNAME', 'ces_summary_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
-- STORAGE plain: at most 832 bytes, never worth compressing, and always stored with an
-- aligned 4-byte header, so reading a stored summary never copies it.
CREATE TYPE @extschema@.ces_summary (
    INPUT = @extschema@.ces_summary_in,
    OUTPUT = @extschema@.ces_summary_out,
    RECEIVE = @extschema@.ces_summary_recv,
    SEND = @extschema@.ces_summary_send,
    INTERNALLENGTH = VARIABLE,
    ALIGNMENT = double,
    STORAGE = plain
);
COMMENT ON TYPE @extschema@.ces_summary IS
    'CES survey summary: number of options k and count of responses at each score 1..k. Text '
    'form (version:1,options:k,counts:[...]). Build with ces_agg(score, options), merge with '
    'rollup(), read with ces(), ces_ci(), ces_mean(), ces_mean_ci(), respondents().';
COMMENT ON FUNCTION @extschema@.ces_summary_in(cstring) IS
    'Text input of ces_summary: parses its versioned text form; error 22P02 on malformed text.';
COMMENT ON FUNCTION @extschema@.ces_summary_out(@extschema@.ces_summary) IS
    'Text output of ces_summary: its versioned text form.';
COMMENT ON FUNCTION @extschema@.ces_summary_recv(internal) IS
    'Binary input of ces_summary (COPY BINARY, binary protocol); error 22P03 on malformed '
    'bytes.';
COMMENT ON FUNCTION @extschema@.ces_summary_send(@extschema@.ces_summary) IS
    'Binary output of ces_summary: version, kind, scale, then one 8-byte count per scale '
    'point, in network byte order.';

CREATE FUNCTION @extschema@.ces_summary_combine(@extschema@.ces_summary, @extschema@.ces_summary) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_summary_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_summary_combine(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'Merge two ces_summary values by adding their counts (exact, associative, commutative): '
    'the combine function of every ces aggregate and the transition of rollup(). Error 22023 '
    'when the scales differ, 22003 past 2^63-1 responses.';
CREATE AGGREGATE @extschema@.rollup(@extschema@.ces_summary) (
    SFUNC = @extschema@.ces_summary_combine,
    STYPE = @extschema@.ces_summary,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.ces_summary) IS
    'The original name of combine(ces_summary), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.ces_summary) (
    SFUNC = @extschema@.ces_summary_combine,
    STYPE = @extschema@.ces_summary,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.ces_summary) IS
    'Merge stored ces_summary values (daily summaries into months, say) into one; exactly the '
    'summary of all their responses. NULL summaries are skipped; no rows gives NULL.';

CREATE FUNCTION @extschema@.respondents(@extschema@.ces_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'ces_respondents' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.respondents(@extschema@.ces_summary) IS
    'Number of responses counted in the ces_summary.';

-- NPS -------------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.nps_trans(@extschema@.nps_summary, integer) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_trans(@extschema@.nps_summary, integer) IS
    'Transition function of nps() and nps_agg(): counts one score 0..10 (NULL skipped); error '
    '22023 outside 0..10.';
CREATE FUNCTION @extschema@.nps_inv(@extschema@.nps_summary, integer) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_inv(@extschema@.nps_summary, integer) IS
    'Inverse transition of nps() for sliding window frames: takes back one score counted '
    'earlier (NULL skipped), so each frame costs O(1) instead of a recount.';

CREATE FUNCTION @extschema@.nps(@extschema@.nps_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'nps_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps(@extschema@.nps_summary) IS
    'Net Promoter Score = 100 x (promoters - detractors) / respondents, in [-100, 100]; '
    'promoters score 9-10, detractors 0-6. NULL with no responses.';

CREATE AGGREGATE @extschema@.nps(score integer) (
    SFUNC = @extschema@.nps_trans,
    STYPE = @extschema@.nps_summary,
    FINALFUNC = @extschema@.nps,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    MSFUNC = @extschema@.nps_trans,
    MINVFUNC = @extschema@.nps_inv,
    MSTYPE = @extschema@.nps_summary,
    MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps(integer) IS
    'Net Promoter Score of 0..10 scores = 100 x (promoters 9-10 - detractors 0-6) / '
    'respondents, in [-100, 100]. NULL scores skipped; no scores gives NULL; a score outside '
    '0..10 is error 22023.';

CREATE AGGREGATE @extschema@.nps_agg(score integer) (
    SFUNC = @extschema@.nps_trans,
    STYPE = @extschema@.nps_summary,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps_agg(integer) IS
    'Summary of 0..10 scores (nps_summary) for nps(), nps_ci(), nps_stderr(), promoters(), '
    'passives(), detractors(), respondents() and rollup(). NULL scores skipped; no scores '
    'gives NULL.';

CREATE FUNCTION @extschema@.promoters(@extschema@.nps_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'nps_promoters' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.promoters(@extschema@.nps_summary) IS
    'Number of promoters (scores 9-10).';
CREATE FUNCTION @extschema@.passives(@extschema@.nps_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'nps_passives' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.passives(@extschema@.nps_summary) IS
    'Number of passives (scores 7-8).';
CREATE FUNCTION @extschema@.detractors(@extschema@.nps_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'nps_detractors' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.detractors(@extschema@.nps_summary) IS
    'Number of detractors (scores 0-6).';

CREATE FUNCTION @extschema@.nps_stderr(@extschema@.nps_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'nps_stderr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_stderr(@extschema@.nps_summary) IS
    'Standard error of NPS in points: 100 x sqrt((p + d - (p - d)^2) / n), with p and d the '
    'promoter and detractor shares (multinomial variance of p - d). NULL with no responses.';

CREATE FUNCTION @extschema@.nps_ci(summary @extschema@.nps_summary, confidence double precision DEFAULT 0.95)
RETURNS @extschema@.confidence_interval
AS 'MODULE_PATHNAME', 'nps_ci_typed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_ci(@extschema@.nps_summary, double precision) IS
    'Normal confidence interval (lower, upper) of NPS in points: nps -/+ z x nps_stderr, cut '
    'to [-100, 100]. confidence is a fraction strictly between 0 and 1 (default 0.95), else '
    'error 22023. NULL with no responses.';

-- CSAT ------------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.csat_trans(@extschema@.csat_summary, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_trans(@extschema@.csat_summary, integer) IS
    'Transition function of csat(score) and csat_agg(score): counts one score on the 1..5 '
    'scale (NULL skipped).';
CREATE FUNCTION @extschema@.csat_trans(@extschema@.csat_summary, integer, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_trans(@extschema@.csat_summary, integer, integer, integer, integer) IS
    'Transition function of csat(score, scale_min, scale_max, satisfied_min) and '
    'csat_agg(...): counts one score (NULL skipped).';
CREATE FUNCTION @extschema@.csat_inv(@extschema@.csat_summary, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_inv(@extschema@.csat_summary, integer) IS
    'Inverse transition of csat(score) for sliding window frames: takes back one score counted '
    'earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_inv(@extschema@.csat_summary, integer, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_inv(@extschema@.csat_summary, integer, integer, integer, integer) IS
    'Inverse transition of csat(score, scale_min, scale_max, satisfied_min) for sliding window '
    'frames: takes back one score counted earlier (NULL skipped).';

CREATE FUNCTION @extschema@.csat(@extschema@.csat_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'csat_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat(@extschema@.csat_summary) IS
    'Customer satisfaction score = satisfied responses / responses, a fraction in [0, 1]. NULL '
    'with no responses.';

CREATE AGGREGATE @extschema@.csat(score integer) (
    SFUNC = @extschema@.csat_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_trans,
    MINVFUNC = @extschema@.csat_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(integer) IS
    'Customer satisfaction score on the 1..5 scale: share of responses scoring 4 or 5, a '
    'fraction in [0, 1]. NULL scores skipped; no scores gives NULL; a score outside 1..5 is '
    'error 22023.';

CREATE AGGREGATE @extschema@.csat(score integer, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_trans,
    MINVFUNC = @extschema@.csat_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(integer, integer, integer, integer) IS
    'Customer satisfaction score on the scale scale_min..scale_max (at most 101 points): share '
    'of responses scoring satisfied_min (scale_min + 1 to scale_max) or more, a fraction in '
    '[0, 1]. NULL scores skipped; no scores gives NULL; error 22023 for a score off the scale '
    'or an invalid scale, 22004 for a NULL scale argument.';

CREATE AGGREGATE @extschema@.csat_agg(score integer) (
    SFUNC = @extschema@.csat_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(integer) IS
    'Summary (csat_summary) of scores on the 1..5 scale, satisfied from 4, for csat(), '
    'csat_ci(), satisfied(), respondents() and rollup(). NULL scores skipped; no scores gives '
    'NULL; a score outside 1..5 is error 22023.';

CREATE AGGREGATE @extschema@.csat_agg(score integer, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(integer, integer, integer, integer) IS
    'Summary (csat_summary) of scores on the scale scale_min..scale_max (at most 101 points), '
    'satisfied from satisfied_min (scale_min + 1 to scale_max), for csat(), csat_ci(), '
    'satisfied(), respondents() and rollup(). NULL scores skipped; no scores gives NULL; error '
    '22023 for a score off the scale or an invalid scale, 22004 for a NULL scale argument.';

CREATE FUNCTION @extschema@.satisfied(@extschema@.csat_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'csat_satisfied' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.satisfied(@extschema@.csat_summary) IS
    'Number of satisfied responses (score at or above the satisfied threshold).';

CREATE FUNCTION @extschema@.csat_ci(summary @extschema@.csat_summary, confidence double precision DEFAULT 0.95)
RETURNS @extschema@.confidence_interval
AS 'MODULE_PATHNAME', 'csat_ci_typed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_ci(@extschema@.csat_summary, double precision) IS
    'Wilson score interval (lower, upper) of CSAT, fractions in [0, 1]. confidence is a '
    'fraction strictly between 0 and 1 (default 0.95), else error 22023. NULL with no '
    'responses.';

-- CES -------------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.ces_trans(@extschema@.ces_summary, integer, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_trans(@extschema@.ces_summary, integer, integer) IS
    'Transition function of ces(), ces_mean() and ces_agg(): counts one score 1..options (NULL '
    'skipped).';
CREATE FUNCTION @extschema@.ces_inv(@extschema@.ces_summary, integer, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_inv(@extschema@.ces_summary, integer, integer) IS
    'Inverse transition of ces() and ces_mean() for sliding window frames: takes back one '
    'score counted earlier (NULL skipped).';

CREATE FUNCTION @extschema@.ces(@extschema@.ces_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'ces_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces(@extschema@.ces_summary) IS
    'Customer effort score = (mean score / options) x 100, mapping scores 1..k onto [100/k, '
    '100]. NULL with no responses.';

CREATE FUNCTION @extschema@.ces_mean(@extschema@.ces_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'ces_mean_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_mean(@extschema@.ces_summary) IS
'Mean effort score, on the 1..options scale. NULL with no responses.';

CREATE AGGREGATE @extschema@.ces(score integer, options integer) (
    SFUNC = @extschema@.ces_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_trans,
    MINVFUNC = @extschema@.ces_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces(integer, integer) IS
    'Customer effort score = ((sum of scores / respondents) / options) x 100 for scores '
    '1..options (2 to 100 options), in [100/options, 100]. NULL scores skipped; no scores '
    'gives NULL; error 22023 for a score off the scale, 22004 for NULL options.';

CREATE AGGREGATE @extschema@.ces_mean(score integer, options integer) (
    SFUNC = @extschema@.ces_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces_mean,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_trans,
    MINVFUNC = @extschema@.ces_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces_mean,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_mean(integer, integer) IS
    'Mean effort score of scores 1..options (2 to 100 options), on that scale. NULL scores '
    'skipped; no scores gives NULL; error 22023 for a score off the scale, 22004 for NULL '
    'options.';

CREATE AGGREGATE @extschema@.ces_agg(score integer, options integer) (
    SFUNC = @extschema@.ces_trans,
    STYPE = @extschema@.ces_summary,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_agg(integer, integer) IS
    'Summary (ces_summary) of effort scores 1..options (2 to 100 options) for ces(), ces_ci(), '
    'ces_mean(), ces_mean_ci(), respondents() and rollup(). NULL scores skipped; no scores '
    'gives NULL; error 22023 for a score off the scale, 22004 for NULL options.';

CREATE FUNCTION @extschema@.ces_ci(summary @extschema@.ces_summary, confidence double precision DEFAULT 0.95)
RETURNS @extschema@.confidence_interval
AS 'MODULE_PATHNAME', 'ces_ci_typed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_ci(@extschema@.ces_summary, double precision) IS
    'Student t interval (lower, upper) of CES, on the CES scale (ces_mean_ci / options x 100). '
    'NULL with fewer than two responses; error 22023 unless 0 < confidence < 1.';

CREATE FUNCTION @extschema@.ces_mean_ci(summary @extschema@.ces_summary, confidence double precision DEFAULT 0.95)
RETURNS @extschema@.confidence_interval
AS 'MODULE_PATHNAME', 'ces_mean_ci_typed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_mean_ci(@extschema@.ces_summary, double precision) IS
    'Student t interval (lower, upper) of the mean effort score: mean -/+ t(n-1) x s / '
    'sqrt(n). NULL with fewer than two responses; error 22023 unless 0 < confidence < 1.';

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
