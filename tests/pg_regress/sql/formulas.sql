-- The plain formulas over counts, for BI calculated fields. Each value is worked by hand.
\pset null NULL

-- CRR = (E - N) / S = (180 - 40) / 200 = 0.7
SELECT crr(customers_start => 200, customers_end => 180, new_customers => 40);
-- retention_rate(start, end, new), the formula's name up to 0.2.0, is the same function
SELECT retention_rate(customers_start => 200, customers_end => 180, new_customers => 40) AS alias_of_crr;
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
SELECT crr(0, 5, 5), churn_rate(0, 0), revenue_churn(0, 0), repeat_purchase_rate(0, 0),
       return_rate(0, 0), conversion_rate(0, 0), cac(100, 0), wilson_ci(0, 0);
SELECT churn_rate(NULL, 1), clv(1, NULL, 1);

-- [range] Impossible input is an error that names the value.
SELECT sqlstate_of($$SELECT churn_rate(10, 11)$$);
SELECT sqlstate_of($$SELECT crr(10, 5, 6)$$);
SELECT sqlstate_of($$SELECT crr(10, 30, 5)$$);
-- [negative] A negative count.
SELECT sqlstate_of($$SELECT repeat_purchase_rate(-1, 10)$$);
-- [nan] NaN and infinite counts.
SELECT sqlstate_of($$SELECT return_rate('NaN', 10)$$);
SELECT sqlstate_of($$SELECT cac('Infinity', 10)$$);
-- [huge] A product past double precision.
SELECT sqlstate_of($$SELECT clv(1e200, 1e200, 1e200)$$);
-- [range] More successes than trials, a level outside (0, 1).
SELECT sqlstate_of($$SELECT wilson_ci(8, 7)$$);
SELECT sqlstate_of($$SELECT wilson_ci(1, 7, 1.5)$$);

