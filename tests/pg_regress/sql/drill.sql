-- Drill-down: one customer's status per period (customer_status, customer_periods) and its
-- cells of the cohort grid (cohort_cell_status, customer_cohort_cells,
-- customer_recurring_cohort_cells), on fixtures worked by hand; the counts by status equal
-- the summaries' figures.
\pset null NULL
SET TimeZone = 'UTC';
SET DateStyle = 'ISO';
SET IntervalStyle = 'postgres';

-- The orders of docs/orders.md, by month:
--   1: Jan 20.00, Feb 10 and 30, Apr 5     2: Feb 7.50, Mar 1     3: Jan (no amount)
--   4: Dec 2025 12, Feb 8                  5: Feb 3
CREATE TABLE drill_orders (customer_id bigint, ordered_at timestamptz, amount numeric(10,2));
INSERT INTO drill_orders VALUES
 (1, '2026-01-15 00:00+00', 20.00), (1, '2026-02-15 00:00+00', 10), (1, '2026-02-15 00:00:01+00', 30),
 (1, '2026-04-15 00:00+00', 5),
 (2, '2026-02-15 00:00+00', 7.50), (2, '2026-03-15 00:00+00', 1),
 (3, '2026-01-15 00:00+00', NULL),
 (4, '2025-12-01 00:00+00', 12), (4, '2026-02-20 00:00+00', 8),
 (5, '2026-02-01 00:00+00', 3);
CREATE TABLE drill_histories AS
SELECT customer_id, customer_history_agg(ordered_at, amount) AS h FROM drill_orders GROUP BY customer_id;

-- Each customer's status from November 2025 to May 2026, by the definitions of
-- docs/orders.md (active = an order in the month):
--   1: -, -, new (first order), retained (Jan too), churned (Feb, not Mar), reactivated
--      (not Mar, ordered before), churned (Apr, not May)
--   2: -, -, -, new, retained, churned, -      3: -, -, new, churned, -, -, -
--   4: -, new, churned, reactivated, churned, -, -      5: -, -, -, new, churned, -, -
-- ("-" is inactive: no order in the month nor in the one before; November is before every
-- first order.) Any day of a month names it: the 15th here.
SELECT customer_id,
       string_agg(customer_status(h, 'month', d::date), ', ' ORDER BY d) AS nov_to_may
FROM drill_histories, generate_series(date '2025-11-15', date '2026-05-15', interval '1 month') d
GROUP BY customer_id ORDER BY customer_id;

-- Counted by status, the five customers give periods()' figures in every month (the
-- columns of docs/orders.md's example: Dec new 1; Jan new 2, churned 1; Feb new 2, retained
-- 1, reactivated 1, churned 1; Mar retained 1, churned 3; Apr reactivated 1, churned 1).
SELECT p.period_start, p.new_customers, p.retained, p.reactivated, p.churned,
       (p.new_customers, p.retained, p.reactivated, p.churned)
         = (SELECT count(*) FILTER (WHERE s = 'new'), count(*) FILTER (WHERE s = 'retained'),
                   count(*) FILTER (WHERE s = 'reactivated'), count(*) FILTER (WHERE s = 'churned')
            FROM (SELECT customer_status(h, 'month', p.period_start::date) s FROM drill_histories) x) AS equal
FROM periods((SELECT period_series_agg(h, 'month') FROM drill_histories)) p;

-- Every period of one history: from its first order's to the one after its last. Customer 1
-- as above; customer 4 churned in January (December's order, none in January) and came back in February. date is
-- the period's first day in the zone (here the session's, UTC), as periods()' date.
SELECT customer_id, p.*
FROM drill_histories, LATERAL customer_periods(h, 'month') p
WHERE customer_id IN (1, 4) ORDER BY customer_id, period_start;

