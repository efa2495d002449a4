-- Predictive customer value: RFM summaries, BG/NBD, Gamma-Gamma, CLV, sBG and Kaplan-Meier,
-- against published values and hand-worked fixtures.
\pset null NULL
SET TimeZone = 'UTC';
SET DateStyle = 'ISO';
SET extra_float_digits = 0;

-- RFM with lifetimes' semantics. CDNOW_sample.txt, customer 4 (ID 1 of the published
-- cdnow_customers_summary.csv: frequency 2, recency 30.43, T 38.86): orders on 1997-01-01
-- (29.33), 01-18 (29.73), 08-02 (14.96), 12-12 (26.48). Observation end 1997-09-30, days
-- divided by 7 (weeks): repeat days 01-18 and 08-02, so frequency 2; recency 213 / 7 =
-- 30.43; T 272 / 7 = 38.86; monetary (29.73 + 14.96) / 2 = 22.345.
CREATE TABLE rfm_orders (customer int, ordered_at timestamptz, amount numeric(10,2));
INSERT INTO rfm_orders VALUES
 (1, '1997-01-01', 29.33), (1, '1997-01-18', 29.73), (1, '1997-08-02', 14.96), (1, '1997-12-12', 26.48),
 -- customer 2: two orders on one day count once, amounts summed (10 + 5 = 15 on 01-03).
 (2, '1997-01-01', 20), (2, '1997-01-03', 10), (2, '1997-01-03', 5),
 -- customer 3: first order (a Sunday) after the observation end: no RFM row by days; by
 -- Monday weeks it falls in the end's week (09-29 to 10-05), so it counts with T = 0, as
 -- lifetimes floors both dates to their periods' starts.
 (3, '1997-10-05', 8);
