-- The cohort part of the demo: CDNOW's monthly cohort grid and the retention curve.
SET TimeZone = 'UTC';
\pset null ''
\echo
\echo 'Monthly cohorts of CDNOW (first purchase Jan, Feb or Mar 1997): % of the cohort who'
\echo 'ordered in month N after their first (N = 0 is the first month itself)'
SELECT to_char(cohort_start, 'YYYY-MM') AS cohort, max(cohort_size) AS size,
       round(100 * max(retention) FILTER (WHERE period_offset = 1)::numeric, 1) AS "1",
       round(100 * max(retention) FILTER (WHERE period_offset = 2)::numeric, 1) AS "2",
       round(100 * max(retention) FILTER (WHERE period_offset = 3)::numeric, 1) AS "3",
       round(100 * max(retention) FILTER (WHERE period_offset = 4)::numeric, 1) AS "4",
       round(100 * max(retention) FILTER (WHERE period_offset = 5)::numeric, 1) AS "5",
       round(100 * max(retention) FILTER (WHERE period_offset = 6)::numeric, 1) AS "6",
       round(100 * max(retention) FILTER (WHERE period_offset = 7)::numeric, 1) AS "7",
       round(100 * max(retention) FILTER (WHERE period_offset = 8)::numeric, 1) AS "8",
       round(100 * max(retention) FILTER (WHERE period_offset = 9)::numeric, 1) AS "9",
       round(100 * max(retention) FILTER (WHERE period_offset = 10)::numeric, 1) AS "10",
       round(100 * max(retention) FILTER (WHERE period_offset = 11)::numeric, 1) AS "11",
       round(100 * max(retention) FILTER (WHERE period_offset = 12)::numeric, 1) AS "12",
       round(100 * max(retention) FILTER (WHERE period_offset = 13)::numeric, 1) AS "13",
       round(100 * max(retention) FILTER (WHERE period_offset = 14)::numeric, 1) AS "14",
       round(100 * max(retention) FILTER (WHERE period_offset = 15)::numeric, 1) AS "15",
       round(100 * max(retention) FILTER (WHERE period_offset = 16)::numeric, 1) AS "16",
       round(100 * max(retention) FILTER (WHERE period_offset = 17)::numeric, 1) AS "17"
FROM cohort_table((SELECT cohort_agg(h, 'month') FROM customer_histories))
GROUP BY cohort_start ORDER BY cohort_start;

\echo
\echo 'The same cohorts, cumulative revenue per customer (the LTV curve, dollars) at months 0, 3, 6, 12, 17'
SELECT to_char(cohort_start, 'YYYY-MM') AS cohort,
       max(cumulative_revenue_per_customer) FILTER (WHERE period_offset = 0)::numeric(8,2) AS "0",
       max(cumulative_revenue_per_customer) FILTER (WHERE period_offset = 3)::numeric(8,2) AS "3",
       max(cumulative_revenue_per_customer) FILTER (WHERE period_offset = 6)::numeric(8,2) AS "6",
       max(cumulative_revenue_per_customer) FILTER (WHERE period_offset = 12)::numeric(8,2) AS "12",
       max(cumulative_revenue_per_customer) FILTER (WHERE period_offset = 17)::numeric(8,2) AS "17"
FROM cohort_table((SELECT cohort_agg(h, 'month') FROM customer_histories))
GROUP BY cohort_start ORDER BY cohort_start;

\echo
\echo 'Weighted retention curve over matured cohorts (as of 1998-07-01: every month of the log has'
\echo 'ended), "on" month N and "on or after" month N, with 95% Wilson intervals'
SELECT o.period_offset AS month, o.cohorts, o.customers,
       round(100 * o.retention::numeric, 1) AS "on %",
       round(100 * o.retention_lower::numeric, 1) || '-' || round(100 * o.retention_upper::numeric, 1) AS "95%",
       round(100 * a.retention::numeric, 1) AS "on or after %"
FROM retention_curve((SELECT cohort_agg(h, 'month') FROM customer_histories), 'on', '1998-07-01') o
JOIN retention_curve((SELECT cohort_agg(h, 'month') FROM customer_histories), 'on or after', '1998-07-01') a
  USING (period_offset)
WHERE o.period_offset > 0;

\echo
\echo 'A repeat-purchase funnel: customers with three orders within 90 days (strict_once: an order is'
\echo 'one step), by the month of their first purchase: conversion from the first order with its 95%'
\echo 'Wilson interval, and the median and mean time from the order before'
SELECT to_char(first_month, 'YYYY-MM') AS cohort, f.step AS "order", f.users AS customers,
       round(100 * f.conversion::numeric, 1) AS "conversion %",
       round(100 * f.conversion_lower::numeric, 1) || '-' || round(100 * f.conversion_upper::numeric, 1) AS "95%",
       f.median_time, date_trunc('hour', f.mean_time) AS mean_time
FROM (SELECT first_month, funnel_table(steps, 3) AS t
      FROM (SELECT customer_id, date_trunc('month', min(ordered_at)) AS first_month,
                   window_funnel_steps(interval '90 days', 'strict_once', ordered_at, true, true, true) AS steps
            FROM orders GROUP BY customer_id) c
      GROUP BY first_month) g,
     unnest(g.t) f
ORDER BY first_month, f.step;