-- The same counts through the LATERAL form, grouped: equal to periods() (and May, past the
-- series' last period, holds customer 1's churn, as the series' spare slot does).
SELECT p.period_start, p.status, count(*) AS customers
FROM drill_histories, LATERAL customer_periods(h, 'month') p
GROUP BY 1, 2 ORDER BY 1, 2;

-- Weeks: ISO weeks start on Monday. 2026-02-15 is a Sunday (week of Feb 9), 2026-02-20 a
-- Friday (week of Feb 16), 2026-02-01 a Sunday (week of Jan 26). Customer 1's Feb 15 orders
-- make it reactivated in the week of Feb 9 (its January order is weeks before) and churned
-- in the week of Feb 16, named here by its Wednesday.
SELECT customer_status(h, 'week', '2026-02-11') AS week_of_feb_9,
       customer_status(h, 'week', '2026-02-18') AS week_of_feb_16
FROM drill_histories WHERE customer_id = 1;

-- The time zone: an order at 23:30 UTC on January 31 is in January in UTC, in February in
-- Berlin (UTC+1), as period_series_agg(..., 'Europe/Berlin') counts it. Without a zone
-- argument the session's is used.
SELECT customer_status(h, 'month', '2026-01-01', 'UTC') AS jan_utc,
       customer_status(h, 'month', '2026-02-01', 'UTC') AS feb_utc,
       customer_status(h, 'month', '2026-01-01', 'Europe/Berlin') AS jan_berlin,
       customer_status(h, 'month', '2026-02-01', 'Europe/Berlin') AS feb_berlin,
       customer_status(h, 'month', '2026-02-01') AS feb_session
FROM (SELECT customer_history_agg(t) h FROM (VALUES ('2026-01-31 23:30+00'::timestamptz)) v(t)) x;
-- In Berlin the order's month starts at 2026-01-31 23:00 UTC (midnight of February 1 at
-- UTC+1): period_start prints that instant in the session's UTC, date is Berlin's day.
SELECT period_start, status, date
FROM customer_periods((SELECT customer_history_agg(t) FROM (VALUES ('2026-01-31 23:30+00'::timestamptz)) v(t)),
                      'month', 'Europe/Berlin');

-- The local dates do not move with the session TimeZone: under America/Los_Angeles (UTC-8
-- in winter, as BI tools often set) the UTC months' starts print as the day before at
-- 16:00, while date stays the first of the month. Customer 4's months in UTC (as above: Dec
-- 2025 new, Jan churned, Feb reactivated, Mar churned): 2025-11-30 16:00-08 and 2025-12-01,
-- and so on.
SET TimeZone = 'America/Los_Angeles';
SELECT period_start, date, status
FROM drill_histories, LATERAL customer_periods(h, 'month', 'UTC') WHERE customer_id = 4
ORDER BY period_start;
-- So a BI tool joins a customer's rows to periods() on date: counted by status per date,
-- they equal periods()' figures of the UTC series in every month (the numbers above).
SELECT p.date, p.new_customers, p.retained, p.reactivated, p.churned,
       (p.new_customers, p.retained, p.reactivated, p.churned) = (c.new, c.retained, c.reactivated, c.churned) AS equal
FROM periods((SELECT period_series_agg(h, 'month', 'UTC') FROM drill_histories)) p
JOIN (SELECT date, count(*) FILTER (WHERE status = 'new') AS new, count(*) FILTER (WHERE status = 'retained') AS retained,
             count(*) FILTER (WHERE status = 'reactivated') AS reactivated, count(*) FILTER (WHERE status = 'churned') AS churned
      FROM drill_histories, LATERAL customer_periods(h, 'month', 'UTC') GROUP BY date) c USING (date)
ORDER BY p.date;
SET TimeZone = 'UTC';

-- Edge cases. A period long before the first order, and long after the last: inactive.
SELECT customer_status(h, 'year', '0001-01-01') AS year_1, customer_status(h, 'day', '9999-12-31') AS last_day
FROM drill_histories WHERE customer_id = 1;
-- NULL arguments: the functions are STRICT, so NULL (no rows for the set-returning ones).
SELECT customer_status(NULL, 'month', '2026-01-01') AS null_history,
       customer_status(h, NULL, '2026-01-01') AS null_granularity,
       customer_status(h, 'month', NULL) AS null_period,
       customer_status(h, 'month', '2026-01-01', NULL) AS null_zone,
       cohort_cell_status(h, 'month', '2026-01-01', NULL) AS null_offset,
       (SELECT count(*) FROM customer_periods(NULL, 'month')) AS periods_of_null,
       (SELECT count(*) FROM customer_cohort_cells(h, NULL)) AS cells_of_null
FROM drill_histories WHERE customer_id = 1;

