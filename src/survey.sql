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
-- bigint, numeric, double precision or real score: those overloads and their transitions are
-- in survey_types.sql, written by scripts/generated_sql.py (one template per score type).
