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

-- [range] Errors: brackets that are not increasing offsets of at least 1.
SELECT q, sqlstate_of(q) FROM (VALUES
  ($$SELECT cohort_agg(h, 'month', ARRAY[0, 2]) FROM cohort_histories$$),
  ($$SELECT cohort_agg(h, 'month', ARRAY[3, 2]) FROM cohort_histories$$),
  ($$SELECT cohort_agg(h, 'month', ARRAY[2]) FROM cohort_histories$$),
  -- [null] a NULL bracket bound
  ($$SELECT cohort_agg(h, 'month', ARRAY[1, NULL]) FROM cohort_histories$$),
  -- [mixed] brackets, granularity or the session's time zone changing within a group
  ($$SELECT cohort_agg(h, 'month', CASE WHEN ascii(customer) % 2 = 0 THEN ARRAY[1, 2] ELSE ARRAY[1, 3] END) FROM cohort_histories$$),
  ($$SELECT cohort_agg(h, CASE WHEN ascii(customer) % 2 = 0 THEN 'month' ELSE 'week' END) FROM cohort_histories$$),
  ($$SELECT cohort_agg(h, 'month') FROM (SELECT h, set_config('TimeZone', CASE WHEN ascii(customer) % 2 = 0 THEN 'UTC' ELSE 'Asia/Tokyo' END, true) FROM cohort_histories OFFSET 0) x$$),
  ($$SELECT cohort_agg(id, t, 1, 'month') FROM (SELECT id, t, set_config('TimeZone', z, true) FROM (VALUES (1, now(), 'UTC'), (2, now(), 'Asia/Tokyo')) v(id, t, z) OFFSET 0) x$$),
  -- [huge] a grid past the size limit
  ($$SELECT cohort_agg(h, 'day') FROM (SELECT customer_history_agg(t) h FROM (VALUES ('2000-01-01'::timestamptz), ('2026-01-01')) v(t)) x$$),
  -- [name] an unknown retention mode
  ($$SELECT * FROM retention_curve((SELECT cohort_agg(h, 'month') FROM cohort_histories), 'sideways')$$),
  -- [mixed] first-time and recurring cohorts do not merge
  ($$SELECT rollup(s) FROM (SELECT cohort_agg(h, 'month') FROM cohort_histories UNION ALL SELECT recurring_cohort_agg(h, 'month') FROM cohort_histories) v(s)$$),
  -- [range] too few conditions
  ($$SELECT retention(true)$$),
  ($$SELECT window_funnel(interval '1 day', now(), VARIADIC ARRAY[]::boolean[])$$),
  -- [negative] a negative window
  ($$SELECT window_funnel(interval '-1 day', now(), true, true)$$),
  -- [name] an unknown funnel mode
  ($$SELECT window_funnel(interval '1 day', 'strict_sometimes', now(), true, true)$$),
  -- [name] allow_reentry without strict_order
  ($$SELECT window_funnel(interval '1 day', 'strict_once, allow_reentry', now(), true, true)$$)
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

-- Bad input, kind by kind (the kinds in brackets; docs/errors.md counts them per function).
SELECT q, sqlstate_of(q) FROM (VALUES
  -- [range] brackets: more than 64 bounds, a bound of 0; the largest bound is valid: accepted
  ($$SELECT recurring_cohort_agg(h, 'month', (SELECT array_agg(g) FROM generate_series(1, 65) g)) FROM (SELECT customer_history_agg(now()) h) x$$),
  ($$SELECT recurring_cohort_agg(h, 'month', ARRAY[0, 1]) FROM (SELECT customer_history_agg(now()) h) x$$),
  ($$SELECT cohort_agg(h, 'month', ARRAY[1, 2147483647]) FROM (SELECT customer_history_agg(now()) h) x$$),
  -- [range] brackets: a 2-D array (it was read flat, as the bounds 1, 2, 3, 4)
  ($$SELECT cohort_agg(h, 'month', ARRAY[[1, 2], [3, 4]]) FROM (SELECT customer_history_agg(now()) h) x$$),
  -- [null] cohorts from histories: NULL histories are skipped: accepted; NULL parameters are errors
  ($$SELECT cohort_agg(h, 'month') FROM (VALUES (NULL::customer_history), ('(version:1,scale:0,times:["2026-01-01 00:00:00+00"],amounts:[1])')) v(h)$$),
  ($$SELECT recurring_cohort_agg(h, NULL) FROM (SELECT customer_history_agg(now()) h) x$$),
  ($$SELECT cohort_agg(h, 'month', NULL::text) FROM (SELECT customer_history_agg(now()) h) x$$),
  ($$SELECT recurring_cohort_agg(h, 'month', NULL::integer[]) FROM (SELECT customer_history_agg(now()) h) x$$),
  -- [empty] cohorts from histories: no rows: NULL; no brackets: accepted
  ($$SELECT cohort_agg(h, 'month') FROM (SELECT customer_history_agg(now()) h) x WHERE false$$),
  ($$SELECT cohort_agg(h, 'month', ARRAY[]::integer[]) FROM (SELECT customer_history_agg(now()) h) x$$),
  -- [name] cohorts from histories: unknown or empty granularity and time zone names
  ($$SELECT cohort_agg(h, 'fortnight') FROM (SELECT customer_history_agg(now()) h) x$$),
  ($$SELECT recurring_cohort_agg(h, 'month', 'Mars/Olympus_Mons') FROM (SELECT customer_history_agg(now()) h) x$$),
  ($$SELECT cohort_agg(h, 'month', '') FROM (SELECT customer_history_agg(now()) h) x$$),
  -- [huge] recurring cohorts past the grid's size limit
  ($$SELECT recurring_cohort_agg(h, 'day') FROM (SELECT customer_history_agg(t) h FROM (VALUES ('2000-01-01'::timestamptz), ('2026-01-01')) v(t)) x$$),
  -- [mixed] recurring cohorts: the time zone changes within a group
  ($$SELECT recurring_cohort_agg(h, 'month', z) FROM (SELECT customer_history_agg(now()) h) x, (VALUES ('UTC'), ('Asia/Tokyo')) v(z)$$),
  -- [negative] cohorts from rows: a negative amount
  ($$SELECT cohort_agg(1, now(), -1, 'month')$$),
  -- [null] cohorts from rows: rows with a NULL id or time are skipped, a NULL amount is an order
  -- without one: accepted; a NULL granularity or zone is an error
  ($$SELECT cohort_agg(x, t, a, 'month') FROM (VALUES (NULL::integer, now(), 1::numeric), (1, NULL, 1), (2, now(), NULL)) v(x, t, a)$$),
  ($$SELECT recurring_cohort_agg(1, now(), 1, NULL)$$),
  ($$SELECT cohort_agg(1, now(), 1, 'month', NULL)$$),
  -- [empty] cohorts from rows: no rows: NULL
  ($$SELECT recurring_cohort_agg(x, now(), 1, 'month') FROM (VALUES (1)) v(x) WHERE false$$),
  -- [name] cohorts from rows: unknown names
  ($$SELECT recurring_cohort_agg(1, now(), 1, 'fortnight')$$),
  ($$SELECT cohort_agg(1, now(), 1, 'month', 'Mars/Olympus_Mons')$$),
  -- [time] cohorts from rows: infinite and out-of-range times
  ($$SELECT cohort_agg(1, 'infinity', 1, 'month')$$),
  ($$SELECT recurring_cohort_agg(1, '10000-01-01'::timestamptz, 1, 'month')$$),
  -- [huge] cohorts from rows: an amount past what an order may be; a grid past the size limit
  ($$SELECT cohort_agg(1, now(), 1e30, 'month')$$),
  ($$SELECT cohort_agg(x, t, 1, 'day') FROM (VALUES (1, '2000-01-01'::timestamptz), (2, '2026-01-01')) v(x, t)$$),
  -- [nan] cohorts from rows: NaN and infinite amounts
  ($$SELECT cohort_agg(1, now(), 'NaN', 'month')$$),
  ($$SELECT recurring_cohort_agg(1, now(), 'Infinity', 'month')$$),
  -- [mixed] cohorts from rows: the granularity changes within a group
  ($$SELECT recurring_cohort_agg(x, now(), 1, g) FROM (VALUES (1, 'month'), (2, 'week')) v(x, g)$$),
  -- [type] cohorts from rows: an unsupported id type
  ($$SELECT cohort_agg(1.5, now(), 1, 'month')$$),
  -- [text] cohort_summary text input: not a summary
  ($$SELECT ''::cohort_summary$$),
  ($$SELECT '(version:1,unit:"month")'::cohort_summary$$),
  -- [empty] cohort_summary text input: a grid of no cohorts
  ($$SELECT '(version:1,unit:"month",zone:"UTC",recurring:0,first_period:null,periods:0,scale:0,brackets:[],active:[],orders:[],priced_orders:[],revenue:[],last:[],bracket_active:[])'::cohort_summary$$),
  -- [negative] cohort_summary text input: a negative count
  ($$SELECT '(version:1,unit:"month",zone:"UTC",recurring:0,first_period:"2026-01-01",periods:1,scale:0,brackets:[],active:[-1],orders:[1],priced_orders:[1],revenue:[1],last:[1],bracket_active:[])'::cohort_summary$$),
  -- [time] cohort_summary text input: an impossible date, a date that does not start a month
  ($$SELECT '(version:1,unit:"month",zone:"UTC",recurring:0,first_period:"2026-02-30",periods:1,scale:0,brackets:[],active:[1],orders:[1],priced_orders:[1],revenue:[1],last:[1],bracket_active:[])'::cohort_summary$$),
  ($$SELECT '(version:1,unit:"month",zone:"UTC",recurring:0,first_period:"2026-01-15",periods:1,scale:0,brackets:[],active:[1],orders:[1],priced_orders:[1],revenue:[1],last:[1],bracket_active:[])'::cohort_summary$$),
  -- [name] cohort_summary text input: an unknown granularity
  ($$SELECT '(version:1,unit:"fortnight",zone:"UTC",recurring:0,first_period:"2026-01-01",periods:1,scale:0,brackets:[],active:[1],orders:[1],priced_orders:[1],revenue:[1],last:[1],bracket_active:[])'::cohort_summary$$),
  -- [name] cohort_summary text input: a time zone this server does not know is accepted, so
  -- that a restore never fails on a zone another server's time zone data had; reading the
  -- summary refuses it (cohort_table below)
  ($$SELECT '(version:1,unit:"month",zone:"Mars/Olympus_Mons",recurring:0,first_period:"2026-01-01",periods:1,scale:0,brackets:[],active:[1],orders:[1],priced_orders:[1],revenue:[1],last:[1],bracket_active:[])'::cohort_summary$$),
  -- [huge] cohort_summary text input: counts at 2^63 - 1 are valid: accepted; past it, not
  ($$SELECT '(version:1,unit:"month",zone:"UTC",recurring:0,first_period:"2026-01-01",periods:1,scale:0,brackets:[],active:[9223372036854775807],orders:[9223372036854775807],priced_orders:[9223372036854775807],revenue:[99999999999999999999999999999999999999],last:[9223372036854775807],bracket_active:[])'::cohort_summary$$),
  ($$SELECT '(version:1,unit:"month",zone:"UTC",recurring:0,first_period:"2026-01-01",periods:1,scale:0,brackets:[],active:[9223372036854775808],orders:[1],priced_orders:[1],revenue:[1],last:[1],bracket_active:[])'::cohort_summary$$),
  -- [range] cohort_summary text input: counts that do not add up; lists of the wrong length
  ($$SELECT '(version:1,unit:"month",zone:"UTC",recurring:0,first_period:"2026-01-01",periods:1,scale:0,brackets:[],active:[2],orders:[1],priced_orders:[1],revenue:[1],last:[1],bracket_active:[])'::cohort_summary$$),
  ($$SELECT '(version:1,unit:"month",zone:"UTC",recurring:0,first_period:"2026-01-01",periods:2,scale:0,brackets:[],active:[1],orders:[1],priced_orders:[1],revenue:[1],last:[1],bracket_active:[])'::cohort_summary$$),
  -- [null] rollup skips NULL summaries: accepted
  ($$SELECT rollup(s) FROM (SELECT cohort_agg(h, 'month') FROM (SELECT customer_history_agg(now()) h) x UNION ALL SELECT NULL::cohort_summary) v(s)$$),
  -- [empty] rollup of no rows: NULL
  ($$SELECT rollup(s) FROM (SELECT cohort_agg(h, 'month') AS s FROM (SELECT customer_history_agg(now()) h) x) y WHERE false$$),
  -- [huge] rollup: a merged grid past the size limit; counts past 2^63 - 1
  ($$SELECT rollup(s) FROM (SELECT cohort_agg(h, 'day') FROM (SELECT customer_history_agg('2000-01-01'::timestamptz) h) x UNION ALL SELECT cohort_agg(h, 'day') FROM (SELECT customer_history_agg('2026-01-01'::timestamptz) h) x) v(s)$$),
  ($$SELECT rollup(s) FROM (SELECT '(version:1,unit:"month",zone:"UTC",recurring:0,first_period:"2026-01-01",periods:1,scale:0,brackets:[],active:[9223372036854775807],orders:[9223372036854775807],priced_orders:[0],revenue:[0],last:[9223372036854775807],bracket_active:[])'::cohort_summary AS s FROM generate_series(1, 2)) v$$),
  -- [mixed] rollup: different brackets; different calendars
  ($$SELECT rollup(s) FROM (SELECT cohort_agg(h, 'month', ARRAY[1, 2]) FROM (SELECT customer_history_agg(now()) h) x UNION ALL SELECT cohort_agg(h, 'month', ARRAY[1, 3]) FROM (SELECT customer_history_agg(now()) h) x) v(s)$$),
  ($$SELECT rollup(s) FROM (SELECT cohort_agg(h, 'month') FROM (SELECT customer_history_agg(now()) h) x UNION ALL SELECT cohort_agg(h, 'month', 'Asia/Tokyo') FROM (SELECT customer_history_agg(now()) h) x) v(s)$$),
  -- [range] cohort_table, bracket_retention: confidence levels outside (0, 1)
  ($$SELECT * FROM cohort_table((SELECT cohort_agg(h, 'month') FROM (SELECT customer_history_agg(now()) h) x), now(), 1.5)$$),
  ($$SELECT * FROM bracket_retention((SELECT cohort_agg(h, 'month', ARRAY[1, 2]) FROM (SELECT customer_history_agg(now()) h) x), 2)$$),
  ($$SELECT * FROM retention_curve((SELECT cohort_agg(h, 'month') FROM (SELECT customer_history_agg(now()) h) x), 'on', now(), 0)$$),
  -- [null] cohort_table, retention_curve, bracket_retention, is_recurring: NULL arguments give
  -- no rows or NULL (STRICT)
  ($$SELECT * FROM cohort_table(NULL::cohort_summary)$$),
  ($$SELECT * FROM cohort_table((SELECT cohort_agg(h, 'month') FROM (SELECT customer_history_agg(now()) h) x), NULL)$$),
  ($$SELECT * FROM retention_curve((SELECT cohort_agg(h, 'month') FROM (SELECT customer_history_agg(now()) h) x), NULL)$$),
  ($$SELECT * FROM bracket_retention((SELECT cohort_agg(h, 'month', ARRAY[1, 2]) FROM (SELECT customer_history_agg(now()) h) x), NULL)$$),
  ($$SELECT is_recurring(NULL::cohort_summary)$$),
  -- [time] cohort_table, retention_curve: an infinite as-of time (everything, or nothing,
  -- has matured): accepted
  ($$SELECT count(*) FROM cohort_table((SELECT cohort_agg(h, 'month') FROM (SELECT customer_history_agg(now()) h) x), 'infinity')$$),
  ($$SELECT * FROM retention_curve((SELECT cohort_agg(h, 'month') FROM (SELECT customer_history_agg(now()) h) x), 'on', '-infinity')$$),
  -- [name] cohort_table: a summary whose time zone this server does not know is refused when
  -- read (its input accepts it, above)
  ($$SELECT * FROM cohort_table('(version:1,unit:"month",zone:"Mars/Olympus_Mons",recurring:0,first_period:"2026-01-01",periods:1,scale:0,brackets:[],active:[1],orders:[1],priced_orders:[1],revenue:[1],last:[1],bracket_active:[])'::cohort_summary)$$),
  -- [name] retention_curve: modes are not case sensitive: accepted
  ($$SELECT * FROM retention_curve((SELECT cohort_agg(h, 'month') FROM (SELECT customer_history_agg(now()) h) x), 'ON OR AFTER')$$),
  -- [huge] cohort_table: counts at 2^63 - 1 and revenue of 38 digits (values below)
  ($$SELECT count(*) FROM cohort_table('(version:1,unit:"month",zone:"UTC",recurring:0,first_period:"2026-01-01",periods:1,scale:0,brackets:[],active:[9223372036854775807],orders:[9223372036854775807],priced_orders:[9223372036854775807],revenue:[99999999999999999999999999999999999999],last:[9223372036854775807],bracket_active:[])'::cohort_summary)$$),
  -- [nan] cohort_table, retention_curve, bracket_retention: NaN and infinite levels
  ($$SELECT * FROM cohort_table((SELECT cohort_agg(h, 'month') FROM (SELECT customer_history_agg(now()) h) x), now(), 'NaN')$$),
  ($$SELECT * FROM retention_curve((SELECT cohort_agg(h, 'month') FROM (SELECT customer_history_agg(now()) h) x), 'on', now(), 'Infinity')$$),
  ($$SELECT * FROM bracket_retention((SELECT cohort_agg(h, 'month', ARRAY[1, 2]) FROM (SELECT customer_history_agg(now()) h) x), 'NaN')$$),
  -- [empty] bracket_retention of a summary without brackets: no rows
  ($$SELECT * FROM bracket_retention((SELECT cohort_agg(h, 'month') FROM (SELECT customer_history_agg(now()) h) x))$$),
  -- [range] retention: more than 32 conditions; 32 are valid: accepted
  ($$SELECT retention(VARIADIC array_fill(true, ARRAY[33]))$$),
  ($$SELECT retention(VARIADIC array_fill(true, ARRAY[32]))$$),
  -- [null] retention: NULL conditions are false: accepted; a NULL array is an error (22004;
  -- it was 22023)
  ($$SELECT retention(true, NULL)$$),
  ($$SELECT retention(VARIADIC NULL::boolean[])$$),
  -- [mixed] retention: the number of conditions changes within a group
  ($$SELECT retention(VARIADIC c) FROM (VALUES (ARRAY[true, true]), (ARRAY[true, true, true])) v(c)$$),
  -- [empty] retention: no rows: NULL; no conditions: an error
  ($$SELECT retention(c, c) FROM (VALUES (true)) v(c) WHERE false$$),
  ($$SELECT retention(VARIADIC ARRAY[]::boolean[])$$),
  -- [range] window_funnel: more than 32 conditions
  ($$SELECT window_funnel(interval '1 day', now(), VARIADIC array_fill(true, ARRAY[33]))$$),
  -- [negative] window_funnel: a window of -1 microsecond
  ($$SELECT window_funnel(interval '-1 microsecond', now(), true)$$),
  -- [null] window_funnel: rows with a NULL time are skipped: accepted; a NULL window, mode or
  -- conditions array is an error
  ($$SELECT window_funnel(interval '1 day', t, true, true) FROM (VALUES (NULL::timestamptz), (now())) v(t)$$),
  ($$SELECT window_funnel(NULL, now(), true, true)$$),
  ($$SELECT window_funnel(interval '1 day', NULL::text, now(), true, true)$$),
  ($$SELECT window_funnel(interval '1 day', now(), VARIADIC NULL::boolean[])$$),
  -- [empty] window_funnel: no rows, or only NULL times: NULL
  ($$SELECT window_funnel(interval '1 day', t, true) FROM (VALUES (NULL::timestamptz)) v(t)$$),
  -- [name] window_funnel: modes are case sensitive, as in ClickHouse; an empty mode list is the
  -- default: accepted
  ($$SELECT window_funnel(interval '1 day', 'STRICT_ORDER', now(), true, true)$$),
  ($$SELECT window_funnel(interval '1 day', '', now(), true, true)$$),
  -- [time] window_funnel: events at the timestamp limits and at infinity: accepted
  ($$SELECT window_funnel(interval '1 day', t, true, true) FROM (VALUES ('4713-01-01 BC'::timestamptz), ('294276-12-31'), ('infinity'), ('-infinity')) v(t)$$),
  -- [huge] window_funnel: the longest interval as the window: accepted
  ($$SELECT window_funnel(interval '178000000 years', t, t > '2000-01-01', true) FROM (VALUES ('1999-01-01'::timestamptz), ('2026-01-01')) v(t)$$),
  -- [mixed] window_funnel: the window, the mode or the number of conditions changes in a group
  ($$SELECT window_funnel(w, now(), true, true) FROM (VALUES (interval '1 day'), (interval '2 days')) v(w)$$),
  ($$SELECT window_funnel(interval '1 day', m, now(), true, true) FROM (VALUES ('strict_order'), ('strict_increase')) v(m)$$),
  ($$SELECT window_funnel(interval '1 day', now(), VARIADIC c) FROM (VALUES (ARRAY[true, true]), (ARRAY[true, true, true])) v(c)$$),
  -- [range] window_funnel_steps: its window_funnel's arguments, checked by the same transition
  ($$SELECT window_funnel_steps(interval '1 day', now(), VARIADIC array_fill(true, ARRAY[33]))$$),
  -- [null] window_funnel_steps: a NULL window; rows with a NULL time are skipped: accepted
  ($$SELECT window_funnel_steps(NULL, now(), true, true)$$),
  ($$SELECT window_funnel_steps(interval '1 day', t, true, true) FROM (VALUES (NULL::timestamptz), (now())) v(t)$$),
  -- [empty] window_funnel_steps: no rows: NULL; no first step: an empty array
  ($$SELECT window_funnel_steps(interval '1 day', t, true) FROM (VALUES (NULL::timestamptz)) v(t)$$),
  ($$SELECT window_funnel_steps(interval '1 day', now(), false, true)$$),
  -- [name] window_funnel_steps: an unknown mode
  ($$SELECT window_funnel_steps(interval '1 day', 'strict', now(), true, true)$$),
  -- [range] funnel_table: 0 or 33 steps, more times than steps, decreasing times, a
  -- confidence of 95
  ($$SELECT funnel_table(ARRAY[now()], 0)$$),
  ($$SELECT funnel_table(ARRAY[now()], 33)$$),
  ($$SELECT funnel_table(ARRAY[now(), now()], 1)$$),
  ($$SELECT funnel_table(ARRAY[timestamptz '2026-01-02', '2026-01-01'], 2)$$),
  ($$SELECT funnel_table(ARRAY[now()], 2, 95)$$),
  -- [null] funnel_table: a NULL array is skipped: accepted; a NULL time, steps or confidence
  ($$SELECT funnel_table(x, 2) FROM (VALUES (NULL::timestamptz[]), (ARRAY[now()])) v(x)$$),
  ($$SELECT funnel_table(ARRAY[now(), NULL], 2)$$),
  ($$SELECT funnel_table(ARRAY[now()], NULL)$$),
  ($$SELECT funnel_table(ARRAY[now()], 2, NULL)$$),
  -- [empty] funnel_table: no rows: NULL; a user with no first step counts nowhere: accepted
  ($$SELECT funnel_table(x, 2) FROM (VALUES (NULL::timestamptz[])) v(x)$$),
  ($$SELECT funnel_table('{}'::timestamptz[], 2)$$),
  -- [time] funnel_table: an infinite time; the longest time between two finite ones
  ($$SELECT funnel_table(ARRAY[timestamptz '2026-01-01', 'infinity'], 2)$$),
  ($$SELECT funnel_table(ARRAY[timestamptz '4713-01-01 BC', '294276-12-31 23:59:59.999999'], 2)$$),
  -- [nan] funnel_table: a NaN confidence
  ($$SELECT funnel_table(ARRAY[now()], 2, 'NaN')$$),
  -- [mixed] funnel_table: the steps or the confidence change within a group
  ($$SELECT funnel_table(ARRAY[now()], s) FROM (VALUES (2), (3)) v(s)$$),
  ($$SELECT funnel_table(ARRAY[now()], 2, c) FROM (VALUES (0.9), (0.95)) v(c)$$)
) v(q);
-- funnel_table's rows for users of step times (in minutes) A 0, 10, 40; B 0, 20; C 0;
-- D 0, 30, 50, worked by hand: 4, 3, 2 users; times 10, 20, 30 (mean and median 20 min) and
-- 30, 20 (25); Wilson 95% by the closed form (z = 1.959964): 3 of 4 (0.3006, 0.9544), 2 of 4
-- (0.1500, 0.8500), 2 of 3 (0.2077, 0.9385), 4 of 4 (0.5101, 1).
SELECT step, users, conversion, round(conversion_lower::numeric, 4) AS lower, round(conversion_upper::numeric, 4) AS upper,
       round(step_conversion::numeric, 4) AS step_conversion, round(step_conversion_lower::numeric, 4) AS step_lower,
       round(step_conversion_upper::numeric, 4) AS step_upper, drop_off, mean_time, median_time
FROM unnest((SELECT funnel_table(t, 3) FROM (VALUES
  (ARRAY[timestamptz '2026-01-01 00:00', '2026-01-01 00:10', '2026-01-01 00:40']),
  (ARRAY[timestamptz '2026-01-01 00:00', '2026-01-01 00:20']),
  (ARRAY[timestamptz '2026-01-01 00:00']),
  (ARRAY[timestamptz '2026-01-01 00:00', '2026-01-01 00:30', '2026-01-01 00:50'])) v(t)));
-- The grid at the counters' limits: per-customer revenue 10^38 / (2^63 - 1).
SELECT cohort_size, active, retention, orders, revenue, cumulative_revenue_per_customer
FROM cohort_table('(version:1,unit:"month",zone:"UTC",recurring:0,first_period:"2026-01-01",periods:1,scale:0,brackets:[],active:[9223372036854775807],orders:[9223372036854775807],priced_orders:[9223372036854775807],revenue:[99999999999999999999999999999999999999],last:[9223372036854775807],bracket_active:[])'::cohort_summary, '2026-03-01');

-- Cohorts by acquisition date (acquisition_cohort_agg). Sign-ups: A Jan 5, B Jan 20 (never
-- orders: no history, so the LEFT JOIN gives NULL), C Feb 1 (an order on Dec 15 before it,
-- not counted), D Feb 10 (its one order on Feb 9, before it: not counted). Orders: A Jan 10
-- (10), Feb 10 (20); C Mar 3 (3).
-- January cohort {A, B}: both active in January (A ordered, B by its sign-up), 1 order,
-- revenue 10; A in February: 1 of 2, revenue 20; nobody in March. February cohort {C, D}:
-- both active in February without orders; C in March: 1 of 2, revenue 3.
CREATE TABLE acq_orders (customer text, ordered_at timestamptz, amount numeric);
INSERT INTO acq_orders VALUES ('A', '2026-01-10', 10), ('A', '2026-02-10', 20), ('C', '2025-12-15', 9),
                              ('C', '2026-03-03', 3), ('D', '2026-02-09', 1);
CREATE TABLE signups (customer text, signed_up_at timestamptz);
INSERT INTO signups VALUES ('A', '2026-01-05'), ('B', '2026-01-20'), ('C', '2026-02-01'), ('D', '2026-02-10');
CREATE TABLE acq_histories AS
SELECT s.customer, s.signed_up_at, h.h
FROM signups s LEFT JOIN (SELECT customer, customer_history_agg(ordered_at, amount) AS h FROM acq_orders GROUP BY customer) h
  USING (customer);
SELECT cohort_start::date AS cohort, period_start::date AS period, cohort_size, active, retention, orders, revenue
FROM cohort_table((SELECT acquisition_cohort_agg(h, signed_up_at, 'month') FROM acq_histories), '2026-06-01');
-- The rule for earlier orders: least(acquired_at, first_order_at(h)) keeps them. C's cohort
-- becomes December (its order then), D's Feb 9 counts in February: December {C} active in
-- December and March; February {D} 1 order.
SELECT cohort_start::date AS cohort, period_start::date AS period, cohort_size, active, orders
FROM cohort_table((SELECT acquisition_cohort_agg(h, least(signed_up_at, first_order_at(h)), 'month', 'UTC')
                   FROM acq_histories WHERE customer IN ('C', 'D')), '2026-06-01')
WHERE active > 0;
-- Equal to the first-order cohorts when every customer is acquired with its first order;
-- combine() of parts equals the whole; the text form reads back.
SELECT (SELECT acquisition_cohort_agg(h, first_order_at(h), 'month') FROM cohort_histories)
         = (SELECT cohort_agg(h, 'month') FROM cohort_histories) AS first_order_same,
       (SELECT combine(s) FROM (SELECT acquisition_cohort_agg(h, signed_up_at, 'month') s FROM acq_histories
                                GROUP BY customer < 'C') x)
         = (SELECT acquisition_cohort_agg(h, signed_up_at, 'month') FROM acq_histories) AS combine_same,
       (SELECT s::text::cohort_summary = s FROM (SELECT acquisition_cohort_agg(h, signed_up_at, 'month') s
                                                 FROM acq_histories) x) AS text_same;
SELECT q, sqlstate_of(q) FROM (VALUES
  -- [null] acquisition_cohort_agg: a NULL acquired_at skips the row; a NULL history counts
  -- the customer without orders; a NULL granularity or zone
  ($$SELECT cohort_size FROM cohort_table((SELECT acquisition_cohort_agg(h, NULL, 'month') FROM acq_histories))$$),
  ($$SELECT cohort_size FROM cohort_table((SELECT acquisition_cohort_agg(NULL::customer_history, now(), 'month')))$$),
  ($$SELECT acquisition_cohort_agg(h, signed_up_at, NULL) FROM acq_histories$$),
  ($$SELECT acquisition_cohort_agg(h, signed_up_at, 'month', NULL) FROM acq_histories$$),
  -- [empty] no rows gives NULL
  ($$SELECT acquisition_cohort_agg(h, signed_up_at, 'month') FROM acq_histories WHERE false$$),
  -- [name] an unknown granularity or time zone
  ($$SELECT acquisition_cohort_agg(h, signed_up_at, 'fortnight') FROM acq_histories$$),
  ($$SELECT acquisition_cohort_agg(h, signed_up_at, 'month', 'Mars/Olympus_Mons') FROM acq_histories$$),
  -- [time] an infinite acquisition time
  ($$SELECT acquisition_cohort_agg(h, 'infinity', 'month') FROM acq_histories$$),
  -- [huge] a grid past 2,000,000 cells
  ($$SELECT acquisition_cohort_agg(h, t, 'day') FROM acq_histories, (VALUES (timestamptz '2000-01-01')) v(t)$$),
  -- [mixed] the granularity changes within a group; combined with recurring cohorts
  ($$SELECT acquisition_cohort_agg(h, signed_up_at, g) FROM acq_histories, (VALUES ('month'), ('week')) v(g)$$),
  ($$SELECT combine(s) FROM (SELECT acquisition_cohort_agg(h, signed_up_at, 'month') FROM acq_histories UNION ALL SELECT recurring_cohort_agg(h, 'month') FROM acq_histories) v(s)$$)
) v(q);
