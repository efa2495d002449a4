-- The order-history part of the demo: what a shop's monthly retention review shows, on the
-- real CDNOW purchase log.
SET TimeZone = 'UTC';
\pset null '-'
\echo
\echo 'pg_retention demo: the CDNOW purchase log (Jan 1997 - Jun 1998)'
\echo '================================================================'
SELECT count(*) AS orders, count(DISTINCT customer_id) AS customers, sum(amount) AS revenue,
       min(ordered_at)::date AS first_order, max(ordered_at)::date AS last_order
FROM orders;

\echo
\echo 'Monthly retention and churn (a customer is active in a month with an order in it;'
\echo 'retention = retained / active the month before, with its Wilson 95% interval;'
\echo 'CRR = (end - new) / start, the classic formula, counts comebacks as retained)'
SELECT to_char(period_start, 'YYYY-MM') AS month, customers_start AS "start", new_customers AS new,
       retained, reactivated, churned, customers_end AS "end",
       round(100 * retention_rate::numeric, 1) AS "retention %",
       round(100 * retention_lower::numeric, 1) || '-' || round(100 * retention_upper::numeric, 1) AS "95% interval",
       round(100 * churn_rate::numeric, 1) AS "churn %", round(100 * crr::numeric, 1) AS "CRR %",
       revenue, round(avg_order_value, 2) AS aov
FROM periods((SELECT period_series_agg(h, 'month') FROM customer_histories));

\echo
\echo 'Daily active customers and stickiness on the 1st of each month from February 1997 (the'
\echo 'log starts in January, whose four-week windows are not full): DAU = customers who ordered'
\echo 'that day, WAU / MAU = customers who ordered on one of the 7 / 28 days ending that day'
\echo '(rolling windows, exact counts); DAU/MAU = the share of the last four weeks'' customers who'
\echo 'ordered that day'
SELECT date AS day, dau, wau, mau, round(100 * dau_mau::numeric, 2) AS "DAU/MAU %",
       round(100 * wau_mau::numeric, 1) AS "WAU/MAU %"
FROM periods((SELECT activity_series_agg(h) FROM customer_histories))
WHERE extract(day from date) = 1 AND date >= '1997-02-01';

\echo
\echo 'Quarterly retention: of the customers who ordered in the quarter before, the share who'
\echo 'ordered again (one-step form, straight from the orders table)'
SELECT to_char(q, 'YYYY-"Q"Q') AS quarter, customers_start(s) AS "active before", retained(s), churned(s),
       reactivated(s), round(100 * retention_rate(s)::numeric, 1) AS "retention %",
       round(100 * (retention_ci(s)).lower::numeric, 1) AS "95% lower", round(100 * (retention_ci(s)).upper::numeric, 1) AS "95% upper"
FROM (SELECT q, (SELECT retention_agg(customer_id, ordered_at, q, q + interval '3 months') FROM orders) AS s
      FROM generate_series(timestamptz '1997-04-01', '1998-04-01', interval '3 months') q) t;

\echo
\echo 'Repeat purchase, time between purchases and value per customer'
SELECT customers(s), repeat_customers(s) AS repeat,
       round(100 * repeat_purchase_rate(s)::numeric, 1) AS "repeat %",
       round(100 * (repeat_purchase_ci(s)).lower::numeric, 1) || '-' || round(100 * (repeat_purchase_ci(s)).upper::numeric, 1) AS "95% interval",
       round(orders_per_customer(s)::numeric, 2) AS "orders/customer",
       justify_hours(date_trunc('hour', avg_time_between_purchases(s))) AS "mean gap",
       median_time_between_purchases(s) AS "median gap",
       round(avg_order_value(s), 2) AS aov, round(revenue_per_customer(s), 2) AS "revenue/customer",
       round(items(s)::numeric / orders(s), 2) AS "CDs/order"
FROM (SELECT customer_stats_agg(h) AS s FROM customer_histories) t;

\echo
\echo 'Historic CLV = AOV x purchase frequency x lifespan: with the observed lifespan (what has'
\echo 'been seen so far), and with lifespan = 1 / churn rate, the churn rate per half year being'
\echo 'the share of customers active in 1997-H1 who did not order in 1997-H2'
WITH s AS (SELECT customer_stats_agg(h) AS s FROM customer_histories),
     c AS (SELECT churn_rate(customer_id, ordered_at, '1997-07-01', '1998-01-01') AS half_year_churn FROM orders)
SELECT round(purchase_frequency(s, '1 year')::numeric, 3) AS "orders/customer/year",
       justify_days(date_trunc('day', avg_lifespan(s))) AS "observed lifespan",
       round(historic_clv(s, '1 year')::numeric, 2) AS "CLV observed",
       round(100 * half_year_churn::numeric, 1) AS "half-year churn %",
       round(historic_clv(s, '6 months', half_year_churn)::numeric, 2) AS "CLV 1/churn"
FROM s, c;

\echo
\echo 'The same figures straight from the orders table (one-step aggregates) agree:'
SELECT repeat_purchase_rate(customer_id) = (SELECT repeat_purchase_rate(customer_stats_agg(h)) FROM customer_histories) AS "repeat rate",
       median_time_between_purchases(customer_id, ordered_at) = (SELECT median_time_between_purchases(customer_stats_agg(h)) FROM customer_histories) AS "median gap",
       period_series_agg(customer_id, ordered_at, amount, 'month')::text = (SELECT period_series_agg(h, 'month')::text FROM customer_histories) AS "monthly series",
       activity_series_agg(customer_id, ordered_at) = (SELECT activity_series_agg(h) FROM customer_histories) AS "daily activity"
FROM orders;
