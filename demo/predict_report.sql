-- The predictive part of the demo: the "buy 'til you die" models fitted on the CDNOW
-- purchase log inside PostgreSQL, and what they say about each customer.
SET TimeZone = 'UTC';
\pset null '-'
\echo
\echo 'pg_retention demo: who is still a customer, and what each is worth (CDNOW)'
\echo '==========================================================================='
\echo 'RFM per customer in days at the end of the log, 1998-06-30, as lifetimes computes it:'
\echo 'frequency = repeat purchase days, recency = first to last purchase, T = first purchase to the'
\echo 'end, spend = mean amount of the repeat purchase days'
-- One rfm() call per customer (LATERAL, not (rfm(...)).*, which would call it once per column).
CREATE TEMP TABLE customer_rfm AS
SELECT customer_id, r.* FROM customer_histories, LATERAL rfm(h, '1998-06-30', 'day') r WHERE r.t > 0;
SELECT count(*) AS customers, count(*) FILTER (WHERE frequency > 0) AS "repeat customers",
       round(avg(frequency), 2) AS "mean frequency", round(avg(recency)) AS "mean recency",
       round(avg(t)) AS "mean T",
       round(avg(monetary_value) FILTER (WHERE frequency > 0), 2) AS "mean repeat spend",
       round(corr(frequency, monetary_value) FILTER (WHERE frequency > 0)::numeric, 3) AS "corr(frequency, spend)"
FROM customer_rfm;

\echo
\echo 'BG/NBD (purchases and dropout) and Gamma-Gamma (spend per purchase, taken as independent of'
\echo 'frequency: corr above) fitted in Postgres, lifetimes-compatible (BetaGeoFitter, GammaGammaFitter);'
\echo 'alpha is in days (lifetimes in weeks: alpha / 7); Gamma-Gamma fits repeat customers with spend > 0'
CREATE TEMP TABLE models AS
SELECT bgnbd_fit(frequency, recency, t) AS purchases,
       gamma_gamma_fit(frequency, monetary_value) FILTER (WHERE monetary_value > 0) AS spend
FROM customer_rfm;
SELECT 'BG/NBD' AS model,
       format('r %s  alpha %s  a %s  b %s', round(p.r::numeric, 4), round(p.alpha::numeric, 3),
              round(p.a::numeric, 4), round(p.b::numeric, 4)) AS parameters,
       round(f.log_likelihood::numeric, 2) AS "log-likelihood", f.customers, f.iterations, f.converged
FROM models, parameters(purchases) p, fit_info(purchases) f
UNION ALL
SELECT 'Gamma-Gamma',
       format('p %s  q %s  v %s  (mean spend %s)', round(p.p::numeric, 4), round(p.q::numeric, 4),
              round(p.v::numeric, 3), round(expected_average_spend(spend)::numeric, 2)),
       round(f.log_likelihood::numeric, 2), f.customers, f.iterations, f.converged
FROM models, parameters(spend) p, fit_info(spend) f;

-- Every customer's outlook, computed once for the tables below.
CREATE TEMP TABLE outlook AS
SELECT c.*, probability_alive(purchases, frequency, recency, t) AS p_alive,
       expected_purchases(purchases, 90, frequency, recency, t) AS next_90_days,
       clv(purchases, spend, frequency, recency, t, monetary_value, 12, 0.01) AS clv_12m
FROM customer_rfm c, models;

\echo
\echo 'P(alive) at 1998-06-30, the chance that a customer has not dropped out. BG/NBD lets customers drop'
\echo 'out only after a repeat purchase, so one-time buyers all get 1; a repeat customer long silent for'
\echo 'its pace gets a low one (mean frequency and days since last purchase: of the repeat customers)'
SELECT (10 * (b - 1)) || '-' || (10 * b) || '%' AS "P(alive)", count(*) AS customers,
       round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS "%",
       count(*) FILTER (WHERE frequency = 0) AS "one-time buyers",
       round(avg(frequency) FILTER (WHERE frequency > 0), 2) AS "mean frequency",
       round(avg(t - recency) FILTER (WHERE frequency > 0)) AS "days since last",
       round(sum(next_90_days)) AS "purchases next 90 days"
FROM (SELECT *, least(width_bucket(p_alive, 0, 1, 10), 10) AS b FROM outlook) t
GROUP BY b ORDER BY b;

\echo
\echo 'Top 10 customers by predicted CLV: expected purchases x Gamma-Gamma spend per purchase over the'
\echo 'next 12 months (of 30 days), discounted 1% a month; recency and T in days'
SELECT customer_id, frequency, recency, t AS "T", round(monetary_value, 2) AS spend,
       round(p_alive::numeric, 3) AS "P(alive)", round(next_90_days::numeric, 2) AS "purchases next 90 days",
       round(clv_12m::numeric, 2) AS "CLV 12 months"
FROM outlook ORDER BY clv_12m DESC LIMIT 10;

\echo
\echo 'All customers: predicted purchases in the next 90 days and 12-month CLV, summed, beside the last'
\echo '90 days (purchase days) and 12 months (revenue) of the log'
SELECT count(*) AS customers, round(sum(next_90_days)) AS "purchases next 90 days",
       (SELECT count(DISTINCT (customer_id, ordered_at::date)) FROM orders
        WHERE ordered_at >= date '1998-06-30' - 89) AS "last 90 days",
       round(sum(clv_12m)::numeric, 2) AS "CLV 12 months", round(avg(clv_12m)::numeric, 2) AS "mean CLV",
       (SELECT sum(amount) FROM orders WHERE ordered_at >= date '1998-07-01' - interval '12 months') AS "revenue last 12 months"
FROM outlook;
