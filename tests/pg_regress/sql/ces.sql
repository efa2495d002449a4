-- Customer effort score: CES = (mean score / options) x 100, and the mean effort score.
\pset null NULL

-- Scores 1..7 once each and 7 again, on a 7-point scale. Worked by hand: mean = 35 / 8 =
-- 4.375; CES = 4.375 / 7 x 100 = 62.5; sample variance 5.125. scipy.stats.t.interval(0.95,
-- 7, loc=4.375, scale=sqrt(5.125 / 8)) = (2.482377, 6.267623); on the CES scale / 7 x 100 =
-- (35.462531, 89.537469).
CREATE TABLE ces_fixture AS SELECT unnest(ARRAY[1, 2, 3, 4, 5, 6, 7, 7]) AS score;

SELECT ces(score, 7), ces_mean(score, 7) FROM ces_fixture;
SELECT ces(s), ces_mean(s), respondents(s),
       round((ces_mean_ci(s)).lower::numeric, 6) AS mean_lower, round((ces_mean_ci(s)).upper::numeric, 6) AS mean_upper,
       round((ces_ci(s)).lower::numeric, 6) AS ces_lower, round((ces_ci(s)).upper::numeric, 6) AS ces_upper
FROM (SELECT ces_agg(score, 7) AS s FROM ces_fixture) t;
SELECT ces_agg(score, 7) FROM ces_fixture;

-- The scale's ends: 1..5 maps onto [20, 100].
SELECT ces(s, 5) AS lowest FROM (VALUES (1)) v(s);
SELECT ces(s, 5) AS highest FROM (VALUES (5)) v(s);

-- One response has a mean but no interval.
SELECT ces_mean(s), ces_mean_ci(s) FROM (SELECT ces_agg(4, 5) AS s) t;
SELECT ces(s, 5) FROM (VALUES (NULL::integer)) v(s);

-- [range] Errors: off-scale scores, impossible option counts.
SELECT sqlstate_of($$SELECT ces(s, 5) FROM (VALUES (6)) v(s)$$);
SELECT sqlstate_of($$SELECT ces(s, 5) FROM (VALUES (0)) v(s)$$);
SELECT sqlstate_of($$SELECT ces(s, 1) FROM (VALUES (1)) v(s)$$);
-- [null] NULL options.
SELECT sqlstate_of($$SELECT ces(s, NULL) FROM (VALUES (1)) v(s)$$);
-- [mixed] The number of options changes within a group.
SELECT sqlstate_of($$SELECT ces(s, o) FROM (VALUES (1, 5), (1, 7)) v(s, o)$$);
-- [null] Even where every score is NULL, the options argument is checked.
SELECT sqlstate_of($$SELECT ces(s, NULL) FROM (VALUES (NULL::integer)) v(s)$$);

