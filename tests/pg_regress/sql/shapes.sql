-- Result shapes a client can store and read (issue 16): the interval and record functions
-- return named composite types (confidence_interval, rfm_values, rfm_holdout_values,
-- bgnbd_parameters, gamma_gamma_parameters, sbg_parameters, model_fit_info), so CREATE
-- TABLE AS, views, materialized views and dbt models can keep them; the period read-outs
-- carry the period's local date, which does not move with the session's TimeZone.
\pset null NULL
SET TimeZone = 'UTC';
SET DateStyle = 'ISO';

-- Every interval and record result stored with CREATE TABLE AS (a record column would be
-- refused: "column has pseudo-type record"). NULL inputs (the functions are STRICT) still
-- type the columns.
CREATE TABLE stored_results AS
SELECT nps_ci(nps_agg(score)) AS nps_ci, csat_ci(csat_agg(score % 5 + 1)) AS csat_ci,
       ces_ci(ces_agg(score % 7 + 1, 7)) AS ces_ci, ces_mean_ci(ces_agg(score % 7 + 1, 7)) AS ces_mean_ci,
       wilson_ci(1, 2) AS wilson_ci,
       retention_ci(NULL::retention_summary) AS retention_ci, churn_ci(NULL::retention_summary) AS churn_ci,
       repeat_purchase_ci(NULL::customer_stats) AS repeat_purchase_ci,
       rfm(NULL::customer_history, '2026-01-01') AS rfm,
       rfm_holdout(NULL::customer_history, '2026-01-01', '2026-06-01') AS rfm_holdout,
       parameters(NULL::bgnbd_model) AS bgnbd_parameters, parameters(NULL::gamma_gamma_model) AS gamma_gamma_parameters,
       parameters(NULL::sbg_model) AS sbg_parameters, fit_info(NULL::bgnbd_model) AS fit_info
FROM nps_fixture;
SELECT attname, format_type(atttypid, atttypmod) AS type
FROM pg_attribute WHERE attrelid = 'stored_results'::regclass AND attnum > 0 ORDER BY attnum;
-- The columns of each type, in the order the functions returned them before (OUT
-- parameters of 0.2.0).
SELECT t.typname, string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' ORDER BY a.attnum) AS columns
FROM pg_type t JOIN pg_attribute a ON a.attrelid = t.typrelid AND a.attnum > 0
WHERE t.typname IN ('confidence_interval', 'rfm_values', 'rfm_holdout_values', 'bgnbd_parameters',
                    'gamma_gamma_parameters', 'sbg_parameters', 'model_fit_info')
GROUP BY t.typname ORDER BY t.typname;

-- The stored interval reads back: nps_fixture's NPS is 30 with standard error
-- 100 x sqrt((0.5 + 0.2 - 0.3^2) / 100) = 7.8102, so the 95% interval is
-- 30 -/+ 1.959964 x 7.81025 = 30 -/+ 15.30781 = (14.6922, 45.3078) (worked by hand, as in nps.sql); Wilson for
-- 1 of 2 is (0.0945312, 0.9054688) (statsmodels proportion_confint(1, 2, method='wilson')).
SELECT round((nps_ci).lower::numeric, 4) AS nps_lower, round((nps_ci).upper::numeric, 4) AS nps_upper,
       round((wilson_ci).lower::numeric, 7) AS wilson_lower, round((wilson_ci).upper::numeric, 7) AS wilson_upper,
       rfm IS NULL AS rfm_null
FROM stored_results;
-- The same through a field, the expanded row and the whole row.
SELECT round((nps_ci(nps_agg(score))).lower::numeric, 4) AS lower FROM nps_fixture;
SELECT round(lower::numeric, 4) AS lower, round(upper::numeric, 4) AS upper
FROM (SELECT (nps_ci(nps_agg(score))).* FROM nps_fixture) t;
SELECT wilson_ci(1, 2) = (SELECT wilson_ci FROM stored_results) AS whole_row_equal, pg_typeof(wilson_ci(1, 2)) AS type;

