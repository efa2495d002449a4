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
-- rfm() errors: an unknown granularity, a multiplier of 0, a holdout period that is empty.
SELECT sqlstate_of($$SELECT rfm(h, '1997-09-30', 'fortnight') FROM rfm_histories WHERE customer = 1$$);
SELECT sqlstate_of($$SELECT rfm(h, '1997-09-30', 'day', 0) FROM rfm_histories WHERE customer = 1$$);
SELECT sqlstate_of($$SELECT rfm_holdout(h, '1997-09-30', '1997-09-30') FROM rfm_histories WHERE customer = 1$$);

-- BG/NBD predictions from a model given by its text form, with the parameters lifetimes
-- 0.11.3 fits on the published CDNOW summary (the fits themselves, on all 2,357 customers,
-- are checked in tests/predict_check.py and in the unit tests). Fader, Hardie & Lee (2005), "Counting your customers the easy way", Marketing Science
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
-- Predictions: a fractional frequency, recency beyond T, a horizon of 0 months, a
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
       round(survival(m, 12)::numeric, 4) AS s12, round(retention_rate(m, 8)::numeric, 4) AS r8,
       -- P(T = 1) = alpha / (alpha + beta): 0.7041 / (0.7041 + 1.1820) = 0.3733 (regular)
       round(churn_probability(m, 1)::numeric, 4) AS p1
FROM (SELECT segment, sbg_fit(period, alive) AS m FROM survivors GROUP BY segment) f ORDER BY segment;
-- sbg_fit errors: fewer than three periods, a number alive that rises.
SELECT sqlstate_of($$SELECT sbg_fit(period, alive) FROM survivors WHERE segment = 'regular' AND period < 2$$);
SELECT sqlstate_of($$SELECT sbg_fit(period, alive) FROM (VALUES (0, 10), (1, 11), (2, 9)) v(period, alive)$$);

-- BG/NBD and Gamma-Gamma fits on a small fixture with NULL rows skipped; errors.
SELECT bgnbd_fit(x, tx, t) FROM (VALUES (NULL::float8, 1::float8, 2::float8)) v(x, tx, t);
-- Fit errors: a fractional frequency, a negative penalizer.
SELECT sqlstate_of($$SELECT bgnbd_fit(x, tx, t) FROM (VALUES (1.5::float8, 1::float8, 2::float8)) v(x, tx, t)$$);
SELECT sqlstate_of($$SELECT bgnbd_fit(x, tx, t, p) FROM (VALUES (1::float8, 1::float8, 2::float8, -1::float8)) v(x, tx, t, p)$$);
SELECT gamma_gamma_fit(x, m) FROM (VALUES (0::float8, 0::float8)) v(x, m);
-- Gamma-Gamma: a repeat customer without a positive mean spend.
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
-- Kaplan-Meier: a negative duration, a NULL churn flag, a confidence level outside (0, 1).
SELECT sqlstate_of($$SELECT kaplan_meier(d, true) FROM (VALUES (-1::float8)) v(d)$$);
SELECT sqlstate_of($$SELECT kaplan_meier(d, NULL) FROM (VALUES (1::float8)) v(d)$$);
SELECT sqlstate_of($$SELECT * FROM survival_curve((SELECT kaplan_meier(weeks, relapsed) FROM remission), 1.5)$$);
