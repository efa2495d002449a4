-- Monthly NPS as a materialized view: the month's nps_summary (stored, to merge with
-- combine() into quarters or years later) beside the NPS read from it.
{{ config(materialized='materialized_view') }}

SELECT date_trunc('month', answered_at, 'UTC')::date AS month,
       nps_agg(score) AS summary,
       nps(nps_agg(score)) AS nps,
       count(score) AS responses
FROM {{ source('shop', 'survey_responses') }}
GROUP BY 1