-- Bad input, kind by kind (the kinds in brackets; docs/errors.md counts them per function).
SELECT q, sqlstate_of(q) FROM (VALUES
  -- [range] churn_rate: the part greater than the whole
  ($$SELECT churn_rate(10, 11)$$),
  -- [negative] churn_rate: a negative part or whole
  ($$SELECT churn_rate(10, -1)$$),
  ($$SELECT churn_rate(-10, 1)$$),
  -- [null] churn_rate: a NULL argument gives NULL (STRICT)
  ($$SELECT churn_rate(10, NULL)$$),
  -- [empty] churn_rate: a whole of 0 gives NULL, not a division error
  ($$SELECT churn_rate(0, 0)$$),
  -- [huge] churn_rate: the largest doubles are valid counts: accepted
  ($$SELECT churn_rate(1.7976931348623157e308, 1e308)$$),
  -- [nan] churn_rate: NaN and infinite arguments
  ($$SELECT churn_rate(10, 'NaN')$$),
  ($$SELECT churn_rate('Infinity', 1)$$),
  -- [range] revenue_churn: the part greater than the whole
  ($$SELECT revenue_churn(11, 10)$$),
  -- [negative] revenue_churn: a negative part or whole
  ($$SELECT revenue_churn(-1, 10)$$),
  ($$SELECT revenue_churn(1, -10)$$),
  -- [null] revenue_churn: a NULL argument gives NULL (STRICT)
  ($$SELECT revenue_churn(NULL, 10)$$),
  -- [empty] revenue_churn: a whole of 0 gives NULL, not a division error
  ($$SELECT revenue_churn(0, 0)$$),
  -- [huge] revenue_churn: the largest doubles are valid counts: accepted
  ($$SELECT revenue_churn(1e308, 1.7976931348623157e308)$$),
  -- [nan] revenue_churn: NaN and infinite arguments
  ($$SELECT revenue_churn('NaN', 10)$$),
  ($$SELECT revenue_churn(1, 'Infinity')$$),
  -- [range] repeat_purchase_rate: the part greater than the whole
  ($$SELECT repeat_purchase_rate(11, 10)$$),
  -- [negative] repeat_purchase_rate: a negative part or whole
  ($$SELECT repeat_purchase_rate(-1, 10)$$),
  ($$SELECT repeat_purchase_rate(1, -10)$$),
  -- [null] repeat_purchase_rate: a NULL argument gives NULL (STRICT)
  ($$SELECT repeat_purchase_rate(NULL, 10)$$),
  -- [empty] repeat_purchase_rate: a whole of 0 gives NULL, not a division error
  ($$SELECT repeat_purchase_rate(0, 0)$$),
  -- [huge] repeat_purchase_rate: the largest doubles are valid counts: accepted
  ($$SELECT repeat_purchase_rate(1e308, 1.7976931348623157e308)$$),
  -- [nan] repeat_purchase_rate: NaN and infinite arguments
  ($$SELECT repeat_purchase_rate('NaN', 10)$$),
  ($$SELECT repeat_purchase_rate(1, 'Infinity')$$),
  -- [range] return_rate: the part greater than the whole
  ($$SELECT return_rate(11, 10)$$),
  -- [negative] return_rate: a negative part or whole
  ($$SELECT return_rate(-1, 10)$$),
  ($$SELECT return_rate(1, -10)$$),
  -- [null] return_rate: a NULL argument gives NULL (STRICT)
  ($$SELECT return_rate(NULL, 10)$$),
  -- [empty] return_rate: a whole of 0 gives NULL, not a division error
  ($$SELECT return_rate(0, 0)$$),
  -- [huge] return_rate: the largest doubles are valid counts: accepted
  ($$SELECT return_rate(1e308, 1.7976931348623157e308)$$),
  -- [nan] return_rate: NaN and infinite arguments
  ($$SELECT return_rate('NaN', 10)$$),
  ($$SELECT return_rate(1, 'Infinity')$$),
  -- [range] conversion_rate: the part greater than the whole
  ($$SELECT conversion_rate(11, 10)$$),
  -- [negative] conversion_rate: a negative part or whole
  ($$SELECT conversion_rate(-1, 10)$$),
  ($$SELECT conversion_rate(1, -10)$$),
  -- [null] conversion_rate: a NULL argument gives NULL (STRICT)
  ($$SELECT conversion_rate(NULL, 10)$$),
  -- [empty] conversion_rate: a whole of 0 gives NULL, not a division error
  ($$SELECT conversion_rate(0, 0)$$),
  -- [huge] conversion_rate: the largest doubles are valid counts: accepted
  ($$SELECT conversion_rate(1e308, 1.7976931348623157e308)$$),
  -- [nan] conversion_rate: NaN and infinite arguments
  ($$SELECT conversion_rate('NaN', 10)$$),
  ($$SELECT conversion_rate(1, 'Infinity')$$),
  -- [range] crr: more new customers than at the end, or than could be retained
  ($$SELECT crr(10, 5, 6)$$),
  ($$SELECT crr(10, 30, 5)$$),
  -- [negative] crr: negative counts
  ($$SELECT crr(-1, 5, 1)$$),
  ($$SELECT crr(10, 5, -1)$$),
  -- [null] crr: a NULL argument gives NULL (STRICT)
  ($$SELECT crr(10, NULL, 1)$$),
  -- [empty] crr: no customers at the start gives NULL
  ($$SELECT crr(0, 5, 5)$$),
  -- [huge] crr: the largest doubles: accepted
  ($$SELECT crr(1.7976931348623157e308, 1e308, 0)$$),
  -- [nan] crr: NaN and infinite counts
  ($$SELECT crr('NaN', 5, 1)$$),
  ($$SELECT crr(10, 'Infinity', 1)$$),
  -- [negative] clv: negative factors
  ($$SELECT clv(-1, 2, 3)$$),
  ($$SELECT clv(1, 2, -3)$$),
  -- [null] clv: a NULL factor gives NULL (STRICT)
  ($$SELECT clv(1, NULL, 3)$$),
  -- [huge] clv: a product past double precision is 22003; one just inside is accepted
  ($$SELECT clv(1e300, 1e10, 1)$$),
  ($$SELECT clv(1e300, 1e-300, 1e300)$$),
  -- [nan] clv: NaN and infinite factors, even beside a factor of 0
  ($$SELECT clv('NaN', 2, 3)$$),
  ($$SELECT clv(0, 'Infinity', 3)$$),
  -- [negative] cac: a negative spend or number of customers
  ($$SELECT cac(-1, 10)$$),
  ($$SELECT cac(10, -1)$$),
  -- [null] cac: a NULL argument gives NULL (STRICT)
  ($$SELECT cac(NULL, 10)$$),
  -- [empty] cac: no new customers gives NULL
  ($$SELECT cac(100, 0)$$),
  -- [huge] cac: a quotient past double precision is 22003 (it was Infinity)
  ($$SELECT cac(1e308, 1e-308)$$),
  ($$SELECT cac(1e308, 1)$$),
  -- [nan] cac: NaN and infinite arguments
  ($$SELECT cac(10, 'NaN')$$),
  ($$SELECT cac('-Infinity', 10)$$),
  -- [range] wilson_ci: a level of 0 or 1; fractional counts are valid: accepted
  ($$SELECT wilson_ci(1, 7, 0)$$),
  ($$SELECT wilson_ci(1, 7, 1)$$),
  ($$SELECT wilson_ci(1.5, 7)$$),
  -- [negative] wilson_ci: negative counts or level
  ($$SELECT wilson_ci(-1, 7)$$),
  ($$SELECT wilson_ci(1, 7, -0.95)$$),
  -- [null] wilson_ci: a NULL argument gives NULL (STRICT)
  ($$SELECT wilson_ci(1, 7, NULL)$$),
  -- [empty] wilson_ci: no trials gives NULL
  ($$SELECT wilson_ci(0, 0)$$),
  -- [huge] wilson_ci: the largest doubles, and a level next to 1: accepted (values below)
  ($$SELECT wilson_ci(1e308, 1.7976931348623157e308)$$),
  ($$SELECT wilson_ci(1, 7, 0.9999999999999999)$$),
  -- [nan] wilson_ci: NaN and infinite arguments
  ($$SELECT wilson_ci('NaN', 7)$$),
  ($$SELECT wilson_ci(1, 7, 'Infinity')$$)
) v(q);
-- The accepted extremes: shares of the largest doubles are exact; the Wilson interval at a
-- level next to 1 is finite and within [0, 1].
SELECT churn_rate(1.7976931348623157e308, 1e308) AS churn, crr(1.7976931348623157e308, 1e308, 0) AS crr,
       clv(1e300, 1e-300, 1e300) AS clv;
SELECT * FROM wilson_ci(1e308, 1.7976931348623157e308);
SELECT round(lower::numeric, 6) AS lower, round(upper::numeric, 6) AS upper FROM wilson_ci(1, 7, 0.9999999999999999);
