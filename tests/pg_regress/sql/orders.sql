-- Order-history metrics on a fixture small enough to work by hand. Every expected value
-- is worked out in the comment above its query; both paths (one step over customer_id, two
-- levels over customer_history) must give it.
\pset null NULL
SET TimeZone = 'UTC';
SET DateStyle = 'ISO';
SET IntervalStyle = 'postgres';

-- Customers and orders (amounts in dollars; NULL = amount unknown):
--   1: 2026-01-15 20.00, 2026-02-15 10, 2026-02-15 00:00:01 30, 2026-04-15 5
--   2: 2026-02-15 7.50, 2026-03-15 1
--   3: 2026-01-15 NULL
--   4: 2025-12-01 12, 2026-02-20 8          (reactivated in February)
--   5: 2026-02-01 00:00 exactly 3            (new, on the period boundary)
--   NULL customer: 2026-02-10 99             (skipped by the one-step forms)
CREATE TABLE orders (customer_id bigint, ordered_at timestamptz, amount numeric);
INSERT INTO orders VALUES
 (1, '2026-01-15', 20.00), (1, '2026-02-15', 10), (1, '2026-02-15 00:00:01', 30), (1, '2026-04-15', 5),
 (2, '2026-02-15', 7.50), (2, '2026-03-15', 1),
 (3, '2026-01-15', NULL),
 (4, '2025-12-01', 12), (4, '2026-02-20', 8),
 (5, '2026-02-01 00:00', 3),
 (NULL, '2026-02-10', 99);
CREATE TABLE history AS
SELECT customer_id, customer_history_agg(ordered_at, amount) AS h
FROM orders WHERE customer_id IS NOT NULL GROUP BY customer_id;

-- Level 1: one value per customer, its text form and accessors. Customer 1: 4 orders over
-- 90 days (Jan 15 to Apr 15); mean gap 90 / 3 = 30 days; revenue 65.00, AOV 16.25.
SELECT customer_id, h FROM history ORDER BY customer_id;
SELECT customer_id, orders(h), revenue(h), avg_order_value(h), first_order_at(h), last_order_at(h),
       lifespan(h), avg_time_between_purchases(h), has_order_between(h, '2026-03-01', '2026-04-01') AS ordered_in_march
FROM history ORDER BY customer_id;
SELECT * FROM order_list((SELECT h FROM history WHERE customer_id = 4));
-- The text form reads back to the same value.
SELECT bool_and(h::text::customer_history::text = h::text) AS text_round_trip FROM history;

-- Retention for February [2026-02-01, 2026-03-01): L = 28 days, previous period
-- [2026-01-04, 2026-02-01). Active before: 1 and 3 (Jan 15) -> customers_start 2.
-- In February: 1 (retained), 2 and 5 (new: no earlier order), 4 (reactivated: Dec 1 is
-- before the previous period). 3 churned. retention = 1/2, churn = 1/2.
-- Wilson 95% for 1 of 2 (statsmodels proportion_confint(1, 2, method='wilson')):
-- (0.0945312, 0.9054688).
SELECT s, retention_rate(s), churn_rate(s), customers_start(s), retained(s), churned(s),
       new_customers(s), reactivated(s), customers_end(s),
       round((retention_ci(s)).lower::numeric, 7) AS lower, round((retention_ci(s)).upper::numeric, 7) AS upper
FROM (SELECT retention_agg(h, '2026-02-01', '2026-03-01') AS s FROM history) t;
-- One step: the same summary and rates from the order rows.
SELECT retention_agg(customer_id, ordered_at, '2026-02-01', '2026-03-01')::text
         = (SELECT retention_agg(h, '2026-02-01', '2026-03-01')::text FROM history) AS same_summary,
       retention_rate(customer_id, ordered_at, '2026-02-01', '2026-03-01'),
       churn_rate(customer_id, ordered_at, '2026-02-01', '2026-03-01')
FROM orders;
-- An empty base gives NULL rates, not an error: nobody ordered in [2025-06-01, 2025-07-01).
SELECT retention_rate(customer_id, ordered_at, '2025-07-01', '2025-08-01') AS no_base,
       customers_start(retention_agg(customer_id, ordered_at, '2025-07-01', '2025-08-01'))
FROM orders;