-- Bad input, kind by kind (the kinds in brackets; docs/errors.md counts them per function).
SELECT q, sqlstate_of(q) FROM (VALUES
  -- [range, huge] scores and option counts at the integer limits
  ($$SELECT ces(s, 7) FROM (VALUES (2147483647)) v(s)$$),
  ($$SELECT ces_mean(s, 2147483647) FROM (VALUES (1)) v(s)$$),
  ($$SELECT ces_agg(s, 5) FROM (VALUES (-2147483648)) v(s)$$),
  -- [range] just past the scale: 101 options, a score of 6 of 5, a score of 0
  ($$SELECT ces_agg(s, 101) FROM (VALUES (1)) v(s)$$),
  ($$SELECT ces_mean(s, 5) FROM (VALUES (6)) v(s)$$),
  ($$SELECT ces_agg(s, 5) FROM (VALUES (0)) v(s)$$),
  -- [range] the largest scale, 100 options: accepted
  ($$SELECT ces_agg(s, 100) FROM (VALUES (100)) v(s)$$),
  -- [range, negative] negative scores and option counts
  ($$SELECT ces(s, 5) FROM (VALUES (-1)) v(s)$$),
  ($$SELECT ces_mean(s, -5) FROM (VALUES (1)) v(s)$$),
  ($$SELECT ces_agg(s, -2147483648) FROM (VALUES (1)) v(s)$$),
  -- [null] NULL scores are skipped: accepted; NULL options are an error
  ($$SELECT ces(s, 5) FROM (VALUES (NULL::integer), (5)) v(s)$$),
  ($$SELECT ces_mean(s, 5) FROM (VALUES (NULL::integer), (5)) v(s)$$),
  ($$SELECT ces_agg(s, 5) FROM (VALUES (NULL::integer), (5)) v(s)$$),
  ($$SELECT ces_mean(s, NULL) FROM (VALUES (1)) v(s)$$),
  ($$SELECT ces_agg(s, NULL) FROM (VALUES (1)) v(s)$$),
  -- [empty] no rows: NULL
  ($$SELECT ces(s, 5) FROM (VALUES (1)) v(s) WHERE false$$),
  ($$SELECT ces_mean(s, 5) FROM (VALUES (1)) v(s) WHERE false$$),
  ($$SELECT ces_agg(s, 5) FROM (VALUES (1)) v(s) WHERE false$$),
  -- [mixed] the options change within a group
  ($$SELECT ces_mean(s, o) FROM (VALUES (1, 5), (1, 7)) v(s, o)$$),
  ($$SELECT ces_agg(s, o) FROM (VALUES (1, 5), (1, 7)) v(s, o)$$),
  -- [null] the read-outs are STRICT: a NULL summary gives NULL
  ($$SELECT ces(es), ces_mean(es), respondents(es), ces_ci(es), ces_mean_ci(es) FROM (SELECT NULL::ces_summary AS es) x$$),
  -- [empty] a summary of nobody: 0 respondents, no mean, no interval
  ($$SELECT ces(es), ces_mean(es), respondents(es), ces_ci(es), ces_mean_ci(es) FROM (SELECT '(version:1,options:5,counts:[0,0,0,0,0])'::ces_summary AS es) x$$),
  -- [huge] 2^63 - 2 responses: the t interval of so many degrees of freedom (it used to
  -- hang the backend, uninterruptibly, from about 1e8 responses; values below)
  ($$SELECT ces(es), ces_mean(es), respondents(es), ces_ci(es), ces_mean_ci(es) FROM (SELECT '(version:1,options:5,counts:[4611686018427387903,0,0,0,4611686018427387903])'::ces_summary AS es) x$$),
  ($$SELECT ces_mean_ci(es, 0.999999) FROM (SELECT '(version:1,options:100,counts:[4611686018427387903,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,4611686018427387903])'::ces_summary AS es) x$$),
  -- [range] confidence levels outside (0, 1)
  ($$SELECT ces_ci(ces_agg(s, 5), 1) FROM (VALUES (1), (2)) v(s)$$),
  ($$SELECT ces_mean_ci(ces_agg(s, 5), 1.5) FROM (VALUES (1), (2)) v(s)$$),
  -- [nan] NaN and infinite levels
  ($$SELECT ces_ci(ces_agg(s, 5), 'NaN') FROM (VALUES (1), (2)) v(s)$$),
  ($$SELECT ces_mean_ci(ces_agg(s, 5), 'Infinity') FROM (VALUES (1), (2)) v(s)$$),
  -- [null] a NULL level: NULL (STRICT)
  ($$SELECT ces_ci(ces_agg(s, 5), NULL) FROM (VALUES (1), (2)) v(s)$$),
  -- [mixed] summaries of different scales do not merge
  ($$SELECT rollup(es) FROM (SELECT ces_agg(1, 5) UNION ALL SELECT ces_agg(1, 7)) v(es)$$),
  -- [null] rollup skips NULL summaries
  ($$SELECT rollup(es) FROM (SELECT ces_agg(1, 5) UNION ALL SELECT NULL::ces_summary) v(es)$$),
  -- [empty] rollup of no rows: NULL
  ($$SELECT rollup(es) FROM (SELECT ces_agg(1, 5) AS es) x WHERE false$$),
  -- [huge] rollup past 2^63 - 1 responses
  ($$SELECT rollup(es) FROM (SELECT '(version:1,options:5,counts:[9223372036854775807,0,0,0,0])'::ces_summary UNION ALL SELECT ces_agg(1, 5)) v(es)$$)
) v(q);
-- The t interval at 2^63 - 3 degrees of freedom is the normal one (mean 3, variance 4:
-- 3 -/+ 1.959964 x 2 / sqrt(2^63 - 2)), and at 1e6 responses it is t's, not narrower.
SELECT ces_mean(es), ces_mean_ci(es), ces_ci(es)
FROM (SELECT '(version:1,options:5,counts:[4611686018427387903,0,0,0,4611686018427387903])'::ces_summary AS es) x;
SELECT round(((ces_mean_ci(es)).upper - 3)::numeric * 1000, 9) AS half_width_x1000
FROM (SELECT '(version:1,options:5,counts:[500000,0,0,0,500000])'::ces_summary AS es) x;
