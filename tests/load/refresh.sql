-- A scheduled refresh: one of the materialized views, at random, while dashboards read it.
-- Each refresh is logged, so the run can tell how many each view had.
\set view random(1, 6)
\if :view = 1
REFRESH MATERIALIZED VIEW CONCURRENTLY customer_histories_mv;
\elif :view = 2
REFRESH MATERIALIZED VIEW CONCURRENTLY daily_surveys_mv;
\elif :view = 3
REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_surveys_mv;
\elif :view = 4
REFRESH MATERIALIZED VIEW CONCURRENTLY order_summary_mv;
\elif :view = 5
REFRESH MATERIALIZED VIEW CONCURRENTLY cohorts_mv;
\else
REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_orders_mv;
\endif
INSERT INTO refresh_log (view_no) VALUES (:view);