-- Population figures. 5 customers, repeat: 1, 2, 4 -> 3/5 = 0.6. 10 orders, 9 with an
-- amount; revenue 20 + 10 + 30 + 5 + 7.5 + 1 + 12 + 8 + 3 = 96.50; AOV 96.50 / 9 = 10.7222...
-- Gaps: customer 1: 31 d, 1 s, 59 d - 1 s; 2: 28 d; 4: 81 d. Pooled mean = (90 + 28 + 81) d
-- / 5 = 39.8 d = 39 days 19:12:00. Median of (1 s, 28 d, 31 d, 58 d 23:59:59, 81 d) = 31 d.
-- Mean lifespan 199 d / 5 = 39 days 19:12:00 as well. Window 2025-12-01 .. 2026-04-15 = 135 d.
SELECT customers(s), repeat_customers(s), repeat_purchase_rate(s), orders(s), orders_per_customer(s),
       revenue(s), avg_order_value(s), revenue_per_customer(s),
       avg_time_between_purchases(s), median_time_between_purchases(s), gap_resolution(s), avg_lifespan(s),
       first_order_at(s), last_order_at(s)
FROM (SELECT customer_stats_agg(h) AS s FROM history) t;
-- Wilson 95% for 3 of 5 (statsmodels proportion_confint(3, 5, method='wilson')):
-- (0.2307243, 0.8823792).
SELECT round((repeat_purchase_ci(s)).lower::numeric, 7) AS lower, round((repeat_purchase_ci(s)).upper::numeric, 7) AS upper
FROM (SELECT customer_stats_agg(h) AS s FROM history) t;
-- Purchase frequency per 135 days = 10 / 5 = 2; historic CLV (observed lifespan) =
-- AOV 10.7222 x 2 x (39.8 / 135) = 6.3221; with a churn rate of 0.25 per 135 days:
-- 10.7222 x 2 x 4 = 85.7778.
SELECT round(purchase_frequency(s, '135 days')::numeric, 6) AS frequency,
       round(historic_clv(s, '135 days')::numeric, 4) AS clv_observed,
       round(historic_clv(s, '135 days', 0.25)::numeric, 4) AS clv_churn
FROM (SELECT customer_stats_agg(h) AS s FROM history) t;
-- One step: the same summary; the headline figures as their own aggregates.
SELECT customer_stats_agg(customer_id, ordered_at, amount)::text
         = (SELECT customer_stats_agg(h)::text FROM history) AS same_summary,
       repeat_purchase_rate(customer_id), avg_time_between_purchases(customer_id, ordered_at),
       median_time_between_purchases(customer_id, ordered_at)
FROM orders;
-- The same against hand-written SQL over the rows.
SELECT (SELECT repeat_purchase_rate(customer_id) FROM orders)
         = (SELECT count(*) FILTER (WHERE n >= 2)::float8 / count(*)
            FROM (SELECT customer_id, count(*) n FROM orders WHERE customer_id IS NOT NULL GROUP BY 1) c) AS repeat_ok,
       (SELECT avg_order_value(customer_stats_agg(h)) FROM history)
         = (SELECT avg(amount) FROM orders WHERE customer_id IS NOT NULL) AS aov_ok,
       (SELECT median_time_between_purchases(customer_id, ordered_at) FROM orders)
         = (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY gap)
            FROM (SELECT ordered_at - lag(ordered_at) OVER (PARTITION BY customer_id ORDER BY ordered_at) AS gap
                  FROM orders WHERE customer_id IS NOT NULL) g) AS median_ok;

-- Items, cost and profit: customer_history_agg(ordered_at, amount, items, cost).
-- 10 - 6 + 20 - 11.50 = 12.50; items 3. A second customer missing a cost makes profit NULL.
SELECT profit(h), cost(h), items(h), revenue(h)
FROM (SELECT customer_history_agg(t, a, i, c) AS h
      FROM (VALUES ('2026-01-01'::timestamptz, 10::numeric, 1::bigint, 6::numeric),
                   ('2026-01-02', 20, 2, 11.50)) v(t, a, i, c)) x;
SELECT profit(s), cost(s), items(s), profit_per_customer(s)
FROM (SELECT customer_stats_agg(id, t, a, i, c) AS s
      FROM (VALUES (1, '2026-01-01'::timestamptz, 10::numeric, 1::bigint, 6::numeric),
                   (1, '2026-01-02', 20, 2, 11.50), (2, '2026-01-03', 5, 1, 2)) v(id, t, a, i, c)) x;
