-- One order history per customer, kept up to date incrementally. The first run aggregates
-- every order; each later run aggregates only the orders that arrived since (order_id above
-- the highest already merged) and merges them into the stored history with
-- customer_history_combine, the upsert of docs/orders.md (there INSERT ... ON CONFLICT DO
-- UPDATE; here dbt's merge on customer_id writes the merged row).
{{ config(materialized='incremental', unique_key='customer_id', incremental_strategy='merge') }}

WITH new_orders AS (
    SELECT customer_id, customer_history_agg(ordered_at, amount) AS h, max(order_id) AS last_order_id
    FROM {{ source('shop', 'orders') }}
    WHERE customer_id IS NOT NULL
{% if is_incremental() %}
      AND order_id > (SELECT coalesce(max(last_order_id), 0) FROM {{ this }})
{% endif %}
    GROUP BY customer_id
)
{% if is_incremental() %}
SELECT n.customer_id,
       CASE WHEN stored.h IS NULL THEN n.h ELSE customer_history_combine(stored.h, n.h) END AS h,
       n.last_order_id
FROM new_orders AS n
LEFT JOIN {{ this }} AS stored USING (customer_id)
{% else %}
SELECT customer_id, h, last_order_id FROM new_orders
{% endif %}
