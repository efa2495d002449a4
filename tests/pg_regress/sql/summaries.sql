-- Stored summaries: text and binary forms, rollup of stored summaries, storage options.
\pset null NULL

-- Daily summaries stored in a table, as a materialized view would keep them.
CREATE TABLE daily AS
SELECT day, channel, nps_agg(score) AS nps, csat_agg(score % 5 + 1) AS csat, ces_agg(score % 7 + 1, 7) AS ces
FROM nps_fixture GROUP BY day, channel;

-- Rolling the daily summaries up gives exactly the summary of the raw rows.
SELECT (SELECT rollup(nps)::text FROM daily) = (SELECT nps_agg(score)::text FROM nps_fixture) AS nps_equal,
       (SELECT rollup(csat)::text FROM daily) = (SELECT csat_agg(score % 5 + 1)::text FROM nps_fixture) AS csat_equal,
       (SELECT rollup(ces)::text FROM daily) = (SELECT ces_agg(score % 7 + 1, 7)::text FROM nps_fixture) AS ces_equal;
-- ... and per channel, with figures read from the rolled-up summary.
SELECT d.channel, nps(rollup(d.nps)) AS from_daily,
       (SELECT nps(score) FROM nps_fixture f WHERE f.channel = d.channel) AS from_raw
FROM daily d GROUP BY d.channel ORDER BY d.channel;
-- NULL summaries are skipped by rollup; none at all gives NULL.
SELECT respondents(rollup(s)) FROM (SELECT nps_agg(10) UNION ALL SELECT NULL) v(s);
SELECT rollup(nps) FROM daily WHERE false;

-- The text form round-trips exactly, and accepts white space.
SELECT nps::text::nps_summary::text = nps::text AS nps_rt, csat::text::csat_summary::text = csat::text AS csat_rt,
       ces::text::ces_summary::text = ces::text AS ces_rt
FROM daily LIMIT 1;
SELECT ' ( version : 1 , counts : [ 1,0,0,0,0,0,0,0,0,0,2 ] ) '::nps_summary;
SELECT '(version:1,min:0,max:10,satisfied_min:7,counts:[1,0,0,0,0,0,0,2,0,0,0])'::csat_summary;
SELECT '(version:1,options:5,counts:[0,2,0,0,1])'::ces_summary;

-- The binary form (send) is pinned: version 1, kind, scale, then big-endian counts.
SELECT ces_summary_send('(version:1,options:2,counts:[1,2])'::ces_summary);
-- (The receive side is tested by tests/dump_restore.sh, which pipes COPY ... (FORMAT binary)
-- from one database into another without a server-side file.)

-- Summaries are STORAGE plain: never compressed or stored with a short header, so reading
-- one never copies it; PostgreSQL refuses to change that per column.
SELECT sqlstate_of($$ALTER TABLE daily ALTER COLUMN nps SET STORAGE extended$$);
-- Through arrays and records, where values are copied around, they still read and merge.
SELECT rollup(s)::text = (SELECT nps_agg(score)::text FROM nps_fixture) AS via_array
FROM (SELECT unnest(array_agg(nps)) AS s FROM daily) t;
SELECT rollup((r).nps)::text = (SELECT nps_agg(score)::text FROM nps_fixture) AS via_record
FROM (SELECT daily AS r FROM daily) t;

-- [text] Malformed text is error 22P02 and names the problem.
SELECT sqlstate_of($$SELECT '(version:2,counts:[0,0,0,0,0,0,0,0,0,0,0])'::nps_summary$$);
SELECT sqlstate_of($$SELECT '(version:1,counts:[0,0,0])'::nps_summary$$);
SELECT sqlstate_of($$SELECT '(version:1,counts:[0,0,0,0,0,0,0,0,0,0,-1])'::nps_summary$$);
SELECT sqlstate_of($$SELECT '(version:1,min:1,max:5,satisfied_min:9,counts:[0,0,0,0,0])'::csat_summary$$);
SELECT sqlstate_of($$SELECT '(version:1,options:7,counts:[0,0,0,0,0,0,0],extra:1)'::ces_summary$$);
SELECT sqlstate_of($$SELECT 'garbage'::nps_summary$$);
-- [huge] Counts past the bigint range are 22003.
SELECT sqlstate_of($$SELECT '(version:1,counts:[9223372036854775807,1,0,0,0,0,0,0,0,0,0])'::nps_summary$$);
SELECT sqlstate_of($$SELECT rollup(s) FROM (SELECT '(version:1,counts:[9223372036854775807,0,0,0,0,0,0,0,0,0,0])'::nps_summary UNION ALL SELECT nps_agg(3)) v(s)$$);

