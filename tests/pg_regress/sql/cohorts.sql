-- Cohort tables and ClickHouse's behavioural aggregates, on fixtures worked by hand.
\pset null NULL
SET TimeZone = 'UTC';
SET DateStyle = 'ISO';
SET IntervalStyle = 'postgres';

-- Four customers, monthly:
--   A: Jan 10.00, Feb 20.00, Apr 5.00
--   B: Jan 7.00, Mar 3.00
--   C: Feb, Mar, Apr (no amounts)
--   D: Feb 1.00
CREATE TABLE cohort_orders (customer text, ordered_at timestamptz, amount numeric(10,2));
INSERT INTO cohort_orders VALUES
 ('A', '2026-01-10', 10), ('A', '2026-02-10', 20), ('A', '2026-04-10', 5),
 ('B', '2026-01-10', 7), ('B', '2026-03-10', 3),
 ('C', '2026-02-10', NULL), ('C', '2026-03-10', NULL), ('C', '2026-04-10', NULL),
 ('D', '2026-02-10', 1);
CREATE TABLE cohort_histories AS
SELECT customer, customer_history_agg(ordered_at, amount) AS h FROM cohort_orders GROUP BY customer;

-- First-time cohorts. January {A, B}: active 2 (Jan), 1 (Feb: A), 1 (Mar: B), 1 (Apr: A);
-- last orders A in Apr, B in Mar, so "on or after" 2, 2, 2, 1; revenue 17, 20, 3, 5,
-- cumulative per customer 8.50, 18.50, 20.00, 22.50. February {C, D}: 2, 1 (C), 1 (C);
-- on or after 2, 1, 1; revenue 1.00, then none (C has no amounts). As of 2026-04-15,
-- April has not ended: its cells are not matured.
SELECT cohort_start, period_offset, cohort_size, active, retention, active_on_or_after, retention_on_or_after,
       orders, revenue, round(revenue_retention::numeric, 4) AS revenue_retention,
       cumulative_revenue_per_customer, matured
FROM cohort_table((SELECT cohort_agg(h, 'month') FROM cohort_histories), '2026-04-15');
-- The Wilson interval of 1 out of 2 (statsmodels proportion_confint(1, 2, method='wilson')):
-- (0.0945312, 0.9054688).
SELECT round(retention_lower::numeric, 7) AS lower, round(retention_upper::numeric, 7) AS upper
FROM cohort_table((SELECT cohort_agg(h, 'month') FROM cohort_histories))
WHERE cohort_start = '2026-01-01' AND period_offset = 1;

-- The weighted curve over matured cohorts (as of 2026-04-15: March is the last complete
-- month). Offset 0: 4 of 4; offset 1: (1 + 1) / (2 + 2); offset 2: January only (February's
-- offset 2 is April): 1 / 2. "On or after": offset 1 (2 + 1) / 4, offset 2 2 / 2.
SELECT * FROM retention_curve((SELECT cohort_agg(h, 'month') FROM cohort_histories), 'on', '2026-04-15');
SELECT period_offset, cohorts, customers, active, retention
FROM retention_curve((SELECT cohort_agg(h, 'month') FROM cohort_histories), 'on or after', '2026-04-15');

-- Brackets [1, 2) and [2, 4) months after the cohort's: January A | A (Apr) and B (Mar);
-- February C | C.
SELECT cohort_start, bracket, from_offset, to_offset, cohort_size, active, retention
FROM bracket_retention((SELECT cohort_agg(h, 'month', ARRAY[1, 2, 4]) FROM cohort_histories));

-- Recurring cohorts: every month with an order starts one. Jan {A, B}; Feb {A, C, D},
-- active in Mar: C, in Apr: A and C; Mar {B, C}, in Apr: C; Apr {A, C}.
SELECT cohort_start, period_offset, cohort_size, active
FROM cohort_table((SELECT recurring_cohort_agg(h, 'month') FROM cohort_histories));
SELECT is_recurring(recurring_cohort_agg(h, 'month')), is_recurring(cohort_agg(h, 'month')) FROM cohort_histories;

