-- The monthly retention series of the stored histories, one row per month (periods()).
-- The calendar is UTC whatever the session's zone.
{{ config(materialized='view') }}

SELECT period_start, customers_start, new_customers, retained, reactivated, churned, customers_end,
       retention_rate, churn_rate, orders, revenue
FROM periods((SELECT period_series_agg(h, 'month', 'UTC') FROM {{ ref('customer_histories') }}))
