-- The plain formulas, for BI calculated fields over counts a shop already has.
-- Arguments are double precision so that integer, bigint, numeric (sum of bigint) and
-- double precision columns all call them without casts. Rates are fractions in [0, 1].
-- NULL in, NULL out (STRICT); a zero denominator gives NULL; impossible input is an error.

-- The row every interval function returns (wilson_ci, nps_ci, csat_ci, ces_ci, ces_mean_ci,
-- retention_ci, churn_ci, repeat_purchase_ci): a named type, so that CREATE TABLE AS, views
-- and materialized views can store it and drivers can read its fields.
CREATE TYPE @extschema@.confidence_interval AS (lower double precision, upper double precision);
COMMENT ON TYPE @extschema@.confidence_interval IS
    'A confidence interval (lower, upper), the result of wilson_ci, nps_ci, csat_ci, ces_ci, '
    'ces_mean_ci, retention_ci, churn_ci and repeat_purchase_ci; each function says its unit '
    '(points, fractions, the score scale). Read a bound with (f(...)).lower.';

CREATE FUNCTION @extschema@.crr(customers_start double precision, customers_end double precision, new_customers double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'pgr_retention_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.crr(double precision, double precision, double precision) IS
    'Customer retention rate CRR = (customers_end - new_customers) / customers_start, a '
    'fraction in [0, 1]. NULL when customers_start = 0; error 22023 on negative counts or more '
    'new or retained customers than possible.';
-- The name of 0.1.0 and 0.2.0, kept so that their queries run; it shared the name
-- retention_rate with the one-step aggregate, the summary read-out and the sBG projection.
CREATE FUNCTION @extschema@.retention_rate(customers_start double precision, customers_end double precision, new_customers double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'pgr_retention_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_rate(double precision, double precision, double precision) IS
    'Alias of crr(customers_start, customers_end, new_customers), the CRR formula over '
    'counts, kept from 0.2.0; new queries should call crr().';

CREATE FUNCTION @extschema@.churn_rate(customers_start double precision, customers_lost double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'pgr_churn_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.churn_rate(double precision, double precision) IS
    'Customer churn rate = customers_lost / customers_start, a fraction in [0, 1]. NULL when '
    'customers_start = 0; error 22023 when customers_lost > customers_start or a count is '
    'negative.';

CREATE FUNCTION @extschema@.revenue_churn(mrr_churned double precision, mrr_start double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'pgr_revenue_churn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.revenue_churn(double precision, double precision) IS
    'Revenue (MRR) churn rate = mrr_churned / mrr_start, a fraction in [0, 1]. NULL when '
    'mrr_start = 0; error 22023 when mrr_churned > mrr_start or an amount is negative.';

CREATE FUNCTION @extschema@.repeat_purchase_rate(repeat_customers double precision, customers double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'pgr_repeat_purchase_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.repeat_purchase_rate(double precision, double precision) IS
    'Repeat purchase rate = repeat_customers (two or more orders) / customers, a fraction in '
    '[0, 1]. NULL when customers = 0; error 22023 when repeat_customers > customers or a count '
    'is negative.';

CREATE FUNCTION @extschema@.return_rate(items_returned double precision, items_sold double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'pgr_return_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.return_rate(double precision, double precision) IS
    'Product return rate = items_returned / items_sold, a fraction in [0, 1] (count returns '
    'against the sales they came from). NULL when items_sold = 0; error 22023 when '
    'items_returned > items_sold or a count is negative.';

CREATE FUNCTION @extschema@.conversion_rate(customers double precision, leads double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'pgr_conversion_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.conversion_rate(double precision, double precision) IS
    'Conversion rate = customers / leads, a fraction in [0, 1]. NULL when leads = 0; error '
    '22023 when customers > leads or a count is negative.';

CREATE FUNCTION @extschema@.clv(avg_order_value double precision, purchase_frequency double precision, customer_lifespan double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'pgr_clv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.clv(double precision, double precision, double precision) IS
    'Historic customer lifetime value = avg_order_value x purchase_frequency x '
    'customer_lifespan, in the currency of avg_order_value (frequency per unit of time, '
    'lifespan in the same unit). Error 22023 on negative input, 22003 on overflow.';

CREATE FUNCTION @extschema@.cac(acquisition_spend double precision, new_customers double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'pgr_cac' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cac(double precision, double precision) IS
    'Customer acquisition cost = acquisition_spend / new_customers, in the currency of the '
    'spend. NULL when new_customers = 0; error 22023 on negative input.';

CREATE FUNCTION @extschema@.wilson_ci(successes double precision, trials double precision, confidence double precision DEFAULT 0.95)
RETURNS @extschema@.confidence_interval
AS 'MODULE_PATHNAME', 'pgr_wilson_ci_typed' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.wilson_ci(double precision, double precision, double precision) IS
    'Wilson score interval (lower, upper) for the proportion successes / trials at the given '
    'confidence level (a fraction, default 0.95). NULL when trials = 0; error 22023 when '
    'successes > trials, a count is negative or confidence is not strictly between 0 and 1.';