-- One step from the rows, rollup of disjoint customer sets, the text form: all the same.
SELECT (SELECT cohort_agg(customer, ordered_at, amount, 'month') FROM cohort_orders)::text
         = (SELECT cohort_agg(h, 'month') FROM cohort_histories)::text AS one_step,
       (SELECT recurring_cohort_agg(customer, ordered_at, amount, 'month', 'UTC') FROM cohort_orders)::text
         = (SELECT recurring_cohort_agg(h, 'month') FROM cohort_histories)::text AS one_step_recurring,
       (SELECT rollup(s)::text FROM (SELECT cohort_agg(h, 'month', ARRAY[1, 2, 4]) s FROM cohort_histories GROUP BY customer < 'C') x)
         = (SELECT cohort_agg(h, 'month', ARRAY[1, 2, 4]) FROM cohort_histories)::text AS rollup_equal;
SELECT cohort_agg(h, 'month') AS text_form FROM cohort_histories;
SELECT cohort_agg(h, 'month')::text::cohort_summary::text = cohort_agg(h, 'month')::text AS round_trip FROM cohort_histories;

-- The classic "on" grid by hand-written SQL gives the same counts.
WITH firsts AS (SELECT customer, date_trunc('month', min(ordered_at)) AS cohort FROM cohort_orders GROUP BY 1),
     activity AS (SELECT DISTINCT customer, date_trunc('month', ordered_at) AS month FROM cohort_orders)
SELECT bool_and(t.active = s.active) AS same_as_sql
FROM (SELECT f.cohort, a.month, count(DISTINCT a.customer) AS active
      FROM firsts f JOIN activity a USING (customer) GROUP BY 1, 2) s
JOIN cohort_table((SELECT cohort_agg(h, 'month') FROM cohort_histories)) t
  ON t.cohort_start = s.cohort AND t.period_start = s.month;

-- Errors.
SELECT q, sqlstate_of(q) FROM (VALUES
  ($$SELECT cohort_agg(h, 'month', ARRAY[0, 2]) FROM cohort_histories$$),
  ($$SELECT cohort_agg(h, 'month', ARRAY[3, 2]) FROM cohort_histories$$),
  ($$SELECT cohort_agg(h, 'month', ARRAY[2]) FROM cohort_histories$$),
  ($$SELECT cohort_agg(h, 'month', ARRAY[1, NULL]) FROM cohort_histories$$),
  -- brackets, granularity or the session's time zone changing within a group
  ($$SELECT cohort_agg(h, 'month', CASE WHEN ascii(customer) % 2 = 0 THEN ARRAY[1, 2] ELSE ARRAY[1, 3] END) FROM cohort_histories$$),
  ($$SELECT cohort_agg(h, CASE WHEN ascii(customer) % 2 = 0 THEN 'month' ELSE 'week' END) FROM cohort_histories$$),
  ($$SELECT cohort_agg(h, 'month') FROM (SELECT h, set_config('TimeZone', CASE WHEN ascii(customer) % 2 = 0 THEN 'UTC' ELSE 'Asia/Tokyo' END, true) FROM cohort_histories OFFSET 0) x$$),
  ($$SELECT cohort_agg(id, t, 1, 'month') FROM (SELECT id, t, set_config('TimeZone', z, true) FROM (VALUES (1, now(), 'UTC'), (2, now(), 'Asia/Tokyo')) v(id, t, z) OFFSET 0) x$$),
  ($$SELECT cohort_agg(h, 'day') FROM (SELECT customer_history_agg(t) h FROM (VALUES ('2000-01-01'::timestamptz), ('2026-01-01')) v(t)) x$$),
  ($$SELECT * FROM retention_curve((SELECT cohort_agg(h, 'month') FROM cohort_histories), 'sideways')$$),
  ($$SELECT rollup(s) FROM (SELECT cohort_agg(h, 'month') FROM cohort_histories UNION ALL SELECT recurring_cohort_agg(h, 'month') FROM cohort_histories) v(s)$$),
  ($$SELECT retention(true)$$),
  ($$SELECT window_funnel(interval '1 day', now(), VARIADIC ARRAY[]::boolean[])$$),
  ($$SELECT window_funnel(interval '-1 day', now(), true, true)$$),
  ($$SELECT window_funnel(interval '1 day', 'strict_sometimes', now(), true, true)$$)
) v(q);