SELECT profit(s), cost(s)
FROM (SELECT customer_stats_agg(id, t, a, i, c) AS s
      FROM (VALUES (1, '2026-01-01'::timestamptz, 10::numeric, 1::bigint, 6::numeric),
                   (2, '2026-01-03', 5, 1, NULL)) v(id, t, a, i, c)) x;

-- Period series, monthly in UTC (customer 4's December opens the series):
--   Dec: 4 new.                                   start 0, end 1
--   Jan: 1, 3 new; 4 churned.                     start 1, end 2
--   Feb: 1 retained, 2 and 5 new, 4 reactivated;  start 2, end 4; 3 churned
--   Mar: 2 retained; 1, 4, 5 churned.             start 4, end 1
--   Apr: 1 reactivated; 2 churned.                start 1, end 1
-- Feb retention 1/2, CRR (4 - 2) / 2 = 1 (reactivations count as retained), returning
-- customers (1 + 1) / 4 = 0.5; revenue Feb 10 + 30 + 7.50 + 8 + 3 = 58.50 over 5 orders.
SELECT period_start, customers_start, new_customers, retained, reactivated, churned, customers_end,
       retention_rate, churn_rate, crr, returning_customer_rate, orders, revenue, avg_order_value
FROM periods((SELECT period_series_agg(h, 'month') FROM history));
-- One step gives the same series; so does the session time zone named explicitly.
SELECT (SELECT period_series_agg(customer_id, ordered_at, amount, 'month') FROM orders)::text
         = (SELECT period_series_agg(h, 'month') FROM history)::text AS one_step_same,
       (SELECT period_series_agg(h, 'month', 'UTC') FROM history)::text
         = (SELECT period_series_agg(h, 'month') FROM history)::text AS explicit_zone_same;
-- Customers at start are the customers at end of the period before, and retained +
-- churned add up to them, in every row.
SELECT bool_and(customers_start = coalesce(previous_end, 0)) AS consistent
FROM (SELECT customers_start, lag(customers_end) OVER (ORDER BY period_start) AS previous_end
      FROM periods((SELECT period_series_agg(h, 'week') FROM history))) p;
SELECT bool_and(retained + churned = customers_start) AS adds_up
FROM periods((SELECT period_series_agg(h, 'day') FROM history));

-- Time zones and boundaries. An order at 2026-01-31 23:30 UTC is in February in Berlin
-- (00:30 local) and in January in UTC; the series follow date_trunc(unit, ts, zone).
SELECT period_start, customers_end
FROM periods((SELECT period_series_agg(1, '2026-01-31 23:30+00', NULL, 'month', 'Europe/Berlin')));
SELECT period_start, customers_end
FROM periods((SELECT period_series_agg(1, '2026-01-31 23:30+00', NULL, 'month', 'UTC')));
-- Days across the spring DST change in Berlin (2026-03-29 has 23 hours).
SELECT period_start, period_end, period_end - period_start AS length
FROM periods((SELECT period_series_agg(1, t, NULL, 'day', 'Europe/Berlin')
              FROM (VALUES ('2026-03-28 12:00+01'::timestamptz), ('2026-03-30 12:00+02')) v(t)));
-- Session TimeZone applies when no zone is given.
SET TimeZone = 'America/New_York';
SELECT period_start FROM periods((SELECT period_series_agg(1, '2026-02-01 03:00+00', NULL, 'month')));
SET TimeZone = 'UTC';
-- Weeks start on Monday (ISO), quarters on Jan 1, Apr 1, Jul 1, Oct 1.
SELECT period_start FROM periods((SELECT period_series_agg(1, '2026-11-29 23:59+00', NULL, 'week')));
SELECT period_start, period_end FROM periods((SELECT period_series_agg(1, '2026-05-15', NULL, 'quarter')));

-- Customer ids of every supported type give the same figures; text is compared exactly
-- ('A' and 'a' are two customers), uuid by value.
SELECT repeat_purchase_rate(id::int) AS int4, repeat_purchase_rate(id::smallint) AS int2,
       repeat_purchase_rate(id::text) AS text, repeat_purchase_rate(id::varchar) AS varchar,
       repeat_purchase_rate(('00000000-0000-0000-0000-' || lpad(id::text, 12, '0'))::uuid) AS uuid
FROM (SELECT customer_id AS id FROM orders) o;
SELECT repeat_purchase_rate(id) FROM (VALUES ('A'), ('a'), ('A'), ('a '), ('B')) v(id);
CREATE DOMAIN customer_key AS bigint;
SELECT repeat_purchase_rate(customer_id::customer_key) FROM orders;

-- NULL and empty input: no rows gives NULL; rows with NULL ids or times are skipped.
SELECT customer_history_agg(t) FROM (SELECT NULL::timestamptz) v(t);
SELECT repeat_purchase_rate(id), customer_stats_agg(id, t) IS NULL AS stats_null,
       avg_time_between_purchases(id, t), period_series_agg(id, t, NULL, 'month') IS NULL AS series_null
FROM (SELECT 1, now() WHERE false) v(id, t);
SELECT customer_stats_agg(h) IS NULL AS stats_null, retention_agg(h, '2026-01-01', '2026-02-01') IS NULL AS retention_null
FROM history WHERE false;
-- One order each: no gaps, so no mean or median gap.
SELECT avg_time_between_purchases(id, t), median_time_between_purchases(id, t), repeat_purchase_rate(id)
FROM (VALUES (1, '2026-01-01'::timestamptz), (2, '2026-01-02')) v(id, t);
-- Orders without amounts: revenue and AOV are NULL, counts are not.
SELECT orders(s), revenue(s), avg_order_value(s)
FROM (SELECT customer_stats_agg(id, t) AS s FROM (VALUES (1, '2026-01-01'::timestamptz), (1, '2026-01-05')) v(id, t)) x;

-- Rolling up: stored histories merge (customer_history_combine for upserts), and
-- summaries of disjoint customer sets roll up to the summary of all of them.
SELECT customer_history_combine(
         '(version:1,scale:0,times:["2026-01-01 00:00:00+00"],amounts:[5])',
         '(version:1,scale:2,times:["2025-12-24 00:00:00+00"],amounts:[1.25])') AS combined;
SELECT rollup(h) FROM (VALUES ('(version:1,scale:0,times:["2026-01-01 00:00:00+00"],amounts:[5])'::customer_history),
                              ('(version:1,scale:0,times:["2026-01-01 00:00:00+00"],amounts:[3])')) v(h);
SELECT (SELECT rollup(s)::text FROM (SELECT customer_stats_agg(h) s FROM history GROUP BY customer_id % 2) x)
         = (SELECT customer_stats_agg(h)::text FROM history) AS stats_rollup,
       (SELECT rollup(s)::text FROM (SELECT period_series_agg(h, 'month') s FROM history GROUP BY customer_id % 2) x)
         = (SELECT period_series_agg(h, 'month')::text FROM history) AS series_rollup,
       (SELECT rollup(s)::text FROM (SELECT retention_agg(h, '2026-02-01', '2026-03-01') s FROM history GROUP BY customer_id % 3) x)
         = (SELECT retention_agg(h, '2026-02-01', '2026-03-01')::text FROM history) AS retention_rollup;

-- Long histories are compressed and moved out of line (STORAGE extended); orders() and
-- first_order_at() read only the header. By construction customer n has 20000 * n orders,
-- the first at 2020-01-01 plus n hours.
CREATE TABLE long_history AS
SELECT n, customer_history_agg(t, amount) AS h
FROM generate_series(1, 3) n,
     LATERAL (SELECT '2020-01-01'::timestamptz + i * n * interval '1 hour' AS t, (i % 97)::numeric AS amount
              FROM generate_series(1, 20000 * n) i) o
GROUP BY n;
SELECT n, pg_column_size(h) < octet_length(h::text) / 4 AS compressed,
       orders(h) = 20000 * n AS orders_right,
       first_order_at(h) = '2020-01-01'::timestamptz + n * interval '1 hour' AS first_right,
       last_order_at(h) = '2020-01-01'::timestamptz + 20000 * n * n * interval '1 hour' AS last_right
FROM long_history ORDER BY n;
SELECT sum(orders(h)) = (SELECT orders(customer_stats_agg(h)) FROM long_history) AS totals_agree FROM long_history;