-- Cohort cells, on the four customers of docs/cohorts.md:
--   A: Jan 10.00, Feb 20.00, Apr 5.00   B: Jan 7.00, Mar 3.00   C: Feb, Mar, Apr   D: Feb 1.00
CREATE TABLE drill_cohort_histories AS
SELECT customer, customer_history_agg(ordered_at, amount) AS h
FROM (VALUES ('A', '2026-01-10'::timestamptz, 10), ('A', '2026-02-10', 20), ('A', '2026-04-10', 5),
             ('B', '2026-01-10', 7), ('B', '2026-03-10', 3),
             ('C', '2026-02-10', NULL), ('C', '2026-03-10', NULL), ('C', '2026-04-10', NULL),
             ('D', '2026-02-10', 1)) v(customer, ordered_at, amount)
GROUP BY customer;

-- Each customer in the January cohort's cells, offsets 0 to 3 (Jan to Apr): A ordered in
-- Jan, Feb, Apr (so at offset 2, March, it returns later); B in Jan and Mar (lapsed in
-- April, after its last order); C and D started in February: not in the cohort.
SELECT customer, string_agg(cohort_cell_status(h, 'month', '2026-01-01', k), ', ' ORDER BY k) AS jan_offsets_0_to_3
FROM drill_cohort_histories, generate_series(0, 3) k
GROUP BY customer ORDER BY customer;

-- Counted per cell, the customers give cohort_table()'s cohort_size, active and
-- active_on_or_after in every cell (docs/cohorts.md: January 2, 2 1 1 1 active, 2 2 2 1 on
-- or after; February 2, 2 1 1 active, 2 1 1 on or after).
SELECT t.cohort_start, t.period_offset, t.cohort_size, t.active, t.active_on_or_after,
       (t.cohort_size, t.active, t.active_on_or_after)
         = (SELECT count(*) FILTER (WHERE s <> 'not_in_cohort'), count(*) FILTER (WHERE s = 'active'),
                   count(*) FILTER (WHERE s IN ('active', 'returns_later'))
            FROM (SELECT cohort_cell_status(h, 'month', t.cohort_start::date, t.period_offset) s
                  FROM drill_cohort_histories) x) AS equal
FROM cohort_table((SELECT cohort_agg(h, 'month') FROM drill_cohort_histories)) t;

-- The customers behind one cell, through the LATERAL form: January's cohort at offset 2
-- (March): B active; A and B "on or after".
SELECT customer, c.active, c.active_on_or_after
FROM drill_cohort_histories, LATERAL customer_cohort_cells(h, 'month') c
WHERE c.cohort_start = '2026-01-01' AND c.period_offset = 2 ORDER BY customer;

-- Grouped, the LATERAL forms give the first-time and the recurring grids (docs/cohorts.md:
-- recurring Feb {A, C, D}, active in Mar C, in Apr A and C; Mar {B, C}, in Apr C; Apr {A, C}).
-- Rows are the cells that count someone: cohort_table's cells with active_on_or_after > 0.
SELECT 'first-time' AS kind, count(*) AS cells,
       count(*) FILTER (WHERE (t.active, t.active_on_or_after) = (c.active, c.on_or_after)) AS equal
FROM cohort_table((SELECT cohort_agg(h, 'month') FROM drill_cohort_histories)) t
JOIN (SELECT cohort_start, period_offset, count(*) FILTER (WHERE active) AS active,
             count(*) FILTER (WHERE active_on_or_after) AS on_or_after
      FROM drill_cohort_histories, LATERAL customer_cohort_cells(h, 'month') GROUP BY 1, 2) c
  USING (cohort_start, period_offset)
UNION ALL
SELECT 'recurring', count(*),
       count(*) FILTER (WHERE (t.active, t.active_on_or_after) = (c.active, c.on_or_after))
FROM cohort_table((SELECT recurring_cohort_agg(h, 'month') FROM drill_cohort_histories)) t
JOIN (SELECT cohort_start, period_offset, count(*) FILTER (WHERE active) AS active,
             count(*) FILTER (WHERE active_on_or_after) AS on_or_after
      FROM drill_cohort_histories, LATERAL customer_recurring_cohort_cells(h, 'month', 'UTC') GROUP BY 1, 2) c
  USING (cohort_start, period_offset);
-- A's recurring rows (cohorts Jan, Feb, Apr: the months it ordered in; cohort_date and date
-- the first days of the cohort's month and of the cell's month in UTC).
SELECT c.*
FROM drill_cohort_histories, LATERAL customer_recurring_cohort_cells(h, 'month') c
WHERE customer = 'A' ORDER BY cohort_start, period_offset;

