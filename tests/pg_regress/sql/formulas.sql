-- The plain formulas over counts, for BI calculated fields. Each value is worked by hand.
\pset null NULL

-- CRR = (E - N) / S = (180 - 40) / 200 = 0.7
SELECT retention_rate(customers_start => 200, customers_end => 180, new_customers => 40);
-- 15 of 300 customers lost = 0.05; 2,500 of 50,000 MRR churned = 0.05
SELECT churn_rate(300, 15), revenue_churn(2500, 50000);
-- 27 of 100 customers with 2+ orders; 3 of 120 items returned; 30 of 1,200 leads converted
SELECT repeat_purchase_rate(27, 100), return_rate(3, 120), conversion_rate(30, 1200);
-- 50 per order x 4 orders a year x 3 years = 600; 10,000 spend / 250 customers = 40
SELECT clv(50, 4, 3), cac(10000, 250);
-- Wilson 95% for 7 of 50: statsmodels proportion_confint(7, 50, method='wilson')
-- = (0.0695083, 0.2618619); with alpha=0.10: (0.0777209, 0.2392390)
SELECT round(lower::numeric, 6) AS lower, round(upper::numeric, 6) AS upper FROM wilson_ci(7, 50);
SELECT round(lower::numeric, 6) AS lower, round(upper::numeric, 6) AS upper FROM wilson_ci(7, 50, 0.90);

-- Any numeric column type works: bigint counts, numeric sums, double precision.
SELECT churn_rate(count(*), count(*) FILTER (WHERE lost)), churn_rate(sum(n), sum(n) FILTER (WHERE lost))
FROM (VALUES (true, 2::bigint), (false, 3::bigint), (false, 5::bigint)) v(lost, n);

-- Zero denominators give NULL; NULL arguments give NULL.
SELECT retention_rate(0, 5, 5), churn_rate(0, 0), revenue_churn(0, 0), repeat_purchase_rate(0, 0),
       return_rate(0, 0), conversion_rate(0, 0), cac(100, 0), wilson_ci(0, 0);
SELECT churn_rate(NULL, 1), clv(1, NULL, 1);

-- Impossible input is an error that names the value.
SELECT sqlstate_of($$SELECT churn_rate(10, 11)$$);
SELECT sqlstate_of($$SELECT retention_rate(10, 5, 6)$$);
SELECT sqlstate_of($$SELECT retention_rate(10, 30, 5)$$);
SELECT sqlstate_of($$SELECT repeat_purchase_rate(-1, 10)$$);
SELECT sqlstate_of($$SELECT return_rate('NaN', 10)$$);
SELECT sqlstate_of($$SELECT cac('Infinity', 10)$$);
SELECT sqlstate_of($$SELECT clv(1e200, 1e200, 1e200)$$);
SELECT sqlstate_of($$SELECT wilson_ci(8, 7)$$);
SELECT sqlstate_of($$SELECT wilson_ci(1, 7, 1.5)$$);
