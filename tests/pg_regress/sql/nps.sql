-- Net Promoter Score: nps(score) in one step, nps_agg(score) and accessors in two.
\pset null NULL

-- 50 promoters, 30 passives, 20 detractors. Worked by hand: NPS = 100 (50 - 20) / 100 = 30;
-- stderr = 100 sqrt((0.5 + 0.2 - (0.5 - 0.2)^2) / 100) = 7.8102 points;
-- 95% interval 30 -/+ 1.959964 x 7.8102 = (14.6922, 45.3078) (scipy.stats.norm.ppf(0.975)).
SELECT nps(score) FROM nps_fixture;

SELECT nps(s), round(nps_stderr(s)::numeric, 4) AS stderr,
       round((nps_ci(s)).lower::numeric, 4) AS lower, round((nps_ci(s)).upper::numeric, 4) AS upper,
       promoters(s), passives(s), detractors(s), respondents(s)
FROM (SELECT nps_agg(score) AS s FROM nps_fixture) t;

-- 90% and 99% intervals: z = 1.644854 and 2.575829 (scipy.stats.norm.ppf):
-- 30 -/+ 12.8467 = (17.1533, 42.8467) and 30 -/+ 20.1179 = (9.8821, 50.1179).
SELECT round((nps_ci(s, 0.90)).lower::numeric, 4) AS lower90, round((nps_ci(s, 0.90)).upper::numeric, 4) AS upper90,
       round((nps_ci(s, 0.99)).lower::numeric, 4) AS lower99, round((nps_ci(s, 0.99)).upper::numeric, 4) AS upper99
FROM (SELECT nps_agg(score) AS s FROM nps_fixture) t;

-- Per group, checked against the hand-written formula in the same query.
SELECT channel, nps(score),
       nps(score) = 100.0 * (count(*) FILTER (WHERE score >= 9) - count(*) FILTER (WHERE score <= 6)) / count(score) AS same_as_sql
FROM nps_fixture GROUP BY channel ORDER BY channel;

-- The summary's text form: one count per score 0..10.
SELECT nps_agg(score) FROM nps_fixture;

-- NULL scores are skipped; no rows (or only NULLs) gives NULL.
SELECT nps(s) FROM (VALUES (10), (NULL), (0), (NULL)) v(s);
SELECT nps(s), nps_agg(s) FROM (VALUES (NULL::integer)) v(s);
SELECT nps(score), nps_agg(score) FROM nps_fixture WHERE false;

-- A summary of no responses (made from text) has no figures, but counts are 0.
SELECT nps(s), nps_ci(s), respondents(s), promoters(s)
FROM (SELECT '(version:1,counts:[0,0,0,0,0,0,0,0,0,0,0])'::nps_summary AS s) t;

-- All promoters: the interval collapses to the point and stays on the scale.
SELECT nps(s), nps_ci(s) FROM (SELECT nps_agg(x) AS s FROM (VALUES (9), (10), (10)) v(x)) t;

-- As a window aggregate: running and sliding NPS (in-place updates are safe there too).
SELECT id, score, nps(score) OVER (ORDER BY id) AS running,
       nps(score) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS last_two
FROM (VALUES (1, 10), (2, 0), (3, 7), (4, 9)) v(id, score) ORDER BY id;

-- Sliding frames take rows back out (moving-aggregate mode); a frame whose scores are all
-- NULL gives NULL, as the same rows aggregated directly do.
SELECT id, score, nps(score) OVER (ORDER BY id ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) AS last_two
FROM (VALUES (1, 10), (2, NULL), (3, NULL), (4, 0)) v(id, score) ORDER BY id;

-- [range] Scores outside 0..10 are errors that name the value.
SELECT sqlstate_of($$SELECT nps(s) FROM (VALUES (9), (11)) v(s)$$);
SELECT sqlstate_of($$SELECT nps(s) FROM (VALUES (-1)) v(s)$$);
SELECT sqlstate_of($$SELECT nps_ci(nps_agg(score), 95) FROM nps_fixture$$);

