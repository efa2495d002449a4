-- pg_retention 0.2.0 -> 0.3.0, run by ALTER EXTENSION pg_retention UPDATE.
-- (Refuse to run outside it, as contrib's scripts do.)
\echo Use "ALTER EXTENSION pg_retention UPDATE TO '0.3.0'" to load this file. \quit

-- 0.3.0 makes the extension at home in the tools analysts use (BI tools that parse SQL,
-- drivers, dbt). Each section below names the change of the SQL surface it carries.

-- Names of their own for the CRR formula and the sBG projection (src/formulas.sql,
-- src/predict/models.sql): `retention_rate` also names the one-step aggregate and the read-out
-- of a retention_summary. The old names stay, as aliases calling the same C functions.
CREATE FUNCTION @extschema@.crr(customers_start double precision, customers_end double precision, new_customers double precision)
RETURNS double precision
AS 'MODULE_PATHNAME', 'pgr_retention_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.crr(double precision, double precision, double precision) IS
    'Customer retention rate CRR = (customers_end - new_customers) / customers_start, a '
    'fraction in [0, 1]. NULL when customers_start = 0; error 22023 on negative counts or more '
    'new or retained customers than possible.';
COMMENT ON FUNCTION @extschema@.retention_rate(double precision, double precision, double precision) IS
    'Alias of crr(customers_start, customers_end, new_customers), the CRR formula over '
    'counts, kept from 0.2.0; new queries should call crr().';
CREATE FUNCTION @extschema@.projected_retention_rate(m @extschema@.sbg_model, t double precision) RETURNS double precision
AS 'MODULE_PATHNAME', 'sbg_retention_rate' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.projected_retention_rate(@extschema@.sbg_model, double precision) IS
    'Projected retention rate of period t, S(t) / S(t - 1) = (beta + t - 1) / (alpha + beta + '
    't - 1) (FH 2007 eq. 8).';
COMMENT ON FUNCTION @extschema@.retention_rate(@extschema@.sbg_model, double precision) IS
    'Alias of projected_retention_rate(m, t), the sBG model''s projected retention rate of '
    'period t, kept from 0.2.0; new queries should call projected_retention_rate().';

-- Why retention_rate and churn_rate cannot be charted under GROUP BY month, said where
-- \dd and a BI tool's function list show it.
COMMENT ON AGGREGATE @extschema@.retention_rate(anyelement, timestamptz, timestamptz, timestamptz) IS
    'Customer retention rate: of the customers with an order in [period_start - L, '
    'period_start), L = period_end - period_start, the share (a fraction in [0, 1]) with an '
    'order in [period_start, period_end). NULL when that base is empty. It needs both '
    'periods'' orders in one group, so under GROUP BY date_trunc(''month'', ordered_at) each '
    'group lacks the previous month and answers NULL (or 0); for a chart by period use '
    'periods(period_series_agg(customer_id, ordered_at, amount, ''month'')), one row per '
    'month (docs/orders.md, Charting a metric by period).';
COMMENT ON AGGREGATE @extschema@.churn_rate(anyelement, timestamptz, timestamptz, timestamptz) IS
    'Customer churn rate = 1 - retention_rate(customer_id, ordered_at, period_start, '
    'period_end): the share of the previous period''s customers with no order in '
    '[period_start, period_end). NULL when that base is empty. Like retention_rate it cannot '
    'be charted under GROUP BY month; periods(period_series_agg(...)) gives the churn_rate of '
    'every period in one call.';
