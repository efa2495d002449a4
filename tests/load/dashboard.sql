-- One dashboard page view: survey and order tiles read from the materialized views and the
-- stored summaries, and the figures a shop computes straight from recent raw rows.
\set month random(0, 17)
SELECT channel, metrics.respondents(nps), metrics.nps(nps), (metrics.nps_ci(nps)).lower, (metrics.nps_ci(nps)).upper,
       metrics.csat(csat), metrics.ces(ces)
FROM monthly_surveys_mv WHERE month = date '2025-01-01' + (:month)::int * interval '1 month' ORDER BY channel;
SELECT channel, metrics.nps(score), metrics.csat(csat), metrics.ces(effort, 7)
FROM responses WHERE day >= date '2026-05-01' GROUP BY channel ORDER BY channel;
SELECT metrics.nps(s), metrics.respondents(s), (metrics.nps_ci(s)).lower
FROM (SELECT metrics.rollup(nps) AS s FROM daily_surveys WHERE day >= date '2026-04-01') t;
SELECT metrics.repeat_purchase_rate(customer_id),
       metrics.retention_rate(customer_id, ordered_at, '2026-05-01 00:00+00', '2026-06-01 00:00+00'),
       metrics.median_time_between_purchases(customer_id, ordered_at)
FROM orders WHERE ordered_at >= timestamptz '2026-01-01 00:00+00';
SELECT metrics.customers(s), metrics.repeat_purchase_rate(s), metrics.avg_order_value(s), metrics.revenue_per_customer(s),
       metrics.historic_clv(s)
FROM (SELECT metrics.rollup(stats) AS s FROM order_summary_mv) t;
SELECT period_start, new_customers, retained, reactivated, churned, retention_rate, revenue
FROM metrics.periods((SELECT metrics.rollup(series) FROM order_summary_mv)) ORDER BY period_start DESC LIMIT 6;
SELECT period_offset, cohort_size, active, retention, cumulative_revenue_per_customer
FROM cohorts_mv WHERE cohort_start = timestamptz '2025-01-01 00:00+00' + (:month)::int * interval '1 month'
ORDER BY period_offset;
SELECT month, metrics.orders(stats), metrics.revenue(stats), repeat_rate FROM monthly_orders_mv ORDER BY month DESC LIMIT 3;