-- Bad input, kind by kind (the kinds in brackets; docs/errors.md counts them per function).
SELECT q, sqlstate_of(q) FROM (VALUES
  -- [text] not a summary: empty, truncated, fields missing, repeated or out of order
  ($$SELECT ''::nps_summary$$),
  ($$SELECT '(version:1,counts:[0,0,0,0,0,0,0,0,0,0,0]'::nps_summary$$),
  ($$SELECT '(version:1)'::nps_summary$$),
  ($$SELECT '(counts:[0,0,0,0,0,0,0,0,0,0,0],version:1)'::nps_summary$$),
  ($$SELECT '(version:1,counts:[0,0,0,0,0,0,0,0,0,0,0]) x'::nps_summary$$),
  ($$SELECT '(version:1,min:1,max:5,counts:[0,0,0,0,0])'::csat_summary$$),
  ($$SELECT '(version:1,min:1,max:5,satisfied_min:4,counts:[0,0,0,0,0],counts:[0,0,0,0,0])'::csat_summary$$),
  ($$SELECT '(version:1,options:5,counts:[0,0,0,0,1.5])'::ces_summary$$),
  ($$SELECT '(version:1,options:"5",counts:[0,0,0,0,0])'::ces_summary$$),
  -- [range] a count list of the wrong length, a scale outside its bounds
  ($$SELECT '(version:1,counts:[0,0,0,0,0,0,0,0,0,0,0,0])'::nps_summary$$),
  ($$SELECT '(version:1,min:5,max:1,satisfied_min:4,counts:[0,0,0,0,0])'::csat_summary$$),
  ($$SELECT '(version:1,min:1,max:500,satisfied_min:4,counts:[0,0,0,0,0])'::csat_summary$$),
  ($$SELECT '(version:1,options:1,counts:[0])'::ces_summary$$),
  ($$SELECT '(version:1,options:101,counts:[0])'::ces_summary$$),
  ($$SELECT '(version:1,options:5,counts:[0,0,0,0])'::ces_summary$$),
  -- [negative] negative counts, a negative version or scale bounds
  ($$SELECT '(version:-1,counts:[0,0,0,0,0,0,0,0,0,0,0])'::nps_summary$$),
  ($$SELECT '(version:1,min:1,max:5,satisfied_min:4,counts:[0,0,0,-1,0])'::csat_summary$$),
  ($$SELECT '(version:1,min:-40000,max:-39996,satisfied_min:-39997,counts:[0,0,0,0,0])'::csat_summary$$),
  ($$SELECT '(version:1,options:-5,counts:[0,0,0,0,0])'::ces_summary$$),
  -- [empty] a summary of nobody is valid: accepted
  ($$SELECT '(version:1,counts:[0,0,0,0,0,0,0,0,0,0,0])'::nps_summary$$),
  ($$SELECT '(version:1,min:1,max:5,satisfied_min:4,counts:[0,0,0,0,0])'::csat_summary$$),
  ($$SELECT '(version:1,options:5,counts:[0,0,0,0,0])'::ces_summary$$),
  -- [huge] counts past 2^63 - 1 in one or in their sum; a number past 64 bits
  ($$SELECT '(version:1,counts:[0,0,0,0,0,0,0,0,0,0,99999999999999999999999])'::nps_summary$$),
  ($$SELECT '(version:1,min:1,max:5,satisfied_min:4,counts:[9223372036854775807,0,0,0,1])'::csat_summary$$),
  ($$SELECT '(version:1,options:5,counts:[9223372036854775808,0,0,0,0])'::ces_summary$$),
  ($$SELECT '(version:1,options:5,counts:[9223372036854775807,0,0,0,0])'::ces_summary$$),
  -- [nan] NaN, Infinity or an exponent where a count belongs
  ($$SELECT '(version:1,counts:[0,0,0,0,0,0,0,0,0,0,NaN])'::nps_summary$$),
  ($$SELECT '(version:1,min:1,max:5,satisfied_min:4,counts:[0,0,0,0,Infinity])'::csat_summary$$),
  ($$SELECT '(version:1,options:5,counts:[0,0,0,0,1e3])'::ces_summary$$)
) v(q);
