-- Customer satisfaction: share of satisfied responses, with a Wilson interval.
\pset null NULL

-- 7 satisfied (4-5) out of 50 on the usual 1..5 scale: CSAT = 0.14;
-- Wilson 95% interval (0.0695, 0.2619): statsmodels proportion_confint(7, 50,
-- method='wilson') = (0.0695083, 0.2618619).
CREATE TABLE csat_fixture AS
SELECT g AS id, CASE WHEN g <= 4 THEN 5 WHEN g <= 7 THEN 4 WHEN g <= 27 THEN 3 ELSE 1 END AS score
FROM generate_series(1, 50) g;

SELECT csat(score) FROM csat_fixture;
SELECT csat(s), satisfied(s), respondents(s),
       round((csat_ci(s)).lower::numeric, 6) AS lower, round((csat_ci(s)).upper::numeric, 6) AS upper
FROM (SELECT csat_agg(score) AS s FROM csat_fixture) t;

-- Other scales, with the satisfied threshold explicit: 1..7 satisfied from 6, 0..10 from 7.
-- Scores {1, 5, 6, 7}: 2 of 4 satisfied on 1..7; {0, 7, 8, 10, 3}: 3 of 5 on 0..10.
SELECT csat(s, 1, 7, 6) FROM (VALUES (1), (5), (6), (7)) v(s);
SELECT csat(s, 0, 10, 7) FROM (VALUES (0), (7), (8), (10), (3)) v(s);
SELECT csat_agg(s, 0, 10, 7) FROM (VALUES (0), (7), (8), (10), (3)) v(s);

-- Wilson at the edges (statsmodels): 0 of 10 -> (0, 0.277533); 10 of 10 -> (0.722467, 1).
SELECT round((csat_ci(csat_agg(s))).upper::numeric, 6) AS upper_none FROM (SELECT 1 FROM generate_series(1, 10)) g(s);
SELECT round((csat_ci(csat_agg(s))).lower::numeric, 6) AS lower_all FROM (SELECT 5 FROM generate_series(1, 10)) g(s);

-- NULLs skipped, empty input NULL.
SELECT csat(s), csat_agg(s) FROM (VALUES (NULL::integer)) v(s);

-- [range] Off-scale scores and bad scales.
SELECT sqlstate_of($$SELECT csat(s) FROM (VALUES (6)) v(s)$$);
SELECT sqlstate_of($$SELECT csat(s, 1, 7, 8) FROM (VALUES (6)) v(s)$$);
SELECT sqlstate_of($$SELECT csat(s, 7, 1, 6) FROM (VALUES (6)) v(s)$$);
SELECT sqlstate_of($$SELECT csat(s, 0, 200, 100) FROM (VALUES (6)) v(s)$$);
-- [null] A NULL scale argument.
SELECT sqlstate_of($$SELECT csat(s, 1, NULL, 4) FROM (VALUES (4)) v(s)$$);
-- [mixed] A scale that changes in a group.
SELECT sqlstate_of($$SELECT csat(s, 1, hi, 4) FROM (VALUES (4, 5), (4, 7)) v(s, hi)$$);
-- [mixed] Summaries on different scales do not merge.
SELECT sqlstate_of($$SELECT rollup(s) FROM (SELECT csat_agg(5) UNION ALL SELECT '(version:1,min:1,max:7,satisfied_min:6,counts:[0,0,0,0,0,0,1])'::csat_summary) v(s)$$);
-- [range] Scale arguments are checked on every row, even where every score is NULL.
SELECT sqlstate_of($$SELECT csat(s, 5, 1, 9) FROM (VALUES (NULL::integer)) v(s)$$);
SELECT sqlstate_of($$SELECT csat(s, -40000, -39990, -39995) FROM (VALUES (1)) v(s)$$);