-- ClickHouse's documentation, retention(): uids 0-4 visited on 2020-01-01, -02 and -03;
-- 5-9 on -02 and -03; 10-14 on -03. Per uid [1,1,1] for 0-4, [0,0,0] for the others; the
-- sums are 5, 5, 5.
CREATE TABLE retention_test AS
SELECT d::date AS date, uid FROM generate_series(date '2020-01-01', '2020-01-03', '1 day') d,
       generate_series(0, 14) uid
WHERE uid < 5 OR (uid < 10 AND d >= '2020-01-02') OR d = '2020-01-03';
SELECT uid, retention(date = '2020-01-01', date = '2020-01-02', date = '2020-01-03') AS r
FROM retention_test GROUP BY uid ORDER BY uid LIMIT 6;
SELECT sum(r[1]) AS r1, sum(r[2]) AS r2, sum(r[3]) AS r3
FROM (SELECT uid, retention(date = '2020-01-01', date = '2020-01-02', date = '2020-01-03') AS r
      FROM retention_test GROUP BY uid) t;

-- ClickHouse's documentation, windowFunnel(): user 1's events 1003 (2019-01-29 10:00),
-- 1009 (01-30 08:00), 1007 (01-31 09:00), 1010 (02-01 08:00) reach level 4 of the chain
-- 1003 -> 1009 -> 1007 -> 1010 within a large window. 1007 comes 47 hours after 1003: a
-- 47-hour window includes it (level 3), a 46-hour one does not (level 2).
CREATE TABLE trend (event_date date, user_id int, ts timestamptz, event_id int);
INSERT INTO trend VALUES ('2019-01-28', 1, '2019-01-29 10:00:00', 1003), ('2019-01-31', 1, '2019-01-31 09:00:00', 1007),
  ('2019-01-30', 1, '2019-01-30 08:00:00', 1009), ('2019-02-01', 1, '2019-02-01 08:00:00', 1010);
SELECT window_funnel(interval '70 days', ts, event_id = 1003, event_id = 1009, event_id = 1007, event_id = 1010) AS level,
       window_funnel(interval '47 hours', ts, event_id = 1003, event_id = 1009, event_id = 1007, event_id = 1010) AS level_47h,
       window_funnel(interval '46 hours', ts, event_id = 1003, event_id = 1009, event_id = 1007, event_id = 1010) AS level_46h
FROM trend GROUP BY user_id;
-- Modes: A, B, B, C: strict_deduplication stops at the repeated B (2); by default 3.
SELECT window_funnel(interval '1 hour', ts, e = 'A', e = 'B', e = 'C') AS plain,
       window_funnel(interval '1 hour', 'strict_deduplication', ts, e = 'A', e = 'B', e = 'C') AS dedup,
       window_funnel(interval '1 hour', 'strict_order', ts, e = 'A', e = 'B', e = 'C') AS strict_order
FROM (VALUES ('2026-01-01 10:00'::timestamptz, 'A'), ('2026-01-01 10:01', 'B'), ('2026-01-01 10:02', 'B'), ('2026-01-01 10:03', 'C')) v(ts, e);
-- A, x, B: an unrelated event between the steps breaks a strict_order chain.
SELECT window_funnel(interval '1 hour', ts, e = 'A', e = 'B') AS plain,
       window_funnel(interval '1 hour', 'strict_order', ts, e = 'A', e = 'B') AS strict_order
FROM (VALUES ('2026-01-01 10:00'::timestamptz, 'A'), ('2026-01-01 10:01', 'x'), ('2026-01-01 10:02', 'B')) v(ts, e);
-- NULL conditions are false; no rows gives NULL.
SELECT retention(c1, c2) FROM (VALUES (true, NULL::boolean)) v(c1, c2);
SELECT retention(c1, c2), window_funnel(interval '1 day', now(), c1, c2) FROM (SELECT true, true WHERE false) v(c1, c2);
