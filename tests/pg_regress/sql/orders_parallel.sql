-- Partial (parallel) plans give exactly the serial answer for every order-history
-- aggregate: level 1 (customer_history_agg under GROUP BY customer_id), level 2 over
-- stored histories, and the one-step aggregates over customer_id (whose partial states
-- are serialized, sent to the leader and combined).
SET TimeZone = 'UTC';
SET DateStyle = 'ISO';
SET IntervalStyle = 'postgres';
CREATE TABLE big_orders AS
SELECT g AS id,
       -- a skewed customer base: most customers order once, a few often
       (CASE WHEN g % 10 < 6 THEN g ELSE (g * 7919) % 9001 END)::bigint AS customer_id,
       timestamptz '2025-01-01' + ((g * 104729) % 500) * interval '1 day' + (g % 86400) * interval '1 second' AS ordered_at,
       CASE WHEN g % 97 = 0 THEN NULL ELSE ((g * 15485863) % 20000) / 100.0 END AS amount,
       g % 50 AS segment
FROM generate_series(1::bigint, 100000) g;
ANALYZE big_orders;
CREATE TABLE big_history AS
SELECT customer_id, customer_history_agg(ordered_at, amount) AS h FROM big_orders GROUP BY customer_id;
-- Enough rows that a parallel scan of the stored histories is planned too.
INSERT INTO big_history SELECT customer_id, h FROM big_history, generate_series(1, 2);
ANALYZE big_history;

CREATE VIEW level1 AS
SELECT md5(string_agg(customer_id || ':' || h::text, ',' ORDER BY customer_id)) AS digest
FROM (SELECT customer_id, customer_history_agg(ordered_at, amount) AS h FROM big_orders GROUP BY customer_id) t;
-- With few groups (here 50 segments of orders) the planner aggregates partially in the
-- workers and combines serialized histories in the leader.
CREATE VIEW level1_partial AS
SELECT md5(string_agg(segment || ':' || h::text, ',' ORDER BY segment)) AS digest
FROM (SELECT segment, customer_history_agg(ordered_at, amount) AS h FROM big_orders GROUP BY 1) t;
CREATE VIEW level2 AS
SELECT retention_agg(h, '2025-06-01', '2025-09-01')::text AS retention, customer_stats_agg(h)::text AS stats,
       period_series_agg(h, 'month')::text AS series, mrr_series_agg(h, 'quarter')::text AS mrr
FROM big_history;
CREATE VIEW one_step AS
SELECT retention_agg(customer_id, ordered_at, '2025-06-01', '2025-09-01')::text AS retention,
       retention_rate(customer_id, ordered_at, '2025-06-01', '2025-09-01') AS rate,
       customer_stats_agg(customer_id, ordered_at, amount)::text AS stats,
       repeat_purchase_rate(customer_id) AS repeat_rate,
       avg_time_between_purchases(customer_id, ordered_at) AS avg_gap,
       median_time_between_purchases(customer_id, ordered_at) AS median_gap,
       period_series_agg(customer_id, ordered_at, amount, 'month')::text AS series,
       mrr_series_agg(customer_id, ordered_at, amount, 'quarter')::text AS mrr,
       mrr_movements(amount, amount * (customer_id % 3))::text AS movements
FROM big_orders;
CREATE VIEW one_step_text_ids AS
SELECT customer_stats_agg(customer_id::text, ordered_at, amount)::text AS stats,
       retention_agg(customer_id::text, ordered_at, '2025-06-01', '2025-09-01')::text AS retention,
       repeat_purchase_rate(customer_id::text) AS repeat_rate,
       period_series_agg(customer_id::text, ordered_at, amount, 'month')::text AS series,
       cohort_agg(customer_id::text, ordered_at, amount, 'month')::text AS cohorts,
       repeat_purchase_rate(md5(customer_id::text)::uuid) AS repeat_rate_uuid,
       period_series_agg(md5(customer_id::text)::uuid, ordered_at, amount, 'month')::text AS series_uuid