-- Bad input, kind by kind (the kinds in brackets; docs/errors.md counts them per function).
SELECT q, sqlstate_of(q) FROM (VALUES
  -- [range, huge] scores and scale bounds at the integer limits
  ($$SELECT csat(s) FROM (VALUES (2147483647)) v(s)$$),
  ($$SELECT csat_agg(s) FROM (VALUES (2147483647)) v(s)$$),
  ($$SELECT csat_agg(s, 2147483600, 2147483647, 2147483640) FROM (VALUES (2147483647)) v(s)$$),
  ($$SELECT csat(s, -2147483648, -2147483600, -2147483610) FROM (VALUES (1)) v(s)$$),
  -- [range] a threshold at the scale's bottom, a scale of one point, a threshold above the scale
  ($$SELECT csat_agg(s, 1, 5, 1) FROM (VALUES (5)) v(s)$$),
  ($$SELECT csat(s, 1, 1, 1) FROM (VALUES (1)) v(s)$$),
  ($$SELECT csat_agg(s, 1, 7, 8) FROM (VALUES (6)) v(s)$$),
  -- [range, negative] a negative score on the default 1..5 scale
  ($$SELECT csat(s) FROM (VALUES (-1)) v(s)$$),
  ($$SELECT csat_agg(s) FROM (VALUES (-1)) v(s)$$),
  -- [negative] a scale of negative scores is valid (bounds from -32768 to 32767): accepted
  ($$SELECT csat_agg(s, -32768, -32700, -32701) FROM (VALUES (-32768)) v(s)$$),
  ($$SELECT csat(s, -10, -1, -3) FROM (VALUES (-2)) v(s)$$),
  -- [null] NULL scores are skipped: accepted; a NULL scale argument is an error
  ($$SELECT csat(s) FROM (VALUES (NULL::integer), (5)) v(s)$$),
  ($$SELECT csat_agg(s, 1, 5, 4) FROM (VALUES (NULL::integer), (5)) v(s)$$),
  ($$SELECT csat_agg(s, NULL, 5, 4) FROM (VALUES (4)) v(s)$$),
  ($$SELECT csat(s, 1, 5, NULL) FROM (VALUES (4)) v(s)$$),
  -- [empty] no rows: NULL
  ($$SELECT csat(s) FROM (VALUES (5)) v(s) WHERE false$$),
  ($$SELECT csat_agg(s, 1, 5, 4) FROM (VALUES (5)) v(s) WHERE false$$),
  -- [mixed] the scale or the threshold changes within a group
  ($$SELECT csat_agg(s, 1, hi, 4) FROM (VALUES (4, 5), (4, 7)) v(s, hi)$$),
  ($$SELECT csat(s, 1, 5, t) FROM (VALUES (4, 4), (4, 5)) v(s, t)$$),
  -- [null] the read-outs are STRICT: a NULL summary gives NULL
  ($$SELECT csat(cs), satisfied(cs), respondents(cs), csat_ci(cs) FROM (SELECT NULL::csat_summary AS cs) x$$),
  -- [empty] a summary of nobody: 0 respondents, no CSAT
  ($$SELECT csat(cs), satisfied(cs), respondents(cs), csat_ci(cs) FROM (SELECT '(version:1,min:1,max:5,satisfied_min:4,counts:[0,0,0,0,0])'::csat_summary AS cs) x$$),
  -- [huge] counts that sum to 2^63 - 1 (values below)
  ($$SELECT csat(cs), satisfied(cs), respondents(cs), csat_ci(cs) FROM (SELECT '(version:1,min:1,max:5,satisfied_min:4,counts:[4611686018427387903,0,0,0,4611686018427387904])'::csat_summary AS cs) x$$),
  -- [range] confidence levels outside (0, 1)
  ($$SELECT csat_ci(csat_agg(5), 0)$$),
  ($$SELECT csat_ci(csat_agg(5), 2)$$),
  -- [nan] NaN and infinite levels
  ($$SELECT csat_ci(csat_agg(5), 'NaN')$$),
  ($$SELECT csat_ci(csat_agg(5), '-Infinity')$$),
  -- [null] a NULL level: NULL (STRICT)
  ($$SELECT csat_ci(csat_agg(5), NULL)$$),
  -- [mixed] summaries on one scale with different thresholds do not merge
  ($$SELECT rollup(cs) FROM (SELECT csat_agg(5) UNION ALL SELECT csat_agg(5, 1, 5, 5)) v(cs)$$),
  -- [null] rollup skips NULL summaries
  ($$SELECT rollup(cs) FROM (SELECT csat_agg(5) UNION ALL SELECT NULL::csat_summary) v(cs)$$),
  -- [empty] rollup of no rows: NULL
  ($$SELECT rollup(cs) FROM (SELECT csat_agg(5) AS cs) x WHERE false$$),
  -- [huge] rollup past 2^63 - 1 responses
  ($$SELECT rollup(cs) FROM (SELECT '(version:1,min:1,max:5,satisfied_min:4,counts:[9223372036854775807,0,0,0,0])'::csat_summary UNION ALL SELECT csat_agg(5)) v(cs)$$)
) v(q);
-- The figures of the summary at the limit: half satisfied, a Wilson interval of width ~0.
SELECT csat(cs), satisfied(cs), respondents(cs), csat_ci(cs)
FROM (SELECT '(version:1,min:1,max:5,satisfied_min:4,counts:[4611686018427387903,0,0,0,4611686018427387904])'::csat_summary AS cs) x;