-- Bad input, kind by kind (the kinds in brackets; docs/errors.md counts them per function).
SELECT q, sqlstate_of(q) FROM (VALUES
  -- [range, huge] scores at the integer limits are off the 0..10 scale
  ($$SELECT nps(s) FROM (VALUES (2147483647)) v(s)$$),
  ($$SELECT nps_agg(s) FROM (VALUES (2147483647)) v(s)$$),
  -- [range] a score just above the scale
  ($$SELECT nps_agg(s) FROM (VALUES (11)) v(s)$$),
  -- [range, negative] negative scores
  ($$SELECT nps(s) FROM (VALUES (-2147483648)) v(s)$$),
  ($$SELECT nps_agg(s) FROM (VALUES (-1)) v(s)$$),
  -- [null] NULL scores are skipped, as SQL aggregates skip NULL: accepted
  ($$SELECT nps(s) FROM (VALUES (NULL::integer), (10)) v(s)$$),
  ($$SELECT nps_agg(s) FROM (VALUES (NULL::integer), (10)) v(s)$$),
  -- [empty] no rows, or only NULL scores: NULL, not an error
  ($$SELECT nps(s) FROM (VALUES (10)) v(s) WHERE false$$),
  ($$SELECT nps_agg(s) FROM (VALUES (NULL::integer)) v(s)$$),
  -- [null] the read-outs are STRICT: a NULL summary gives NULL
  ($$SELECT nps(ns), promoters(ns), passives(ns), detractors(ns), respondents(ns), nps_stderr(ns), nps_ci(ns) FROM (SELECT NULL::nps_summary AS ns) x$$),
  -- [empty] a summary of nobody: counts 0, figures NULL (values below)
  ($$SELECT nps(ns), promoters(ns), passives(ns), detractors(ns), respondents(ns), nps_stderr(ns), nps_ci(ns) FROM (SELECT '(version:1,counts:[0,0,0,0,0,0,0,0,0,0,0])'::nps_summary AS ns) x$$),
  -- [huge] counts that sum to 2^63 - 1: finite figures (values below)
  ($$SELECT nps(ns), promoters(ns), passives(ns), detractors(ns), respondents(ns), nps_stderr(ns), nps_ci(ns) FROM (SELECT '(version:1,counts:[4611686018427387903,0,0,0,0,0,0,0,0,0,4611686018427387904])'::nps_summary AS ns) x$$),
  -- [range] confidence levels of 0 and 1
  ($$SELECT nps_ci(nps_agg(5), 0)$$),
  ($$SELECT nps_ci(nps_agg(5), 1)$$),
  -- [range, negative] a negative level
  ($$SELECT nps_ci(nps_agg(5), -0.5)$$),
  -- [nan] NaN and infinite levels
  ($$SELECT nps_ci(nps_agg(5), 'NaN')$$),
  ($$SELECT nps_ci(nps_agg(5), 'Infinity')$$),
  -- [null] a NULL level: NULL (STRICT)
  ($$SELECT nps_ci(nps_agg(5), NULL)$$),
  -- [range] levels just inside (0, 1) are valid: accepted (values below)
  ($$SELECT nps_ci(nps_agg(5), 1e-300)$$),
  ($$SELECT nps_ci(nps_agg(5), 0.9999999999999999)$$),
  -- [null] rollup skips NULL summaries
  ($$SELECT rollup(ns) FROM (VALUES (NULL::nps_summary), ('(version:1,counts:[0,0,0,0,0,0,0,0,0,0,1])')) v(ns)$$),
  -- [empty] rollup of no rows: NULL
  ($$SELECT rollup(ns) FROM (SELECT nps_agg(5) AS ns) x WHERE false$$),
  -- [huge] rollup past 2^63 - 1 responses
  ($$SELECT rollup(ns) FROM (VALUES ('(version:1,counts:[9223372036854775807,0,0,0,0,0,0,0,0,0,0])'::nps_summary), ('(version:1,counts:[0,0,0,0,0,0,0,0,0,0,1])')) v(ns)$$)
) v(q);
-- The figures of those summaries: nobody, and 2^62 - 1 detractors with 2^62 promoters.
SELECT nps(ns), respondents(ns), nps_stderr(ns), nps_ci(ns)
FROM (SELECT '(version:1,counts:[0,0,0,0,0,0,0,0,0,0,0])'::nps_summary AS ns) x;
SELECT nps(ns), respondents(ns), nps_stderr(ns), nps_ci(ns)
FROM (SELECT '(version:1,counts:[4611686018427387903,0,0,0,0,0,0,0,0,0,4611686018427387904])'::nps_summary AS ns) x;
-- Levels at the edges of (0, 1): the interval of one detractor (no spread) stays the point
-- -100 even at 1 - 2^-53, whose z (8.29) is finite; with spread it fills the scale.
SELECT nps_ci(nps_agg(5), 1e-300) AS tiny_level, nps_ci(nps_agg(5), 0.9999999999999999) AS near_one;
SELECT nps_ci(nps_agg(s), 0.9999999999999999) AS near_one_spread FROM (VALUES (0), (10)) v(s);
