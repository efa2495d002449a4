-- Summaries as values (docs/values.md): =, <>, the btree and hash operator classes of every
-- stored type, and their casts to jsonb and json.
\pset null NULL
SET TimeZone = 'UTC';

-- Five orders of three customers. Worked by hand: customer 1 spends 10.25 + 1.75 = 12.00,
-- customer 2 20, customer 3 5.50 + 4.50 = 10.00.
CREATE TABLE orders_v (customer_id int, ordered_at timestamptz, amount numeric);
INSERT INTO orders_v VALUES
    (1, '2026-01-05 00:00+00', 10.25), (1, '2026-02-07 00:00+00', 1.75),
    (2, '2026-01-09 00:00+00', 20), (3, '2026-02-11 00:00+00', 5.50), (3, '2026-03-02 00:00+00', 4.50);
CREATE TABLE histories_v AS
SELECT customer_id, customer_history_agg(ordered_at, amount) AS h FROM orders_v GROUP BY customer_id;

-- Equal values, made different ways, are equal: text spelled with spaces; a rollup of two
-- parts (the combine step of a parallel plan); the text form read back. Another value is
-- not. Every same_* is true, every other_* false.
SELECT nps_agg(s) = ' ( version : 1 , counts : [1,0,0,0,0,0,0,1,0,2,1] ) '::nps_summary AS same_text,
       nps_agg(s) = (SELECT rollup(x) FROM (SELECT nps_agg(v) FROM (VALUES (10), (9)) a(v)
                     UNION ALL SELECT nps_agg(v) FROM (VALUES (9), (7), (0)) b(v)) p(x)) AS same_rollup,
       nps_agg(s) <> nps_agg(s % 9) AS other_ne,
       nps_agg(s) = nps_agg(s % 9) AS other_eq
FROM (VALUES (10), (9), (9), (7), (0)) v(s);
-- customer_stats of all three histories, and the rollup of {1, 2} and {3}: the rollup keeps
-- the revenue 42.00 at the scale of its parts, the text form reads back 42.00 at another
-- scale; both are the same value (the same text), so they are equal, and hash alike.
WITH whole AS (SELECT customer_stats_agg(h) AS s FROM histories_v),
     parts AS (SELECT rollup(s) AS s FROM (SELECT customer_stats_agg(h) FROM histories_v WHERE customer_id < 3
                                           UNION ALL SELECT customer_stats_agg(h) FROM histories_v WHERE customer_id = 3) p(s)),
     fewer AS (SELECT customer_stats_agg(h) AS s FROM histories_v WHERE customer_id < 3)
SELECT w.s = p.s AS same_rollup, w.s = w.s::text::customer_stats AS same_text,
       customer_stats_hash(w.s) = customer_stats_hash(w.s::text::customer_stats) AS same_hash,
       customer_stats_hash_extended(w.s, 7) = customer_stats_hash_extended(p.s, 7) AS same_hash_extended,
       w.s = f.s AS other
FROM whole w, parts p, fewer f;
-- customer_history: cost 10.25 + 1.75 kept at scale 2 by the aggregate; the text form
-- '12.00' reads back at scale 0: equal.
SELECT h = h::text::customer_history AS same_text, customer_history_cmp(h, h::text::customer_history) AS cmp
FROM (SELECT customer_history_agg(ordered_at, amount, 1, amount) AS h FROM orders_v WHERE customer_id = 1) v;
-- Every other type: its value equals its text read back, and differs from another value.
SELECT (SELECT r = r::text::retention_summary FROM (SELECT retention_agg(h, '2026-02-01', '2026-03-01') r FROM histories_v) x) AS retention_same,
       (SELECT s = s::text::period_series FROM (SELECT period_series_agg(h, 'month') s FROM histories_v) x) AS series_same,
       (SELECT s = s::text::mrr_series FROM (SELECT mrr_series_agg(h, 'month') s FROM histories_v) x) AS mrr_series_same,
       (SELECT s = s::text::cohort_summary FROM (SELECT cohort_agg(h, 'month') s FROM histories_v) x) AS cohort_same,
       (SELECT s = s::text::mrr_summary FROM (SELECT mrr_movements(a, b) s FROM (VALUES (10, 12), (5, 0)) m(a, b)) x) AS mrr_same,
       (SELECT s = s::text::activity_series FROM (SELECT activity_series_agg(h) s FROM histories_v) x) AS activity_same;