-- A record result stored and read by field: one customer with orders on 1 January (10),
-- 11 January (20) and 21 January (40) 2026, observed to 31 January in days: frequency 2
-- (two repeat days), recency 20 (1 to 21 January), t 30, monetary_value (20 + 40) / 2 = 30
-- (worked by hand, lifetimes' definitions in docs/predict.md).
CREATE TABLE stored_rfm AS
SELECT rfm(h, '2026-01-31') AS r FROM (SELECT customer_history_agg(ordered_at, amount) AS h
FROM (VALUES (timestamptz '2026-01-01', 10), ('2026-01-11', 20), ('2026-01-21', 40)) v(ordered_at, amount)) t;
SELECT (r).frequency, (r).recency, (r).t, (r).monetary_value, pg_typeof(r) FROM stored_rfm;
-- sBG parameters stored: Fader & Hardie (2007), "regular" customers, published alpha 0.704,
-- beta 1.182.
CREATE TABLE stored_sbg AS
SELECT parameters(m) AS p, fit_info(m) AS f
FROM (SELECT sbg_fit(period, alive) AS m
      FROM (VALUES (0, 1000), (1, 631), (2, 468), (3, 382), (4, 326), (5, 289), (6, 262), (7, 241)) v(period, alive)) t;
SELECT round((p).alpha::numeric, 3) AS alpha, round((p).beta::numeric, 3) AS beta, (f).converged, (f).customers
FROM stored_sbg;

-- The local date of the period read-outs. Customer 1 orders at 1997-01-01 and 1997-02-01
-- 00:00 UTC, customer 2 at 1997-01-15; the session's TimeZone is America/Los_Angeles (as
-- BI tools set it).
CREATE TABLE la_orders (customer_id int, ordered_at timestamptz, amount numeric);
INSERT INTO la_orders VALUES (1, '1997-01-01 00:00+00', 10), (1, '1997-02-01 00:00+00', 20), (2, '1997-01-15 00:00+00', 5);
SET TimeZone = 'America/Los_Angeles';
-- Months of UTC: period_start prints the evening before (1996-12-31 16:00-08); date is the
-- month's first day in the summary's own zone, 1997-01-01 (worked by hand: 8 hours behind).
SELECT period_start, period_end, new_customers, date
FROM periods((SELECT period_series_agg(customer_id, ordered_at, amount, 'month', 'UTC') FROM la_orders));
-- Without a zone argument the session's zone is the summary's: 1997-01-01 00:00 UTC is
-- 1996-12-31 16:00 in Los Angeles, so customer 1 is new in December 1996, and its second
-- order (1997-01-31 16:00 local) falls in January; customer 2 is new in January.
SELECT period_start, new_customers, retained, date
FROM periods((SELECT period_series_agg(customer_id, ordered_at, amount, 'month') FROM la_orders));
-- The date stays the summary's when the session's zone changes after aggregation.
CREATE TABLE la_series AS SELECT period_series_agg(customer_id, ordered_at, amount, 'month') AS s FROM la_orders;
SET TimeZone = 'Asia/Tokyo';
SELECT period_start, date FROM periods((SELECT s FROM la_series));
SET TimeZone = 'America/Los_Angeles';
-- MRR periods, cohort grid and brackets carry the same dates (cohort_date for the cohort).
SELECT period_start, new_mrr, date
FROM periods((SELECT mrr_series_agg(customer_id, ordered_at, amount, 'month', 'UTC') FROM la_orders));
SELECT cohort_start, period_offset, cohort_date, date
FROM cohort_table((SELECT cohort_agg(customer_id, ordered_at, amount, 'month', 'UTC') FROM la_orders), '1998-01-01');
SELECT cohort_start, bracket, cohort_date
FROM bracket_retention((SELECT cohort_agg(h, 'month', 'UTC', ARRAY[1, 2])
                        FROM (SELECT customer_history_agg(ordered_at, amount) AS h FROM la_orders GROUP BY customer_id) t));
-- The appended columns come last (the read-outs' earlier columns keep their places).
SELECT p.oid::regprocedure AS function, p.proargnames[cardinality(p.proargnames) - 2:] AS last_columns
FROM pg_proc p WHERE p.proname IN ('periods', 'cohort_table', 'bracket_retention')
ORDER BY 1::text;
RESET TimeZone;