CREATE TABLE rfm_histories AS
SELECT customer, customer_history_agg(ordered_at, amount) AS h FROM rfm_orders GROUP BY customer;
SELECT customer, r.frequency, round(r.recency::numeric, 2) AS recency, round(r.t::numeric, 2) AS t, r.monetary_value
FROM rfm_histories, LATERAL rfm(h, '1997-09-30', 'day', 7) r ORDER BY customer;
-- In weeks (Monday weeks, as pandas' 'W'): customer 2, 1997-01-01 (a Wednesday) and 01-03 are
-- in one week, so no repeat week; T = weeks from 1996-12-30 to 1997-09-29 = 39.
SELECT customer, r.* FROM rfm_histories, LATERAL rfm(h, '1997-09-30', 'week') r ORDER BY customer;
-- Calibration to 1997-09-30, holdout to 1998-06-30, weeks from days: customer 1 has one
-- holdout day (12-12, 26.48); the holdout is (545 - 272) / 7 = 39 weeks long.
SELECT customer, r.* FROM rfm_histories, LATERAL rfm_holdout(h, '1997-09-30', '1998-06-30', 'day', 7) r ORDER BY customer;
-- [name] rfm() errors: an unknown granularity.
SELECT sqlstate_of($$SELECT rfm(h, '1997-09-30', 'fortnight') FROM rfm_histories WHERE customer = 1$$);
-- [range] rfm() errors: a multiplier of 0, a holdout period that is empty.
SELECT sqlstate_of($$SELECT rfm(h, '1997-09-30', 'day', 0) FROM rfm_histories WHERE customer = 1$$);
SELECT sqlstate_of($$SELECT rfm_holdout(h, '1997-09-30', '1997-09-30') FROM rfm_histories WHERE customer = 1$$);

-- BG/NBD predictions from a model given by its text form, with the parameters lifetimes
-- 0.11.3 fits on the published CDNOW summary (the fits themselves, on all 2,357 customers,
-- are checked in tests/checks/predict_check.py and in the unit tests). Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science
-- 24(2): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426. Their worked example: a customer
-- with x = 2, t_x = 30.43, T = 38.86 is expected to make 1.226 purchases in the next 39
-- weeks (FHL 2005, section 5 / Hardie's note 004).
CREATE TABLE models AS SELECT
 '(version:1,model:"bgnbd",r:0.24259292827982182,alpha:4.413532265271819,a:0.7928859664406882,b:2.42575238262586,log_likelihood:-9582.425560567368,customers:2357,rows:1016,iterations:0,converged:true,penalizer:0.0)'::bgnbd_model AS bg,
 '(version:1,model:"gamma_gamma",p:6.248802496075312,q:3.744588460923114,v:15.44774806492914,log_likelihood:-4055.9232435028644,customers:946,rows:753,iterations:0,converged:true,penalizer:0.0)'::gamma_gamma_model AS gg;
-- (the parameters are lifetimes 0.11.3's fit, tests/reference/lifetimes/bgnbd_cdnow.json and
-- gg_cdnow.json)
SELECT round(expected_purchases(bg, 39, 2, 30.43, 38.86)::numeric, 3) AS fhl_1_226,
       -- lifetimes: conditional_expected_number_of_purchases_up_to_time(39, 2, 30.43, 38.86)
       -- = 1.2259104241743999 (bgnbd_cdnow.csv.gz, ID 1)
       abs(expected_purchases(bg, 39, 2, 30.43, 38.86) - 1.2259104241743999) < 1e-12 AS as_lifetimes,
       -- conditional_probability_alive(2, 30.43, 38.86) = 0.726609136799059 (ID 1)
       abs(probability_alive(bg, 2, 30.43, 38.86) - 0.726609136799059) < 1e-12 AS p_alive,
       -- expected_number_of_purchases_up_to_time(39) = 1.1950162284461952 (bgnbd_cdnow.json)
       abs(expected_purchases(bg, 39) - 1.1950162284461952) < 1e-12 AS new_customer,
       probability_alive(bg, 0, 0, 38.86) AS no_repeat_is_alive
FROM models;
-- One call site whose models change from row to row: every row must read its own models,
-- not the ones the call site parsed for the row before (a call site keeps the parsed models
-- while the arguments' bytes stay the same). B and G2 are the models with one digit changed,
-- so their text has the same length as the original's. Each row is compared with the same
-- read-out of its models alone; models_differ shows the comparison can fail.
WITH ab AS (SELECT bg AS a, replace(bg::text, 'r:0.2425', 'r:0.3425')::bgnbd_model AS b,
                   gg AS g, replace(gg::text, 'p:6.2488', 'p:7.2488')::gamma_gamma_model AS g2 FROM models),
     alone AS (SELECT expected_purchases(a, 39, 2, 30.43, 38.86) AS ea, expected_purchases(b, 39, 2, 30.43, 38.86) AS eb,
                      clv(a, g, 2, 30.43, 38.86, 22.35) AS c_ag, clv(a, g2, 2, 30.43, 38.86, 22.35) AS c_ag2,
                      clv(b, g, 2, 30.43, 38.86, 22.35) AS c_bg FROM ab)
SELECT ea <> eb AND c_ag <> c_ag2 AND c_ag <> c_bg AS models_differ,
       array_agg(expected_purchases(CASE WHEN i % 2 = 1 THEN a ELSE b END, 39, 2, 30.43, 38.86)
                 = CASE WHEN i % 2 = 1 THEN ea ELSE eb END ORDER BY i) AS own_bgnbd,
       array_agg(clv(CASE WHEN i = 3 THEN b ELSE a END, CASE WHEN i = 2 THEN g2 ELSE g END, 2, 30.43, 38.86, 22.35)
                 = CASE i WHEN 2 THEN c_ag2 WHEN 3 THEN c_bg ELSE c_ag END ORDER BY i) AS own_models_in_clv
FROM ab, alone, generate_series(1, 4) i GROUP BY ea, eb, c_ag, c_ag2, c_bg;
-- P(N(t) = n) for a new customer sums to 1 over n (r = 0.24 makes the tail long: n up to 2000).
SELECT round(sum(probability_of_purchases(bg, 39, n))::numeric, 9) FROM models, generate_series(0, 2000) n;
-- Gamma-Gamma: ID 1 (x = 2, zbar 22.35): conditional_expected_average_profit = 24.658616189236472,
-- population mean v p / (q - 1) = 35.17100215250665; CLV 12 months at 1% a month with 4.345
-- weeks a month = 36.27849576362541 (lifetimes, gg_clv_cdnow.csv.gz and gg_cdnow.json).
SELECT abs(expected_average_spend(gg, 2, 22.35) - 24.658616189236472) < 1e-12 AS spend,
       abs(expected_average_spend(gg) - 35.17100215250665) < 1e-12 AS population,
       abs(clv(bg, gg, 2, 30.43, 38.86, 22.35, 12, 0.01, 4.345) - 36.27849576362541) < 1e-9 AS clv
FROM models;
SELECT (parameters(bg)).*, (parameters(gg)).* FROM models;
-- [range] Predictions: a fractional frequency, recency beyond T, a horizon of 0 months, a
-- parameter <= 0 in a model's text form.
SELECT sqlstate_of($$SELECT expected_purchases(bg, 39, 1.5, 30, 38) FROM models$$);
SELECT sqlstate_of($$SELECT probability_alive(bg, 2, 40, 38.86) FROM models$$);
SELECT sqlstate_of($$SELECT clv(bg, gg, 2, 30.43, 38.86, 22.35, 0) FROM models$$);
SELECT sqlstate_of($$SELECT '(version:1,model:"bgnbd",r:-1.0)'::bgnbd_model$$);

-- Fitting: published segments of Fader & Hardie (2007), "How to project customer retention",
-- Journal of Interactive Marketing 21(1): 1000 customers surviving 1000, 631, 468, 382, 326,
-- 289, 262, 241 ("regular": alpha 0.704, beta 1.182) and 1000, 869, 743, 653, 593, 551, 517,
-- 491 ("high end": alpha 0.668, beta 3.806).
CREATE TABLE survivors (segment text, period int, alive bigint);
INSERT INTO survivors
SELECT 'regular', p - 1, n FROM unnest(ARRAY[1000, 631, 468, 382, 326, 289, 262, 241]) WITH ORDINALITY u(n, p)
UNION ALL
SELECT 'high end', p - 1, n FROM unnest(ARRAY[1000, 869, 743, 653, 593, 551, 517, 491]) WITH ORDINALITY u(n, p);
SELECT segment, round((parameters(m)).alpha::numeric, 3) AS alpha, round((parameters(m)).beta::numeric, 3) AS beta,
       (fit_info(m)).converged,
       -- projected survival to period 12 and the retention rate of period 8,
       -- (beta + 7) / (alpha + beta + 7)
       round(survival(m, 12)::numeric, 4) AS s12, round(projected_retention_rate(m, 8)::numeric, 4) AS r8,
       -- retention_rate(m, t), its name up to 0.2.0, is the same function
       projected_retention_rate(m, 8) = retention_rate(m, 8) AS alias_equal,
       -- P(T = 1) = alpha / (alpha + beta): 0.7041 / (0.7041 + 1.1820) = 0.3733 (regular)
       round(churn_probability(m, 1)::numeric, 4) AS p1
FROM (SELECT segment, sbg_fit(period, alive) AS m FROM survivors GROUP BY segment) f ORDER BY segment;
-- [range] sbg_fit errors: fewer than three periods, a number alive that rises.
SELECT sqlstate_of($$SELECT sbg_fit(period, alive) FROM survivors WHERE segment = 'regular' AND period < 2$$);
SELECT sqlstate_of($$SELECT sbg_fit(period, alive) FROM (VALUES (0, 10), (1, 11), (2, 9)) v(period, alive)$$);

-- BG/NBD and Gamma-Gamma fits on a small fixture with NULL rows skipped; errors.
SELECT bgnbd_fit(x, tx, t) FROM (VALUES (NULL::float8, 1::float8, 2::float8)) v(x, tx, t);
-- [range] Fit errors: a fractional frequency.
SELECT sqlstate_of($$SELECT bgnbd_fit(x, tx, t) FROM (VALUES (1.5::float8, 1::float8, 2::float8)) v(x, tx, t)$$);
-- [negative] Fit errors: a negative penalizer.
SELECT sqlstate_of($$SELECT bgnbd_fit(x, tx, t, p) FROM (VALUES (1::float8, 1::float8, 2::float8, -1::float8)) v(x, tx, t, p)$$);
SELECT gamma_gamma_fit(x, m) FROM (VALUES (0::float8, 0::float8)) v(x, m);
-- [range] Gamma-Gamma: a repeat customer without a positive mean spend.
SELECT sqlstate_of($$SELECT gamma_gamma_fit(x, m) FROM (VALUES (2::float8, 0::float8)) v(x, m)$$);

-- Kaplan-Meier: the 6-MP group of Freireich et al. (1963), as in Gehan (1965) and Kleinbaum &
-- Klein, "Survival Analysis", chapter 2: weeks in remission 6, 6, 6, 6+, 7, 9+, 10, 10+, 11+, 13,
-- 16, 17+, 19+, 20+, 22, 23, 25+, 32+, 32+, 34+, 35+. S(6) = 18/21 = 0.8571, S(7) = 0.8571 x
-- 16/17 = 0.8067, S(10) = 0.8067 x 14/15 = 0.7529, S(13) = 0.6902, S(16) = 0.6275,
-- S(22) = 0.5378, S(23) = 0.4482; median 23. The band is lifelines 0.28's
-- (tests/reference/lifetimes/km_gehan_6mp.csv), e.g. at 6: 0.6197 to 0.9516.
CREATE TABLE remission (weeks float8, relapsed boolean);
INSERT INTO remission SELECT d, e = 1 FROM unnest(
  ARRAY[6,6,6,6,7,9,10,10,11,13,16,17,19,20,22,23,25,32,32,34,35]::float8[],
  ARRAY[1,1,1,0,1,0,1,0,0,1,1,0,0,0,1,1,0,0,0,0,0]) u(d, e);
SELECT duration, at_risk, churned, censored, round(survival::numeric, 4) AS survival,
       round(lower::numeric, 4) AS lower, round(upper::numeric, 4) AS upper
FROM survival_curve((SELECT kaplan_meier(weeks, relapsed) FROM remission)) WHERE churned > 0 OR duration = 0;
SELECT median_lifetime(c), subjects(c) FROM (SELECT kaplan_meier(weeks, relapsed) c FROM remission) k;
-- rollup of two halves = the whole (text forms equal).
SELECT (SELECT rollup(c) FROM (SELECT kaplan_meier(weeks, relapsed) c FROM remission GROUP BY weeks < 15) h)::text
     = (SELECT kaplan_meier(weeks, relapsed) FROM remission)::text AS rollup_equal;
-- No rows: every fit is NULL; NULL arguments of the read-outs (STRICT) give NULL.
SELECT bgnbd_fit(1, 1, 2) IS NULL AS bgnbd, gamma_gamma_fit(1, 1) IS NULL AS gamma_gamma,
       sbg_fit(0, 1) IS NULL AS sbg, kaplan_meier(1, true) IS NULL AS km WHERE false;
SELECT probability_alive(bg, NULL, 1, 2), expected_average_spend(gg, 1, NULL),
       rfm(NULL::customer_history, '1997-09-30') FROM models;
-- [negative] Kaplan-Meier: a negative duration.
SELECT sqlstate_of($$SELECT kaplan_meier(d, true) FROM (VALUES (-1::float8)) v(d)$$);
-- [null] Kaplan-Meier: a NULL churn flag.
SELECT sqlstate_of($$SELECT kaplan_meier(d, NULL) FROM (VALUES (1::float8)) v(d)$$);
-- [range] Kaplan-Meier: a confidence level outside (0, 1).
SELECT sqlstate_of($$SELECT * FROM survival_curve((SELECT kaplan_meier(weeks, relapsed) FROM remission), 1.5)$$);

-- Bad input, kind by kind (the kinds in brackets; docs/errors.md counts them per function).
SELECT q, sqlstate_of(q) FROM (VALUES
  -- [negative] rfm: a negative multiplier
  ($$SELECT rfm(h, '1997-09-30', 'day', -7) FROM rfm_histories WHERE customer = 1$$),
  -- [null] rfm: a NULL argument gives NULL (STRICT)
  ($$SELECT rfm(h, NULL) FROM rfm_histories WHERE customer = 1$$),
  ($$SELECT rfm_holdout(h, '1997-09-30', '1998-06-30', NULL) FROM rfm_histories WHERE customer = 1$$),
  -- [empty] rfm: a customer with no order by the observation end: NULL
  ($$SELECT rfm(h, '1996-01-01') FROM rfm_histories WHERE customer = 1$$),
  ($$SELECT rfm_holdout(h, '1996-01-01', '1998-06-30') FROM rfm_histories WHERE customer = 1$$),
  -- [name] rfm: an unknown or empty time zone
  ($$SELECT rfm(h, '1997-09-30', 'day', 1, 'Mars/Olympus_Mons') FROM rfm_histories WHERE customer = 1$$),
  ($$SELECT rfm_holdout(h, '1997-09-30', '1998-06-30', 'day', 1, '') FROM rfm_histories WHERE customer = 1$$),
  -- [time] rfm: infinite and out-of-range ends
  ($$SELECT rfm(h, 'infinity') FROM rfm_histories WHERE customer = 1$$),
  ($$SELECT rfm_holdout(h, '1997-09-30', '10000-01-01') FROM rfm_histories WHERE customer = 1$$),
  -- [huge] rfm: a multiplier so small that periods / multiplier overflows (it was Infinity),
  -- 1e-300 is valid: accepted
  ($$SELECT rfm(h, '1997-09-30', 'day', 5e-324) FROM rfm_histories WHERE customer = 1$$),
  ($$SELECT rfm_holdout(h, '1997-09-30', '1998-06-30', 'day', 5e-324) FROM rfm_histories WHERE customer = 1$$),
  ($$SELECT rfm(h, '1997-09-30', 'day', 1e-300) FROM rfm_histories WHERE customer = 1$$),
  -- [nan] rfm: NaN and infinite multipliers (Infinity is named as PostgreSQL prints it)
  ($$SELECT rfm(h, '1997-09-30', 'day', 'NaN') FROM rfm_histories WHERE customer = 1$$),
  ($$SELECT rfm(h, '1997-09-30', 'day', 'Infinity') FROM rfm_histories WHERE customer = 1$$),
  -- [range] fits: recency beyond T; a frequency past 2^53
  ($$SELECT bgnbd_fit(x, tx, t) FROM (VALUES (1::float8, 3::float8, 2::float8)) v(x, tx, t)$$),
  ($$SELECT gamma_gamma_fit(x, m) FROM (VALUES (1.5::float8, 5::float8)) v(x, m)$$),
  -- [negative] fits: negative frequencies, recencies and spends
  ($$SELECT bgnbd_fit(x, tx, t) FROM (VALUES (-1::float8, 1::float8, 2::float8)) v(x, tx, t)$$),
  ($$SELECT bgnbd_fit(x, tx, t) FROM (VALUES (1::float8, -1::float8, 2::float8)) v(x, tx, t)$$),
  ($$SELECT gamma_gamma_fit(x, m) FROM (VALUES (1::float8, -1::float8)) v(x, m)$$),
  ($$SELECT gamma_gamma_fit(x, m, p) FROM (VALUES (1::float8, 5::float8, -1::float8)) v(x, m, p)$$),
  -- [null] fits: rows with a NULL value are skipped: accepted; a NULL penalizer is an error
  ($$SELECT gamma_gamma_fit(x, m) FROM (VALUES (NULL::float8, 5::float8)) v(x, m)$$),
  ($$SELECT bgnbd_fit(x, tx, t, p) FROM (VALUES (1::float8, 1::float8, 2::float8, NULL::float8)) v(x, tx, t, p)$$),
  ($$SELECT gamma_gamma_fit(x, m, p) FROM (VALUES (1::float8, 5::float8, NULL::float8)) v(x, m, p)$$),
  -- [empty] fits: no rows: NULL; no repeat customer: no maximum to find
  ($$SELECT bgnbd_fit(x, tx, t) FROM (VALUES (1::float8, 1::float8, 2::float8)) v(x, tx, t) WHERE false$$),
  ($$SELECT bgnbd_fit(x, tx, t) FROM (VALUES (0::float8, 0::float8, 1::float8)) v(x, tx, t)$$),
  ($$SELECT gamma_gamma_fit(x, m) FROM (VALUES (0::float8, 0::float8)) v(x, m)$$),
  -- [huge] fits: a frequency past 2^53; data without a finite maximum
  ($$SELECT bgnbd_fit(x, tx, t) FROM (VALUES (1e300::float8, 1::float8, 2::float8)) v(x, tx, t)$$),
  ($$SELECT bgnbd_fit(x, tx, t) FROM (VALUES (9007199254740992::float8, 1e300::float8, 1e300::float8)) v(x, tx, t)$$),
  ($$SELECT gamma_gamma_fit(x, m) FROM (VALUES (1::float8, 1e300::float8), (2, 1e-300)) v(x, m)$$),
  -- [nan] fits: NaN and infinite values
  ($$SELECT bgnbd_fit(x, tx, t) FROM (VALUES (1::float8, 1::float8, 'NaN'::float8)) v(x, tx, t)$$),
  ($$SELECT bgnbd_fit(x, tx, t) FROM (VALUES (1::float8, 1::float8, 'Infinity'::float8)) v(x, tx, t)$$),
  ($$SELECT gamma_gamma_fit(x, m) FROM (VALUES (1::float8, 'NaN'::float8)) v(x, m)$$),
  ($$SELECT gamma_gamma_fit(x, m, p) FROM (VALUES (1::float8, 5::float8, 'Infinity'::float8)) v(x, m, p)$$),
  -- [mixed] fits: the penalizer changes within a group
  ($$SELECT bgnbd_fit(x, tx, t, p) FROM (VALUES (1::float8, 1::float8, 2::float8, 0.1::float8), (1, 1, 3, 0.2)) v(x, tx, t, p)$$),
  ($$SELECT gamma_gamma_fit(x, m, p) FROM (VALUES (1::float8, 5::float8, 0.1::float8), (2, 5, 0.2)) v(x, m, p)$$),
  -- [range] sbg_fit: a period past 1200, a gap in the periods
  ($$SELECT sbg_fit(p, a) FROM (VALUES (0, 10), (1, 5), (2147483647, 2)) v(p, a)$$),
  ($$SELECT sbg_fit(p, a) FROM (VALUES (0, 10), (2, 5), (3, 2)) v(p, a)$$),
  -- [negative] sbg_fit: a negative period or number alive
  ($$SELECT sbg_fit(p, a) FROM (VALUES (-1, 10), (0, 5), (1, 2)) v(p, a)$$),
  ($$SELECT sbg_fit(p, a) FROM (VALUES (0, 10), (1, 5), (2, -1)) v(p, a)$$),
  -- [null] sbg_fit: rows with a NULL period or number are skipped (here leaving period 1
  -- missing)
  ($$SELECT sbg_fit(p, a) FROM (VALUES (0, 10), (1, NULL), (2, 2)) v(p, a)$$),
  -- [empty] sbg_fit: no rows: NULL; a cohort of nobody
  ($$SELECT sbg_fit(p, a) FROM (VALUES (0, 10)) v(p, a) WHERE false$$),
  ($$SELECT sbg_fit(p, a) FROM (VALUES (0, 0), (1, 0), (2, 0)) v(p, a)$$),
  -- [huge] sbg_fit: a cohort of 2^63 - 1 customers
  ($$SELECT sbg_fit(p, a) FROM (VALUES (0, 9223372036854775807), (1, 9223372036854775806), (2, 1)) v(p, a)$$),
  -- [mixed] sbg_fit: rows of one period add up: accepted
  ($$SELECT sbg_fit(p, a) FROM (VALUES (0, 10), (0, 5), (1, 2), (2, 1)) v(p, a)$$),
  -- [null] kaplan_meier: rows with a NULL duration are skipped: accepted
  ($$SELECT kaplan_meier(d, true) FROM (VALUES (NULL::float8), (1)) v(d)$$),
  -- [empty] kaplan_meier: no rows: NULL; nobody churned: no median
  ($$SELECT kaplan_meier(d, true) FROM (VALUES (1::float8)) v(d) WHERE false$$),
  ($$SELECT median_lifetime(kaplan_meier(d, false)) FROM (VALUES (1::float8), (2)) v(d)$$),
  -- [huge] kaplan_meier: the largest and smallest durations: accepted
  ($$SELECT kaplan_meier(d, true) FROM (VALUES (1.7976931348623157e308::float8), (5e-324)) v(d)$$),
  -- [nan] kaplan_meier: NaN and infinite durations
  ($$SELECT kaplan_meier(d, true) FROM (VALUES ('NaN'::float8)) v(d)$$),
  ($$SELECT kaplan_meier(d, true) FROM (VALUES ('Infinity'::float8)) v(d)$$),
  -- [null] rollup skips NULL curves: accepted
  ($$SELECT rollup(c) FROM (SELECT (SELECT kaplan_meier(weeks, relapsed) FROM remission) UNION ALL SELECT NULL::survival_curve) v(c)$$),
  -- [empty] rollup of no rows: NULL
  ($$SELECT rollup(c) FROM (SELECT (SELECT kaplan_meier(weeks, relapsed) FROM remission) AS c) x WHERE false$$),
  -- [text] model text input: not a model
  ($$SELECT ''::bgnbd_model$$),
  ($$SELECT '(version:1,model:"bgnbd",r:1,alpha:1,a:1,b:1)'::bgnbd_model$$),
  ($$SELECT '(version:1,model:"gamma_gamma")'::gamma_gamma_model$$),
  ($$SELECT '(version:1,model:"sbg",alpha:1,beta:1,log_likelihood:0,customers:1,rows:1,iterations:0,converged:maybe,penalizer:0.0)'::sbg_model$$),
  ($$SELECT '(version:1)'::survival_curve$$),
  -- [negative] model text input: negative parameters, counts or penalizers
  ($$SELECT '(version:1,model:"bgnbd",r:-1.0,alpha:1,a:1,b:1,log_likelihood:0,customers:1,rows:1,iterations:0,converged:true,penalizer:0.0)'::bgnbd_model$$),
  ($$SELECT '(version:1,model:"gamma_gamma",p:1,q:1,v:1,log_likelihood:0,customers:-1,rows:1,iterations:0,converged:true,penalizer:0.0)'::gamma_gamma_model$$),
  ($$SELECT '(version:1,model:"sbg",alpha:1,beta:1,log_likelihood:0,customers:1,rows:1,iterations:0,converged:true,penalizer:-1)'::sbg_model$$),
  ($$SELECT '(version:1,durations:[-1.0],events:[1],censored:[0])'::survival_curve$$),
  -- [range] model text input: a parameter of 0; durations out of order
  ($$SELECT '(version:1,model:"sbg",alpha:0,beta:1,log_likelihood:0,customers:1,rows:1,iterations:0,converged:true,penalizer:0.0)'::sbg_model$$),
  ($$SELECT '(version:1,model:"gamma_gamma",p:0,q:1,v:1,log_likelihood:0,customers:1,rows:1,iterations:0,converged:true,penalizer:0.0)'::gamma_gamma_model$$),
  ($$SELECT '(version:1,durations:[2.0,1.0],events:[1,1],censored:[0,0])'::survival_curve$$),
  -- [huge] model text input: a parameter past double precision; an exponent (the message named
  -- a missing comma); counts past 2^63 - 1
  ($$SELECT '(version:1,model:"bgnbd",r:1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000,alpha:1,a:1,b:1,log_likelihood:0,customers:1,rows:1,iterations:0,converged:true,penalizer:0.0)'::bgnbd_model$$),
  ($$SELECT '(version:1,model:"gamma_gamma",p:1e300,q:2,v:1,log_likelihood:0,customers:1,rows:1,iterations:0,converged:true,penalizer:0.0)'::gamma_gamma_model$$),
  ($$SELECT '(version:1,model:"sbg",alpha:1,beta:1,log_likelihood:0,customers:9223372036854775808,rows:1,iterations:0,converged:true,penalizer:0.0)'::sbg_model$$),
  ($$SELECT '(version:1,durations:[1.0],events:[9223372036854775807],censored:[1])'::survival_curve$$),
  -- [nan] model text input: NaN or Infinity for a parameter
  ($$SELECT '(version:1,model:"bgnbd",r:NaN,alpha:1,a:1,b:1,log_likelihood:0,customers:1,rows:1,iterations:0,converged:true,penalizer:0.0)'::bgnbd_model$$),
  ($$SELECT '(version:1,model:"gamma_gamma",p:1,q:Infinity,v:1,log_likelihood:0,customers:1,rows:1,iterations:0,converged:true,penalizer:0.0)'::gamma_gamma_model$$),
  ($$SELECT '(version:1,model:"sbg",alpha:NaN,beta:1,log_likelihood:0,customers:1,rows:1,iterations:0,converged:true,penalizer:0.0)'::sbg_model$$),
  ($$SELECT '(version:1,durations:[NaN],events:[1],censored:[0])'::survival_curve$$),
  -- [name] model text input: the model name of another model
  ($$SELECT '(version:1,model:"bgnbd",alpha:1,beta:1,log_likelihood:0,customers:1,rows:1,iterations:0,converged:true,penalizer:0)'::sbg_model$$),
  ($$SELECT '(version:1,model:"sbg",p:1,q:2,v:1,log_likelihood:0,customers:1,rows:1,iterations:0,converged:true,penalizer:0.0)'::gamma_gamma_model$$),
  ($$SELECT '(version:1,model:"Bgnbd",r:1,alpha:1,a:1,b:1,log_likelihood:0,customers:1,rows:1,iterations:0,converged:true,penalizer:0.0)'::bgnbd_model$$),
  -- [null] parameters and fit_info: NULL models give NULL (STRICT)
  ($$SELECT parameters(NULL::bgnbd_model), fit_info(NULL::gamma_gamma_model), parameters(NULL::sbg_model), fit_info(NULL::sbg_model)$$),
  -- [range] expected_purchases: recency beyond T
  ($$SELECT expected_purchases(bg, 39, 2, 40, 38) FROM models$$),
  -- [negative] expected_purchases, probability_alive: a negative horizon, frequency or recency
  ($$SELECT expected_purchases(bg, -1) FROM models$$),
  ($$SELECT probability_alive(bg, -1, 30, 38) FROM models$$),
  ($$SELECT expected_purchases(bg, 39, 2, -1, 38) FROM models$$),
  -- [null] expected_purchases, probability_alive: a NULL argument gives NULL (STRICT)
  ($$SELECT expected_purchases(bg, NULL) FROM models$$),
  -- [huge] expected_purchases, probability_alive: a horizon whose series does not converge; a
  -- frequency past 2^53; a very old customer: accepted
  ($$SELECT expected_purchases(bg, 1e300) FROM models$$),
  ($$SELECT probability_alive(bg, 1e300, 1e300, 1e300) FROM models$$),
  ($$SELECT expected_purchases(bg, 39, 2, 30, 1e300) FROM models$$),
  -- [nan] expected_purchases, probability_alive: NaN and infinite arguments
  ($$SELECT expected_purchases(bg, 'NaN') FROM models$$),
  ($$SELECT probability_alive(bg, 2, 'Infinity', 38) FROM models$$),
  -- [negative] probability_of_purchases: a negative count or horizon
  ($$SELECT probability_of_purchases(bg, 39, -1) FROM models$$),
  ($$SELECT probability_of_purchases(bg, -1, 1) FROM models$$),
  -- [null] probability_of_purchases: NULL gives NULL (STRICT)
  ($$SELECT probability_of_purchases(bg, 39, NULL) FROM models$$),
  -- [huge] probability_of_purchases: the largest count and a long horizon: accepted
  ($$SELECT probability_of_purchases(bg, 39, 2147483647) FROM models$$),
  ($$SELECT probability_of_purchases(bg, 1e300, 5) FROM models$$),
  -- [nan] probability_of_purchases: an infinite horizon
  ($$SELECT probability_of_purchases(bg, 'Infinity', 1) FROM models$$),
  -- [range] expected_average_spend: a model whose mean spend is infinite (q <= 1)
  ($$SELECT expected_average_spend('(version:1,model:"gamma_gamma",p:6.2,q:0.5,v:15.4,log_likelihood:0,customers:1,rows:1,iterations:0,converged:true,penalizer:0.0)'::gamma_gamma_model)$$),
  -- [negative] expected_average_spend: a negative frequency or spend
  ($$SELECT expected_average_spend(gg, -1, 5) FROM models$$),
  ($$SELECT expected_average_spend(gg, 1, -5) FROM models$$),
  -- [null] expected_average_spend: NULL gives NULL (STRICT)
  ($$SELECT expected_average_spend(gg, NULL, 5) FROM models$$),
  -- [huge] expected_average_spend: the largest spends: accepted
  ($$SELECT expected_average_spend(gg, 1e300, 1e300) FROM models$$),
  -- [nan] expected_average_spend: a NaN spend
  ($$SELECT expected_average_spend(gg, 1, 'NaN') FROM models$$),
  -- [range] clv: a horizon past 12000 months
  ($$SELECT clv(bg, gg, 2, 30.43, 38.86, 22.35, 12001) FROM models$$),
  -- [negative] clv: a negative discount rate or horizon
  ($$SELECT clv(bg, gg, 2, 30.43, 38.86, 22.35, 12, -0.5) FROM models$$),
  ($$SELECT clv(bg, gg, 2, 30.43, 38.86, 22.35, -12) FROM models$$),
  -- [null] clv: NULL gives NULL (STRICT)
  ($$SELECT clv(bg, gg, 2, 30.43, 38.86, NULL) FROM models$$),
  -- [huge] clv: a spend near the double limit is accepted; periods per month so many that the
  -- series does not converge
  ($$SELECT clv(bg, gg, 2, 30.43, 38.86, 1e300) FROM models$$),
  ($$SELECT clv(bg, gg, 2, 30.43, 38.86, 22.35, 12, 0.01, 1e300) FROM models$$),
  -- [nan] clv: NaN and infinite rates
  ($$SELECT clv(bg, gg, 2, 30.43, 38.86, 22.35, 12, 'NaN') FROM models$$),
  ($$SELECT clv(bg, gg, 2, 30.43, 38.86, 22.35, 12, 0.01, 'Infinity') FROM models$$),
  -- [range] sBG read-outs: periods below their first (0 for survival, 1 for the others)
  ($$SELECT projected_retention_rate((SELECT sbg_fit(period, alive) FROM survivors WHERE segment = 'regular'), 0.5)$$),
  ($$SELECT churn_probability((SELECT sbg_fit(period, alive) FROM survivors WHERE segment = 'regular'), 0)$$),
  -- [negative] sBG read-outs: negative periods, with one message (-1 had another)
  ($$SELECT survival((SELECT sbg_fit(period, alive) FROM survivors WHERE segment = 'regular'), -1)$$),
  ($$SELECT churn_probability((SELECT sbg_fit(period, alive) FROM survivors WHERE segment = 'regular'), -1)$$),
  -- [null] sBG read-outs: NULL gives NULL (STRICT)
  ($$SELECT survival((SELECT sbg_fit(period, alive) FROM survivors WHERE segment = 'regular'), NULL)$$),
  -- [huge] sBG read-outs: the longest periods: accepted
  ($$SELECT survival((SELECT sbg_fit(period, alive) FROM survivors WHERE segment = 'regular'), 1e300)$$),
  ($$SELECT churn_probability((SELECT sbg_fit(period, alive) FROM survivors WHERE segment = 'regular'), 2147483647)$$),
  -- [nan] sBG read-outs: NaN and infinite periods
  ($$SELECT survival((SELECT sbg_fit(period, alive) FROM survivors WHERE segment = 'regular'), 'NaN')$$),
  ($$SELECT projected_retention_rate((SELECT sbg_fit(period, alive) FROM survivors WHERE segment = 'regular'), 'Infinity')$$),
  -- [null] survival curve read-outs: NULL gives no rows or NULL (STRICT)
  ($$SELECT median_lifetime(NULL::survival_curve), subjects(NULL::survival_curve)$$),
  ($$SELECT * FROM survival_curve((SELECT kaplan_meier(weeks, relapsed) FROM remission), NULL)$$),
  -- [empty] survival curve read-outs: a curve of nobody
  ($$SELECT median_lifetime(c), subjects(c) FROM (SELECT '(version:1,durations:[],events:[],censored:[])'::survival_curve AS c) x$$),
  -- [nan] survival_curve: a NaN level
  ($$SELECT * FROM survival_curve((SELECT kaplan_meier(weeks, relapsed) FROM remission), 'NaN')$$)
) v(q);
-- The accepted extremes: rfm with a multiplier of 1e-300; the sBG model far out.
SELECT * FROM rfm_histories, LATERAL rfm(h, '1997-09-30', 'day', 1e-300) r WHERE customer = 1;
SELECT survival(m, 1e300) AS s_far, churn_probability(m, 2147483647) AS p_far
FROM (SELECT sbg_fit(period, alive) AS m FROM survivors WHERE segment = 'regular') x;