-- Models fitted from the same rows are equal (the same figures bit for bit); another fit
-- is not. The sBG rows are Fader & Hardie's (2007) regular customers, years 0-4.
WITH rows(p, n) AS (VALUES (0, 1000), (1, 631), (2, 468), (3, 382), (4, 326))
SELECT (SELECT sbg_fit(p, n) FROM rows) = (SELECT sbg_fit(p, n) FROM rows) AS sbg_same,
       (SELECT sbg_fit(p, n) FROM rows) = (SELECT sbg_fit(p, n) FROM rows WHERE p < 4) AS sbg_other,
       (SELECT kaplan_meier(d, c) FROM (VALUES (1.0, true), (2.5, false)) k(d, c))
         = '( version:1, durations:[1,2.50], events:[1,0], censored:[0,1] )'::survival_curve AS km_same_text;

-- A Kaplan-Meier state rolled up from two parts equals the state of all the rows; a period
-- series and a cohort grid rolled up from customers {1, 2} and {3} equal the whole.
SELECT (SELECT kaplan_meier(d, c) FROM (VALUES (1.0, true), (2.5, false), (2.5, true), (4, false)) k(d, c))
         = (SELECT rollup(s) FROM (SELECT kaplan_meier(d, c) FROM (VALUES (1.0, true), (2.5, false)) k(d, c)
                                   UNION ALL SELECT kaplan_meier(d, c) FROM (VALUES (2.5, true), (4, false)) k(d, c)) p(s)) AS km_rollup,
       (SELECT period_series_agg(h, 'month') FROM histories_v)
         = (SELECT rollup(s) FROM (SELECT period_series_agg(h, 'month') FROM histories_v WHERE customer_id < 3
                                   UNION ALL SELECT period_series_agg(h, 'month') FROM histories_v WHERE customer_id = 3) p(s)) AS series_rollup,
       (SELECT cohort_agg(h, 'month') FROM histories_v)
         = (SELECT rollup(s) FROM (SELECT cohort_agg(h, 'month') FROM histories_v WHERE customer_id < 3
                                   UNION ALL SELECT cohort_agg(h, 'month') FROM histories_v WHERE customer_id = 3) p(s)) AS cohort_rollup;

-- What equality makes work: DISTINCT, GROUP BY, UNION, EXCEPT, count(DISTINCT), a unique
-- index, a hash join. Six daily NPS summaries, three distinct (by hand: days 1 and 4, 2
-- and 5, 3 and 6 hold the same scores: 9, 10, 1; 10, 10, 2; 8, 10, 0, so NPS 33.3, 33.3, 0).
CREATE TABLE daily_v AS
SELECT d AS day, nps_agg(s) AS nps
FROM generate_series(1, 6) d, LATERAL (VALUES ((d % 3) + 8), (10), (d % 3)) v(s)
GROUP BY d;
SELECT count(*) AS distinct_values FROM (SELECT DISTINCT nps FROM daily_v) x;
SELECT count(DISTINCT nps) AS count_distinct FROM daily_v;
SELECT nps(nps), count(*) AS days FROM daily_v GROUP BY nps ORDER BY nps(nps);
SELECT count(*) AS union_rows FROM (SELECT nps FROM daily_v WHERE day <= 3 UNION SELECT nps FROM daily_v WHERE day > 3) u;
SELECT count(*) AS except_rows FROM (SELECT nps FROM daily_v EXCEPT SELECT nps FROM daily_v WHERE day = 1) e;
-- The order is a total order over the stored form (btree): twins sort together.
SELECT array_agg(day ORDER BY nps, day) AS days_in_order FROM daily_v;
-- A unique index refuses a second copy of a summary (unique_violation, 23505).
CREATE UNIQUE INDEX daily_v_nps ON daily_v (nps) WHERE day <= 3;
\set VERBOSITY terse
INSERT INTO daily_v SELECT 0, nps FROM daily_v WHERE day = 1;
\set VERBOSITY default
-- A hash join on the summary column: each of days 1-3 meets itself and its twin (3 x 2).
SET enable_mergejoin = off; SET enable_nestloop = off;
EXPLAIN (COSTS OFF) SELECT count(*) FROM daily_v a JOIN daily_v b ON a.nps = b.nps WHERE a.day <= 3;
SELECT count(*) AS hash_join_rows FROM daily_v a JOIN daily_v b ON a.nps = b.nps WHERE a.day <= 3;
RESET enable_mergejoin; RESET enable_nestloop;
-- Hash aggregation groups by the summary as well.
SET enable_sort = off;
SELECT count(*) AS hash_groups FROM (SELECT nps FROM daily_v GROUP BY nps) g;
RESET enable_sort;