FROM big_orders;

SET max_parallel_workers_per_gather = 0;
SELECT digest AS serial_level1 FROM level1 \gset
SELECT digest AS serial_level1_partial FROM level1_partial \gset
SELECT md5(t::text) AS serial_level2 FROM level2 t \gset
SELECT md5(t::text) AS serial_one_step FROM one_step t \gset
SELECT md5(t::text) AS serial_text_ids FROM one_step_text_ids t \gset

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT customer_id, customer_history_agg(ordered_at, amount) FROM big_orders GROUP BY customer_id;
EXPLAIN (COSTS OFF) SELECT * FROM level1_partial;
EXPLAIN (COSTS OFF) SELECT * FROM level2;
EXPLAIN (COSTS OFF) SELECT * FROM one_step;
SELECT digest = :'serial_level1' AS level1_equal FROM level1;
SELECT digest = :'serial_level1_partial' AS level1_partial_equal FROM level1_partial;
SELECT md5(t::text) = :'serial_level2' AS level2_equal FROM level2 t;
SELECT md5(t::text) = :'serial_one_step' AS one_step_equal FROM one_step t;
SELECT md5(t::text) = :'serial_text_ids' AS text_ids_equal FROM one_step_text_ids t;
-- The workers' runs and customers with renumbered (text, uuid) ids equal those of integer ids.
SELECT t.series = o.series AND t.series_uuid = o.series AND t.repeat_rate = t.repeat_rate_uuid
       AND t.repeat_rate = (SELECT repeat_purchase_rate(customer_id) FROM big_orders) AS ids_agree
FROM one_step_text_ids t, one_step o;
-- And the two paths agree with each other (histories were stored three times over; one
-- copy per customer is the population).
SELECT (SELECT customer_stats_agg(h)::text FROM (SELECT DISTINCT ON (customer_id) h FROM big_history) d)
         = (SELECT stats FROM one_step) AS stats_paths_equal,
       (SELECT period_series_agg(h, 'month')::text FROM (SELECT DISTINCT ON (customer_id) h FROM big_history) d)
         = (SELECT series FROM one_step) AS series_paths_equal;

-- Cohorts and ClickHouse's aggregates in partial plans.
SET max_parallel_workers_per_gather = 0;
CREATE VIEW cohort_views AS
SELECT cohort_agg(h, 'month')::text AS c, recurring_cohort_agg(h, 'quarter', ARRAY[1, 2, 4])::text AS r
FROM big_history;
CREATE VIEW cohort_one_step AS
SELECT cohort_agg(customer_id, ordered_at, amount, 'month')::text AS c,
       recurring_cohort_agg(customer_id, ordered_at, amount, 'week')::text AS r
FROM big_orders;
CREATE VIEW clickhouse AS
SELECT segment, retention(amount < 50, amount >= 100, amount >= 150)::text AS r,
       window_funnel(interval '3 days', ordered_at, amount < 50, amount >= 100, amount >= 150) AS f
FROM big_orders GROUP BY segment;
SELECT md5(t::text) AS serial_cohorts FROM cohort_views t \gset
SELECT md5(t::text) AS serial_cohorts_one_step FROM cohort_one_step t \gset
SELECT md5(string_agg(t::text, ',' ORDER BY segment)) AS serial_clickhouse FROM clickhouse t \gset
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT * FROM cohort_one_step;
EXPLAIN (COSTS OFF) SELECT * FROM clickhouse;
SELECT md5(t::text) = :'serial_cohorts' AS cohorts_equal FROM cohort_views t;
SELECT md5(t::text) = :'serial_cohorts_one_step' AS cohorts_one_step_equal FROM cohort_one_step t;
SELECT md5(string_agg(t::text, ',' ORDER BY segment)) = :'serial_clickhouse' AS clickhouse_equal FROM clickhouse t;
