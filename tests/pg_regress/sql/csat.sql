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

-- Off-scale scores, bad scales, NULL scale arguments, and a scale that changes in a group.
SELECT sqlstate_of($$SELECT csat(s) FROM (VALUES (6)) v(s)$$);
SELECT sqlstate_of($$SELECT csat(s, 1, 7, 8) FROM (VALUES (6)) v(s)$$);
SELECT sqlstate_of($$SELECT csat(s, 7, 1, 6) FROM (VALUES (6)) v(s)$$);
SELECT sqlstate_of($$SELECT csat(s, 0, 200, 100) FROM (VALUES (6)) v(s)$$);
SELECT sqlstate_of($$SELECT csat(s, 1, NULL, 4) FROM (VALUES (4)) v(s)$$);
SELECT sqlstate_of($$SELECT csat(s, 1, hi, 4) FROM (VALUES (4, 5), (4, 7)) v(s, hi)$$);
-- Summaries on different scales do not merge.
SELECT sqlstate_of($$SELECT rollup(s) FROM (SELECT csat_agg(5) UNION ALL SELECT '(version:1,min:1,max:7,satisfied_min:6,counts:[0,0,0,0,0,0,1])'::csat_summary) v(s)$$);
-- Scale arguments are checked on every row, even where every score is NULL.
SELECT sqlstate_of($$SELECT csat(s, 5, 1, 9) FROM (VALUES (NULL::integer)) v(s)$$);
SELECT sqlstate_of($$SELECT csat(s, -40000, -39990, -39995) FROM (VALUES (1)) v(s)$$);