-- A summary built serially equals the same summary built by a parallel plan (partial
-- aggregates on two workers, combined by the leader).
CREATE TABLE answers_v AS SELECT g AS id, g % 11 AS score FROM generate_series(1, 200000) g;
ANALYZE answers_v;
SET max_parallel_workers_per_gather = 0;
CREATE TABLE serial_v AS SELECT nps_agg(score) AS s, customer_stats_agg(h) AS st FROM answers_v, (SELECT h FROM histories_v WHERE customer_id = 1) h;
SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
EXPLAIN (COSTS OFF) SELECT nps_agg(score) FROM answers_v;
SELECT (SELECT nps_agg(score) FROM answers_v) = s AS parallel_equals_serial FROM serial_v;
RESET max_parallel_workers_per_gather; RESET parallel_setup_cost; RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;

-- JSON for drivers. nps_summary: 5 answers 10, 9, 9, 7, 0: promoters 3, passives 1,
-- detractors 1, NPS = 100 x (3 - 1) / 5 = 40.
SELECT nps_agg(s)::jsonb FROM (VALUES (10), (9), (9), (7), (0)) v(s);
SELECT nps_agg(s)::json FROM (VALUES (10), (9), (9), (7), (0)) v(s);
-- csat 1..5, satisfied from 4: 5, 4, 2 -> 2 of 3 = 66.67%; ces 7 options: 7, 6, 1 ->
-- "easy" (5-7) 2 of 3, mean 14 / 3.
SELECT csat_agg(s)::jsonb FROM (VALUES (5), (4), (2)) v(s);
SELECT ces_agg(s, 7)::jsonb FROM (VALUES (7), (6), (1)) v(s);
-- A history: its figures (money exact, as numeric) and its orders; intervals in seconds
-- (33 days = 2,851,200 s).
SELECT jsonb_pretty(h::jsonb) FROM histories_v WHERE customer_id = 1;
SELECT jsonb_pretty(customer_stats_agg(h)::jsonb) FROM histories_v;
SELECT jsonb_pretty(retention_agg(h, '2026-02-01', '2026-03-01')::jsonb) FROM histories_v;
SELECT jsonb_pretty(period_series_agg(h, 'month')::jsonb) FROM histories_v;
SELECT jsonb_pretty(mrr_movements(a, b)::jsonb) FROM (VALUES (10, 12), (5, 0)) m(a, b);
SELECT jsonb_pretty(mrr_series_agg(h, 'month')::jsonb) FROM histories_v;
SELECT jsonb_pretty(cohort_agg(h, 'month')::jsonb) FROM histories_v;
WITH rows(p, n) AS (VALUES (0, 1000), (1, 631), (2, 468), (3, 382), (4, 326))
SELECT jsonb_pretty(sbg_fit(p, n)::jsonb) FROM rows;
SELECT jsonb_pretty(kaplan_meier(d, c)::jsonb) FROM (VALUES (1.0, true), (2.5, false)) k(d, c);
-- to_jsonb and row_to_json of a row with summary columns nest each summary's JSON (they
-- use the type's cast to json).
SELECT to_jsonb(d) FROM daily_v d WHERE day = 1;
SELECT row_to_json(d) FROM daily_v d WHERE day = 1;