-- Under America/Los_Angeles, with the grid in UTC: cohort_start prints as 2025-12-31 16:00-08
-- for January, cohort_date stays 2026-01-01; joined on (cohort_date, date), the cells
-- counted from the customers' rows equal cohort_table()'s (the 7 first-time cells that
-- count someone, as above: January 4, February 3), and the January cohort's dates are
-- Jan 1 to Apr 1.
SET TimeZone = 'America/Los_Angeles';
SELECT count(*) AS cells,
       count(*) FILTER (WHERE (t.active, t.active_on_or_after) = (c.active, c.on_or_after)) AS equal,
       string_agg(DISTINCT t.cohort_start::text, ', ') FILTER (WHERE t.cohort_date = '2026-01-01') AS jan_cohort_start,
       string_agg(t.date::text, ', ' ORDER BY t.date) FILTER (WHERE t.cohort_date = '2026-01-01') AS jan_dates
FROM cohort_table((SELECT cohort_agg(h, 'month', 'UTC') FROM drill_cohort_histories)) t
JOIN (SELECT cohort_date, date, count(*) FILTER (WHERE active) AS active,
             count(*) FILTER (WHERE active_on_or_after) AS on_or_after
      FROM drill_cohort_histories, LATERAL customer_cohort_cells(h, 'month', 'UTC') GROUP BY 1, 2) c
  USING (cohort_date, date);
SET TimeZone = 'UTC';

-- [name] Errors: an unknown granularity or time zone (as period_series_agg and cohort_agg).
SELECT q, sqlstate_of(q) FROM (VALUES
  ($$SELECT customer_status(h, 'fortnight', '2026-01-01') FROM drill_histories$$),
  ($$SELECT customer_status(h, 'month', '2026-01-01', 'Mars/Olympus_Mons') FROM drill_histories$$),
  ($$SELECT customer_periods(h, 'fortnight') FROM drill_histories$$),
  ($$SELECT customer_periods(h, 'month', '') FROM drill_histories$$),
  ($$SELECT cohort_cell_status(h, 'fortnight', '2026-01-01', 0) FROM drill_histories$$),
  ($$SELECT cohort_cell_status(h, 'month', '2026-01-01', 0, 'Mars/Olympus_Mons') FROM drill_histories$$),
  ($$SELECT customer_cohort_cells(h, 'fortnight') FROM drill_histories$$),
  ($$SELECT customer_recurring_cohort_cells(h, 'month', 'Mars/Olympus_Mons') FROM drill_histories$$),
  -- [null] the functions are STRICT: a NULL argument gives NULL (no rows), never an error
  ($$SELECT customer_status(h, NULL, '2026-01-01', 'UTC') FROM drill_histories$$),
  ($$SELECT customer_periods(NULL, 'month')$$),
  ($$SELECT cohort_cell_status(h, 'month', NULL, 0) FROM drill_histories$$),
  ($$SELECT customer_cohort_cells(h, 'month', NULL) FROM drill_histories$$),
  ($$SELECT customer_recurring_cohort_cells(h, NULL) FROM drill_histories$$),
  -- [time] an infinite or out-of-range date
  ($$SELECT customer_status(h, 'month', 'infinity') FROM drill_histories$$),
  ($$SELECT customer_status(h, 'month', '10000-01-01', 'UTC') FROM drill_histories$$),
  ($$SELECT cohort_cell_status(h, 'month', '-infinity', 0) FROM drill_histories$$),
  -- [negative] a negative period offset
  ($$SELECT cohort_cell_status(h, 'month', '2026-01-01', -1) FROM drill_histories$$),
  -- [huge] more periods than a series may span
  ($$SELECT customer_periods(customer_history_agg(t), 'day') FROM (VALUES ('1700-01-01'::timestamptz), ('2026-01-01')) v(t)$$),
  ($$SELECT customer_cohort_cells(customer_history_agg(t), 'day', 'UTC') FROM (VALUES ('1000-01-01'::timestamptz), ('9000-01-01')) v(t)$$),
  ($$SELECT customer_recurring_cohort_cells(customer_history_agg(t), 'day') FROM (SELECT '2000-01-01'::timestamptz + g * interval '1 day' FROM generate_series(0, 2100) g) v(t)$$)
) v(q);
