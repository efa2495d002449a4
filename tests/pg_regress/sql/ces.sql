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

-- Errors: off-scale scores, impossible option counts, NULL options.
SELECT sqlstate_of($$SELECT ces(s, 5) FROM (VALUES (6)) v(s)$$);
SELECT sqlstate_of($$SELECT ces(s, 5) FROM (VALUES (0)) v(s)$$);
SELECT sqlstate_of($$SELECT ces(s, 1) FROM (VALUES (1)) v(s)$$);
SELECT sqlstate_of($$SELECT ces(s, NULL) FROM (VALUES (1)) v(s)$$);
SELECT sqlstate_of($$SELECT ces(s, o) FROM (VALUES (1, 5), (1, 7)) v(s, o)$$);
-- Even where every score is NULL, the options argument is checked.
SELECT sqlstate_of($$SELECT ces(s, NULL) FROM (VALUES (NULL::integer)) v(s)$$);
