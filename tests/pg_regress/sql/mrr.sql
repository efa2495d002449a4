-- MRR movements: between two snapshots (mrr_movements) and per period (mrr_series_agg).
\pset null NULL
SET TimeZone = 'UTC';
SET DateStyle = 'ISO';
SET IntervalStyle = 'postgres';
-- ChartMogul's definition, worked by hand: starting MRR 100 from ten customers at 10; one
-- churns (10 -> 0), two contract (10 -> 5 each: contraction 10), one expands (10 -> 20:
-- expansion 10), six stay; a new customer at 15 (NULL at the start, as a FULL JOIN gives).
-- Net MRR churn = (10 + 10 - 10) / 100 = 0.10; gross = 0.20; NRR 0.90; GRR 0.80;
-- revenue churn 0.10; quick ratio = (15 + 10) / (10 + 10) = 1.25.
CREATE TABLE snapshots (customer_id int, mrr_start numeric, mrr_end numeric);
INSERT INTO snapshots VALUES (1, 10, 0), (2, 10, 5), (3, 10, 5), (4, 10, 20),
  (5, 10, 10), (6, 10, 10), (7, 10, 10), (8, 10, 10), (9, 10, 10), (10, 10, 10), (11, NULL, 15);
SELECT s, revenue_churn(s), gross_mrr_churn(s), net_mrr_churn(s), net_revenue_retention(s),
       gross_revenue_retention(s), quick_ratio(s)
FROM (SELECT mrr_movements(mrr_start, mrr_end) AS s FROM snapshots) t;
SELECT mrr_start(s), mrr_end(s), new_mrr(s), expansion_mrr(s), contraction_mrr(s), churned_mrr(s),
       customers_start(s), customers_end(s), new_customers(s), churned_customers(s),
       expanded_customers(s), contracted_customers(s)
FROM (SELECT mrr_movements(mrr_start, mrr_end) AS s FROM snapshots) t;
-- Expansion beyond the losses: net MRR churn below 0, NRR above 1; nothing lost: no quick ratio.
SELECT net_mrr_churn(s), net_revenue_retention(s), quick_ratio(s)
FROM (SELECT mrr_movements(a, b) AS s FROM (VALUES (10::numeric, 25::numeric)) v(a, b)) t;
-- Empty input and all-NULL rows give NULL.
SELECT mrr_movements(a, b) FROM (VALUES (NULL::numeric, NULL::numeric)) v(a, b);

-- Per period, from a customer x month MRR table (worked by hand):
--   A: Jan 10, Feb 15 (expansion 5), no Mar row (churn 15), Apr 10 (reactivation 10)
--   B: Feb 20 (new), Mar 12 (contraction 8), Apr 12
--   C: Jan 0 (no MRR), Mar 5 + 5 (two subscriptions: new 10), no Apr row (churn 10)
-- Jan: 0 -> 10. Feb: 10 -> 35. Mar: 35 -> 22. Apr: 22 -> 22.
CREATE TABLE mrr (customer text, month timestamptz, mrr numeric);
INSERT INTO mrr VALUES ('A', '2026-01-01', 10), ('A', '2026-02-01', 15), ('A', '2026-04-01', 10),
  ('B', '2026-02-01', 20), ('B', '2026-03-01', 12), ('B', '2026-04-01', 12),
  ('C', '2026-01-01', 0), ('C', '2026-03-01', 5), ('C', '2026-03-01', 5);
SELECT period_start, mrr_start, new_mrr, reactivation_mrr, expansion_mrr, contraction_mrr, churned_mrr, mrr_end,
       customers_start, customers_end, churned_customers, round(net_mrr_churn::numeric, 6) AS net_mrr_churn, quick_ratio
FROM periods((SELECT mrr_series_agg(customer, month, mrr, 'month') FROM mrr));
-- The same from stored histories (customer_history_agg(month, mrr) per customer).
SELECT (SELECT mrr_series_agg(customer, month, mrr, 'month') FROM mrr)::text
     = (SELECT mrr_series_agg(h, 'month') FROM (SELECT customer_history_agg(month, mrr) h FROM mrr GROUP BY customer) x)::text AS paths_equal;
-- Every row adds up: end = start + new + reactivation + expansion - contraction - churned.
SELECT bool_and(mrr_end = mrr_start + new_mrr + reactivation_mrr + expansion_mrr - contraction_mrr - churned_mrr) AS adds_up
FROM periods((SELECT mrr_series_agg(customer, month, mrr, 'month') FROM mrr));
