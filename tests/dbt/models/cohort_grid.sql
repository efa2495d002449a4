-- The cohort x month grid of the stored histories (cohort_table(), long format), as of a
-- fixed date so that the table does not depend on when the test runs.
{{ config(materialized='table') }}

SELECT cohort_start, period_offset, period_start, cohort_size, active, retention, revenue, matured
FROM cohort_table((SELECT cohort_agg(h, 'month', 'UTC') FROM {{ ref('customer_histories') }}),
                  '2026-06-01 00:00+00')
