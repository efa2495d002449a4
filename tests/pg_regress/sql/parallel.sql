-- Partial (parallel) plans give exactly the serial answer for every aggregate.
-- Forcing a real partial plan on PostgreSQL 15 needs all four settings; force_parallel_mode
-- alone only adds a Gather and never calls the combine function.
CREATE TABLE big AS
SELECT g AS id, ((g * 7919) % 11)::int AS nps_score, ((g * 104729) % 5 + 1)::int AS csat_score,
       ((g * 15485863) % 7 + 1)::int AS ces_score, g % 4 AS grp
FROM generate_series(1::bigint, 200000) g;
ANALYZE big;
CREATE VIEW all_aggregates AS
SELECT nps(nps_score)::text AS nps, nps_agg(nps_score)::text AS nps_agg,
       csat(csat_score)::text AS csat, csat(csat_score, 1, 5, 5)::text AS csat_top,
       csat_agg(csat_score)::text AS csat_agg, csat_agg(csat_score, 1, 5, 5)::text AS csat_agg_top,
       ces(ces_score, 7)::text AS ces, ces_mean(ces_score, 7)::text AS ces_mean,
       ces_agg(ces_score, 7)::text AS ces_agg
FROM big;
CREATE VIEW grouped AS
SELECT grp, nps_agg(nps_score)::text AS nps, csat_agg(csat_score)::text AS csat, ces_agg(ces_score, 7)::text AS ces
FROM big GROUP BY grp;
CREATE TABLE big_daily AS
SELECT id % 10 AS day, nps_agg(nps_score) AS nps, csat_agg(csat_score) AS csat, ces_agg(ces_score, 7) AS ces
FROM big GROUP BY 1;
-- Enough rows that a parallel scan of the stored summaries is planned too.
INSERT INTO big_daily SELECT day, nps, csat, ces FROM big_daily, generate_series(1, 5000);
ANALYZE big_daily;
CREATE VIEW rollups AS
SELECT rollup(nps)::text AS nps, rollup(csat)::text AS csat, rollup(ces)::text AS ces FROM big_daily;

SET max_parallel_workers_per_gather = 0;
SELECT md5(string_agg(t::text, ',')) AS serial_all FROM all_aggregates t \gset
SELECT md5(string_agg(t::text, ',' ORDER BY grp)) AS serial_grouped FROM grouped t \gset
SELECT md5(string_agg(t::text, ',')) AS serial_rollups FROM rollups t \gset
EXPLAIN (COSTS OFF) SELECT * FROM all_aggregates;

SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT * FROM all_aggregates;
-- Two workers launched, each running the partial aggregate (loops=3 with the leader).
-- PostgreSQL 18 prints EXPLAIN ANALYZE's row counts with two decimals: its output is
-- expected/parallel_1.out, and tests/sql_tier.sh checks that each version matched its own
-- file. (BUFFERS OFF: 18 shows them by default, and their counts depend on the cache.)
EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF, BUFFERS OFF) SELECT nps(nps_score) FROM big;
EXPLAIN (COSTS OFF) SELECT * FROM grouped;
EXPLAIN (COSTS OFF) SELECT * FROM rollups;
SELECT md5(string_agg(t::text, ',')) = :'serial_all' AS all_equal FROM all_aggregates t;
SELECT md5(string_agg(t::text, ',' ORDER BY grp)) = :'serial_grouped' AS grouped_equal FROM grouped t;
SELECT md5(string_agg(t::text, ',')) = :'serial_rollups' AS rollups_equal FROM rollups t;
-- The figures themselves, against hand-written SQL over the same rows.
SELECT nps(nps_score) = 100.0 * (count(*) FILTER (WHERE nps_score >= 9) - count(*) FILTER (WHERE nps_score <= 6)) / count(*) AS nps_ok,
       csat(csat_score) = (count(*) FILTER (WHERE csat_score >= 4))::float8 / count(*) AS csat_ok,
       abs(ces(ces_score, 7) - avg(ces_score)::float8 / 7 * 100) < 1e-9 AS ces_ok
FROM big;
