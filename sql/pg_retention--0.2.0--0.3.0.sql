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
-- ---------------------------------------------------------------------------------------
-- Issue 16 items 4 and 7 (shapes): named composite result types for the interval and
-- record functions; a `date` column (and cohort_date) for the period read-outs; the session
-- TimeZone of the zone-less aggregates in their COMMENTs.
--
-- What has to change: nps_ci, csat_ci, ces_ci, ces_mean_ci, wilson_ci, retention_ci,
-- churn_ci, repeat_purchase_ci, rfm, rfm_holdout, parameters and fit_info returned
-- `record` with OUT parameters and now return named composite types (same columns, same
-- order); periods(), cohort_table() and bracket_retention() get columns appended. PostgreSQL
-- cannot change a result type with CREATE OR REPLACE FUNCTION ("cannot change return type
-- of existing function"), and DROP FUNCTION + CREATE FUNCTION fails in every database with
-- a view over one of them ("cannot drop function ... because other objects depend on it"):
-- release 0.2.0's own upgrade fixture has such views (nps_by_channel reads
-- (metrics.nps_ci(...)).lower, customer_rfm reads LATERAL metrics.rfm(h, ...) r with r.*,
-- the materialized view models sits on it). DROP ... CASCADE would silently drop a shop's
-- views; asking shops to drop and recreate their views is the breakage this must avoid.
--
-- The alternatives fail too: re-creating a shop's views with CREATE OR REPLACE VIEW from
-- pg_get_viewdef is refused inside an extension script for objects the extension does not
-- own (PostgreSQL's defence against extension scripts replacing user objects), there is no
-- CREATE OR REPLACE for materialized views, and new functions under new names beside the
-- old ones would leave the upgraded catalog unlike a fresh install, with the shops' views
-- bound to the old records for ever.
--
-- So the functions keep their OIDs and their pg_proc rows are changed in place, as
-- contrib's upgrade scripts did before ALTER FUNCTION could (the 9.6 scripts that fixed
-- GiST support signatures with UPDATE pg_catalog.pg_proc SET proargtypes = ...). The script runs as a superuser (the extension is trusted: PostgreSQL runs
-- a trusted extension's scripts as the bootstrap superuser), which may update the catalogs;
-- the UPDATE sends the cache invalidations (other sessions and cached plans see the new
-- row, fmgr re-reads prosrc because the row's xmin changed).
--
-- Why views and materialized views stay valid: a stored query refers to the function by
-- OID and to its result columns by number and type:
--   - (f(...)).lower is a FieldSelect (field 1, float8) over the call; at run time the field
--     is read by number from the row the function returns (ExecEvalFieldSelect takes the
--     descriptor from the datum's own header), and the columns keep number, name and type;
--   - LATERAL f(...) r with r.* stored Vars by column number; the function scan builds its
--     row descriptor from the current pg_proc row (now the composite type, same columns);
--   - a whole row f(...)::text or to_jsonb(f(...)) prints the same (a view column cannot
--     be of type record, so no stored column changes type);
--   - SELECT * FROM periods(s) in a view stored the 19 columns it had; the scan now gets
--     20 and PostgreSQL ignores the columns beyond the ones the query was parsed with
--     (RangeTblFunction.funccolcount: "the function may now return more columns than it
--     did when the plan was made"), so the view keeps its columns;
--   - the one thing a stored call records about the result is its type (FuncExpr's
--     funcresulttype, record), which the planner checks when it fills in default
--     arguments: it is rewritten below.
-- A new query parsed after the update sees the named type and the new columns, as in a
-- fresh install, and pg_dump of an upgraded database restores (a view's definition is
-- printed by column name). tests/upgrade_check.sh proves all of this on the release's
-- views and on tests/fixtures/upgrade_objects.sql (every form above, a BEGIN ATOMIC body,
-- a PL/pgSQL caller), before and after the update, after REFRESH and after pg_dump /
-- pg_restore; it also stores the new rows with CREATE TABLE AS in a session that called
-- the functions before the update.
--
-- What the update writes is what CREATE FUNCTION of a fresh install writes:
--   - named results: prorettype = the type, no OUT arguments (proallargtypes, proargmodes
--     NULL, proargnames the input names), prosrc the new C symbol (0.2.0's catalog keeps
--     calling the old symbol with its OUT record until this runs: both stay exported), and
--     the normal dependency of the function on its result type in pg_depend;
--   - appended columns: the OUT arguments appended to proallargtypes, proargmodes and
--     proargnames (their type, date, is pinned: no pg_depend row), prosrc the new symbol.
-- tests/fixtures/extension_schema.sql compares all of these (and the dependencies) with a
-- fresh install. The C functions read their row shape from the catalog at each call
-- (get_call_result_type; the descriptor cache in src/pg/fmgr.rs is emptied when pg_proc
-- changes), so a session that called them before the update gets the new shape after it.

CREATE TYPE @extschema@.confidence_interval AS (lower double precision, upper double precision);
COMMENT ON TYPE @extschema@.confidence_interval IS
    'A confidence interval (lower, upper), the result of wilson_ci, nps_ci, csat_ci, ces_ci, '
    'ces_mean_ci, retention_ci, churn_ci and repeat_purchase_ci; each function says its unit '
    '(points, fractions, the score scale). Read a bound with (f(...)).lower.';

CREATE TYPE @extschema@.rfm_values AS (
    frequency bigint, recency double precision, t double precision, monetary_value numeric);
COMMENT ON TYPE @extschema@.rfm_values IS
    'One customer''s RFM values as lifetimes computes them (frequency, recency, t, '
    'monetary_value), the result of rfm().';

CREATE TYPE @extschema@.rfm_holdout_values AS (
    frequency_cal bigint, recency_cal double precision, t_cal double precision,
    monetary_value_cal numeric, frequency_holdout bigint, monetary_value_holdout numeric,
    duration_holdout double precision);
COMMENT ON TYPE @extschema@.rfm_holdout_values IS
    'One customer''s calibration / holdout split as lifetimes computes it, the result of '
    'rfm_holdout().';

CREATE TYPE @extschema@.bgnbd_parameters AS (
    r double precision, alpha double precision, a double precision, b double precision);
COMMENT ON TYPE @extschema@.bgnbd_parameters IS
    'The parameters (r, alpha, a, b) of a BG/NBD model, the result of parameters(bgnbd_model).';

CREATE TYPE @extschema@.gamma_gamma_parameters AS (p double precision, q double precision, v double precision);
COMMENT ON TYPE @extschema@.gamma_gamma_parameters IS
    'The parameters (p, q, v) of a Gamma-Gamma model, the result of '
    'parameters(gamma_gamma_model).';

CREATE TYPE @extschema@.sbg_parameters AS (alpha double precision, beta double precision);
COMMENT ON TYPE @extschema@.sbg_parameters IS
    'The parameters (alpha, beta) of an sBG model, the result of parameters(sbg_model).';

CREATE TYPE @extschema@.model_fit_info AS (
    log_likelihood double precision, customers bigint, distinct_rows bigint, iterations integer,
    converged boolean, penalizer double precision);
COMMENT ON TYPE @extschema@.model_fit_info IS
    'How a model was fitted (log_likelihood, customers, distinct_rows, iterations, converged, '
    'penalizer), the result of fit_info() for every model type.';

-- Named results, in place (see above).
WITH changed(fn, result, symbol) AS (VALUES
    ('@extschema@.nps_ci(@extschema@.nps_summary, double precision)', '@extschema@.confidence_interval', 'nps_ci_typed'),
    ('@extschema@.csat_ci(@extschema@.csat_summary, double precision)', '@extschema@.confidence_interval', 'csat_ci_typed'),
    ('@extschema@.ces_ci(@extschema@.ces_summary, double precision)', '@extschema@.confidence_interval', 'ces_ci_typed'),
    ('@extschema@.ces_mean_ci(@extschema@.ces_summary, double precision)', '@extschema@.confidence_interval', 'ces_mean_ci_typed'),
    ('@extschema@.wilson_ci(double precision, double precision, double precision)', '@extschema@.confidence_interval', 'pgr_wilson_ci_typed'),
    ('@extschema@.retention_ci(@extschema@.retention_summary, double precision)', '@extschema@.confidence_interval', 'retention_summary_ci_typed'),
    ('@extschema@.churn_ci(@extschema@.retention_summary, double precision)', '@extschema@.confidence_interval', 'retention_summary_churn_ci_typed'),
    ('@extschema@.repeat_purchase_ci(@extschema@.customer_stats, double precision)', '@extschema@.confidence_interval', 'stats_repeat_purchase_ci_typed'),
    ('@extschema@.rfm(@extschema@.customer_history, timestamptz, text, double precision)', '@extschema@.rfm_values', 'rfm_history_typed'),
    ('@extschema@.rfm(@extschema@.customer_history, timestamptz, text, double precision, text)', '@extschema@.rfm_values', 'rfm_history_typed'),
    ('@extschema@.rfm_holdout(@extschema@.customer_history, timestamptz, timestamptz, text, double precision)', '@extschema@.rfm_holdout_values', 'rfm_holdout_history_typed'),
    ('@extschema@.rfm_holdout(@extschema@.customer_history, timestamptz, timestamptz, text, double precision, text)', '@extschema@.rfm_holdout_values', 'rfm_holdout_history_typed'),
    ('@extschema@.parameters(@extschema@.bgnbd_model)', '@extschema@.bgnbd_parameters', 'bgnbd_parameters_typed'),
    ('@extschema@.parameters(@extschema@.gamma_gamma_model)', '@extschema@.gamma_gamma_parameters', 'gamma_gamma_parameters_typed'),
    ('@extschema@.parameters(@extschema@.sbg_model)', '@extschema@.sbg_parameters', 'sbg_parameters_typed'),
    ('@extschema@.fit_info(@extschema@.bgnbd_model)', '@extschema@.model_fit_info', 'bgnbd_fit_info_typed'),
    ('@extschema@.fit_info(@extschema@.gamma_gamma_model)', '@extschema@.model_fit_info', 'gamma_gamma_fit_info_typed'),
    ('@extschema@.fit_info(@extschema@.sbg_model)', '@extschema@.model_fit_info', 'sbg_fit_info_typed')
), updated AS (
    UPDATE pg_catalog.pg_proc p
    SET prorettype = c.result::pg_catalog.regtype, proallargtypes = NULL, proargmodes = NULL,
        proargnames = p.proargnames[1:p.pronargs], prosrc = c.symbol
    FROM changed c
    WHERE p.oid = c.fn::pg_catalog.regprocedure AND p.prorettype = 'pg_catalog.record'::pg_catalog.regtype
    RETURNING p.oid, p.prorettype
)
INSERT INTO pg_catalog.pg_depend (classid, objid, objsubid, refclassid, refobjid, refobjsubid, deptype)
SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass, u.oid, 0, 'pg_catalog.pg_type'::pg_catalog.regclass, u.prorettype, 0, 'n'
FROM updated u;

-- Stored expressions that call those functions: every pg_node_tree of the catalogs (view and
-- materialized view rules, BEGIN ATOMIC bodies, defaults, index expressions, constraints,
-- trigger conditions, policies...) records each call's result type (FuncExpr's
-- funcresulttype), 2249 (record) for a call parsed on 0.2.0. Run as it is, a call that relies
-- on a default argument or named notation fails to plan: the planner re-resolves the result
-- type from pg_proc when it fills in the defaults and refuses the difference ("function's
-- resolved result type changed during planning"; nps_by_channel's nps_ci(s) takes its
-- confidence by default). So each stored call of a changed function gets the new result type,
-- as a fresh parse would give it: the text ":funcid F :funcresulttype 2249 " becomes
-- ":funcid F :funcresulttype T " (the node-tree form of PostgreSQL 13-18, where funcresulttype
-- follows funcid). Nothing else in a stored tree names that type: field selections and Vars
-- go by column number. pg_node_tree takes no input, so the text goes back through a
-- binary-coercible cast that exists only while this script runs (it is dropped below, and
-- the text is PostgreSQL's own output with one number changed). Updates of pg_rewrite and
-- the other catalogs do not by themselves invalidate the cached relation (rules, index
-- expressions, defaults are cached per relation), so every relation that depends on a
-- changed function gets a relcache invalidation (a no-op update of its pg_class row).
-- The loop is PL/pgSQL (a DO block: it leaves nothing in the catalog), which every
-- database has unless someone dropped it.
CREATE CAST (text AS pg_catalog.pg_node_tree) WITHOUT FUNCTION;
DO $shapes$
DECLARE
    changed oid[];
    f record;
    tree record;
BEGIN
    -- The functions the statement above gave a named result (their symbols end in _typed).
    SELECT pg_catalog.array_agg(p.oid) INTO changed
    FROM pg_catalog.pg_proc p
    JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = p.oid
         AND d.deptype = 'e'
    JOIN pg_catalog.pg_extension e ON e.oid = d.refobjid AND e.extname = 'pg_retention'
    WHERE pg_catalog."right"(p.prosrc, 6) = '_typed';
    FOR f IN SELECT p.oid, p.prorettype FROM pg_catalog.pg_proc p WHERE p.oid = ANY (changed) LOOP
        FOR tree IN
            SELECT a.attrelid::pg_catalog.regclass AS catalog, a.attname AS col
            FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_class k ON k.oid = a.attrelid
            WHERE a.atttypid = 'pg_catalog.pg_node_tree'::pg_catalog.regtype AND a.attnum > 0
                  AND NOT a.attisdropped AND k.relkind = 'r'
                  AND k.relnamespace = 'pg_catalog'::pg_catalog.regnamespace
        LOOP
            EXECUTE pg_catalog.format(
                'UPDATE %s SET %I = pg_catalog.replace(%I::text, $1, $2)::pg_catalog.pg_node_tree '
                'WHERE pg_catalog.strpos(%I::text, $1) > 0', tree.catalog, tree.col, tree.col, tree.col)
            USING ':funcid ' || f.oid || ' :funcresulttype 2249 ',
                  ':funcid ' || f.oid || ' :funcresulttype ' || f.prorettype::oid || ' ';
        END LOOP;
    END LOOP;
    UPDATE pg_catalog.pg_class k SET relhasrules = k.relhasrules
    WHERE k.oid IN (
        SELECT CASE d.classid
               WHEN 'pg_catalog.pg_rewrite'::pg_catalog.regclass THEN (SELECT r.ev_class FROM pg_catalog.pg_rewrite r WHERE r.oid = d.objid)
               WHEN 'pg_catalog.pg_attrdef'::pg_catalog.regclass THEN (SELECT a.adrelid FROM pg_catalog.pg_attrdef a WHERE a.oid = d.objid)
               WHEN 'pg_catalog.pg_constraint'::pg_catalog.regclass THEN (SELECT c.conrelid FROM pg_catalog.pg_constraint c WHERE c.oid = d.objid)
               WHEN 'pg_catalog.pg_trigger'::pg_catalog.regclass THEN (SELECT t.tgrelid FROM pg_catalog.pg_trigger t WHERE t.oid = d.objid)
               WHEN 'pg_catalog.pg_policy'::pg_catalog.regclass THEN (SELECT o.polrelid FROM pg_catalog.pg_policy o WHERE o.oid = d.objid)
               WHEN 'pg_catalog.pg_class'::pg_catalog.regclass THEN d.objid
               END
        FROM pg_catalog.pg_depend d
        WHERE d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.refobjid = ANY (changed)
        UNION
        SELECT i.indrelid FROM pg_catalog.pg_index i JOIN pg_catalog.pg_depend d
               ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass AND d.objid = i.indexrelid
        WHERE d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.refobjid = ANY (changed));
END
$shapes$;
DROP CAST (text AS pg_catalog.pg_node_tree);

-- Appended columns, in place (see above).
WITH changed(fn, columns, symbol) AS (VALUES
    ('@extschema@.periods(@extschema@.period_series, double precision)', '{date}', 'period_series_dated_rows'),
    ('@extschema@.periods(@extschema@.mrr_series)', '{date}', 'mrr_series_dated_rows'),
    ('@extschema@.cohort_table(@extschema@.cohort_summary, timestamptz, double precision)', '{cohort_date,date}', 'cohort_table_dated_rows'),
    ('@extschema@.bracket_retention(@extschema@.cohort_summary, double precision)', '{cohort_date}', 'bracket_retention_dated_rows')
)
UPDATE pg_catalog.pg_proc p
SET proallargtypes = p.proallargtypes || pg_catalog.array_fill('pg_catalog.date'::pg_catalog.regtype::pg_catalog.oid,
                                                               ARRAY[pg_catalog.cardinality(c.columns::text[])]),
    proargmodes = p.proargmodes || pg_catalog.array_fill('o'::"char", ARRAY[pg_catalog.cardinality(c.columns::text[])]),
    proargnames = p.proargnames || c.columns::text[],
    prosrc = c.symbol
FROM changed c
WHERE p.oid = c.fn::pg_catalog.regprocedure;

COMMENT ON FUNCTION @extschema@.periods(@extschema@.period_series, double precision) IS
    'One row per period from the first to the last with an order: customers at start (active '
    'the period before), new, retained, reactivated, churned, at end (active); retention_rate '
    '= retained / start, churn_rate = churned / start, crr = (end - new) / start (counts '
    'reactivations as retained, so it can exceed 1), returning_customer_rate = (retained + '
    'reactivated) / end, the Wilson interval of retention_rate at the given confidence, '
    'orders, revenue, avg_order_value, orders and revenue per active customer. '
    'date is the period''s first day in the summary''s own time zone, a label that, unlike '
    'period_start, does not move with the session TimeZone.';

COMMENT ON FUNCTION @extschema@.periods(@extschema@.mrr_series) IS
    'One row per period from the first to the last with MRR: MRR at start and end, new (first '
    'MRR ever), reactivation (MRR again after a gap), expansion, contraction and churned MRR, '
    'the customers of each kind, and the rates of mrr_summary with quick_ratio = (new + '
    'reactivation + expansion) / (churned + contraction). '
    'date is the period''s first day in the summary''s own time zone, a label that, unlike '
    'period_start, does not move with the session TimeZone.';

COMMENT ON FUNCTION @extschema@.cohort_table(@extschema@.cohort_summary, timestamptz, double precision) IS
    'One row per cohort and period from the cohort''s own (offset 0) to the last period with '
    'an order: cohort size, customers active ("on" retention = active / size, with its Wilson '
    'interval), active in that period or later ("on or after", unbounded retention), orders, '
    'revenue, revenue retention (revenue / the cohort''s offset-0 revenue), cumulative revenue '
    'per customer (the LTV curve), and matured: whether the period had ended by as_of (default '
    'now()). cohort_date and date are the first days of the cohort''s and the row''s period '
    'in the summary''s own time zone, labels that, unlike cohort_start and period_start, do '
    'not move with the session TimeZone.';

COMMENT ON FUNCTION @extschema@.bracket_retention(@extschema@.cohort_summary, double precision) IS
    'One row per cohort and bracket of a summary built with brackets: customers active in any '
    'period of [from_offset, to_offset) after the cohort''s own, over the cohort size, with '
    'its Wilson interval. No rows for a summary built without brackets. cohort_date is the '
    'first day of the cohort''s period in the summary''s own time zone (unlike cohort_start, '
    'it does not move with the session TimeZone).';
COMMENT ON AGGREGATE @extschema@.period_series_agg(@extschema@.customer_history, text) IS
    'Customer activity per calendar period (granularity day, week, month, quarter or year; '
    'periods as date_trunc in the session TimeZone) from customer histories. Read with '
    'periods(). NULL histories skipped; no rows gives NULL; error 22023 for another '
    'granularity, 54000 beyond 100000 periods. '
    'The session TimeZone at aggregation decides the periods and is recorded in the '
    'summary: on CDNOW, January 1997 has 7,846 new customers under UTC and 7,942 under '
    'America/Los_Angeles; pass time_zone to fix the calendar.';
COMMENT ON AGGREGATE @extschema@.mrr_series_agg(@extschema@.customer_history, text) IS
    'MRR movements per calendar period from histories of (period, MRR) rows, built with '
    'customer_history_agg(period, mrr): a customer''s MRR in a period is the sum of its '
    'amounts there (0 without rows). Periods in the session TimeZone. Read with periods(). '
    'The session TimeZone at aggregation decides the periods and is recorded in the '
    'summary: on CDNOW, January 1997 has 7,846 new customers under UTC and 7,942 under '
    'America/Los_Angeles; pass time_zone to fix the calendar.';
COMMENT ON AGGREGATE @extschema@.period_series_agg(anyelement, timestamptz, numeric, text) IS
    'Customer activity per calendar period straight from order rows (one step; periods in the '
    'session TimeZone). Read with periods(). Same numbers as '
    'period_series_agg(customer_history, granularity). '
    'The session TimeZone at aggregation decides the periods and is recorded in the '
    'summary: on CDNOW, January 1997 has 7,846 new customers under UTC and 7,942 under '
    'America/Los_Angeles; pass time_zone to fix the calendar.';
COMMENT ON AGGREGATE @extschema@.mrr_series_agg(anyelement, timestamptz, numeric, text) IS
    'MRR movements per calendar period straight from a customer x period MRR table (one step; '
    'session TimeZone): MRR of a customer in a period is the sum of its rows there, 0 without '
    'rows. Read with periods(). '
    'The session TimeZone at aggregation decides the periods and is recorded in the '
    'summary: on CDNOW, January 1997 has 7,846 new customers under UTC and 7,942 under '
    'America/Los_Angeles; pass time_zone to fix the calendar.';
COMMENT ON AGGREGATE @extschema@.cohort_agg(@extschema@.customer_history, text) IS
    'First-time cohorts: each customer in the cohort of the calendar period (granularity day, '
    'week, month, quarter or year; session TimeZone) of its first order, counted in every '
    'later period it ordered in. Read with cohort_table(), retention_curve(). NULL histories '
    'skipped; no rows gives NULL; error 54000 beyond 2,000,000 cells. '
    'The session TimeZone at aggregation decides the periods and is recorded in the '
    'summary: on CDNOW, January 1997 has 7,846 new customers under UTC and 7,942 under '
    'America/Los_Angeles; pass time_zone to fix the calendar.';
COMMENT ON AGGREGATE @extschema@.cohort_agg(@extschema@.customer_history, text, integer[]) IS
    'First-time cohorts with bracket counts: brackets are increasing offsets b1 < b2 < ..., '
    'bracket j the periods [bj, bj+1) after the cohort''s own; read with bracket_retention(). '
    'The session TimeZone at aggregation decides the periods and is recorded in the '
    'summary: on CDNOW, January 1997 has 7,846 new customers under UTC and 7,942 under '
    'America/Los_Angeles; pass time_zone to fix the calendar.';
COMMENT ON AGGREGATE @extschema@.recurring_cohort_agg(@extschema@.customer_history, text) IS
    'Recurring cohorts: every period with an order starts a cohort of the customer (so a '
    'customer is in several cohorts), counted in every later period it ordered in. Read with '
    'cohort_table(), retention_curve(). '
    'The session TimeZone at aggregation decides the periods and is recorded in the '
    'summary: on CDNOW, January 1997 has 7,846 new customers under UTC and 7,942 under '
    'America/Los_Angeles; pass time_zone to fix the calendar.';
COMMENT ON AGGREGATE @extschema@.recurring_cohort_agg(@extschema@.customer_history, text, integer[]) IS
    'Recurring cohorts with bracket counts; read with bracket_retention(). '
    'The session TimeZone at aggregation decides the periods and is recorded in the '
    'summary: on CDNOW, January 1997 has 7,846 new customers under UTC and 7,942 under '
    'America/Los_Angeles; pass time_zone to fix the calendar.';
COMMENT ON AGGREGATE @extschema@.cohort_agg(anyelement, timestamptz, numeric, text) IS
    'First-time cohorts straight from order rows (one step; logs every order, 32 bytes each). '
    'Same numbers as cohort_agg(customer_history, granularity). '
    'The session TimeZone at aggregation decides the periods and is recorded in the '
    'summary: on CDNOW, January 1997 has 7,846 new customers under UTC and 7,942 under '
    'America/Los_Angeles; pass time_zone to fix the calendar.';
COMMENT ON AGGREGATE @extschema@.recurring_cohort_agg(anyelement, timestamptz, numeric, text) IS
    'Recurring cohorts straight from order rows (one step). Same numbers as '
    'recurring_cohort_agg(customer_history, granularity). '
    'The session TimeZone at aggregation decides the periods and is recorded in the '
    'summary: on CDNOW, January 1997 has 7,846 new customers under UTC and 7,942 under '
    'America/Los_Angeles; pass time_zone to fix the calendar.';
-- Issue 16 item 8, drill-down: the customers behind a number of periods() or cohort_table()
-- (src/orders/drill.sql, docs/orders.md and docs/cohorts.md "Drill-down"). New functions only.
CREATE FUNCTION @extschema@.customer_status(h @extschema@.customer_history, granularity text, period date) RETURNS text
AS 'MODULE_PATHNAME', 'customer_status' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.customer_status(h @extschema@.customer_history, granularity text, period date, time_zone text) RETURNS text
AS 'MODULE_PATHNAME', 'customer_status' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_status(@extschema@.customer_history, text, date) IS
    'The customer''s status in the calendar period (granularity day, week, month, quarter or '
    'year; session TimeZone) containing the local date period, by the rules of '
    'period_series_agg and periods(): new, retained, reactivated, churned or inactive (no '
    'order in the period nor in the one before). Counting customers by status gives '
    'periods()'' new_customers, retained, reactivated and churned. Error 22023 for another '
    'granularity, 22008 for an infinite date.';
COMMENT ON FUNCTION @extschema@.customer_status(@extschema@.customer_history, text, date, text) IS
    'The customer''s status (new, retained, reactivated, churned or inactive) in the calendar '
    'period of the given time zone containing the local date period, as '
    'period_series_agg(h, granularity, time_zone) counts it.';

CREATE FUNCTION @extschema@.customer_periods(h @extschema@.customer_history, granularity text,
    OUT period_start timestamptz, OUT period_end timestamptz, OUT status text, OUT date date)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'customer_periods' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 12;
CREATE FUNCTION @extschema@.customer_periods(h @extschema@.customer_history, granularity text, time_zone text,
    OUT period_start timestamptz, OUT period_end timestamptz, OUT status text, OUT date date)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'customer_periods' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 12;
COMMENT ON FUNCTION @extschema@.customer_periods(@extschema@.customer_history, text) IS
    'The customer''s status in every calendar period (session TimeZone) from its first '
    'order''s to the one after its last: new, retained, reactivated, churned or inactive, as '
    'customer_status gives it, and date, the period''s first day in that zone (the date of '
    'periods(), to join on); for a LATERAL join. Error 54000 beyond 100000 periods.';
COMMENT ON FUNCTION @extschema@.customer_periods(@extschema@.customer_history, text, text) IS
    'The customer''s status in every calendar period of the given time zone from its first '
    'order''s to the one after its last, with date, the period''s first day in that zone.';

CREATE FUNCTION @extschema@.cohort_cell_status(h @extschema@.customer_history, granularity text, cohort date, period_offset integer) RETURNS text
AS 'MODULE_PATHNAME', 'cohort_cell_status' LANGUAGE C STABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.cohort_cell_status(h @extschema@.customer_history, granularity text, cohort date, period_offset integer, time_zone text) RETURNS text
AS 'MODULE_PATHNAME', 'cohort_cell_status' LANGUAGE C STABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_cell_status(@extschema@.customer_history, text, date, integer) IS
    'Where the customer stands in the cell of the first-time cohort grid of cohort_agg(h, '
    'granularity) whose cohort is the period containing the local date cohort, at '
    'period_offset: active (counted in active and active_on_or_after), returns_later (no '
    'order in the period, one later: counted in active_on_or_after), lapsed (no order then '
    'or later: counted in cohort_size only) or not_in_cohort. Error 22023 for a negative '
    'offset.';
COMMENT ON FUNCTION @extschema@.cohort_cell_status(@extschema@.customer_history, text, date, integer, text) IS
    'Where the customer stands in a cell of the first-time cohort grid of cohort_agg(h, '
    'granularity, time_zone): active, returns_later, lapsed or not_in_cohort.';

CREATE FUNCTION @extschema@.customer_cohort_cells(h @extschema@.customer_history, granularity text,
    OUT cohort_start timestamptz, OUT period_offset integer, OUT period_start timestamptz, OUT period_end timestamptz,
    OUT active boolean, OUT active_on_or_after boolean, OUT cohort_date date, OUT date date)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'customer_cohort_cells' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 12;
CREATE FUNCTION @extschema@.customer_cohort_cells(h @extschema@.customer_history, granularity text, time_zone text,
    OUT cohort_start timestamptz, OUT period_offset integer, OUT period_start timestamptz, OUT period_end timestamptz,
    OUT active boolean, OUT active_on_or_after boolean, OUT cohort_date date, OUT date date)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'customer_cohort_cells' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 12;
CREATE FUNCTION @extschema@.customer_recurring_cohort_cells(h @extschema@.customer_history, granularity text,
    OUT cohort_start timestamptz, OUT period_offset integer, OUT period_start timestamptz, OUT period_end timestamptz,
    OUT active boolean, OUT active_on_or_after boolean, OUT cohort_date date, OUT date date)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'customer_recurring_cohort_cells' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 12;
CREATE FUNCTION @extschema@.customer_recurring_cohort_cells(h @extschema@.customer_history, granularity text, time_zone text,
    OUT cohort_start timestamptz, OUT period_offset integer, OUT period_start timestamptz, OUT period_end timestamptz,
    OUT active boolean, OUT active_on_or_after boolean, OUT cohort_date date, OUT date date)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'customer_recurring_cohort_cells' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 12;
COMMENT ON FUNCTION @extschema@.customer_cohort_cells(@extschema@.customer_history, text) IS
    'The customer''s row of the first-time cohort grid of cohort_agg(h, granularity) (session '
    'TimeZone): one row per period from its cohort''s to its last order''s, with whether it '
    'counts in the cell''s active and active_on_or_after (it counts in cohort_size at every '
    'offset), and cohort_date and date, the first days of the cohort and of the period in that '
    'zone (those of cohort_table(), to join on); for a LATERAL join. Error 54000 beyond '
    '2000000 rows.';
COMMENT ON FUNCTION @extschema@.customer_cohort_cells(@extschema@.customer_history, text, text) IS
    'The customer''s row of the first-time cohort grid of cohort_agg(h, granularity, '
    'time_zone), with cohort_date and date in that zone.';
COMMENT ON FUNCTION @extschema@.customer_recurring_cohort_cells(@extschema@.customer_history, text) IS
    'The customer''s rows of the recurring cohort grid of recurring_cohort_agg(h, granularity) '
    '(session TimeZone): for every period it ordered in (a cohort), one row per period from '
    'there to its last order''s, with whether it counts in active and active_on_or_after, and '
    'cohort_date and date, the first days of the cohort and of the period in that zone.';
COMMENT ON FUNCTION @extschema@.customer_recurring_cohort_cells(@extschema@.customer_history, text, text) IS
    'The customer''s rows of the recurring cohort grid of recurring_cohort_agg(h, granularity, '
    'time_zone), with cohort_date and date in that zone.';
-- === issue 16 items 2 and 3: summaries as values (=, <>, btree and hash operator classes,
-- casts to jsonb and json) for all fourteen stored types; the same statements as src/values.sql.
-- Summaries as values (docs/values.md): for each of the fourteen stored types, = and <> and
-- the order operators of a default btree operator class, a default hash operator class, and
-- explicit casts to jsonb and json. The comparison functions of every type name one set of
-- C functions (src/values.rs): equal means the same figures bit for bit (the same text
-- form); the order is a stable total order over the canonical form (retention_core::value),
-- not a ranking by any figure. The JSON holds the figures the accessors and read-outs give,
-- under their names (intervals as seconds, *_seconds); STABLE where it holds a time, which
-- PostgreSQL writes in the session TimeZone, or cohort_table()'s now().


-- nps_summary -----------------------------------------------------------------------------
CREATE FUNCTION @extschema@.nps_summary_eq(@extschema@.nps_summary, @extschema@.nps_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_summary_eq(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'The = operator of nps_summary: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.nps_summary_ne(@extschema@.nps_summary, @extschema@.nps_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_summary_ne(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'The <> operator of nps_summary: not equal.';
CREATE FUNCTION @extschema@.nps_summary_lt(@extschema@.nps_summary, @extschema@.nps_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_summary_lt(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'The < operator of nps_summary: sorts before.';
CREATE FUNCTION @extschema@.nps_summary_le(@extschema@.nps_summary, @extschema@.nps_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_summary_le(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'The <= operator of nps_summary: sorts before or equal.';
CREATE FUNCTION @extschema@.nps_summary_gt(@extschema@.nps_summary, @extschema@.nps_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_summary_gt(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'The > operator of nps_summary: sorts after.';
CREATE FUNCTION @extschema@.nps_summary_ge(@extschema@.nps_summary, @extschema@.nps_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_summary_ge(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'The >= operator of nps_summary: sorts after or equal.';
CREATE FUNCTION @extschema@.nps_summary_cmp(@extschema@.nps_summary, @extschema@.nps_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_summary_cmp(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'Btree comparison of nps_summary (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.nps_summary_hash(@extschema@.nps_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_summary_hash(@extschema@.nps_summary) IS
    'Hash of nps_summary (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.nps_summary_hash_extended(@extschema@.nps_summary, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_summary_hash_extended(@extschema@.nps_summary, bigint) IS
    '64-bit seeded hash of nps_summary (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.nps_summary, RIGHTARG = @extschema@.nps_summary, FUNCTION = @extschema@.nps_summary_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'nps_summary = nps_summary: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.nps_summary, RIGHTARG = @extschema@.nps_summary, FUNCTION = @extschema@.nps_summary_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'nps_summary <> nps_summary: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.nps_summary, RIGHTARG = @extschema@.nps_summary, FUNCTION = @extschema@.nps_summary_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'nps_summary < nps_summary: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.nps_summary, RIGHTARG = @extschema@.nps_summary, FUNCTION = @extschema@.nps_summary_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'nps_summary <= nps_summary: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.nps_summary, RIGHTARG = @extschema@.nps_summary, FUNCTION = @extschema@.nps_summary_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'nps_summary > nps_summary: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.nps_summary, RIGHTARG = @extschema@.nps_summary, FUNCTION = @extschema@.nps_summary_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.nps_summary, @extschema@.nps_summary) IS
    'nps_summary >= nps_summary: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.nps_summary_ops DEFAULT FOR TYPE @extschema@.nps_summary USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.nps_summary_cmp(@extschema@.nps_summary, @extschema@.nps_summary);
COMMENT ON OPERATOR CLASS @extschema@.nps_summary_ops USING btree IS
    'Default btree class of nps_summary: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.nps_summary_ops USING btree IS
    'Btree family of nps_summary (its default class alone).';
CREATE OPERATOR CLASS @extschema@.nps_summary_ops DEFAULT FOR TYPE @extschema@.nps_summary USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.nps_summary_hash(@extschema@.nps_summary), FUNCTION 2 @extschema@.nps_summary_hash_extended(@extschema@.nps_summary, bigint);
COMMENT ON OPERATOR CLASS @extschema@.nps_summary_ops USING hash IS
    'Default hash class of nps_summary: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.nps_summary_ops USING hash IS
    'Hash family of nps_summary (its default class alone).';
CREATE FUNCTION @extschema@.nps_summary_jsonb(@extschema@.nps_summary) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'respondents', @extschema@.respondents($1),
        'promoters', @extschema@.promoters($1),
        'passives', @extschema@.passives($1),
        'detractors', @extschema@.detractors($1),
        'nps', @extschema@.nps($1),
        'nps_stderr', @extschema@.nps_stderr($1)) $$;
COMMENT ON FUNCTION @extschema@.nps_summary_jsonb(@extschema@.nps_summary) IS
    'The cast of nps_summary to jsonb: respondents, promoters, passives, detractors, nps, nps_stderr (docs/values.md).';
CREATE FUNCTION @extschema@.nps_summary_json(@extschema@.nps_summary) RETURNS json
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.nps_summary_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.nps_summary_json(@extschema@.nps_summary) IS
    'The cast of nps_summary to json (what to_json, to_jsonb and row_to_json use): nps_summary_jsonb as json.';
CREATE CAST (@extschema@.nps_summary AS jsonb) WITH FUNCTION @extschema@.nps_summary_jsonb(@extschema@.nps_summary);
COMMENT ON CAST (@extschema@.nps_summary AS jsonb) IS
    'nps_summary as JSON for drivers: respondents, promoters, passives, detractors, nps, nps_stderr.';
CREATE CAST (@extschema@.nps_summary AS json) WITH FUNCTION @extschema@.nps_summary_json(@extschema@.nps_summary);
COMMENT ON CAST (@extschema@.nps_summary AS json) IS
    'nps_summary as JSON for drivers (the keys of its jsonb cast).';

-- csat_summary ----------------------------------------------------------------------------
CREATE FUNCTION @extschema@.csat_summary_eq(@extschema@.csat_summary, @extschema@.csat_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_summary_eq(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'The = operator of csat_summary: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.csat_summary_ne(@extschema@.csat_summary, @extschema@.csat_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_summary_ne(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'The <> operator of csat_summary: not equal.';
CREATE FUNCTION @extschema@.csat_summary_lt(@extschema@.csat_summary, @extschema@.csat_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_summary_lt(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'The < operator of csat_summary: sorts before.';
CREATE FUNCTION @extschema@.csat_summary_le(@extschema@.csat_summary, @extschema@.csat_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_summary_le(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'The <= operator of csat_summary: sorts before or equal.';
CREATE FUNCTION @extschema@.csat_summary_gt(@extschema@.csat_summary, @extschema@.csat_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_summary_gt(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'The > operator of csat_summary: sorts after.';
CREATE FUNCTION @extschema@.csat_summary_ge(@extschema@.csat_summary, @extschema@.csat_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_summary_ge(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'The >= operator of csat_summary: sorts after or equal.';
CREATE FUNCTION @extschema@.csat_summary_cmp(@extschema@.csat_summary, @extschema@.csat_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_summary_cmp(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'Btree comparison of csat_summary (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.csat_summary_hash(@extschema@.csat_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_summary_hash(@extschema@.csat_summary) IS
    'Hash of csat_summary (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.csat_summary_hash_extended(@extschema@.csat_summary, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_summary_hash_extended(@extschema@.csat_summary, bigint) IS
    '64-bit seeded hash of csat_summary (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.csat_summary, RIGHTARG = @extschema@.csat_summary, FUNCTION = @extschema@.csat_summary_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'csat_summary = csat_summary: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.csat_summary, RIGHTARG = @extschema@.csat_summary, FUNCTION = @extschema@.csat_summary_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'csat_summary <> csat_summary: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.csat_summary, RIGHTARG = @extschema@.csat_summary, FUNCTION = @extschema@.csat_summary_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'csat_summary < csat_summary: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.csat_summary, RIGHTARG = @extschema@.csat_summary, FUNCTION = @extschema@.csat_summary_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'csat_summary <= csat_summary: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.csat_summary, RIGHTARG = @extschema@.csat_summary, FUNCTION = @extschema@.csat_summary_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'csat_summary > csat_summary: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.csat_summary, RIGHTARG = @extschema@.csat_summary, FUNCTION = @extschema@.csat_summary_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.csat_summary, @extschema@.csat_summary) IS
    'csat_summary >= csat_summary: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.csat_summary_ops DEFAULT FOR TYPE @extschema@.csat_summary USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.csat_summary_cmp(@extschema@.csat_summary, @extschema@.csat_summary);
COMMENT ON OPERATOR CLASS @extschema@.csat_summary_ops USING btree IS
    'Default btree class of csat_summary: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.csat_summary_ops USING btree IS
    'Btree family of csat_summary (its default class alone).';
CREATE OPERATOR CLASS @extschema@.csat_summary_ops DEFAULT FOR TYPE @extschema@.csat_summary USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.csat_summary_hash(@extschema@.csat_summary), FUNCTION 2 @extschema@.csat_summary_hash_extended(@extschema@.csat_summary, bigint);
COMMENT ON OPERATOR CLASS @extschema@.csat_summary_ops USING hash IS
    'Default hash class of csat_summary: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.csat_summary_ops USING hash IS
    'Hash family of csat_summary (its default class alone).';
CREATE FUNCTION @extschema@.csat_summary_jsonb(@extschema@.csat_summary) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'respondents', @extschema@.respondents($1),
        'satisfied', @extschema@.satisfied($1),
        'csat', @extschema@.csat($1)) $$;
COMMENT ON FUNCTION @extschema@.csat_summary_jsonb(@extschema@.csat_summary) IS
    'The cast of csat_summary to jsonb: respondents, satisfied, csat (docs/values.md).';
CREATE FUNCTION @extschema@.csat_summary_json(@extschema@.csat_summary) RETURNS json
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.csat_summary_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.csat_summary_json(@extschema@.csat_summary) IS
    'The cast of csat_summary to json (what to_json, to_jsonb and row_to_json use): csat_summary_jsonb as json.';
CREATE CAST (@extschema@.csat_summary AS jsonb) WITH FUNCTION @extschema@.csat_summary_jsonb(@extschema@.csat_summary);
COMMENT ON CAST (@extschema@.csat_summary AS jsonb) IS
    'csat_summary as JSON for drivers: respondents, satisfied, csat.';
CREATE CAST (@extschema@.csat_summary AS json) WITH FUNCTION @extschema@.csat_summary_json(@extschema@.csat_summary);
COMMENT ON CAST (@extschema@.csat_summary AS json) IS
    'csat_summary as JSON for drivers (the keys of its jsonb cast).';

-- ces_summary -----------------------------------------------------------------------------
CREATE FUNCTION @extschema@.ces_summary_eq(@extschema@.ces_summary, @extschema@.ces_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_summary_eq(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'The = operator of ces_summary: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.ces_summary_ne(@extschema@.ces_summary, @extschema@.ces_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_summary_ne(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'The <> operator of ces_summary: not equal.';
CREATE FUNCTION @extschema@.ces_summary_lt(@extschema@.ces_summary, @extschema@.ces_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_summary_lt(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'The < operator of ces_summary: sorts before.';
CREATE FUNCTION @extschema@.ces_summary_le(@extschema@.ces_summary, @extschema@.ces_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_summary_le(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'The <= operator of ces_summary: sorts before or equal.';
CREATE FUNCTION @extschema@.ces_summary_gt(@extschema@.ces_summary, @extschema@.ces_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_summary_gt(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'The > operator of ces_summary: sorts after.';
CREATE FUNCTION @extschema@.ces_summary_ge(@extschema@.ces_summary, @extschema@.ces_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_summary_ge(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'The >= operator of ces_summary: sorts after or equal.';
CREATE FUNCTION @extschema@.ces_summary_cmp(@extschema@.ces_summary, @extschema@.ces_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_summary_cmp(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'Btree comparison of ces_summary (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.ces_summary_hash(@extschema@.ces_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_summary_hash(@extschema@.ces_summary) IS
    'Hash of ces_summary (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.ces_summary_hash_extended(@extschema@.ces_summary, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_summary_hash_extended(@extschema@.ces_summary, bigint) IS
    '64-bit seeded hash of ces_summary (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.ces_summary, RIGHTARG = @extschema@.ces_summary, FUNCTION = @extschema@.ces_summary_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'ces_summary = ces_summary: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.ces_summary, RIGHTARG = @extschema@.ces_summary, FUNCTION = @extschema@.ces_summary_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'ces_summary <> ces_summary: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.ces_summary, RIGHTARG = @extschema@.ces_summary, FUNCTION = @extschema@.ces_summary_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'ces_summary < ces_summary: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.ces_summary, RIGHTARG = @extschema@.ces_summary, FUNCTION = @extschema@.ces_summary_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'ces_summary <= ces_summary: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.ces_summary, RIGHTARG = @extschema@.ces_summary, FUNCTION = @extschema@.ces_summary_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'ces_summary > ces_summary: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.ces_summary, RIGHTARG = @extschema@.ces_summary, FUNCTION = @extschema@.ces_summary_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.ces_summary, @extschema@.ces_summary) IS
    'ces_summary >= ces_summary: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.ces_summary_ops DEFAULT FOR TYPE @extschema@.ces_summary USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.ces_summary_cmp(@extschema@.ces_summary, @extschema@.ces_summary);
COMMENT ON OPERATOR CLASS @extschema@.ces_summary_ops USING btree IS
    'Default btree class of ces_summary: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.ces_summary_ops USING btree IS
    'Btree family of ces_summary (its default class alone).';
CREATE OPERATOR CLASS @extschema@.ces_summary_ops DEFAULT FOR TYPE @extschema@.ces_summary USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.ces_summary_hash(@extschema@.ces_summary), FUNCTION 2 @extschema@.ces_summary_hash_extended(@extschema@.ces_summary, bigint);
COMMENT ON OPERATOR CLASS @extschema@.ces_summary_ops USING hash IS
    'Default hash class of ces_summary: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.ces_summary_ops USING hash IS
    'Hash family of ces_summary (its default class alone).';
CREATE FUNCTION @extschema@.ces_summary_jsonb(@extschema@.ces_summary) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'respondents', @extschema@.respondents($1),
        'ces', @extschema@.ces($1),
        'ces_mean', @extschema@.ces_mean($1)) $$;
COMMENT ON FUNCTION @extschema@.ces_summary_jsonb(@extschema@.ces_summary) IS
    'The cast of ces_summary to jsonb: respondents, ces, ces_mean (docs/values.md).';
CREATE FUNCTION @extschema@.ces_summary_json(@extschema@.ces_summary) RETURNS json
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.ces_summary_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.ces_summary_json(@extschema@.ces_summary) IS
    'The cast of ces_summary to json (what to_json, to_jsonb and row_to_json use): ces_summary_jsonb as json.';
CREATE CAST (@extschema@.ces_summary AS jsonb) WITH FUNCTION @extschema@.ces_summary_jsonb(@extschema@.ces_summary);
COMMENT ON CAST (@extschema@.ces_summary AS jsonb) IS
    'ces_summary as JSON for drivers: respondents, ces, ces_mean.';
CREATE CAST (@extschema@.ces_summary AS json) WITH FUNCTION @extschema@.ces_summary_json(@extschema@.ces_summary);
COMMENT ON CAST (@extschema@.ces_summary AS json) IS
    'ces_summary as JSON for drivers (the keys of its jsonb cast).';

-- customer_history ------------------------------------------------------------------------
CREATE FUNCTION @extschema@.customer_history_eq(@extschema@.customer_history, @extschema@.customer_history) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_eq(@extschema@.customer_history, @extschema@.customer_history) IS
    'The = operator of customer_history: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.customer_history_ne(@extschema@.customer_history, @extschema@.customer_history) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_ne(@extschema@.customer_history, @extschema@.customer_history) IS
    'The <> operator of customer_history: not equal.';
CREATE FUNCTION @extschema@.customer_history_lt(@extschema@.customer_history, @extschema@.customer_history) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_lt(@extschema@.customer_history, @extschema@.customer_history) IS
    'The < operator of customer_history: sorts before.';
CREATE FUNCTION @extschema@.customer_history_le(@extschema@.customer_history, @extschema@.customer_history) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_le(@extschema@.customer_history, @extschema@.customer_history) IS
    'The <= operator of customer_history: sorts before or equal.';
CREATE FUNCTION @extschema@.customer_history_gt(@extschema@.customer_history, @extschema@.customer_history) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_gt(@extschema@.customer_history, @extschema@.customer_history) IS
    'The > operator of customer_history: sorts after.';
CREATE FUNCTION @extschema@.customer_history_ge(@extschema@.customer_history, @extschema@.customer_history) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_ge(@extschema@.customer_history, @extschema@.customer_history) IS
    'The >= operator of customer_history: sorts after or equal.';
CREATE FUNCTION @extschema@.customer_history_cmp(@extschema@.customer_history, @extschema@.customer_history) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_cmp(@extschema@.customer_history, @extschema@.customer_history) IS
    'Btree comparison of customer_history (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.customer_history_hash(@extschema@.customer_history) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_hash(@extschema@.customer_history) IS
    'Hash of customer_history (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.customer_history_hash_extended(@extschema@.customer_history, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_history_hash_extended(@extschema@.customer_history, bigint) IS
    '64-bit seeded hash of customer_history (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.customer_history, RIGHTARG = @extschema@.customer_history, FUNCTION = @extschema@.customer_history_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.customer_history, @extschema@.customer_history) IS
    'customer_history = customer_history: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.customer_history, RIGHTARG = @extschema@.customer_history, FUNCTION = @extschema@.customer_history_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.customer_history, @extschema@.customer_history) IS
    'customer_history <> customer_history: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.customer_history, RIGHTARG = @extschema@.customer_history, FUNCTION = @extschema@.customer_history_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.customer_history, @extschema@.customer_history) IS
    'customer_history < customer_history: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.customer_history, RIGHTARG = @extschema@.customer_history, FUNCTION = @extschema@.customer_history_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.customer_history, @extschema@.customer_history) IS
    'customer_history <= customer_history: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.customer_history, RIGHTARG = @extschema@.customer_history, FUNCTION = @extschema@.customer_history_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.customer_history, @extschema@.customer_history) IS
    'customer_history > customer_history: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.customer_history, RIGHTARG = @extschema@.customer_history, FUNCTION = @extschema@.customer_history_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.customer_history, @extschema@.customer_history) IS
    'customer_history >= customer_history: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.customer_history_ops DEFAULT FOR TYPE @extschema@.customer_history USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.customer_history_cmp(@extschema@.customer_history, @extschema@.customer_history);
COMMENT ON OPERATOR CLASS @extschema@.customer_history_ops USING btree IS
    'Default btree class of customer_history: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.customer_history_ops USING btree IS
    'Btree family of customer_history (its default class alone).';
CREATE OPERATOR CLASS @extschema@.customer_history_ops DEFAULT FOR TYPE @extschema@.customer_history USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.customer_history_hash(@extschema@.customer_history), FUNCTION 2 @extschema@.customer_history_hash_extended(@extschema@.customer_history, bigint);
COMMENT ON OPERATOR CLASS @extschema@.customer_history_ops USING hash IS
    'Default hash class of customer_history: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.customer_history_ops USING hash IS
    'Hash family of customer_history (its default class alone).';
CREATE FUNCTION @extschema@.customer_history_jsonb(@extschema@.customer_history) RETURNS jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'first_order_at', @extschema@.first_order_at($1),
        'last_order_at', @extschema@.last_order_at($1),
        'orders', @extschema@.orders($1),
        'revenue', @extschema@.revenue($1),
        'avg_order_value', @extschema@.avg_order_value($1),
        'items', @extschema@.items($1),
        'cost', @extschema@.cost($1),
        'profit', @extschema@.profit($1),
        'lifespan_seconds', pg_catalog.date_part('epoch', @extschema@.lifespan($1)),
        'avg_time_between_purchases_seconds', pg_catalog.date_part('epoch', @extschema@.avg_time_between_purchases($1)),
        'order_list', (SELECT COALESCE(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r)), '[]'::pg_catalog.jsonb) FROM @extschema@.order_list($1) r)) $$;
COMMENT ON FUNCTION @extschema@.customer_history_jsonb(@extschema@.customer_history) IS
    'The cast of customer_history to jsonb: first_order_at, last_order_at, orders, revenue, avg_order_value, items, cost, profit, lifespan_seconds, avg_time_between_purchases_seconds, order_list (ordered_at, amount) (docs/values.md).';
CREATE FUNCTION @extschema@.customer_history_json(@extschema@.customer_history) RETURNS json
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.customer_history_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.customer_history_json(@extschema@.customer_history) IS
    'The cast of customer_history to json (what to_json, to_jsonb and row_to_json use): customer_history_jsonb as json.';
CREATE CAST (@extschema@.customer_history AS jsonb) WITH FUNCTION @extschema@.customer_history_jsonb(@extschema@.customer_history);
COMMENT ON CAST (@extschema@.customer_history AS jsonb) IS
    'customer_history as JSON for drivers: first_order_at, last_order_at, orders, revenue, avg_order_value, items, cost, profit, lifespan_seconds, avg_time_between_purchases_seconds, order_list (ordered_at, amount).';
CREATE CAST (@extschema@.customer_history AS json) WITH FUNCTION @extschema@.customer_history_json(@extschema@.customer_history);
COMMENT ON CAST (@extschema@.customer_history AS json) IS
    'customer_history as JSON for drivers (the keys of its jsonb cast).';

-- customer_stats --------------------------------------------------------------------------
CREATE FUNCTION @extschema@.customer_stats_eq(@extschema@.customer_stats, @extschema@.customer_stats) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_eq(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'The = operator of customer_stats: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.customer_stats_ne(@extschema@.customer_stats, @extschema@.customer_stats) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_ne(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'The <> operator of customer_stats: not equal.';
CREATE FUNCTION @extschema@.customer_stats_lt(@extschema@.customer_stats, @extschema@.customer_stats) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_lt(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'The < operator of customer_stats: sorts before.';
CREATE FUNCTION @extschema@.customer_stats_le(@extschema@.customer_stats, @extschema@.customer_stats) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_le(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'The <= operator of customer_stats: sorts before or equal.';
CREATE FUNCTION @extschema@.customer_stats_gt(@extschema@.customer_stats, @extschema@.customer_stats) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_gt(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'The > operator of customer_stats: sorts after.';
CREATE FUNCTION @extschema@.customer_stats_ge(@extschema@.customer_stats, @extschema@.customer_stats) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_ge(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'The >= operator of customer_stats: sorts after or equal.';
CREATE FUNCTION @extschema@.customer_stats_cmp(@extschema@.customer_stats, @extschema@.customer_stats) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_cmp(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'Btree comparison of customer_stats (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.customer_stats_hash(@extschema@.customer_stats) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_hash(@extschema@.customer_stats) IS
    'Hash of customer_stats (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.customer_stats_hash_extended(@extschema@.customer_stats, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.customer_stats_hash_extended(@extschema@.customer_stats, bigint) IS
    '64-bit seeded hash of customer_stats (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.customer_stats, RIGHTARG = @extschema@.customer_stats, FUNCTION = @extschema@.customer_stats_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'customer_stats = customer_stats: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.customer_stats, RIGHTARG = @extschema@.customer_stats, FUNCTION = @extschema@.customer_stats_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'customer_stats <> customer_stats: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.customer_stats, RIGHTARG = @extschema@.customer_stats, FUNCTION = @extschema@.customer_stats_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'customer_stats < customer_stats: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.customer_stats, RIGHTARG = @extschema@.customer_stats, FUNCTION = @extschema@.customer_stats_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'customer_stats <= customer_stats: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.customer_stats, RIGHTARG = @extschema@.customer_stats, FUNCTION = @extschema@.customer_stats_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'customer_stats > customer_stats: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.customer_stats, RIGHTARG = @extschema@.customer_stats, FUNCTION = @extschema@.customer_stats_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.customer_stats, @extschema@.customer_stats) IS
    'customer_stats >= customer_stats: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.customer_stats_ops DEFAULT FOR TYPE @extschema@.customer_stats USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.customer_stats_cmp(@extschema@.customer_stats, @extschema@.customer_stats);
COMMENT ON OPERATOR CLASS @extschema@.customer_stats_ops USING btree IS
    'Default btree class of customer_stats: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.customer_stats_ops USING btree IS
    'Btree family of customer_stats (its default class alone).';
CREATE OPERATOR CLASS @extschema@.customer_stats_ops DEFAULT FOR TYPE @extschema@.customer_stats USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.customer_stats_hash(@extschema@.customer_stats), FUNCTION 2 @extschema@.customer_stats_hash_extended(@extschema@.customer_stats, bigint);
COMMENT ON OPERATOR CLASS @extschema@.customer_stats_ops USING hash IS
    'Default hash class of customer_stats: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.customer_stats_ops USING hash IS
    'Hash family of customer_stats (its default class alone).';
CREATE FUNCTION @extschema@.customer_stats_jsonb(@extschema@.customer_stats) RETURNS jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'customers', @extschema@.customers($1),
        'orders', @extschema@.orders($1),
        'repeat_customers', @extschema@.repeat_customers($1),
        'items', @extschema@.items($1),
        'orders_per_customer', @extschema@.orders_per_customer($1),
        'repeat_purchase_rate', @extschema@.repeat_purchase_rate($1),
        'revenue', @extschema@.revenue($1),
        'avg_order_value', @extschema@.avg_order_value($1),
        'revenue_per_customer', @extschema@.revenue_per_customer($1),
        'cost', @extschema@.cost($1),
        'profit', @extschema@.profit($1),
        'profit_per_customer', @extschema@.profit_per_customer($1),
        'first_order_at', @extschema@.first_order_at($1),
        'last_order_at', @extschema@.last_order_at($1),
        'avg_lifespan_seconds', pg_catalog.date_part('epoch', @extschema@.avg_lifespan($1)),
        'avg_time_between_purchases_seconds', pg_catalog.date_part('epoch', @extschema@.avg_time_between_purchases($1)),
        'median_time_between_purchases_seconds', pg_catalog.date_part('epoch', @extschema@.median_time_between_purchases($1)),
        'gap_resolution_seconds', pg_catalog.date_part('epoch', @extschema@.gap_resolution($1))) $$;
COMMENT ON FUNCTION @extschema@.customer_stats_jsonb(@extschema@.customer_stats) IS
    'The cast of customer_stats to jsonb: customers, orders, repeat_customers, items, orders_per_customer, repeat_purchase_rate, revenue, avg_order_value, revenue_per_customer, cost, profit, profit_per_customer, first_order_at, last_order_at, and avg_lifespan, avg_time_between_purchases, median_time_between_purchases, gap_resolution in seconds (*_seconds) (docs/values.md).';
CREATE FUNCTION @extschema@.customer_stats_json(@extschema@.customer_stats) RETURNS json
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.customer_stats_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.customer_stats_json(@extschema@.customer_stats) IS
    'The cast of customer_stats to json (what to_json, to_jsonb and row_to_json use): customer_stats_jsonb as json.';
CREATE CAST (@extschema@.customer_stats AS jsonb) WITH FUNCTION @extschema@.customer_stats_jsonb(@extschema@.customer_stats);
COMMENT ON CAST (@extschema@.customer_stats AS jsonb) IS
    'customer_stats as JSON for drivers: customers, orders, repeat_customers, items, orders_per_customer, repeat_purchase_rate, revenue, avg_order_value, revenue_per_customer, cost, profit, profit_per_customer, first_order_at, last_order_at, and avg_lifespan, avg_time_between_purchases, median_time_between_purchases, gap_resolution in seconds (*_seconds).';
CREATE CAST (@extschema@.customer_stats AS json) WITH FUNCTION @extschema@.customer_stats_json(@extschema@.customer_stats);
COMMENT ON CAST (@extschema@.customer_stats AS json) IS
    'customer_stats as JSON for drivers (the keys of its jsonb cast).';

-- period_series ---------------------------------------------------------------------------
CREATE FUNCTION @extschema@.period_series_eq(@extschema@.period_series, @extschema@.period_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_eq(@extschema@.period_series, @extschema@.period_series) IS
    'The = operator of period_series: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.period_series_ne(@extschema@.period_series, @extschema@.period_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_ne(@extschema@.period_series, @extschema@.period_series) IS
    'The <> operator of period_series: not equal.';
CREATE FUNCTION @extschema@.period_series_lt(@extschema@.period_series, @extschema@.period_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_lt(@extschema@.period_series, @extschema@.period_series) IS
    'The < operator of period_series: sorts before.';
CREATE FUNCTION @extschema@.period_series_le(@extschema@.period_series, @extschema@.period_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_le(@extschema@.period_series, @extschema@.period_series) IS
    'The <= operator of period_series: sorts before or equal.';
CREATE FUNCTION @extschema@.period_series_gt(@extschema@.period_series, @extschema@.period_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_gt(@extschema@.period_series, @extschema@.period_series) IS
    'The > operator of period_series: sorts after.';
CREATE FUNCTION @extschema@.period_series_ge(@extschema@.period_series, @extschema@.period_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_ge(@extschema@.period_series, @extschema@.period_series) IS
    'The >= operator of period_series: sorts after or equal.';
CREATE FUNCTION @extschema@.period_series_cmp(@extschema@.period_series, @extschema@.period_series) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_cmp(@extschema@.period_series, @extschema@.period_series) IS
    'Btree comparison of period_series (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.period_series_hash(@extschema@.period_series) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_hash(@extschema@.period_series) IS
    'Hash of period_series (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.period_series_hash_extended(@extschema@.period_series, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.period_series_hash_extended(@extschema@.period_series, bigint) IS
    '64-bit seeded hash of period_series (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.period_series, RIGHTARG = @extschema@.period_series, FUNCTION = @extschema@.period_series_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.period_series, @extschema@.period_series) IS
    'period_series = period_series: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.period_series, RIGHTARG = @extschema@.period_series, FUNCTION = @extschema@.period_series_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.period_series, @extschema@.period_series) IS
    'period_series <> period_series: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.period_series, RIGHTARG = @extschema@.period_series, FUNCTION = @extschema@.period_series_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.period_series, @extschema@.period_series) IS
    'period_series < period_series: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.period_series, RIGHTARG = @extschema@.period_series, FUNCTION = @extschema@.period_series_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.period_series, @extschema@.period_series) IS
    'period_series <= period_series: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.period_series, RIGHTARG = @extschema@.period_series, FUNCTION = @extschema@.period_series_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.period_series, @extschema@.period_series) IS
    'period_series > period_series: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.period_series, RIGHTARG = @extschema@.period_series, FUNCTION = @extschema@.period_series_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.period_series, @extschema@.period_series) IS
    'period_series >= period_series: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.period_series_ops DEFAULT FOR TYPE @extschema@.period_series USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.period_series_cmp(@extschema@.period_series, @extschema@.period_series);
COMMENT ON OPERATOR CLASS @extschema@.period_series_ops USING btree IS
    'Default btree class of period_series: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.period_series_ops USING btree IS
    'Btree family of period_series (its default class alone).';
CREATE OPERATOR CLASS @extschema@.period_series_ops DEFAULT FOR TYPE @extschema@.period_series USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.period_series_hash(@extschema@.period_series), FUNCTION 2 @extschema@.period_series_hash_extended(@extschema@.period_series, bigint);
COMMENT ON OPERATOR CLASS @extschema@.period_series_ops USING hash IS
    'Default hash class of period_series: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.period_series_ops USING hash IS
    'Hash family of period_series (its default class alone).';
CREATE FUNCTION @extschema@.period_series_jsonb(@extschema@.period_series) RETURNS jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'periods', (SELECT COALESCE(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r)), '[]'::pg_catalog.jsonb) FROM @extschema@.periods($1) r)) $$;
COMMENT ON FUNCTION @extschema@.period_series_jsonb(@extschema@.period_series) IS
    'The cast of period_series to jsonb: periods: the rows of periods() (docs/values.md).';
CREATE FUNCTION @extschema@.period_series_json(@extschema@.period_series) RETURNS json
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.period_series_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.period_series_json(@extschema@.period_series) IS
    'The cast of period_series to json (what to_json, to_jsonb and row_to_json use): period_series_jsonb as json.';
CREATE CAST (@extschema@.period_series AS jsonb) WITH FUNCTION @extschema@.period_series_jsonb(@extschema@.period_series);
COMMENT ON CAST (@extschema@.period_series AS jsonb) IS
    'period_series as JSON for drivers: periods: the rows of periods().';
CREATE CAST (@extschema@.period_series AS json) WITH FUNCTION @extschema@.period_series_json(@extschema@.period_series);
COMMENT ON CAST (@extschema@.period_series AS json) IS
    'period_series as JSON for drivers (the keys of its jsonb cast).';

-- retention_summary -----------------------------------------------------------------------
CREATE FUNCTION @extschema@.retention_summary_eq(@extschema@.retention_summary, @extschema@.retention_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_summary_eq(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'The = operator of retention_summary: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.retention_summary_ne(@extschema@.retention_summary, @extschema@.retention_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_summary_ne(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'The <> operator of retention_summary: not equal.';
CREATE FUNCTION @extschema@.retention_summary_lt(@extschema@.retention_summary, @extschema@.retention_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_summary_lt(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'The < operator of retention_summary: sorts before.';
CREATE FUNCTION @extschema@.retention_summary_le(@extschema@.retention_summary, @extschema@.retention_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_summary_le(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'The <= operator of retention_summary: sorts before or equal.';
CREATE FUNCTION @extschema@.retention_summary_gt(@extschema@.retention_summary, @extschema@.retention_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_summary_gt(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'The > operator of retention_summary: sorts after.';
CREATE FUNCTION @extschema@.retention_summary_ge(@extschema@.retention_summary, @extschema@.retention_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_summary_ge(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'The >= operator of retention_summary: sorts after or equal.';
CREATE FUNCTION @extschema@.retention_summary_cmp(@extschema@.retention_summary, @extschema@.retention_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_summary_cmp(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'Btree comparison of retention_summary (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.retention_summary_hash(@extschema@.retention_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_summary_hash(@extschema@.retention_summary) IS
    'Hash of retention_summary (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.retention_summary_hash_extended(@extschema@.retention_summary, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.retention_summary_hash_extended(@extschema@.retention_summary, bigint) IS
    '64-bit seeded hash of retention_summary (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.retention_summary, RIGHTARG = @extschema@.retention_summary, FUNCTION = @extschema@.retention_summary_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'retention_summary = retention_summary: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.retention_summary, RIGHTARG = @extschema@.retention_summary, FUNCTION = @extschema@.retention_summary_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'retention_summary <> retention_summary: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.retention_summary, RIGHTARG = @extschema@.retention_summary, FUNCTION = @extschema@.retention_summary_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'retention_summary < retention_summary: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.retention_summary, RIGHTARG = @extschema@.retention_summary, FUNCTION = @extschema@.retention_summary_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'retention_summary <= retention_summary: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.retention_summary, RIGHTARG = @extschema@.retention_summary, FUNCTION = @extschema@.retention_summary_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'retention_summary > retention_summary: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.retention_summary, RIGHTARG = @extschema@.retention_summary, FUNCTION = @extschema@.retention_summary_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.retention_summary, @extschema@.retention_summary) IS
    'retention_summary >= retention_summary: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.retention_summary_ops DEFAULT FOR TYPE @extschema@.retention_summary USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.retention_summary_cmp(@extschema@.retention_summary, @extschema@.retention_summary);
COMMENT ON OPERATOR CLASS @extschema@.retention_summary_ops USING btree IS
    'Default btree class of retention_summary: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.retention_summary_ops USING btree IS
    'Btree family of retention_summary (its default class alone).';
CREATE OPERATOR CLASS @extschema@.retention_summary_ops DEFAULT FOR TYPE @extschema@.retention_summary USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.retention_summary_hash(@extschema@.retention_summary), FUNCTION 2 @extschema@.retention_summary_hash_extended(@extschema@.retention_summary, bigint);
COMMENT ON OPERATOR CLASS @extschema@.retention_summary_ops USING hash IS
    'Default hash class of retention_summary: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.retention_summary_ops USING hash IS
    'Hash family of retention_summary (its default class alone).';
CREATE FUNCTION @extschema@.retention_summary_jsonb(@extschema@.retention_summary) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'customers_start', @extschema@.customers_start($1),
        'new_customers', @extschema@.new_customers($1),
        'retained', @extschema@.retained($1),
        'reactivated', @extschema@.reactivated($1),
        'churned', @extschema@.churned($1),
        'customers_end', @extschema@.customers_end($1),
        'retention_rate', @extschema@.retention_rate($1),
        'churn_rate', @extschema@.churn_rate($1)) $$;
COMMENT ON FUNCTION @extschema@.retention_summary_jsonb(@extschema@.retention_summary) IS
    'The cast of retention_summary to jsonb: customers_start, new_customers, retained, reactivated, churned, customers_end, retention_rate, churn_rate (docs/values.md).';
CREATE FUNCTION @extschema@.retention_summary_json(@extschema@.retention_summary) RETURNS json
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.retention_summary_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.retention_summary_json(@extschema@.retention_summary) IS
    'The cast of retention_summary to json (what to_json, to_jsonb and row_to_json use): retention_summary_jsonb as json.';
CREATE CAST (@extschema@.retention_summary AS jsonb) WITH FUNCTION @extschema@.retention_summary_jsonb(@extschema@.retention_summary);
COMMENT ON CAST (@extschema@.retention_summary AS jsonb) IS
    'retention_summary as JSON for drivers: customers_start, new_customers, retained, reactivated, churned, customers_end, retention_rate, churn_rate.';
CREATE CAST (@extschema@.retention_summary AS json) WITH FUNCTION @extschema@.retention_summary_json(@extschema@.retention_summary);
COMMENT ON CAST (@extschema@.retention_summary AS json) IS
    'retention_summary as JSON for drivers (the keys of its jsonb cast).';

-- cohort_summary --------------------------------------------------------------------------
CREATE FUNCTION @extschema@.cohort_summary_eq(@extschema@.cohort_summary, @extschema@.cohort_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_summary_eq(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'The = operator of cohort_summary: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.cohort_summary_ne(@extschema@.cohort_summary, @extschema@.cohort_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_summary_ne(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'The <> operator of cohort_summary: not equal.';
CREATE FUNCTION @extschema@.cohort_summary_lt(@extschema@.cohort_summary, @extschema@.cohort_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_summary_lt(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'The < operator of cohort_summary: sorts before.';
CREATE FUNCTION @extschema@.cohort_summary_le(@extschema@.cohort_summary, @extschema@.cohort_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_summary_le(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'The <= operator of cohort_summary: sorts before or equal.';
CREATE FUNCTION @extschema@.cohort_summary_gt(@extschema@.cohort_summary, @extschema@.cohort_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_summary_gt(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'The > operator of cohort_summary: sorts after.';
CREATE FUNCTION @extschema@.cohort_summary_ge(@extschema@.cohort_summary, @extschema@.cohort_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_summary_ge(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'The >= operator of cohort_summary: sorts after or equal.';
CREATE FUNCTION @extschema@.cohort_summary_cmp(@extschema@.cohort_summary, @extschema@.cohort_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_summary_cmp(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'Btree comparison of cohort_summary (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.cohort_summary_hash(@extschema@.cohort_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_summary_hash(@extschema@.cohort_summary) IS
    'Hash of cohort_summary (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.cohort_summary_hash_extended(@extschema@.cohort_summary, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.cohort_summary_hash_extended(@extschema@.cohort_summary, bigint) IS
    '64-bit seeded hash of cohort_summary (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.cohort_summary, RIGHTARG = @extschema@.cohort_summary, FUNCTION = @extschema@.cohort_summary_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'cohort_summary = cohort_summary: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.cohort_summary, RIGHTARG = @extschema@.cohort_summary, FUNCTION = @extschema@.cohort_summary_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'cohort_summary <> cohort_summary: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.cohort_summary, RIGHTARG = @extschema@.cohort_summary, FUNCTION = @extschema@.cohort_summary_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'cohort_summary < cohort_summary: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.cohort_summary, RIGHTARG = @extschema@.cohort_summary, FUNCTION = @extschema@.cohort_summary_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'cohort_summary <= cohort_summary: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.cohort_summary, RIGHTARG = @extschema@.cohort_summary, FUNCTION = @extschema@.cohort_summary_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'cohort_summary > cohort_summary: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.cohort_summary, RIGHTARG = @extschema@.cohort_summary, FUNCTION = @extschema@.cohort_summary_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.cohort_summary, @extschema@.cohort_summary) IS
    'cohort_summary >= cohort_summary: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.cohort_summary_ops DEFAULT FOR TYPE @extschema@.cohort_summary USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.cohort_summary_cmp(@extschema@.cohort_summary, @extschema@.cohort_summary);
COMMENT ON OPERATOR CLASS @extschema@.cohort_summary_ops USING btree IS
    'Default btree class of cohort_summary: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.cohort_summary_ops USING btree IS
    'Btree family of cohort_summary (its default class alone).';
CREATE OPERATOR CLASS @extschema@.cohort_summary_ops DEFAULT FOR TYPE @extschema@.cohort_summary USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.cohort_summary_hash(@extschema@.cohort_summary), FUNCTION 2 @extschema@.cohort_summary_hash_extended(@extschema@.cohort_summary, bigint);
COMMENT ON OPERATOR CLASS @extschema@.cohort_summary_ops USING hash IS
    'Default hash class of cohort_summary: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.cohort_summary_ops USING hash IS
    'Hash family of cohort_summary (its default class alone).';
CREATE FUNCTION @extschema@.cohort_summary_jsonb(@extschema@.cohort_summary) RETURNS jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'recurring', @extschema@.is_recurring($1),
        'cohorts', (SELECT COALESCE(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r)), '[]'::pg_catalog.jsonb) FROM @extschema@.cohort_table($1) r),
        'curve', (SELECT COALESCE(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r)), '[]'::pg_catalog.jsonb) FROM @extschema@.retention_curve($1) r),
        'brackets', (SELECT COALESCE(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r)), '[]'::pg_catalog.jsonb) FROM @extschema@.bracket_retention($1) r)) $$;
COMMENT ON FUNCTION @extschema@.cohort_summary_jsonb(@extschema@.cohort_summary) IS
    'The cast of cohort_summary to jsonb: recurring, cohorts (the rows of cohort_table()), curve (retention_curve()), brackets (bracket_retention()) (docs/values.md).';
CREATE FUNCTION @extschema@.cohort_summary_json(@extschema@.cohort_summary) RETURNS json
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.cohort_summary_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.cohort_summary_json(@extschema@.cohort_summary) IS
    'The cast of cohort_summary to json (what to_json, to_jsonb and row_to_json use): cohort_summary_jsonb as json.';
CREATE CAST (@extschema@.cohort_summary AS jsonb) WITH FUNCTION @extschema@.cohort_summary_jsonb(@extschema@.cohort_summary);
COMMENT ON CAST (@extschema@.cohort_summary AS jsonb) IS
    'cohort_summary as JSON for drivers: recurring, cohorts (the rows of cohort_table()), curve (retention_curve()), brackets (bracket_retention()).';
CREATE CAST (@extschema@.cohort_summary AS json) WITH FUNCTION @extschema@.cohort_summary_json(@extschema@.cohort_summary);
COMMENT ON CAST (@extschema@.cohort_summary AS json) IS
    'cohort_summary as JSON for drivers (the keys of its jsonb cast).';

-- mrr_series ------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.mrr_series_eq(@extschema@.mrr_series, @extschema@.mrr_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_series_eq(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'The = operator of mrr_series: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.mrr_series_ne(@extschema@.mrr_series, @extschema@.mrr_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_series_ne(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'The <> operator of mrr_series: not equal.';
CREATE FUNCTION @extschema@.mrr_series_lt(@extschema@.mrr_series, @extschema@.mrr_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_series_lt(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'The < operator of mrr_series: sorts before.';
CREATE FUNCTION @extschema@.mrr_series_le(@extschema@.mrr_series, @extschema@.mrr_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_series_le(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'The <= operator of mrr_series: sorts before or equal.';
CREATE FUNCTION @extschema@.mrr_series_gt(@extschema@.mrr_series, @extschema@.mrr_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_series_gt(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'The > operator of mrr_series: sorts after.';
CREATE FUNCTION @extschema@.mrr_series_ge(@extschema@.mrr_series, @extschema@.mrr_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_series_ge(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'The >= operator of mrr_series: sorts after or equal.';
CREATE FUNCTION @extschema@.mrr_series_cmp(@extschema@.mrr_series, @extschema@.mrr_series) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_series_cmp(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'Btree comparison of mrr_series (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.mrr_series_hash(@extschema@.mrr_series) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_series_hash(@extschema@.mrr_series) IS
    'Hash of mrr_series (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.mrr_series_hash_extended(@extschema@.mrr_series, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_series_hash_extended(@extschema@.mrr_series, bigint) IS
    '64-bit seeded hash of mrr_series (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.mrr_series, RIGHTARG = @extschema@.mrr_series, FUNCTION = @extschema@.mrr_series_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'mrr_series = mrr_series: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.mrr_series, RIGHTARG = @extschema@.mrr_series, FUNCTION = @extschema@.mrr_series_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'mrr_series <> mrr_series: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.mrr_series, RIGHTARG = @extschema@.mrr_series, FUNCTION = @extschema@.mrr_series_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'mrr_series < mrr_series: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.mrr_series, RIGHTARG = @extschema@.mrr_series, FUNCTION = @extschema@.mrr_series_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'mrr_series <= mrr_series: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.mrr_series, RIGHTARG = @extschema@.mrr_series, FUNCTION = @extschema@.mrr_series_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'mrr_series > mrr_series: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.mrr_series, RIGHTARG = @extschema@.mrr_series, FUNCTION = @extschema@.mrr_series_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.mrr_series, @extschema@.mrr_series) IS
    'mrr_series >= mrr_series: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.mrr_series_ops DEFAULT FOR TYPE @extschema@.mrr_series USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.mrr_series_cmp(@extschema@.mrr_series, @extschema@.mrr_series);
COMMENT ON OPERATOR CLASS @extschema@.mrr_series_ops USING btree IS
    'Default btree class of mrr_series: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.mrr_series_ops USING btree IS
    'Btree family of mrr_series (its default class alone).';
CREATE OPERATOR CLASS @extschema@.mrr_series_ops DEFAULT FOR TYPE @extschema@.mrr_series USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.mrr_series_hash(@extschema@.mrr_series), FUNCTION 2 @extschema@.mrr_series_hash_extended(@extschema@.mrr_series, bigint);
COMMENT ON OPERATOR CLASS @extschema@.mrr_series_ops USING hash IS
    'Default hash class of mrr_series: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.mrr_series_ops USING hash IS
    'Hash family of mrr_series (its default class alone).';
CREATE FUNCTION @extschema@.mrr_series_jsonb(@extschema@.mrr_series) RETURNS jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'periods', (SELECT COALESCE(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r)), '[]'::pg_catalog.jsonb) FROM @extschema@.periods($1) r)) $$;
COMMENT ON FUNCTION @extschema@.mrr_series_jsonb(@extschema@.mrr_series) IS
    'The cast of mrr_series to jsonb: periods: the rows of periods() (docs/values.md).';
CREATE FUNCTION @extschema@.mrr_series_json(@extschema@.mrr_series) RETURNS json
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.mrr_series_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.mrr_series_json(@extschema@.mrr_series) IS
    'The cast of mrr_series to json (what to_json, to_jsonb and row_to_json use): mrr_series_jsonb as json.';
CREATE CAST (@extschema@.mrr_series AS jsonb) WITH FUNCTION @extschema@.mrr_series_jsonb(@extschema@.mrr_series);
COMMENT ON CAST (@extschema@.mrr_series AS jsonb) IS
    'mrr_series as JSON for drivers: periods: the rows of periods().';
CREATE CAST (@extschema@.mrr_series AS json) WITH FUNCTION @extschema@.mrr_series_json(@extschema@.mrr_series);
COMMENT ON CAST (@extschema@.mrr_series AS json) IS
    'mrr_series as JSON for drivers (the keys of its jsonb cast).';

-- mrr_summary -----------------------------------------------------------------------------
CREATE FUNCTION @extschema@.mrr_summary_eq(@extschema@.mrr_summary, @extschema@.mrr_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_summary_eq(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'The = operator of mrr_summary: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.mrr_summary_ne(@extschema@.mrr_summary, @extschema@.mrr_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_summary_ne(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'The <> operator of mrr_summary: not equal.';
CREATE FUNCTION @extschema@.mrr_summary_lt(@extschema@.mrr_summary, @extschema@.mrr_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_summary_lt(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'The < operator of mrr_summary: sorts before.';
CREATE FUNCTION @extschema@.mrr_summary_le(@extschema@.mrr_summary, @extschema@.mrr_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_summary_le(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'The <= operator of mrr_summary: sorts before or equal.';
CREATE FUNCTION @extschema@.mrr_summary_gt(@extschema@.mrr_summary, @extschema@.mrr_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_summary_gt(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'The > operator of mrr_summary: sorts after.';
CREATE FUNCTION @extschema@.mrr_summary_ge(@extschema@.mrr_summary, @extschema@.mrr_summary) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_summary_ge(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'The >= operator of mrr_summary: sorts after or equal.';
CREATE FUNCTION @extschema@.mrr_summary_cmp(@extschema@.mrr_summary, @extschema@.mrr_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_summary_cmp(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'Btree comparison of mrr_summary (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.mrr_summary_hash(@extschema@.mrr_summary) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_summary_hash(@extschema@.mrr_summary) IS
    'Hash of mrr_summary (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.mrr_summary_hash_extended(@extschema@.mrr_summary, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_summary_hash_extended(@extschema@.mrr_summary, bigint) IS
    '64-bit seeded hash of mrr_summary (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.mrr_summary, RIGHTARG = @extschema@.mrr_summary, FUNCTION = @extschema@.mrr_summary_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'mrr_summary = mrr_summary: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.mrr_summary, RIGHTARG = @extschema@.mrr_summary, FUNCTION = @extschema@.mrr_summary_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'mrr_summary <> mrr_summary: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.mrr_summary, RIGHTARG = @extschema@.mrr_summary, FUNCTION = @extschema@.mrr_summary_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'mrr_summary < mrr_summary: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.mrr_summary, RIGHTARG = @extschema@.mrr_summary, FUNCTION = @extschema@.mrr_summary_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'mrr_summary <= mrr_summary: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.mrr_summary, RIGHTARG = @extschema@.mrr_summary, FUNCTION = @extschema@.mrr_summary_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'mrr_summary > mrr_summary: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.mrr_summary, RIGHTARG = @extschema@.mrr_summary, FUNCTION = @extschema@.mrr_summary_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'mrr_summary >= mrr_summary: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.mrr_summary_ops DEFAULT FOR TYPE @extschema@.mrr_summary USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.mrr_summary_cmp(@extschema@.mrr_summary, @extschema@.mrr_summary);
COMMENT ON OPERATOR CLASS @extschema@.mrr_summary_ops USING btree IS
    'Default btree class of mrr_summary: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.mrr_summary_ops USING btree IS
    'Btree family of mrr_summary (its default class alone).';
CREATE OPERATOR CLASS @extschema@.mrr_summary_ops DEFAULT FOR TYPE @extschema@.mrr_summary USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.mrr_summary_hash(@extschema@.mrr_summary), FUNCTION 2 @extschema@.mrr_summary_hash_extended(@extschema@.mrr_summary, bigint);
COMMENT ON OPERATOR CLASS @extschema@.mrr_summary_ops USING hash IS
    'Default hash class of mrr_summary: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.mrr_summary_ops USING hash IS
    'Hash family of mrr_summary (its default class alone).';
CREATE FUNCTION @extschema@.mrr_summary_jsonb(@extschema@.mrr_summary) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'mrr_start', @extschema@.mrr_start($1),
        'new_mrr', @extschema@.new_mrr($1),
        'expansion_mrr', @extschema@.expansion_mrr($1),
        'contraction_mrr', @extschema@.contraction_mrr($1),
        'churned_mrr', @extschema@.churned_mrr($1),
        'mrr_end', @extschema@.mrr_end($1),
        'customers_start', @extschema@.customers_start($1),
        'new_customers', @extschema@.new_customers($1),
        'expanded_customers', @extschema@.expanded_customers($1),
        'contracted_customers', @extschema@.contracted_customers($1),
        'churned_customers', @extschema@.churned_customers($1),
        'customers_end', @extschema@.customers_end($1),
        'revenue_churn', @extschema@.revenue_churn($1),
        'gross_mrr_churn', @extschema@.gross_mrr_churn($1),
        'net_mrr_churn', @extschema@.net_mrr_churn($1),
        'gross_revenue_retention', @extschema@.gross_revenue_retention($1),
        'net_revenue_retention', @extschema@.net_revenue_retention($1),
        'quick_ratio', @extschema@.quick_ratio($1)) $$;
COMMENT ON FUNCTION @extschema@.mrr_summary_jsonb(@extschema@.mrr_summary) IS
    'The cast of mrr_summary to jsonb: the figures of its accessors: mrr_start, new_mrr, expansion_mrr, contraction_mrr, churned_mrr, mrr_end, the customer counts and the rates (docs/values.md).';
CREATE FUNCTION @extschema@.mrr_summary_json(@extschema@.mrr_summary) RETURNS json
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.mrr_summary_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.mrr_summary_json(@extschema@.mrr_summary) IS
    'The cast of mrr_summary to json (what to_json, to_jsonb and row_to_json use): mrr_summary_jsonb as json.';
CREATE CAST (@extschema@.mrr_summary AS jsonb) WITH FUNCTION @extschema@.mrr_summary_jsonb(@extschema@.mrr_summary);
COMMENT ON CAST (@extschema@.mrr_summary AS jsonb) IS
    'mrr_summary as JSON for drivers: the figures of its accessors: mrr_start, new_mrr, expansion_mrr, contraction_mrr, churned_mrr, mrr_end, the customer counts and the rates.';
CREATE CAST (@extschema@.mrr_summary AS json) WITH FUNCTION @extschema@.mrr_summary_json(@extschema@.mrr_summary);
COMMENT ON CAST (@extschema@.mrr_summary AS json) IS
    'mrr_summary as JSON for drivers (the keys of its jsonb cast).';

-- bgnbd_model -----------------------------------------------------------------------------
CREATE FUNCTION @extschema@.bgnbd_model_eq(@extschema@.bgnbd_model, @extschema@.bgnbd_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgnbd_model_eq(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'The = operator of bgnbd_model: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.bgnbd_model_ne(@extschema@.bgnbd_model, @extschema@.bgnbd_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgnbd_model_ne(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'The <> operator of bgnbd_model: not equal.';
CREATE FUNCTION @extschema@.bgnbd_model_lt(@extschema@.bgnbd_model, @extschema@.bgnbd_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgnbd_model_lt(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'The < operator of bgnbd_model: sorts before.';
CREATE FUNCTION @extschema@.bgnbd_model_le(@extschema@.bgnbd_model, @extschema@.bgnbd_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgnbd_model_le(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'The <= operator of bgnbd_model: sorts before or equal.';
CREATE FUNCTION @extschema@.bgnbd_model_gt(@extschema@.bgnbd_model, @extschema@.bgnbd_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgnbd_model_gt(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'The > operator of bgnbd_model: sorts after.';
CREATE FUNCTION @extschema@.bgnbd_model_ge(@extschema@.bgnbd_model, @extschema@.bgnbd_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgnbd_model_ge(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'The >= operator of bgnbd_model: sorts after or equal.';
CREATE FUNCTION @extschema@.bgnbd_model_cmp(@extschema@.bgnbd_model, @extschema@.bgnbd_model) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgnbd_model_cmp(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'Btree comparison of bgnbd_model (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.bgnbd_model_hash(@extschema@.bgnbd_model) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgnbd_model_hash(@extschema@.bgnbd_model) IS
    'Hash of bgnbd_model (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.bgnbd_model_hash_extended(@extschema@.bgnbd_model, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgnbd_model_hash_extended(@extschema@.bgnbd_model, bigint) IS
    '64-bit seeded hash of bgnbd_model (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.bgnbd_model, RIGHTARG = @extschema@.bgnbd_model, FUNCTION = @extschema@.bgnbd_model_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'bgnbd_model = bgnbd_model: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.bgnbd_model, RIGHTARG = @extschema@.bgnbd_model, FUNCTION = @extschema@.bgnbd_model_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'bgnbd_model <> bgnbd_model: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.bgnbd_model, RIGHTARG = @extschema@.bgnbd_model, FUNCTION = @extschema@.bgnbd_model_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'bgnbd_model < bgnbd_model: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.bgnbd_model, RIGHTARG = @extschema@.bgnbd_model, FUNCTION = @extschema@.bgnbd_model_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'bgnbd_model <= bgnbd_model: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.bgnbd_model, RIGHTARG = @extschema@.bgnbd_model, FUNCTION = @extschema@.bgnbd_model_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'bgnbd_model > bgnbd_model: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.bgnbd_model, RIGHTARG = @extschema@.bgnbd_model, FUNCTION = @extschema@.bgnbd_model_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.bgnbd_model, @extschema@.bgnbd_model) IS
    'bgnbd_model >= bgnbd_model: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.bgnbd_model_ops DEFAULT FOR TYPE @extschema@.bgnbd_model USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.bgnbd_model_cmp(@extschema@.bgnbd_model, @extschema@.bgnbd_model);
COMMENT ON OPERATOR CLASS @extschema@.bgnbd_model_ops USING btree IS
    'Default btree class of bgnbd_model: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.bgnbd_model_ops USING btree IS
    'Btree family of bgnbd_model (its default class alone).';
CREATE OPERATOR CLASS @extschema@.bgnbd_model_ops DEFAULT FOR TYPE @extschema@.bgnbd_model USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.bgnbd_model_hash(@extschema@.bgnbd_model), FUNCTION 2 @extschema@.bgnbd_model_hash_extended(@extschema@.bgnbd_model, bigint);
COMMENT ON OPERATOR CLASS @extschema@.bgnbd_model_ops USING hash IS
    'Default hash class of bgnbd_model: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.bgnbd_model_ops USING hash IS
    'Hash family of bgnbd_model (its default class alone).';
CREATE FUNCTION @extschema@.bgnbd_model_jsonb(@extschema@.bgnbd_model) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'model', 'bgnbd',
        'parameters', pg_catalog.to_jsonb(@extschema@.parameters($1)),
        'fit_info', pg_catalog.to_jsonb(@extschema@.fit_info($1))) $$;
COMMENT ON FUNCTION @extschema@.bgnbd_model_jsonb(@extschema@.bgnbd_model) IS
    'The cast of bgnbd_model to jsonb: model, parameters (r, alpha, a, b), fit_info (docs/values.md).';
CREATE FUNCTION @extschema@.bgnbd_model_json(@extschema@.bgnbd_model) RETURNS json
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.bgnbd_model_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.bgnbd_model_json(@extschema@.bgnbd_model) IS
    'The cast of bgnbd_model to json (what to_json, to_jsonb and row_to_json use): bgnbd_model_jsonb as json.';
CREATE CAST (@extschema@.bgnbd_model AS jsonb) WITH FUNCTION @extschema@.bgnbd_model_jsonb(@extschema@.bgnbd_model);
COMMENT ON CAST (@extschema@.bgnbd_model AS jsonb) IS
    'bgnbd_model as JSON for drivers: model, parameters (r, alpha, a, b), fit_info.';
CREATE CAST (@extschema@.bgnbd_model AS json) WITH FUNCTION @extschema@.bgnbd_model_json(@extschema@.bgnbd_model);
COMMENT ON CAST (@extschema@.bgnbd_model AS json) IS
    'bgnbd_model as JSON for drivers (the keys of its jsonb cast).';

-- gamma_gamma_model -----------------------------------------------------------------------
CREATE FUNCTION @extschema@.gamma_gamma_model_eq(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_eq(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'The = operator of gamma_gamma_model: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.gamma_gamma_model_ne(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_ne(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'The <> operator of gamma_gamma_model: not equal.';
CREATE FUNCTION @extschema@.gamma_gamma_model_lt(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_lt(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'The < operator of gamma_gamma_model: sorts before.';
CREATE FUNCTION @extschema@.gamma_gamma_model_le(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_le(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'The <= operator of gamma_gamma_model: sorts before or equal.';
CREATE FUNCTION @extschema@.gamma_gamma_model_gt(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_gt(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'The > operator of gamma_gamma_model: sorts after.';
CREATE FUNCTION @extschema@.gamma_gamma_model_ge(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_ge(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'The >= operator of gamma_gamma_model: sorts after or equal.';
CREATE FUNCTION @extschema@.gamma_gamma_model_cmp(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_cmp(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'Btree comparison of gamma_gamma_model (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.gamma_gamma_model_hash(@extschema@.gamma_gamma_model) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_hash(@extschema@.gamma_gamma_model) IS
    'Hash of gamma_gamma_model (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.gamma_gamma_model_hash_extended(@extschema@.gamma_gamma_model, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_hash_extended(@extschema@.gamma_gamma_model, bigint) IS
    '64-bit seeded hash of gamma_gamma_model (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.gamma_gamma_model, RIGHTARG = @extschema@.gamma_gamma_model, FUNCTION = @extschema@.gamma_gamma_model_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'gamma_gamma_model = gamma_gamma_model: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.gamma_gamma_model, RIGHTARG = @extschema@.gamma_gamma_model, FUNCTION = @extschema@.gamma_gamma_model_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'gamma_gamma_model <> gamma_gamma_model: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.gamma_gamma_model, RIGHTARG = @extschema@.gamma_gamma_model, FUNCTION = @extschema@.gamma_gamma_model_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'gamma_gamma_model < gamma_gamma_model: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.gamma_gamma_model, RIGHTARG = @extschema@.gamma_gamma_model, FUNCTION = @extschema@.gamma_gamma_model_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'gamma_gamma_model <= gamma_gamma_model: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.gamma_gamma_model, RIGHTARG = @extschema@.gamma_gamma_model, FUNCTION = @extschema@.gamma_gamma_model_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'gamma_gamma_model > gamma_gamma_model: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.gamma_gamma_model, RIGHTARG = @extschema@.gamma_gamma_model, FUNCTION = @extschema@.gamma_gamma_model_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model) IS
    'gamma_gamma_model >= gamma_gamma_model: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.gamma_gamma_model_ops DEFAULT FOR TYPE @extschema@.gamma_gamma_model USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.gamma_gamma_model_cmp(@extschema@.gamma_gamma_model, @extschema@.gamma_gamma_model);
COMMENT ON OPERATOR CLASS @extschema@.gamma_gamma_model_ops USING btree IS
    'Default btree class of gamma_gamma_model: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.gamma_gamma_model_ops USING btree IS
    'Btree family of gamma_gamma_model (its default class alone).';
CREATE OPERATOR CLASS @extschema@.gamma_gamma_model_ops DEFAULT FOR TYPE @extschema@.gamma_gamma_model USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.gamma_gamma_model_hash(@extschema@.gamma_gamma_model), FUNCTION 2 @extschema@.gamma_gamma_model_hash_extended(@extschema@.gamma_gamma_model, bigint);
COMMENT ON OPERATOR CLASS @extschema@.gamma_gamma_model_ops USING hash IS
    'Default hash class of gamma_gamma_model: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.gamma_gamma_model_ops USING hash IS
    'Hash family of gamma_gamma_model (its default class alone).';
CREATE FUNCTION @extschema@.gamma_gamma_model_jsonb(@extschema@.gamma_gamma_model) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'model', 'gamma_gamma',
        'parameters', pg_catalog.to_jsonb(@extschema@.parameters($1)),
        'fit_info', pg_catalog.to_jsonb(@extschema@.fit_info($1))) $$;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_jsonb(@extschema@.gamma_gamma_model) IS
    'The cast of gamma_gamma_model to jsonb: model, parameters (p, q, v), fit_info (docs/values.md).';
CREATE FUNCTION @extschema@.gamma_gamma_model_json(@extschema@.gamma_gamma_model) RETURNS json
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.gamma_gamma_model_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.gamma_gamma_model_json(@extschema@.gamma_gamma_model) IS
    'The cast of gamma_gamma_model to json (what to_json, to_jsonb and row_to_json use): gamma_gamma_model_jsonb as json.';
CREATE CAST (@extschema@.gamma_gamma_model AS jsonb) WITH FUNCTION @extschema@.gamma_gamma_model_jsonb(@extschema@.gamma_gamma_model);
COMMENT ON CAST (@extschema@.gamma_gamma_model AS jsonb) IS
    'gamma_gamma_model as JSON for drivers: model, parameters (p, q, v), fit_info.';
CREATE CAST (@extschema@.gamma_gamma_model AS json) WITH FUNCTION @extschema@.gamma_gamma_model_json(@extschema@.gamma_gamma_model);
COMMENT ON CAST (@extschema@.gamma_gamma_model AS json) IS
    'gamma_gamma_model as JSON for drivers (the keys of its jsonb cast).';

-- sbg_model -------------------------------------------------------------------------------
CREATE FUNCTION @extschema@.sbg_model_eq(@extschema@.sbg_model, @extschema@.sbg_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_model_eq(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'The = operator of sbg_model: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.sbg_model_ne(@extschema@.sbg_model, @extschema@.sbg_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_model_ne(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'The <> operator of sbg_model: not equal.';
CREATE FUNCTION @extschema@.sbg_model_lt(@extschema@.sbg_model, @extschema@.sbg_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_model_lt(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'The < operator of sbg_model: sorts before.';
CREATE FUNCTION @extschema@.sbg_model_le(@extschema@.sbg_model, @extschema@.sbg_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_model_le(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'The <= operator of sbg_model: sorts before or equal.';
CREATE FUNCTION @extschema@.sbg_model_gt(@extschema@.sbg_model, @extschema@.sbg_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_model_gt(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'The > operator of sbg_model: sorts after.';
CREATE FUNCTION @extschema@.sbg_model_ge(@extschema@.sbg_model, @extschema@.sbg_model) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_model_ge(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'The >= operator of sbg_model: sorts after or equal.';
CREATE FUNCTION @extschema@.sbg_model_cmp(@extschema@.sbg_model, @extschema@.sbg_model) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_model_cmp(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'Btree comparison of sbg_model (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.sbg_model_hash(@extschema@.sbg_model) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_model_hash(@extschema@.sbg_model) IS
    'Hash of sbg_model (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.sbg_model_hash_extended(@extschema@.sbg_model, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_model_hash_extended(@extschema@.sbg_model, bigint) IS
    '64-bit seeded hash of sbg_model (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.sbg_model, RIGHTARG = @extschema@.sbg_model, FUNCTION = @extschema@.sbg_model_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'sbg_model = sbg_model: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.sbg_model, RIGHTARG = @extschema@.sbg_model, FUNCTION = @extschema@.sbg_model_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'sbg_model <> sbg_model: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.sbg_model, RIGHTARG = @extschema@.sbg_model, FUNCTION = @extschema@.sbg_model_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'sbg_model < sbg_model: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.sbg_model, RIGHTARG = @extschema@.sbg_model, FUNCTION = @extschema@.sbg_model_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'sbg_model <= sbg_model: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.sbg_model, RIGHTARG = @extschema@.sbg_model, FUNCTION = @extschema@.sbg_model_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'sbg_model > sbg_model: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.sbg_model, RIGHTARG = @extschema@.sbg_model, FUNCTION = @extschema@.sbg_model_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.sbg_model, @extschema@.sbg_model) IS
    'sbg_model >= sbg_model: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.sbg_model_ops DEFAULT FOR TYPE @extschema@.sbg_model USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.sbg_model_cmp(@extschema@.sbg_model, @extschema@.sbg_model);
COMMENT ON OPERATOR CLASS @extschema@.sbg_model_ops USING btree IS
    'Default btree class of sbg_model: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.sbg_model_ops USING btree IS
    'Btree family of sbg_model (its default class alone).';
CREATE OPERATOR CLASS @extschema@.sbg_model_ops DEFAULT FOR TYPE @extschema@.sbg_model USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.sbg_model_hash(@extschema@.sbg_model), FUNCTION 2 @extschema@.sbg_model_hash_extended(@extschema@.sbg_model, bigint);
COMMENT ON OPERATOR CLASS @extschema@.sbg_model_ops USING hash IS
    'Default hash class of sbg_model: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.sbg_model_ops USING hash IS
    'Hash family of sbg_model (its default class alone).';
CREATE FUNCTION @extschema@.sbg_model_jsonb(@extschema@.sbg_model) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'model', 'sbg',
        'parameters', pg_catalog.to_jsonb(@extschema@.parameters($1)),
        'fit_info', pg_catalog.to_jsonb(@extschema@.fit_info($1))) $$;
COMMENT ON FUNCTION @extschema@.sbg_model_jsonb(@extschema@.sbg_model) IS
    'The cast of sbg_model to jsonb: model, parameters (alpha, beta), fit_info (docs/values.md).';
CREATE FUNCTION @extschema@.sbg_model_json(@extschema@.sbg_model) RETURNS json
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.sbg_model_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.sbg_model_json(@extschema@.sbg_model) IS
    'The cast of sbg_model to json (what to_json, to_jsonb and row_to_json use): sbg_model_jsonb as json.';
CREATE CAST (@extschema@.sbg_model AS jsonb) WITH FUNCTION @extschema@.sbg_model_jsonb(@extschema@.sbg_model);
COMMENT ON CAST (@extschema@.sbg_model AS jsonb) IS
    'sbg_model as JSON for drivers: model, parameters (alpha, beta), fit_info.';
CREATE CAST (@extschema@.sbg_model AS json) WITH FUNCTION @extschema@.sbg_model_json(@extschema@.sbg_model);
COMMENT ON CAST (@extschema@.sbg_model AS json) IS
    'sbg_model as JSON for drivers (the keys of its jsonb cast).';

-- survival_curve --------------------------------------------------------------------------
CREATE FUNCTION @extschema@.survival_curve_eq(@extschema@.survival_curve, @extschema@.survival_curve) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival_curve_eq(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'The = operator of survival_curve: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.survival_curve_ne(@extschema@.survival_curve, @extschema@.survival_curve) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival_curve_ne(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'The <> operator of survival_curve: not equal.';
CREATE FUNCTION @extschema@.survival_curve_lt(@extschema@.survival_curve, @extschema@.survival_curve) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival_curve_lt(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'The < operator of survival_curve: sorts before.';
CREATE FUNCTION @extschema@.survival_curve_le(@extschema@.survival_curve, @extschema@.survival_curve) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival_curve_le(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'The <= operator of survival_curve: sorts before or equal.';
CREATE FUNCTION @extschema@.survival_curve_gt(@extschema@.survival_curve, @extschema@.survival_curve) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival_curve_gt(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'The > operator of survival_curve: sorts after.';
CREATE FUNCTION @extschema@.survival_curve_ge(@extschema@.survival_curve, @extschema@.survival_curve) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival_curve_ge(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'The >= operator of survival_curve: sorts after or equal.';
CREATE FUNCTION @extschema@.survival_curve_cmp(@extschema@.survival_curve, @extschema@.survival_curve) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival_curve_cmp(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'Btree comparison of survival_curve (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.survival_curve_hash(@extschema@.survival_curve) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival_curve_hash(@extschema@.survival_curve) IS
    'Hash of survival_curve (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.survival_curve_hash_extended(@extschema@.survival_curve, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.survival_curve_hash_extended(@extschema@.survival_curve, bigint) IS
    '64-bit seeded hash of survival_curve (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.survival_curve, RIGHTARG = @extschema@.survival_curve, FUNCTION = @extschema@.survival_curve_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'survival_curve = survival_curve: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.survival_curve, RIGHTARG = @extschema@.survival_curve, FUNCTION = @extschema@.survival_curve_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'survival_curve <> survival_curve: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.survival_curve, RIGHTARG = @extschema@.survival_curve, FUNCTION = @extschema@.survival_curve_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'survival_curve < survival_curve: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.survival_curve, RIGHTARG = @extschema@.survival_curve, FUNCTION = @extschema@.survival_curve_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'survival_curve <= survival_curve: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.survival_curve, RIGHTARG = @extschema@.survival_curve, FUNCTION = @extschema@.survival_curve_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'survival_curve > survival_curve: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.survival_curve, RIGHTARG = @extschema@.survival_curve, FUNCTION = @extschema@.survival_curve_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.survival_curve, @extschema@.survival_curve) IS
    'survival_curve >= survival_curve: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.survival_curve_ops DEFAULT FOR TYPE @extschema@.survival_curve USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.survival_curve_cmp(@extschema@.survival_curve, @extschema@.survival_curve);
COMMENT ON OPERATOR CLASS @extschema@.survival_curve_ops USING btree IS
    'Default btree class of survival_curve: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.survival_curve_ops USING btree IS
    'Btree family of survival_curve (its default class alone).';
CREATE OPERATOR CLASS @extschema@.survival_curve_ops DEFAULT FOR TYPE @extschema@.survival_curve USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.survival_curve_hash(@extschema@.survival_curve), FUNCTION 2 @extschema@.survival_curve_hash_extended(@extschema@.survival_curve, bigint);
COMMENT ON OPERATOR CLASS @extschema@.survival_curve_ops USING hash IS
    'Default hash class of survival_curve: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.survival_curve_ops USING hash IS
    'Hash family of survival_curve (its default class alone).';
CREATE FUNCTION @extschema@.survival_curve_jsonb(@extschema@.survival_curve) RETURNS jsonb
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'subjects', @extschema@.subjects($1),
        'median_lifetime', @extschema@.median_lifetime($1),
        'curve', (SELECT COALESCE(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r)), '[]'::pg_catalog.jsonb) FROM @extschema@.survival_curve($1) r)) $$;
COMMENT ON FUNCTION @extschema@.survival_curve_jsonb(@extschema@.survival_curve) IS
    'The cast of survival_curve to jsonb: subjects, median_lifetime, curve (the rows of survival_curve()) (docs/values.md).';
CREATE FUNCTION @extschema@.survival_curve_json(@extschema@.survival_curve) RETURNS json
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.survival_curve_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.survival_curve_json(@extschema@.survival_curve) IS
    'The cast of survival_curve to json (what to_json, to_jsonb and row_to_json use): survival_curve_jsonb as json.';
CREATE CAST (@extschema@.survival_curve AS jsonb) WITH FUNCTION @extschema@.survival_curve_jsonb(@extschema@.survival_curve);
COMMENT ON CAST (@extschema@.survival_curve AS jsonb) IS
    'survival_curve as JSON for drivers: subjects, median_lifetime, curve (the rows of survival_curve()).';
CREATE CAST (@extschema@.survival_curve AS json) WITH FUNCTION @extschema@.survival_curve_json(@extschema@.survival_curve);
COMMENT ON CAST (@extschema@.survival_curve AS json) IS
    'survival_curve as JSON for drivers (the keys of its jsonb cast).';
-- issue 16 item 1: combine(), the keyword-free name of every rollup() aggregate ------------
-- ROLLUP is a grouping keyword: SQL parsers (sqlglot in Superset) refuse rollup(s) as a call.
-- Each combine(T) is the same aggregate as rollup(T) (same support functions, combine
-- function and parallel safety); rollup(T) stays, its comment naming combine.
CREATE AGGREGATE @extschema@.combine(@extschema@.cohort_summary) (
    SFUNC = @extschema@.cohort_summary_combine, STYPE = @extschema@.cohort_summary,
    FINALFUNC = @extschema@.cohort_summary_final, COMBINEFUNC = @extschema@.cohort_summary_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.cohort_summary) IS
    'Merge cohort summaries of disjoint customer sets (segments, shards, partitions) with the '
    'same calendar, kind and brackets. NULLs skipped; no rows gives NULL.';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.cohort_summary) IS
    'The original name of combine(cohort_summary), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.customer_history) (
    SFUNC = @extschema@.customer_history_rollup_trans, STYPE = internal,
    FINALFUNC = @extschema@.customer_history_final,
    COMBINEFUNC = @extschema@.customer_history_state_combine,
    SERIALFUNC = @extschema@.customer_history_serial, DESERIALFUNC = @extschema@.customer_history_deserial,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.customer_history) IS
    'Merge stored histories of the same customer (yesterday''s history and today''s orders, or '
    'partitions): the history of all their orders.';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.customer_history) IS
    'The original name of combine(customer_history), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.mrr_summary) (
    SFUNC = @extschema@.mrr_summary_combine, STYPE = @extschema@.mrr_summary,
    COMBINEFUNC = @extschema@.mrr_summary_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.mrr_summary) IS
    'Merge MRR summaries of disjoint customer sets. NULLs skipped; no rows gives NULL.';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.mrr_summary) IS
    'The original name of combine(mrr_summary), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.retention_summary) (
    SFUNC = @extschema@.retention_summary_combine, STYPE = @extschema@.retention_summary,
    COMBINEFUNC = @extschema@.retention_summary_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.retention_summary) IS
    'Merge retention summaries of disjoint customer sets (segments, shards, partitions) of the '
    'same period. NULLs skipped; no rows gives NULL.';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.retention_summary) IS
    'The original name of combine(retention_summary), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.mrr_series) (
    SFUNC = @extschema@.mrr_series_combine, STYPE = @extschema@.mrr_series,
    FINALFUNC = @extschema@.mrr_series_final, COMBINEFUNC = @extschema@.mrr_series_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.mrr_series) IS
    'Merge MRR series of disjoint customer sets with the same calendar. NULLs skipped; no rows '
    'gives NULL.';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.mrr_series) IS
    'The original name of combine(mrr_series), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.period_series) (
    SFUNC = @extschema@.period_series_combine, STYPE = @extschema@.period_series,
    FINALFUNC = @extschema@.period_series_final, COMBINEFUNC = @extschema@.period_series_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.period_series) IS
    'Merge period series of disjoint customer sets with the same calendar. NULLs skipped; no '
    'rows gives NULL.';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.period_series) IS
    'The original name of combine(period_series), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.customer_stats) (
    SFUNC = @extschema@.customer_stats_combine, STYPE = @extschema@.customer_stats,
    FINALFUNC = @extschema@.customer_stats_final, COMBINEFUNC = @extschema@.customer_stats_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.customer_stats) IS
    'Merge customer_stats of disjoint customer sets (segments, shards, partitions). NULLs '
    'skipped; no rows gives NULL.';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.customer_stats) IS
    'The original name of combine(customer_stats), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.survival_curve) (
    SFUNC = @extschema@.survival_curve_rollup_trans, STYPE = internal, FINALFUNC = @extschema@.kaplan_meier_final,
    COMBINEFUNC = @extschema@.kaplan_meier_combine, SERIALFUNC = @extschema@.kaplan_meier_serial,
    DESERIALFUNC = @extschema@.kaplan_meier_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.survival_curve) IS
    'Merge Kaplan-Meier states of disjoint sets of customers (exact). NULLs skipped; no rows '
    'gives NULL.';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.survival_curve) IS
    'The original name of combine(survival_curve), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.ces_summary) (
    SFUNC = @extschema@.ces_summary_combine,
    STYPE = @extschema@.ces_summary,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.ces_summary) IS
    'Merge stored ces_summary values (daily summaries into months, say) into one; exactly the '
    'summary of all their responses. NULL summaries are skipped; no rows gives NULL.';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.ces_summary) IS
    'The original name of combine(ces_summary), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.csat_summary) (
    SFUNC = @extschema@.csat_summary_combine,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.csat_summary) IS
    'Merge stored csat_summary values (daily summaries into months, say) into one; exactly the '
    'summary of all their responses. NULL summaries are skipped; no rows gives NULL.';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.csat_summary) IS
    'The original name of combine(csat_summary), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.nps_summary) (
    SFUNC = @extschema@.nps_summary_combine,
    STYPE = @extschema@.nps_summary,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.nps_summary) IS
    'Merge stored nps_summary values (daily summaries into months, say) into one; exactly the '
    'summary of all their responses. NULL summaries are skipped; no rows gives NULL.';
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.nps_summary) IS
    'The original name of combine(nps_summary), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';


-- ============================================================================================
-- issue 16, item 5 (types) (types): scores of other types and float amounts (src/survey.sql,
-- src/orders/{history,stats,series,cohort,mrr}.sql, each file's "issue 16" section).
-- ============================================================================================
-- Scores of other types (issue 16) ---------------------------------------------------------
-- Every aggregate above that takes an integer score has the same aggregate for a smallint,
-- bigint, numeric, double precision or real score (pandas writes bigint, or double precision
-- for an integer column with missing values; schemas use smallint or numeric). A whole number
-- of any of these types is that score; a fraction, NaN or an infinity is error 22023, as is a
-- score off the scale. The integer aggregates keep their own transition (and its per-row fast
-- path); these share one C transition per family (nps_score_trans, ...) that reads the score
-- by its type. Each type has its own SQL declaration of it, not an anyelement one, so that a
-- call without an expression (Citus's workers, OidFunctionCall) still knows the type from
-- the declaration.
-- Resolution (docs/survey.md, tests/pg_regress/sql/input_types.sql): an integer argument
-- still calls the integer aggregate; an untyped literal or NULL beside the scale arguments
-- ('4', NULL), which any overload accepts, goes to the double precision one (PostgreSQL's
-- preferred numeric type), with the same result.

-- transitions of the smallint score aggregates
CREATE FUNCTION @extschema@.nps_score_trans(@extschema@.nps_summary, smallint) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_score_trans(@extschema@.nps_summary, smallint) IS
    'Transition function of nps() and nps_agg() for smallint scores: counts one whole-number '
    'score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a score off the '
    'scale.';
CREATE FUNCTION @extschema@.nps_score_inv(@extschema@.nps_summary, smallint) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_score_inv(@extschema@.nps_summary, smallint) IS
    'Inverse transition of nps() for smallint scores, for sliding window frames: takes back '
    'one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, smallint) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, smallint) IS
    'Transition function of csat(score) and csat_agg(score) for smallint scores: counts one '
    'whole-number score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a '
    'score off the scale.';
CREATE FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, smallint) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, smallint) IS
    'Inverse transition of csat(score) for smallint scores, for sliding window frames: takes '
    'back one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, smallint, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, smallint, integer, integer, integer) IS
    'Transition function of csat(score, scale_min, scale_max, satisfied_min) and '
    'csat_agg(...) for smallint scores: counts one whole-number score (NULL skipped); error '
    '22023 for a fraction, NaN, an infinity or a score off the scale.';
CREATE FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, smallint, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, smallint, integer, integer, integer) IS
    'Inverse transition of csat(score, scale_min, scale_max, satisfied_min) for smallint '
    'scores, for sliding window frames: takes back one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.ces_score_trans(@extschema@.ces_summary, smallint, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_score_trans(@extschema@.ces_summary, smallint, integer) IS
    'Transition function of ces(), ces_mean() and ces_agg() for smallint scores: counts one '
    'whole-number score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a '
    'score off the scale.';
CREATE FUNCTION @extschema@.ces_score_inv(@extschema@.ces_summary, smallint, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_score_inv(@extschema@.ces_summary, smallint, integer) IS
    'Inverse transition of ces() and ces_mean() for smallint scores, for sliding window '
    'frames: takes back one score counted earlier (NULL skipped).';

-- transitions of the bigint score aggregates
CREATE FUNCTION @extschema@.nps_score_trans(@extschema@.nps_summary, bigint) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_score_trans(@extschema@.nps_summary, bigint) IS
    'Transition function of nps() and nps_agg() for bigint scores: counts one whole-number '
    'score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a score off the '
    'scale.';
CREATE FUNCTION @extschema@.nps_score_inv(@extschema@.nps_summary, bigint) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_score_inv(@extschema@.nps_summary, bigint) IS
    'Inverse transition of nps() for bigint scores, for sliding window frames: takes back one '
    'score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, bigint) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, bigint) IS
    'Transition function of csat(score) and csat_agg(score) for bigint scores: counts one '
    'whole-number score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a '
    'score off the scale.';
CREATE FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, bigint) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, bigint) IS
    'Inverse transition of csat(score) for bigint scores, for sliding window frames: takes '
    'back one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, bigint, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, bigint, integer, integer, integer) IS
    'Transition function of csat(score, scale_min, scale_max, satisfied_min) and '
    'csat_agg(...) for bigint scores: counts one whole-number score (NULL skipped); error '
    '22023 for a fraction, NaN, an infinity or a score off the scale.';
CREATE FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, bigint, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, bigint, integer, integer, integer) IS
    'Inverse transition of csat(score, scale_min, scale_max, satisfied_min) for bigint '
    'scores, for sliding window frames: takes back one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.ces_score_trans(@extschema@.ces_summary, bigint, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_score_trans(@extschema@.ces_summary, bigint, integer) IS
    'Transition function of ces(), ces_mean() and ces_agg() for bigint scores: counts one '
    'whole-number score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a '
    'score off the scale.';
CREATE FUNCTION @extschema@.ces_score_inv(@extschema@.ces_summary, bigint, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_score_inv(@extschema@.ces_summary, bigint, integer) IS
    'Inverse transition of ces() and ces_mean() for bigint scores, for sliding window frames: '
    'takes back one score counted earlier (NULL skipped).';

-- transitions of the numeric score aggregates
CREATE FUNCTION @extschema@.nps_score_trans(@extschema@.nps_summary, numeric) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_score_trans(@extschema@.nps_summary, numeric) IS
    'Transition function of nps() and nps_agg() for numeric scores: counts one whole-number '
    'score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a score off the '
    'scale.';
CREATE FUNCTION @extschema@.nps_score_inv(@extschema@.nps_summary, numeric) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_score_inv(@extschema@.nps_summary, numeric) IS
    'Inverse transition of nps() for numeric scores, for sliding window frames: takes back '
    'one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, numeric) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, numeric) IS
    'Transition function of csat(score) and csat_agg(score) for numeric scores: counts one '
    'whole-number score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a '
    'score off the scale.';
CREATE FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, numeric) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, numeric) IS
    'Inverse transition of csat(score) for numeric scores, for sliding window frames: takes '
    'back one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, numeric, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, numeric, integer, integer, integer) IS
    'Transition function of csat(score, scale_min, scale_max, satisfied_min) and '
    'csat_agg(...) for numeric scores: counts one whole-number score (NULL skipped); error '
    '22023 for a fraction, NaN, an infinity or a score off the scale.';
CREATE FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, numeric, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, numeric, integer, integer, integer) IS
    'Inverse transition of csat(score, scale_min, scale_max, satisfied_min) for numeric '
    'scores, for sliding window frames: takes back one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.ces_score_trans(@extschema@.ces_summary, numeric, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_score_trans(@extschema@.ces_summary, numeric, integer) IS
    'Transition function of ces(), ces_mean() and ces_agg() for numeric scores: counts one '
    'whole-number score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a '
    'score off the scale.';
CREATE FUNCTION @extschema@.ces_score_inv(@extschema@.ces_summary, numeric, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_score_inv(@extschema@.ces_summary, numeric, integer) IS
    'Inverse transition of ces() and ces_mean() for numeric scores, for sliding window '
    'frames: takes back one score counted earlier (NULL skipped).';

-- transitions of the double precision score aggregates
CREATE FUNCTION @extschema@.nps_score_trans(@extschema@.nps_summary, double precision) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_score_trans(@extschema@.nps_summary, double precision) IS
    'Transition function of nps() and nps_agg() for double precision scores: counts one '
    'whole-number score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a '
    'score off the scale.';
CREATE FUNCTION @extschema@.nps_score_inv(@extschema@.nps_summary, double precision) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_score_inv(@extschema@.nps_summary, double precision) IS
    'Inverse transition of nps() for double precision scores, for sliding window frames: '
    'takes back one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, double precision) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, double precision) IS
    'Transition function of csat(score) and csat_agg(score) for double precision scores: '
    'counts one whole-number score (NULL skipped); error 22023 for a fraction, NaN, an '
    'infinity or a score off the scale.';
CREATE FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, double precision) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, double precision) IS
    'Inverse transition of csat(score) for double precision scores, for sliding window '
    'frames: takes back one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, double precision, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, double precision, integer, integer, integer) IS
    'Transition function of csat(score, scale_min, scale_max, satisfied_min) and '
    'csat_agg(...) for double precision scores: counts one whole-number score (NULL skipped); '
    'error 22023 for a fraction, NaN, an infinity or a score off the scale.';
CREATE FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, double precision, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, double precision, integer, integer, integer) IS
    'Inverse transition of csat(score, scale_min, scale_max, satisfied_min) for double '
    'precision scores, for sliding window frames: takes back one score counted earlier (NULL '
    'skipped).';
CREATE FUNCTION @extschema@.ces_score_trans(@extschema@.ces_summary, double precision, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_score_trans(@extschema@.ces_summary, double precision, integer) IS
    'Transition function of ces(), ces_mean() and ces_agg() for double precision scores: '
    'counts one whole-number score (NULL skipped); error 22023 for a fraction, NaN, an '
    'infinity or a score off the scale.';
CREATE FUNCTION @extschema@.ces_score_inv(@extschema@.ces_summary, double precision, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_score_inv(@extschema@.ces_summary, double precision, integer) IS
    'Inverse transition of ces() and ces_mean() for double precision scores, for sliding '
    'window frames: takes back one score counted earlier (NULL skipped).';

-- transitions of the real score aggregates
CREATE FUNCTION @extschema@.nps_score_trans(@extschema@.nps_summary, real) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_score_trans(@extschema@.nps_summary, real) IS
    'Transition function of nps() and nps_agg() for real scores: counts one whole-number '
    'score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a score off the '
    'scale.';
CREATE FUNCTION @extschema@.nps_score_inv(@extschema@.nps_summary, real) RETURNS @extschema@.nps_summary
AS 'MODULE_PATHNAME', 'nps_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.nps_score_inv(@extschema@.nps_summary, real) IS
    'Inverse transition of nps() for real scores, for sliding window frames: takes back one '
    'score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, real) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, real) IS
    'Transition function of csat(score) and csat_agg(score) for real scores: counts one '
    'whole-number score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a '
    'score off the scale.';
CREATE FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, real) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, real) IS
    'Inverse transition of csat(score) for real scores, for sliding window frames: takes back '
    'one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, real, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_trans(@extschema@.csat_summary, real, integer, integer, integer) IS
    'Transition function of csat(score, scale_min, scale_max, satisfied_min) and '
    'csat_agg(...) for real scores: counts one whole-number score (NULL skipped); error 22023 '
    'for a fraction, NaN, an infinity or a score off the scale.';
CREATE FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, real, integer, integer, integer) RETURNS @extschema@.csat_summary
AS 'MODULE_PATHNAME', 'csat_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.csat_score_inv(@extschema@.csat_summary, real, integer, integer, integer) IS
    'Inverse transition of csat(score, scale_min, scale_max, satisfied_min) for real scores, '
    'for sliding window frames: takes back one score counted earlier (NULL skipped).';
CREATE FUNCTION @extschema@.ces_score_trans(@extschema@.ces_summary, real, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_score_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_score_trans(@extschema@.ces_summary, real, integer) IS
    'Transition function of ces(), ces_mean() and ces_agg() for real scores: counts one '
    'whole-number score (NULL skipped); error 22023 for a fraction, NaN, an infinity or a '
    'score off the scale.';
CREATE FUNCTION @extschema@.ces_score_inv(@extschema@.ces_summary, real, integer) RETURNS @extschema@.ces_summary
AS 'MODULE_PATHNAME', 'ces_score_inv' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.ces_score_inv(@extschema@.ces_summary, real, integer) IS
    'Inverse transition of ces() and ces_mean() for real scores, for sliding window frames: '
    'takes back one score counted earlier (NULL skipped).';

-- smallint scores
CREATE AGGREGATE @extschema@.nps(score smallint) (
    SFUNC = @extschema@.nps_score_trans,
    STYPE = @extschema@.nps_summary,
    FINALFUNC = @extschema@.nps,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    MSFUNC = @extschema@.nps_score_trans,
    MINVFUNC = @extschema@.nps_score_inv,
    MSTYPE = @extschema@.nps_summary,
    MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps(smallint) IS
    'Net Promoter Score of 0..10 scores given as smallint (same as nps(integer)). NULL scores '
    'skipped; no scores gives NULL; a whole number of any score type counts; a fraction, NaN '
    'or infinity is error 22023, as is a score outside 0..10.';
CREATE AGGREGATE @extschema@.nps_agg(score smallint) (
    SFUNC = @extschema@.nps_score_trans,
    STYPE = @extschema@.nps_summary,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps_agg(smallint) IS
    'Summary (nps_summary) of 0..10 scores given as smallint (same as nps_agg(integer)). NULL '
    'scores skipped; no scores gives NULL; a whole number of any score type counts; a '
    'fraction, NaN or infinity is error 22023, as is a score outside 0..10.';
CREATE AGGREGATE @extschema@.csat(score smallint) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_score_trans,
    MINVFUNC = @extschema@.csat_score_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(smallint) IS
    'Customer satisfaction score on the 1..5 scale of scores given as smallint (same as '
    'csat(integer)). NULL scores skipped; no scores gives NULL; a whole number of any score '
    'type counts; a fraction, NaN or infinity is error 22023, as is a score outside 1..5.';
CREATE AGGREGATE @extschema@.csat(score smallint, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_score_trans,
    MINVFUNC = @extschema@.csat_score_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(smallint, integer, integer, integer) IS
    'Customer satisfaction score on the scale scale_min..scale_max of scores given as '
    'smallint (same as csat(integer, ...)). NULL scores skipped; no scores gives NULL; a '
    'whole number of any score type counts; a fraction, NaN or infinity is error 22023, as is '
    'a score off the scale or an invalid scale; 22004 for a NULL scale argument.';
CREATE AGGREGATE @extschema@.csat_agg(score smallint) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(smallint) IS
    'Summary (csat_summary) of scores on the 1..5 scale given as smallint (same as '
    'csat_agg(integer)). NULL scores skipped; no scores gives NULL; a whole number of any '
    'score type counts; a fraction, NaN or infinity is error 22023, as is a score outside '
    '1..5.';
CREATE AGGREGATE @extschema@.csat_agg(score smallint, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(smallint, integer, integer, integer) IS
    'Summary (csat_summary) of scores on the scale scale_min..scale_max given as smallint '
    '(same as csat_agg(integer, ...)). NULL scores skipped; no scores gives NULL; a whole '
    'number of any score type counts; a fraction, NaN or infinity is error 22023, as is a '
    'score off the scale or an invalid scale; 22004 for a NULL scale argument.';
CREATE AGGREGATE @extschema@.ces(score smallint, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_score_trans,
    MINVFUNC = @extschema@.ces_score_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces(smallint, integer) IS
    'Customer effort score of scores 1..options given as smallint (same as ces(integer, '
    'integer)). NULL scores skipped; no scores gives NULL; a whole number of any score type '
    'counts; a fraction, NaN or infinity is error 22023, as is a score off the scale; 22004 '
    'for NULL options.';
CREATE AGGREGATE @extschema@.ces_mean(score smallint, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces_mean,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_score_trans,
    MINVFUNC = @extschema@.ces_score_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces_mean,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_mean(smallint, integer) IS
    'Mean effort score of scores 1..options given as smallint (same as ces_mean(integer, '
    'integer)). NULL scores skipped; no scores gives NULL; a whole number of any score type '
    'counts; a fraction, NaN or infinity is error 22023, as is a score off the scale; 22004 '
    'for NULL options.';
CREATE AGGREGATE @extschema@.ces_agg(score smallint, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_agg(smallint, integer) IS
    'Summary (ces_summary) of effort scores 1..options given as smallint (same as '
    'ces_agg(integer, integer)). NULL scores skipped; no scores gives NULL; a whole number of '
    'any score type counts; a fraction, NaN or infinity is error 22023, as is a score off the '
    'scale; 22004 for NULL options.';

-- bigint scores
CREATE AGGREGATE @extschema@.nps(score bigint) (
    SFUNC = @extschema@.nps_score_trans,
    STYPE = @extschema@.nps_summary,
    FINALFUNC = @extschema@.nps,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    MSFUNC = @extschema@.nps_score_trans,
    MINVFUNC = @extschema@.nps_score_inv,
    MSTYPE = @extschema@.nps_summary,
    MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps(bigint) IS
    'Net Promoter Score of 0..10 scores given as bigint (same as nps(integer)). NULL scores '
    'skipped; no scores gives NULL; a whole number of any score type counts; a fraction, NaN '
    'or infinity is error 22023, as is a score outside 0..10.';
CREATE AGGREGATE @extschema@.nps_agg(score bigint) (
    SFUNC = @extschema@.nps_score_trans,
    STYPE = @extschema@.nps_summary,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps_agg(bigint) IS
    'Summary (nps_summary) of 0..10 scores given as bigint (same as nps_agg(integer)). NULL '
    'scores skipped; no scores gives NULL; a whole number of any score type counts; a '
    'fraction, NaN or infinity is error 22023, as is a score outside 0..10.';
CREATE AGGREGATE @extschema@.csat(score bigint) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_score_trans,
    MINVFUNC = @extschema@.csat_score_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(bigint) IS
    'Customer satisfaction score on the 1..5 scale of scores given as bigint (same as '
    'csat(integer)). NULL scores skipped; no scores gives NULL; a whole number of any score '
    'type counts; a fraction, NaN or infinity is error 22023, as is a score outside 1..5.';
CREATE AGGREGATE @extschema@.csat(score bigint, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_score_trans,
    MINVFUNC = @extschema@.csat_score_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(bigint, integer, integer, integer) IS
    'Customer satisfaction score on the scale scale_min..scale_max of scores given as bigint '
    '(same as csat(integer, ...)). NULL scores skipped; no scores gives NULL; a whole number '
    'of any score type counts; a fraction, NaN or infinity is error 22023, as is a score off '
    'the scale or an invalid scale; 22004 for a NULL scale argument.';
CREATE AGGREGATE @extschema@.csat_agg(score bigint) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(bigint) IS
    'Summary (csat_summary) of scores on the 1..5 scale given as bigint (same as '
    'csat_agg(integer)). NULL scores skipped; no scores gives NULL; a whole number of any '
    'score type counts; a fraction, NaN or infinity is error 22023, as is a score outside '
    '1..5.';
CREATE AGGREGATE @extschema@.csat_agg(score bigint, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(bigint, integer, integer, integer) IS
    'Summary (csat_summary) of scores on the scale scale_min..scale_max given as bigint (same '
    'as csat_agg(integer, ...)). NULL scores skipped; no scores gives NULL; a whole number of '
    'any score type counts; a fraction, NaN or infinity is error 22023, as is a score off the '
    'scale or an invalid scale; 22004 for a NULL scale argument.';
CREATE AGGREGATE @extschema@.ces(score bigint, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_score_trans,
    MINVFUNC = @extschema@.ces_score_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces(bigint, integer) IS
    'Customer effort score of scores 1..options given as bigint (same as ces(integer, '
    'integer)). NULL scores skipped; no scores gives NULL; a whole number of any score type '
    'counts; a fraction, NaN or infinity is error 22023, as is a score off the scale; 22004 '
    'for NULL options.';
CREATE AGGREGATE @extschema@.ces_mean(score bigint, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces_mean,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_score_trans,
    MINVFUNC = @extschema@.ces_score_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces_mean,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_mean(bigint, integer) IS
    'Mean effort score of scores 1..options given as bigint (same as ces_mean(integer, '
    'integer)). NULL scores skipped; no scores gives NULL; a whole number of any score type '
    'counts; a fraction, NaN or infinity is error 22023, as is a score off the scale; 22004 '
    'for NULL options.';
CREATE AGGREGATE @extschema@.ces_agg(score bigint, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_agg(bigint, integer) IS
    'Summary (ces_summary) of effort scores 1..options given as bigint (same as '
    'ces_agg(integer, integer)). NULL scores skipped; no scores gives NULL; a whole number of '
    'any score type counts; a fraction, NaN or infinity is error 22023, as is a score off the '
    'scale; 22004 for NULL options.';

-- numeric scores
CREATE AGGREGATE @extschema@.nps(score numeric) (
    SFUNC = @extschema@.nps_score_trans,
    STYPE = @extschema@.nps_summary,
    FINALFUNC = @extschema@.nps,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    MSFUNC = @extschema@.nps_score_trans,
    MINVFUNC = @extschema@.nps_score_inv,
    MSTYPE = @extschema@.nps_summary,
    MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps(numeric) IS
    'Net Promoter Score of 0..10 scores given as numeric (same as nps(integer)). NULL scores '
    'skipped; no scores gives NULL; a whole number of any score type counts; a fraction, NaN '
    'or infinity is error 22023, as is a score outside 0..10.';
CREATE AGGREGATE @extschema@.nps_agg(score numeric) (
    SFUNC = @extschema@.nps_score_trans,
    STYPE = @extschema@.nps_summary,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps_agg(numeric) IS
    'Summary (nps_summary) of 0..10 scores given as numeric (same as nps_agg(integer)). NULL '
    'scores skipped; no scores gives NULL; a whole number of any score type counts; a '
    'fraction, NaN or infinity is error 22023, as is a score outside 0..10.';
CREATE AGGREGATE @extschema@.csat(score numeric) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_score_trans,
    MINVFUNC = @extschema@.csat_score_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(numeric) IS
    'Customer satisfaction score on the 1..5 scale of scores given as numeric (same as '
    'csat(integer)). NULL scores skipped; no scores gives NULL; a whole number of any score '
    'type counts; a fraction, NaN or infinity is error 22023, as is a score outside 1..5.';
CREATE AGGREGATE @extschema@.csat(score numeric, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_score_trans,
    MINVFUNC = @extschema@.csat_score_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(numeric, integer, integer, integer) IS
    'Customer satisfaction score on the scale scale_min..scale_max of scores given as numeric '
    '(same as csat(integer, ...)). NULL scores skipped; no scores gives NULL; a whole number '
    'of any score type counts; a fraction, NaN or infinity is error 22023, as is a score off '
    'the scale or an invalid scale; 22004 for a NULL scale argument.';
CREATE AGGREGATE @extschema@.csat_agg(score numeric) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(numeric) IS
    'Summary (csat_summary) of scores on the 1..5 scale given as numeric (same as '
    'csat_agg(integer)). NULL scores skipped; no scores gives NULL; a whole number of any '
    'score type counts; a fraction, NaN or infinity is error 22023, as is a score outside '
    '1..5.';
CREATE AGGREGATE @extschema@.csat_agg(score numeric, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(numeric, integer, integer, integer) IS
    'Summary (csat_summary) of scores on the scale scale_min..scale_max given as numeric '
    '(same as csat_agg(integer, ...)). NULL scores skipped; no scores gives NULL; a whole '
    'number of any score type counts; a fraction, NaN or infinity is error 22023, as is a '
    'score off the scale or an invalid scale; 22004 for a NULL scale argument.';
CREATE AGGREGATE @extschema@.ces(score numeric, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_score_trans,
    MINVFUNC = @extschema@.ces_score_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces(numeric, integer) IS
    'Customer effort score of scores 1..options given as numeric (same as ces(integer, '
    'integer)). NULL scores skipped; no scores gives NULL; a whole number of any score type '
    'counts; a fraction, NaN or infinity is error 22023, as is a score off the scale; 22004 '
    'for NULL options.';
CREATE AGGREGATE @extschema@.ces_mean(score numeric, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces_mean,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_score_trans,
    MINVFUNC = @extschema@.ces_score_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces_mean,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_mean(numeric, integer) IS
    'Mean effort score of scores 1..options given as numeric (same as ces_mean(integer, '
    'integer)). NULL scores skipped; no scores gives NULL; a whole number of any score type '
    'counts; a fraction, NaN or infinity is error 22023, as is a score off the scale; 22004 '
    'for NULL options.';
CREATE AGGREGATE @extschema@.ces_agg(score numeric, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_agg(numeric, integer) IS
    'Summary (ces_summary) of effort scores 1..options given as numeric (same as '
    'ces_agg(integer, integer)). NULL scores skipped; no scores gives NULL; a whole number of '
    'any score type counts; a fraction, NaN or infinity is error 22023, as is a score off the '
    'scale; 22004 for NULL options.';

-- double precision scores
CREATE AGGREGATE @extschema@.nps(score double precision) (
    SFUNC = @extschema@.nps_score_trans,
    STYPE = @extschema@.nps_summary,
    FINALFUNC = @extschema@.nps,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    MSFUNC = @extschema@.nps_score_trans,
    MINVFUNC = @extschema@.nps_score_inv,
    MSTYPE = @extschema@.nps_summary,
    MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps(double precision) IS
    'Net Promoter Score of 0..10 scores given as double precision (same as nps(integer)). '
    'NULL scores skipped; no scores gives NULL; a whole number of any score type counts; a '
    'fraction, NaN or infinity is error 22023, as is a score outside 0..10.';
CREATE AGGREGATE @extschema@.nps_agg(score double precision) (
    SFUNC = @extschema@.nps_score_trans,
    STYPE = @extschema@.nps_summary,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps_agg(double precision) IS
    'Summary (nps_summary) of 0..10 scores given as double precision (same as '
    'nps_agg(integer)). NULL scores skipped; no scores gives NULL; a whole number of any '
    'score type counts; a fraction, NaN or infinity is error 22023, as is a score outside '
    '0..10.';
CREATE AGGREGATE @extschema@.csat(score double precision) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_score_trans,
    MINVFUNC = @extschema@.csat_score_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(double precision) IS
    'Customer satisfaction score on the 1..5 scale of scores given as double precision (same '
    'as csat(integer)). NULL scores skipped; no scores gives NULL; a whole number of any '
    'score type counts; a fraction, NaN or infinity is error 22023, as is a score outside '
    '1..5.';
CREATE AGGREGATE @extschema@.csat(score double precision, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_score_trans,
    MINVFUNC = @extschema@.csat_score_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(double precision, integer, integer, integer) IS
    'Customer satisfaction score on the scale scale_min..scale_max of scores given as double '
    'precision (same as csat(integer, ...)). NULL scores skipped; no scores gives NULL; a '
    'whole number of any score type counts; a fraction, NaN or infinity is error 22023, as is '
    'a score off the scale or an invalid scale; 22004 for a NULL scale argument.';
CREATE AGGREGATE @extschema@.csat_agg(score double precision) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(double precision) IS
    'Summary (csat_summary) of scores on the 1..5 scale given as double precision (same as '
    'csat_agg(integer)). NULL scores skipped; no scores gives NULL; a whole number of any '
    'score type counts; a fraction, NaN or infinity is error 22023, as is a score outside '
    '1..5.';
CREATE AGGREGATE @extschema@.csat_agg(score double precision, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(double precision, integer, integer, integer) IS
    'Summary (csat_summary) of scores on the scale scale_min..scale_max given as double '
    'precision (same as csat_agg(integer, ...)). NULL scores skipped; no scores gives NULL; a '
    'whole number of any score type counts; a fraction, NaN or infinity is error 22023, as is '
    'a score off the scale or an invalid scale; 22004 for a NULL scale argument.';
CREATE AGGREGATE @extschema@.ces(score double precision, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_score_trans,
    MINVFUNC = @extschema@.ces_score_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces(double precision, integer) IS
    'Customer effort score of scores 1..options given as double precision (same as '
    'ces(integer, integer)). NULL scores skipped; no scores gives NULL; a whole number of any '
    'score type counts; a fraction, NaN or infinity is error 22023, as is a score off the '
    'scale; 22004 for NULL options.';
CREATE AGGREGATE @extschema@.ces_mean(score double precision, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces_mean,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_score_trans,
    MINVFUNC = @extschema@.ces_score_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces_mean,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_mean(double precision, integer) IS
    'Mean effort score of scores 1..options given as double precision (same as '
    'ces_mean(integer, integer)). NULL scores skipped; no scores gives NULL; a whole number '
    'of any score type counts; a fraction, NaN or infinity is error 22023, as is a score off '
    'the scale; 22004 for NULL options.';
CREATE AGGREGATE @extschema@.ces_agg(score double precision, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_agg(double precision, integer) IS
    'Summary (ces_summary) of effort scores 1..options given as double precision (same as '
    'ces_agg(integer, integer)). NULL scores skipped; no scores gives NULL; a whole number of '
    'any score type counts; a fraction, NaN or infinity is error 22023, as is a score off the '
    'scale; 22004 for NULL options.';

-- real scores
CREATE AGGREGATE @extschema@.nps(score real) (
    SFUNC = @extschema@.nps_score_trans,
    STYPE = @extschema@.nps_summary,
    FINALFUNC = @extschema@.nps,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    MSFUNC = @extschema@.nps_score_trans,
    MINVFUNC = @extschema@.nps_score_inv,
    MSTYPE = @extschema@.nps_summary,
    MFINALFUNC = @extschema@.nps,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps(real) IS
    'Net Promoter Score of 0..10 scores given as real (same as nps(integer)). NULL scores '
    'skipped; no scores gives NULL; a whole number of any score type counts; a fraction, NaN '
    'or infinity is error 22023, as is a score outside 0..10.';
CREATE AGGREGATE @extschema@.nps_agg(score real) (
    SFUNC = @extschema@.nps_score_trans,
    STYPE = @extschema@.nps_summary,
    COMBINEFUNC = @extschema@.nps_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.nps_agg(real) IS
    'Summary (nps_summary) of 0..10 scores given as real (same as nps_agg(integer)). NULL '
    'scores skipped; no scores gives NULL; a whole number of any score type counts; a '
    'fraction, NaN or infinity is error 22023, as is a score outside 0..10.';
CREATE AGGREGATE @extschema@.csat(score real) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_score_trans,
    MINVFUNC = @extschema@.csat_score_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(real) IS
    'Customer satisfaction score on the 1..5 scale of scores given as real (same as '
    'csat(integer)). NULL scores skipped; no scores gives NULL; a whole number of any score '
    'type counts; a fraction, NaN or infinity is error 22023, as is a score outside 1..5.';
CREATE AGGREGATE @extschema@.csat(score real, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    FINALFUNC = @extschema@.csat,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    MSFUNC = @extschema@.csat_score_trans,
    MINVFUNC = @extschema@.csat_score_inv,
    MSTYPE = @extschema@.csat_summary,
    MFINALFUNC = @extschema@.csat,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat(real, integer, integer, integer) IS
    'Customer satisfaction score on the scale scale_min..scale_max of scores given as real '
    '(same as csat(integer, ...)). NULL scores skipped; no scores gives NULL; a whole number '
    'of any score type counts; a fraction, NaN or infinity is error 22023, as is a score off '
    'the scale or an invalid scale; 22004 for a NULL scale argument.';
CREATE AGGREGATE @extschema@.csat_agg(score real) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(real) IS
    'Summary (csat_summary) of scores on the 1..5 scale given as real (same as '
    'csat_agg(integer)). NULL scores skipped; no scores gives NULL; a whole number of any '
    'score type counts; a fraction, NaN or infinity is error 22023, as is a score outside '
    '1..5.';
CREATE AGGREGATE @extschema@.csat_agg(score real, scale_min integer, scale_max integer, satisfied_min integer) (
    SFUNC = @extschema@.csat_score_trans,
    STYPE = @extschema@.csat_summary,
    COMBINEFUNC = @extschema@.csat_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.csat_agg(real, integer, integer, integer) IS
    'Summary (csat_summary) of scores on the scale scale_min..scale_max given as real (same '
    'as csat_agg(integer, ...)). NULL scores skipped; no scores gives NULL; a whole number of '
    'any score type counts; a fraction, NaN or infinity is error 22023, as is a score off the '
    'scale or an invalid scale; 22004 for a NULL scale argument.';
CREATE AGGREGATE @extschema@.ces(score real, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_score_trans,
    MINVFUNC = @extschema@.ces_score_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces(real, integer) IS
    'Customer effort score of scores 1..options given as real (same as ces(integer, '
    'integer)). NULL scores skipped; no scores gives NULL; a whole number of any score type '
    'counts; a fraction, NaN or infinity is error 22023, as is a score off the scale; 22004 '
    'for NULL options.';
CREATE AGGREGATE @extschema@.ces_mean(score real, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    FINALFUNC = @extschema@.ces_mean,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    MSFUNC = @extschema@.ces_score_trans,
    MINVFUNC = @extschema@.ces_score_inv,
    MSTYPE = @extschema@.ces_summary,
    MFINALFUNC = @extschema@.ces_mean,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_mean(real, integer) IS
    'Mean effort score of scores 1..options given as real (same as ces_mean(integer, '
    'integer)). NULL scores skipped; no scores gives NULL; a whole number of any score type '
    'counts; a fraction, NaN or infinity is error 22023, as is a score off the scale; 22004 '
    'for NULL options.';
CREATE AGGREGATE @extschema@.ces_agg(score real, options integer) (
    SFUNC = @extschema@.ces_score_trans,
    STYPE = @extschema@.ces_summary,
    COMBINEFUNC = @extschema@.ces_summary_combine,
    PARALLEL = SAFE
);
COMMENT ON AGGREGATE @extschema@.ces_agg(real, integer) IS
    'Summary (ces_summary) of effort scores 1..options given as real (same as '
    'ces_agg(integer, integer)). NULL scores skipped; no scores gives NULL; a whole number of '
    'any score type counts; a fraction, NaN or infinity is error 22023, as is a score off the '
    'scale; 22004 for NULL options.';

-- Float amounts (issue 16) -----------------------------------------------------------------
-- float_amount is the argument type of the overloads that take amounts as double precision
-- or real (pandas and JDBC write float8 columns; PostgreSQL casts float8 to numeric only on
-- assignment, so numeric arguments refuse them). It is laid out as numeric, so those
-- overloads run the numeric transition functions unchanged; the implicit casts from double
-- precision and real take a float as its shortest decimal (the digits PostgreSQL prints for
-- it, so amount::text::numeric: 19.99 stays 19.99), and refuse NaN and the infinities with
-- 22023. There is no cast from the integer types, so an integer amount still calls the
-- numeric overload; PREFERRED makes an untyped literal or NULL amount, which every overload
-- accepts, resolve to this type (read by numeric_in, the same value) instead of being
-- ambiguous. See docs/orders.md, "Amount types".
CREATE TYPE @extschema@.float_amount;
CREATE FUNCTION @extschema@.float_amount_in(cstring, oid, integer) RETURNS @extschema@.float_amount
AS 'numeric_in' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.float_amount_out(@extschema@.float_amount) RETURNS cstring
AS 'numeric_out' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.float_amount_recv(internal, oid, integer) RETURNS @extschema@.float_amount
AS 'numeric_recv' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.float_amount_send(@extschema@.float_amount) RETURNS bytea
AS 'numeric_send' LANGUAGE internal IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.float_amount (
    INPUT = @extschema@.float_amount_in,
    OUTPUT = @extschema@.float_amount_out,
    RECEIVE = @extschema@.float_amount_recv,
    SEND = @extschema@.float_amount_send,
    LIKE = numeric,
    CATEGORY = 'N',
    PREFERRED = true
);
COMMENT ON TYPE @extschema@.float_amount IS
    'Argument type of the order aggregates'' overloads for double precision and real amounts '
    '(customer_history_agg, customer_stats_agg, period_series_agg, mrr_series_agg, '
    'cohort_agg, recurring_cohort_agg, mrr_movements): a numeric, reached by implicit casts '
    'from double precision and real that take the float''s shortest decimal '
    '(amount::text::numeric) and refuse NaN and infinities (22023). Not a column type.';
COMMENT ON FUNCTION @extschema@.float_amount_in(cstring, oid, integer) IS
    'Text input of float_amount: numeric''s (numeric_in); error 22P02 on malformed text.';
COMMENT ON FUNCTION @extschema@.float_amount_out(@extschema@.float_amount) IS
    'Text output of float_amount: numeric''s (numeric_out).';
COMMENT ON FUNCTION @extschema@.float_amount_recv(internal, oid, integer) IS
    'Binary input of float_amount: numeric''s (numeric_recv).';
COMMENT ON FUNCTION @extschema@.float_amount_send(@extschema@.float_amount) IS
    'Binary output of float_amount: numeric''s (numeric_send).';
CREATE FUNCTION @extschema@.float_amount(double precision) RETURNS @extschema@.float_amount
AS 'MODULE_PATHNAME', 'float_amount_from_float' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.float_amount(double precision) IS
    'Implicit cast double precision -> float_amount: the float''s shortest decimal, the digits '
    'PostgreSQL prints for it (as amount::text::numeric; 19.99 stays 19.99, 0.1 + 0.2 is '
    '0.30000000000000004). Error 22023 for NaN and infinities.';
CREATE FUNCTION @extschema@.float_amount(real) RETURNS @extschema@.float_amount
AS 'MODULE_PATHNAME', 'float_amount_from_float' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.float_amount(real) IS
    'Implicit cast real -> float_amount: the real''s own shortest decimal (as '
    'amount::text::numeric; 19.99::real stays 19.99). Error 22023 for NaN and infinities.';
CREATE CAST (double precision AS @extschema@.float_amount) WITH FUNCTION @extschema@.float_amount(double precision) AS IMPLICIT;
CREATE CAST (real AS @extschema@.float_amount) WITH FUNCTION @extschema@.float_amount(real) AS IMPLICIT;
-- Binary both ways: the float_amount overloads run the numeric transition functions, and a
-- numeric cost beside a float amount (or the reverse) finds the float_amount overload.
CREATE CAST (numeric AS @extschema@.float_amount) WITHOUT FUNCTION AS IMPLICIT;
CREATE CAST (@extschema@.float_amount AS numeric) WITHOUT FUNCTION AS IMPLICIT;
COMMENT ON CAST (double precision AS @extschema@.float_amount) IS
    'Float amounts into the order aggregates: the float''s shortest decimal; NaN and infinities refused.';
COMMENT ON CAST (real AS @extschema@.float_amount) IS
    'Float amounts into the order aggregates: the real''s shortest decimal; NaN and infinities refused.';
COMMENT ON CAST (numeric AS @extschema@.float_amount) IS
    'A numeric is a float_amount as it is (same layout).';
COMMENT ON CAST (@extschema@.float_amount AS numeric) IS
    'A float_amount is a numeric as it is (same layout): its overloads use the numeric transitions.';
CREATE AGGREGATE @extschema@.customer_history_agg(ordered_at timestamptz, amount @extschema@.float_amount) (
    SFUNC = @extschema@.customer_history_trans, STYPE = internal,
    FINALFUNC = @extschema@.customer_history_final,
    COMBINEFUNC = @extschema@.customer_history_state_combine,
    SERIALFUNC = @extschema@.customer_history_serial, DESERIALFUNC = @extschema@.customer_history_deserial,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.customer_history_agg(timestamptz, @extschema@.float_amount) IS
    'customer_history_agg(ordered_at, amount) for double precision and real amounts (same as '
    'the numeric form): double precision and real amounts are taken as their shortest decimal '
    '(amount::text::numeric); NaN and infinities are error 22023.';
CREATE AGGREGATE @extschema@.customer_history_agg(ordered_at timestamptz, amount @extschema@.float_amount, items bigint, cost @extschema@.float_amount) (
    SFUNC = @extschema@.customer_history_trans, STYPE = internal,
    FINALFUNC = @extschema@.customer_history_final,
    COMBINEFUNC = @extschema@.customer_history_state_combine,
    SERIALFUNC = @extschema@.customer_history_serial, DESERIALFUNC = @extschema@.customer_history_deserial,
    PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.customer_history_agg(timestamptz, @extschema@.float_amount, bigint, @extschema@.float_amount) IS
    'customer_history_agg(ordered_at, amount, items, cost) for double precision and real '
    'amounts or costs (either may be numeric): double precision and real amounts are taken as '
    'their shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';

-- Float amounts (issue 16): the float_amount overloads (history.sql) ---------------------
CREATE AGGREGATE @extschema@.customer_stats_agg(customer_id anyelement, ordered_at timestamptz, amount @extschema@.float_amount) (
    SFUNC = @extschema@.orders_by_id_trans, STYPE = internal, FINALFUNC = @extschema@.stats_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.customer_stats_agg(anyelement, timestamptz, @extschema@.float_amount) IS
    'customer_stats_agg(customer_id, ordered_at, amount) for double precision and real '
    'amounts (same as the numeric form): double precision and real amounts are taken as their '
    'shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';
CREATE AGGREGATE @extschema@.customer_stats_agg(customer_id anyelement, ordered_at timestamptz, amount @extschema@.float_amount, items bigint, cost @extschema@.float_amount) (
    SFUNC = @extschema@.orders_by_id_trans, STYPE = internal, FINALFUNC = @extschema@.stats_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.customer_stats_agg(anyelement, timestamptz, @extschema@.float_amount, bigint, @extschema@.float_amount) IS
    'customer_stats_agg(customer_id, ordered_at, amount, items, cost) for double precision '
    'and real amounts or costs (either may be numeric): double precision and real amounts are '
    'taken as their shortest decimal (amount::text::numeric); NaN and infinities are error '
    '22023.';

-- Float amounts (issue 16): the float_amount overloads (history.sql) ---------------------
CREATE AGGREGATE @extschema@.period_series_agg(customer_id anyelement, ordered_at timestamptz, amount @extschema@.float_amount, granularity text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.series_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.period_series_agg(anyelement, timestamptz, @extschema@.float_amount, text) IS
    'period_series_agg(customer_id, ordered_at, amount, granularity) for double precision and '
    'real amounts (same as the numeric form): double precision and real amounts are taken as '
    'their shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';
CREATE AGGREGATE @extschema@.period_series_agg(customer_id anyelement, ordered_at timestamptz, amount @extschema@.float_amount, granularity text, time_zone text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.series_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.period_series_agg(anyelement, timestamptz, @extschema@.float_amount, text, text) IS
    'period_series_agg(customer_id, ordered_at, amount, granularity, time_zone) for double '
    'precision and real amounts (same as the numeric form): double precision and real amounts '
    'are taken as their shortest decimal (amount::text::numeric); NaN and infinities are '
    'error 22023.';
CREATE AGGREGATE @extschema@.mrr_series_agg(customer_id anyelement, period timestamptz, mrr @extschema@.float_amount, granularity text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.mrr_series_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.mrr_series_agg(anyelement, timestamptz, @extschema@.float_amount, text) IS
    'mrr_series_agg(customer_id, period, mrr, granularity) for double precision and real '
    'amounts (same as the numeric form): double precision and real amounts are taken as their '
    'shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';
CREATE AGGREGATE @extschema@.mrr_series_agg(customer_id anyelement, period timestamptz, mrr @extschema@.float_amount, granularity text, time_zone text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.mrr_series_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.mrr_series_agg(anyelement, timestamptz, @extschema@.float_amount, text, text) IS
    'mrr_series_agg(customer_id, period, mrr, granularity, time_zone) for double precision '
    'and real amounts (same as the numeric form): double precision and real amounts are taken '
    'as their shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';

-- Float amounts (issue 16): the float_amount overloads (history.sql) ---------------------
CREATE AGGREGATE @extschema@.cohort_agg(customer_id anyelement, ordered_at timestamptz, amount @extschema@.float_amount, granularity text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.cohort_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.cohort_agg(anyelement, timestamptz, @extschema@.float_amount, text) IS
    'cohort_agg(customer_id, ordered_at, amount, granularity) for double precision and real '
    'amounts (same as the numeric form): double precision and real amounts are taken as their '
    'shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';
CREATE AGGREGATE @extschema@.cohort_agg(customer_id anyelement, ordered_at timestamptz, amount @extschema@.float_amount, granularity text, time_zone text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.cohort_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.cohort_agg(anyelement, timestamptz, @extschema@.float_amount, text, text) IS
    'cohort_agg(customer_id, ordered_at, amount, granularity, time_zone) for double precision '
    'and real amounts (same as the numeric form): double precision and real amounts are taken '
    'as their shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';
CREATE AGGREGATE @extschema@.recurring_cohort_agg(customer_id anyelement, ordered_at timestamptz, amount @extschema@.float_amount, granularity text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.recurring_cohort_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.recurring_cohort_agg(anyelement, timestamptz, @extschema@.float_amount, text) IS
    'recurring_cohort_agg(customer_id, ordered_at, amount, granularity) for double precision '
    'and real amounts (same as the numeric form): double precision and real amounts are taken '
    'as their shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';
CREATE AGGREGATE @extschema@.recurring_cohort_agg(customer_id anyelement, ordered_at timestamptz, amount @extschema@.float_amount, granularity text, time_zone text) (
    SFUNC = @extschema@.orders_by_id_series_trans, STYPE = internal, FINALFUNC = @extschema@.recurring_cohort_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.recurring_cohort_agg(anyelement, timestamptz, @extschema@.float_amount, text, text) IS
    'recurring_cohort_agg(customer_id, ordered_at, amount, granularity, time_zone) for double '
    'precision and real amounts (same as the numeric form): double precision and real amounts '
    'are taken as their shortest decimal (amount::text::numeric); NaN and infinities are '
    'error 22023.';

-- Float amounts (issue 16): the float_amount overloads (history.sql) ---------------------
CREATE AGGREGATE @extschema@.mrr_movements(mrr_start @extschema@.float_amount, mrr_end @extschema@.float_amount) (
    SFUNC = @extschema@.mrr_movements_trans, STYPE = @extschema@.mrr_summary,
    COMBINEFUNC = @extschema@.mrr_summary_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.mrr_movements(@extschema@.float_amount, @extschema@.float_amount) IS
    'mrr_movements(mrr_start, mrr_end) for double precision and real MRR (either may be '
    'numeric; same as the numeric form): double precision and real MRR are taken as their '
    'shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';

-- ---------------------------------------------------------------------------------------
-- Issue 17 (Citus): the aggregate state types. bgnbd_fit, gamma_gamma_fit, sbg_fit,
-- kaplan_meier, rollup / combine(survival_curve) and window_funnel kept `internal` states,
-- which Citus cannot move between nodes, so it pulled every row to the coordinator. They now
-- keep states of the types below (src/state_types.sql, generated; src/pg/expanded.rs), which
-- Citus computes on the workers and moves as text.
--
-- An aggregate's transition type cannot be changed by ALTER AGGREGATE, and DROP AGGREGATE
-- fails under a shop's views (the reasons of the "shapes" section above). So, as there, the
-- aggregates keep their OIDs and their pg_aggregate rows are changed in place to what CREATE
-- AGGREGATE of a fresh install writes: the new transition, final and combine functions, the
-- state type, no serialize / deserialize functions; their dependencies in pg_depend are
-- replaced by the new functions'. A stored query refers to an aggregate by OID and records
-- nothing of its state (Aggref's aggtranstype is filled in by the planner), so views and
-- materialized views over these aggregates stay valid. The aggregates' pg_proc rows are
-- touched so that cached plans naming them are invalidated. Then the old `internal`
-- functions go (their C symbols stay exported for a catalog not yet updated).

-- rfm_fit_state
CREATE TYPE @extschema@.rfm_fit_state;
CREATE FUNCTION @extschema@.rfm_fit_state_in(cstring) RETURNS @extschema@.rfm_fit_state
AS 'MODULE_PATHNAME', 'rfm_fit_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rfm_fit_state_out(@extschema@.rfm_fit_state) RETURNS cstring
AS 'MODULE_PATHNAME', 'rfm_fit_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rfm_fit_state_recv(internal) RETURNS @extschema@.rfm_fit_state
AS 'MODULE_PATHNAME', 'rfm_fit_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.rfm_fit_state_send(@extschema@.rfm_fit_state) RETURNS bytea
AS 'MODULE_PATHNAME', 'rfm_fit_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.rfm_fit_state (INPUT = @extschema@.rfm_fit_state_in, OUTPUT = @extschema@.rfm_fit_state_out,
    RECEIVE = @extschema@.rfm_fit_state_recv, SEND = @extschema@.rfm_fit_state_send,
    INTERNALLENGTH = VARIABLE, STORAGE = extended);
COMMENT ON TYPE @extschema@.rfm_fit_state IS
    'Aggregate state of bgnbd_fit and gamma_gamma_fit: the histogram of distinct (frequency, '
    'recency, T[, monetary value]) rows with their counts, and the penalizer. Its text form '
    '(hexadecimal of the versioned binary form) is how Citus moves a partial aggregate '
    'between nodes; not meant to be stored.';
COMMENT ON FUNCTION @extschema@.rfm_fit_state_in(cstring) IS
    'Input function of rfm_fit_state: \x and the hexadecimal binary form, checked.';
COMMENT ON FUNCTION @extschema@.rfm_fit_state_out(@extschema@.rfm_fit_state) IS
    'Output function of rfm_fit_state: \x and the binary form in hexadecimal.';
COMMENT ON FUNCTION @extschema@.rfm_fit_state_recv(internal) IS
    'Binary input of rfm_fit_state: the versioned binary form, checked.';
COMMENT ON FUNCTION @extschema@.rfm_fit_state_send(@extschema@.rfm_fit_state) IS
    'Binary output of rfm_fit_state: the versioned binary form.';
CREATE FUNCTION @extschema@.rfm_fit_state_combine(@extschema@.rfm_fit_state, @extschema@.rfm_fit_state) RETURNS @extschema@.rfm_fit_state
AS 'MODULE_PATHNAME', 'rfm_fit_state_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.rfm_fit_state_combine(@extschema@.rfm_fit_state, @extschema@.rfm_fit_state) IS
    'Combine function of bgnbd_fit and gamma_gamma_fit: merges two partial states (exact).';

-- sbg_fit_state
CREATE TYPE @extschema@.sbg_fit_state;
CREATE FUNCTION @extschema@.sbg_fit_state_in(cstring) RETURNS @extschema@.sbg_fit_state
AS 'MODULE_PATHNAME', 'sbg_fit_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sbg_fit_state_out(@extschema@.sbg_fit_state) RETURNS cstring
AS 'MODULE_PATHNAME', 'sbg_fit_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sbg_fit_state_recv(internal) RETURNS @extschema@.sbg_fit_state
AS 'MODULE_PATHNAME', 'sbg_fit_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.sbg_fit_state_send(@extschema@.sbg_fit_state) RETURNS bytea
AS 'MODULE_PATHNAME', 'sbg_fit_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.sbg_fit_state (INPUT = @extschema@.sbg_fit_state_in, OUTPUT = @extschema@.sbg_fit_state_out,
    RECEIVE = @extschema@.sbg_fit_state_recv, SEND = @extschema@.sbg_fit_state_send,
    INTERNALLENGTH = VARIABLE, STORAGE = extended);
COMMENT ON TYPE @extschema@.sbg_fit_state IS
    'Aggregate state of sbg_fit: the numbers alive per period of a cohort. Its text form '
    '(hexadecimal of the versioned binary form) is how Citus moves a partial aggregate '
    'between nodes; not meant to be stored.';
COMMENT ON FUNCTION @extschema@.sbg_fit_state_in(cstring) IS
    'Input function of sbg_fit_state: \x and the hexadecimal binary form, checked.';
COMMENT ON FUNCTION @extschema@.sbg_fit_state_out(@extschema@.sbg_fit_state) IS
    'Output function of sbg_fit_state: \x and the binary form in hexadecimal.';
COMMENT ON FUNCTION @extschema@.sbg_fit_state_recv(internal) IS
    'Binary input of sbg_fit_state: the versioned binary form, checked.';
COMMENT ON FUNCTION @extschema@.sbg_fit_state_send(@extschema@.sbg_fit_state) IS
    'Binary output of sbg_fit_state: the versioned binary form.';
CREATE FUNCTION @extschema@.sbg_fit_state_combine(@extschema@.sbg_fit_state, @extschema@.sbg_fit_state) RETURNS @extschema@.sbg_fit_state
AS 'MODULE_PATHNAME', 'sbg_fit_state_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.sbg_fit_state_combine(@extschema@.sbg_fit_state, @extschema@.sbg_fit_state) IS
    'Combine function of sbg_fit: merges two partial states (exact).';

-- kaplan_meier_state
CREATE TYPE @extschema@.kaplan_meier_state;
CREATE FUNCTION @extschema@.kaplan_meier_state_in(cstring) RETURNS @extschema@.kaplan_meier_state
AS 'MODULE_PATHNAME', 'kaplan_meier_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.kaplan_meier_state_out(@extschema@.kaplan_meier_state) RETURNS cstring
AS 'MODULE_PATHNAME', 'kaplan_meier_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.kaplan_meier_state_recv(internal) RETURNS @extschema@.kaplan_meier_state
AS 'MODULE_PATHNAME', 'kaplan_meier_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.kaplan_meier_state_send(@extschema@.kaplan_meier_state) RETURNS bytea
AS 'MODULE_PATHNAME', 'kaplan_meier_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.kaplan_meier_state (INPUT = @extschema@.kaplan_meier_state_in, OUTPUT = @extschema@.kaplan_meier_state_out,
    RECEIVE = @extschema@.kaplan_meier_state_recv, SEND = @extschema@.kaplan_meier_state_send,
    INTERNALLENGTH = VARIABLE, STORAGE = extended);
COMMENT ON TYPE @extschema@.kaplan_meier_state IS
    'Aggregate state of kaplan_meier and combine(survival_curve): the events and censorings '
    'per distinct duration. Its text form (hexadecimal of the versioned binary form) is how '
    'Citus moves a partial aggregate between nodes; not meant to be stored.';
COMMENT ON FUNCTION @extschema@.kaplan_meier_state_in(cstring) IS
    'Input function of kaplan_meier_state: \x and the hexadecimal binary form, checked.';
COMMENT ON FUNCTION @extschema@.kaplan_meier_state_out(@extschema@.kaplan_meier_state) IS
    'Output function of kaplan_meier_state: \x and the binary form in hexadecimal.';
COMMENT ON FUNCTION @extschema@.kaplan_meier_state_recv(internal) IS
    'Binary input of kaplan_meier_state: the versioned binary form, checked.';
COMMENT ON FUNCTION @extschema@.kaplan_meier_state_send(@extschema@.kaplan_meier_state) IS
    'Binary output of kaplan_meier_state: the versioned binary form.';
CREATE FUNCTION @extschema@.kaplan_meier_state_combine(@extschema@.kaplan_meier_state, @extschema@.kaplan_meier_state) RETURNS @extschema@.kaplan_meier_state
AS 'MODULE_PATHNAME', 'kaplan_meier_state_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.kaplan_meier_state_combine(@extschema@.kaplan_meier_state, @extschema@.kaplan_meier_state) IS
    'Combine function of kaplan_meier and combine(survival_curve): merges two partial states '
    '(exact).';

-- window_funnel_state
CREATE TYPE @extschema@.window_funnel_state;
CREATE FUNCTION @extschema@.window_funnel_state_in(cstring) RETURNS @extschema@.window_funnel_state
AS 'MODULE_PATHNAME', 'window_funnel_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.window_funnel_state_out(@extschema@.window_funnel_state) RETURNS cstring
AS 'MODULE_PATHNAME', 'window_funnel_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.window_funnel_state_recv(internal) RETURNS @extschema@.window_funnel_state
AS 'MODULE_PATHNAME', 'window_funnel_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.window_funnel_state_send(@extschema@.window_funnel_state) RETURNS bytea
AS 'MODULE_PATHNAME', 'window_funnel_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.window_funnel_state (INPUT = @extschema@.window_funnel_state_in, OUTPUT = @extschema@.window_funnel_state_out,
    RECEIVE = @extschema@.window_funnel_state_recv, SEND = @extschema@.window_funnel_state_send,
    INTERNALLENGTH = VARIABLE, STORAGE = extended);
COMMENT ON TYPE @extschema@.window_funnel_state IS
    'Aggregate state of window_funnel: the window, the modes and the events of one group. Its '
    'text form (hexadecimal of the versioned binary form) is how Citus moves a partial '
    'aggregate between nodes; not meant to be stored.';
COMMENT ON FUNCTION @extschema@.window_funnel_state_in(cstring) IS
    'Input function of window_funnel_state: \x and the hexadecimal binary form, checked.';
COMMENT ON FUNCTION @extschema@.window_funnel_state_out(@extschema@.window_funnel_state) IS
    'Output function of window_funnel_state: \x and the binary form in hexadecimal.';
COMMENT ON FUNCTION @extschema@.window_funnel_state_recv(internal) IS
    'Binary input of window_funnel_state: the versioned binary form, checked.';
COMMENT ON FUNCTION @extschema@.window_funnel_state_send(@extschema@.window_funnel_state) IS
    'Binary output of window_funnel_state: the versioned binary form.';
CREATE FUNCTION @extschema@.window_funnel_state_combine(@extschema@.window_funnel_state, @extschema@.window_funnel_state) RETURNS @extschema@.window_funnel_state
AS 'MODULE_PATHNAME', 'window_funnel_state_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.window_funnel_state_combine(@extschema@.window_funnel_state, @extschema@.window_funnel_state) IS
    'Combine function of window_funnel: merges two partial states (exact).';

-- The transition and final functions over the state types, beside the old `internal` ones
-- until the aggregates below use them.
CREATE FUNCTION @extschema@.bgnbd_fit_trans(@extschema@.rfm_fit_state, double precision, double precision, double precision) RETURNS @extschema@.rfm_fit_state
AS 'MODULE_PATHNAME', 'bgnbd_fit_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.bgnbd_fit_trans(@extschema@.rfm_fit_state, double precision, double precision, double precision, double precision) RETURNS @extschema@.rfm_fit_state
AS 'MODULE_PATHNAME', 'bgnbd_fit_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.bgnbd_fit_final(@extschema@.rfm_fit_state) RETURNS @extschema@.bgnbd_model
AS 'MODULE_PATHNAME', 'bgnbd_fit_state_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.gamma_gamma_fit_trans(@extschema@.rfm_fit_state, double precision, double precision) RETURNS @extschema@.rfm_fit_state
AS 'MODULE_PATHNAME', 'gamma_gamma_fit_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.gamma_gamma_fit_trans(@extschema@.rfm_fit_state, double precision, double precision, double precision) RETURNS @extschema@.rfm_fit_state
AS 'MODULE_PATHNAME', 'gamma_gamma_fit_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.gamma_gamma_fit_final(@extschema@.rfm_fit_state) RETURNS @extschema@.gamma_gamma_model
AS 'MODULE_PATHNAME', 'gamma_gamma_fit_state_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.sbg_fit_trans(@extschema@.sbg_fit_state, integer, bigint) RETURNS @extschema@.sbg_fit_state
AS 'MODULE_PATHNAME', 'sbg_fit_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.sbg_fit_final(@extschema@.sbg_fit_state) RETURNS @extschema@.sbg_model
AS 'MODULE_PATHNAME', 'sbg_fit_state_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.bgnbd_fit_trans(@extschema@.rfm_fit_state, double precision, double precision, double precision) IS
    'Transition function of bgnbd_fit(frequency, recency, T): adds one customer to the '
    'histogram.';
COMMENT ON FUNCTION @extschema@.bgnbd_fit_trans(@extschema@.rfm_fit_state, double precision, double precision, double precision, double precision) IS
    'Transition function of bgnbd_fit(frequency, recency, T, penalizer).';
COMMENT ON FUNCTION @extschema@.bgnbd_fit_final(@extschema@.rfm_fit_state) IS
    'Final function of bgnbd_fit: maximum-likelihood fit of the histogram.';
COMMENT ON FUNCTION @extschema@.gamma_gamma_fit_trans(@extschema@.rfm_fit_state, double precision, double precision) IS
    'Transition function of gamma_gamma_fit(frequency, monetary_value): adds one repeat '
    'customer.';
COMMENT ON FUNCTION @extschema@.gamma_gamma_fit_trans(@extschema@.rfm_fit_state, double precision, double precision, double precision) IS
    'Transition function of gamma_gamma_fit(frequency, monetary_value, penalizer).';
COMMENT ON FUNCTION @extschema@.gamma_gamma_fit_final(@extschema@.rfm_fit_state) IS
    'Final function of gamma_gamma_fit: maximum-likelihood fit of the repeat customers.';
COMMENT ON FUNCTION @extschema@.sbg_fit_trans(@extschema@.sbg_fit_state, integer, bigint) IS
    'Transition function of sbg_fit(period, alive).';
COMMENT ON FUNCTION @extschema@.sbg_fit_final(@extschema@.sbg_fit_state) IS
    'Final function of sbg_fit: maximum-likelihood fit of the cohort''s survivors.';
CREATE FUNCTION @extschema@.kaplan_meier_trans(@extschema@.kaplan_meier_state, double precision, boolean) RETURNS @extschema@.kaplan_meier_state
AS 'MODULE_PATHNAME', 'kaplan_meier_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.survival_curve_rollup_trans(@extschema@.kaplan_meier_state, @extschema@.survival_curve) RETURNS @extschema@.kaplan_meier_state
AS 'MODULE_PATHNAME', 'survival_curve_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.kaplan_meier_final(@extschema@.kaplan_meier_state) RETURNS @extschema@.survival_curve
AS 'MODULE_PATHNAME', 'kaplan_meier_state_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.kaplan_meier_trans(@extschema@.kaplan_meier_state, double precision, boolean) IS
    'Transition function of kaplan_meier(duration, churned).';
COMMENT ON FUNCTION @extschema@.survival_curve_rollup_trans(@extschema@.kaplan_meier_state, @extschema@.survival_curve) IS
    'Transition function of rollup(survival_curve).';
COMMENT ON FUNCTION @extschema@.kaplan_meier_final(@extschema@.kaplan_meier_state) IS
    'Final function of kaplan_meier and rollup(survival_curve).';
CREATE FUNCTION @extschema@.window_funnel_trans(@extschema@.window_funnel_state, interval, timestamptz, VARIADIC boolean[]) RETURNS @extschema@.window_funnel_state
AS 'MODULE_PATHNAME', 'window_funnel_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.window_funnel_trans(@extschema@.window_funnel_state, interval, text, timestamptz, VARIADIC boolean[]) RETURNS @extschema@.window_funnel_state
AS 'MODULE_PATHNAME', 'window_funnel_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.window_funnel_final(@extschema@.window_funnel_state) RETURNS integer
AS 'MODULE_PATHNAME', 'window_funnel_state_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.window_funnel_trans(@extschema@.window_funnel_state, interval, timestamptz, boolean[]) IS
    'Transition function of window_funnel(window, ts, cond1, ...): records the row''s true '
    'conditions as events.';
COMMENT ON FUNCTION @extschema@.window_funnel_trans(@extschema@.window_funnel_state, interval, text, timestamptz, boolean[]) IS
    'Transition function of window_funnel(window, mode, ts, cond1, ...).';
COMMENT ON FUNCTION @extschema@.window_funnel_final(@extschema@.window_funnel_state) IS
    'Final function of window_funnel(): the deepest step reached.';

WITH changed(agg, stype, transfn, finalfn, combinefn) AS (VALUES
    ('@extschema@.bgnbd_fit(double precision, double precision, double precision)', '@extschema@.rfm_fit_state', '@extschema@.bgnbd_fit_trans(@extschema@.rfm_fit_state, double precision, double precision, double precision)', '@extschema@.bgnbd_fit_final(@extschema@.rfm_fit_state)', '@extschema@.rfm_fit_state_combine(@extschema@.rfm_fit_state, @extschema@.rfm_fit_state)'),
    ('@extschema@.bgnbd_fit(double precision, double precision, double precision, double precision)', '@extschema@.rfm_fit_state', '@extschema@.bgnbd_fit_trans(@extschema@.rfm_fit_state, double precision, double precision, double precision, double precision)', '@extschema@.bgnbd_fit_final(@extschema@.rfm_fit_state)', '@extschema@.rfm_fit_state_combine(@extschema@.rfm_fit_state, @extschema@.rfm_fit_state)'),
    ('@extschema@.gamma_gamma_fit(double precision, double precision)', '@extschema@.rfm_fit_state', '@extschema@.gamma_gamma_fit_trans(@extschema@.rfm_fit_state, double precision, double precision)', '@extschema@.gamma_gamma_fit_final(@extschema@.rfm_fit_state)', '@extschema@.rfm_fit_state_combine(@extschema@.rfm_fit_state, @extschema@.rfm_fit_state)'),
    ('@extschema@.gamma_gamma_fit(double precision, double precision, double precision)', '@extschema@.rfm_fit_state', '@extschema@.gamma_gamma_fit_trans(@extschema@.rfm_fit_state, double precision, double precision, double precision)', '@extschema@.gamma_gamma_fit_final(@extschema@.rfm_fit_state)', '@extschema@.rfm_fit_state_combine(@extschema@.rfm_fit_state, @extschema@.rfm_fit_state)'),
    ('@extschema@.sbg_fit(integer, bigint)', '@extschema@.sbg_fit_state', '@extschema@.sbg_fit_trans(@extschema@.sbg_fit_state, integer, bigint)', '@extschema@.sbg_fit_final(@extschema@.sbg_fit_state)', '@extschema@.sbg_fit_state_combine(@extschema@.sbg_fit_state, @extschema@.sbg_fit_state)'),
    ('@extschema@.kaplan_meier(double precision, boolean)', '@extschema@.kaplan_meier_state', '@extschema@.kaplan_meier_trans(@extschema@.kaplan_meier_state, double precision, boolean)', '@extschema@.kaplan_meier_final(@extschema@.kaplan_meier_state)', '@extschema@.kaplan_meier_state_combine(@extschema@.kaplan_meier_state, @extschema@.kaplan_meier_state)'),
    ('@extschema@.rollup(@extschema@.survival_curve)', '@extschema@.kaplan_meier_state', '@extschema@.survival_curve_rollup_trans(@extschema@.kaplan_meier_state, @extschema@.survival_curve)', '@extschema@.kaplan_meier_final(@extschema@.kaplan_meier_state)', '@extschema@.kaplan_meier_state_combine(@extschema@.kaplan_meier_state, @extschema@.kaplan_meier_state)'),
    ('@extschema@.combine(@extschema@.survival_curve)', '@extschema@.kaplan_meier_state', '@extschema@.survival_curve_rollup_trans(@extschema@.kaplan_meier_state, @extschema@.survival_curve)', '@extschema@.kaplan_meier_final(@extschema@.kaplan_meier_state)', '@extschema@.kaplan_meier_state_combine(@extschema@.kaplan_meier_state, @extschema@.kaplan_meier_state)'),
    ('@extschema@.window_funnel(interval, timestamptz, boolean[])', '@extschema@.window_funnel_state', '@extschema@.window_funnel_trans(@extschema@.window_funnel_state, interval, timestamptz, boolean[])', '@extschema@.window_funnel_final(@extschema@.window_funnel_state)', '@extschema@.window_funnel_state_combine(@extschema@.window_funnel_state, @extschema@.window_funnel_state)'),
    ('@extschema@.window_funnel(interval, text, timestamptz, boolean[])', '@extschema@.window_funnel_state', '@extschema@.window_funnel_trans(@extschema@.window_funnel_state, interval, text, timestamptz, boolean[])', '@extschema@.window_funnel_final(@extschema@.window_funnel_state)', '@extschema@.window_funnel_state_combine(@extschema@.window_funnel_state, @extschema@.window_funnel_state)')
), dropped AS (
    DELETE FROM pg_catalog.pg_depend d
    USING changed c
    WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
      AND d.objid = c.agg::pg_catalog.regprocedure AND d.objsubid = 0
      AND d.refclassid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.deptype = 'n'
), updated AS (
    UPDATE pg_catalog.pg_aggregate a
    SET aggtransfn = c.transfn::pg_catalog.regprocedure, aggfinalfn = c.finalfn::pg_catalog.regprocedure,
        aggcombinefn = c.combinefn::pg_catalog.regprocedure, aggserialfn = 0, aggdeserialfn = 0,
        aggtranstype = c.stype::pg_catalog.regtype
    FROM changed c
    WHERE a.aggfnoid = c.agg::pg_catalog.regprocedure
      AND a.aggtranstype = 'pg_catalog.internal'::pg_catalog.regtype
    RETURNING a.aggfnoid, a.aggtransfn, a.aggfinalfn, a.aggcombinefn
)
INSERT INTO pg_catalog.pg_depend (classid, objid, objsubid, refclassid, refobjid, refobjsubid, deptype)
SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass, u.aggfnoid, 0, 'pg_catalog.pg_proc'::pg_catalog.regclass, f.fn, 0, 'n'
FROM updated u, LATERAL (VALUES (u.aggtransfn), (u.aggfinalfn), (u.aggcombinefn)) f(fn);

UPDATE pg_catalog.pg_proc p SET proname = p.proname
FROM (VALUES
    ('@extschema@.bgnbd_fit(double precision, double precision, double precision)'),
    ('@extschema@.bgnbd_fit(double precision, double precision, double precision, double precision)'),
    ('@extschema@.gamma_gamma_fit(double precision, double precision)'),
    ('@extschema@.gamma_gamma_fit(double precision, double precision, double precision)'),
    ('@extschema@.sbg_fit(integer, bigint)'),
    ('@extschema@.kaplan_meier(double precision, boolean)'),
    ('@extschema@.rollup(@extschema@.survival_curve)'),
    ('@extschema@.combine(@extschema@.survival_curve)'),
    ('@extschema@.window_funnel(interval, timestamptz, boolean[])'),
    ('@extschema@.window_funnel(interval, text, timestamptz, boolean[])')
) c(agg)
WHERE p.oid = c.agg::pg_catalog.regprocedure;

DROP FUNCTION @extschema@.bgnbd_fit_trans(internal, double precision, double precision, double precision);
DROP FUNCTION @extschema@.bgnbd_fit_trans(internal, double precision, double precision, double precision, double precision);
DROP FUNCTION @extschema@.bgnbd_fit_final(internal);
DROP FUNCTION @extschema@.gamma_gamma_fit_trans(internal, double precision, double precision);
DROP FUNCTION @extschema@.gamma_gamma_fit_trans(internal, double precision, double precision, double precision);
DROP FUNCTION @extschema@.gamma_gamma_fit_final(internal);
DROP FUNCTION @extschema@.rfm_fit_serial(internal);
DROP FUNCTION @extschema@.rfm_fit_deserial(bytea, internal);
DROP FUNCTION @extschema@.rfm_fit_combine(internal, internal);
DROP FUNCTION @extschema@.sbg_fit_trans(internal, integer, bigint);
DROP FUNCTION @extschema@.sbg_fit_final(internal);
DROP FUNCTION @extschema@.sbg_fit_serial(internal);
DROP FUNCTION @extschema@.sbg_fit_deserial(bytea, internal);
DROP FUNCTION @extschema@.sbg_fit_combine(internal, internal);
DROP FUNCTION @extschema@.kaplan_meier_trans(internal, double precision, boolean);
DROP FUNCTION @extschema@.survival_curve_rollup_trans(internal, @extschema@.survival_curve);
DROP FUNCTION @extschema@.kaplan_meier_final(internal);
DROP FUNCTION @extschema@.kaplan_meier_serial(internal);
DROP FUNCTION @extschema@.kaplan_meier_deserial(bytea, internal);
DROP FUNCTION @extschema@.kaplan_meier_combine(internal, internal);
DROP FUNCTION @extschema@.window_funnel_trans(internal, interval, timestamptz, boolean[]);
DROP FUNCTION @extschema@.window_funnel_trans(internal, interval, text, timestamptz, boolean[]);
DROP FUNCTION @extschema@.window_funnel_final(internal);
DROP FUNCTION @extschema@.window_funnel_serial(internal);
DROP FUNCTION @extschema@.window_funnel_deserial(bytea, internal);
DROP FUNCTION @extschema@.window_funnel_combine(internal, internal);

-- ---------------------------------------------------------------------------------------
-- Issue 19 item 1: window_funnel's modes strict_once and allow_reentry (ClickHouse 26.x).
-- The same aggregate and functions; only the description of the modes changes.
COMMENT ON AGGREGATE @extschema@.window_funnel(interval, text, timestamptz, boolean[]) IS
    'window_funnel with ClickHouse''s modes, a comma-separated list: strict_deduplication (a '
    'repeated step stops the chain), strict_order (no other event between steps), '
    'strict_increase (steps at strictly increasing times), strict_once (a row is one step '
    'at most), allow_reentry (with strict_order: an event of a step not yet due is skipped). '
    'Error 22023 for another mode, or allow_reentry without strict_order.';

-- ---------------------------------------------------------------------------------------
-- Issue 19 item 1: the funnel's step table. window_funnel_steps() gives a user's step times
-- (window_funnel's state, another final function); funnel_table() aggregates them over
-- users into funnel_step rows, with a state type of its own (src/state_types.sql) for Citus.
-- funnel_table_state
CREATE TYPE @extschema@.funnel_table_state;
CREATE FUNCTION @extschema@.funnel_table_state_in(cstring) RETURNS @extschema@.funnel_table_state
AS 'MODULE_PATHNAME', 'funnel_table_state_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_table_state_out(@extschema@.funnel_table_state) RETURNS cstring
AS 'MODULE_PATHNAME', 'funnel_table_state_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_table_state_recv(internal) RETURNS @extschema@.funnel_table_state
AS 'MODULE_PATHNAME', 'funnel_table_state_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_table_state_send(@extschema@.funnel_table_state) RETURNS bytea
AS 'MODULE_PATHNAME', 'funnel_table_state_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.funnel_table_state (INPUT = @extschema@.funnel_table_state_in, OUTPUT = @extschema@.funnel_table_state_out,
    RECEIVE = @extschema@.funnel_table_state_recv, SEND = @extschema@.funnel_table_state_send,
    INTERNALLENGTH = VARIABLE, STORAGE = extended);
COMMENT ON TYPE @extschema@.funnel_table_state IS
    'Aggregate state of funnel_table: the users per step and the times between steps. Its '
    'text form (hexadecimal of the versioned binary form) is how Citus moves a partial '
    'aggregate between nodes; not meant to be stored.';
COMMENT ON FUNCTION @extschema@.funnel_table_state_in(cstring) IS
    'Input function of funnel_table_state: \x and the hexadecimal binary form, checked.';
COMMENT ON FUNCTION @extschema@.funnel_table_state_out(@extschema@.funnel_table_state) IS
    'Output function of funnel_table_state: \x and the binary form in hexadecimal.';
COMMENT ON FUNCTION @extschema@.funnel_table_state_recv(internal) IS
    'Binary input of funnel_table_state: the versioned binary form, checked.';
COMMENT ON FUNCTION @extschema@.funnel_table_state_send(@extschema@.funnel_table_state) IS
    'Binary output of funnel_table_state: the versioned binary form.';
CREATE FUNCTION @extschema@.funnel_table_state_combine(@extschema@.funnel_table_state, @extschema@.funnel_table_state) RETURNS @extschema@.funnel_table_state
AS 'MODULE_PATHNAME', 'funnel_table_state_combine' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_table_state_combine(@extschema@.funnel_table_state, @extschema@.funnel_table_state) IS
    'Combine function of funnel_table: merges two partial states (exact).';

-- window_funnel_steps: the times of the steps of the chain window_funnel's level counts.
CREATE FUNCTION @extschema@.window_funnel_steps_final(@extschema@.window_funnel_state) RETURNS timestamptz[]
AS 'MODULE_PATHNAME', 'window_funnel_state_steps' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.window_funnel_steps_final(@extschema@.window_funnel_state) IS
    'Final function of window_funnel_steps(): the times of the steps of the deepest chain.';
CREATE AGGREGATE @extschema@.window_funnel_steps(window_size interval, ts timestamptz, VARIADIC conditions boolean[]) (
    SFUNC = @extschema@.window_funnel_trans, STYPE = @extschema@.window_funnel_state, FINALFUNC = @extschema@.window_funnel_steps_final,
    COMBINEFUNC = @extschema@.window_funnel_state_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.window_funnel_steps(window_size interval, mode text, ts timestamptz, VARIADIC conditions boolean[]) (
    SFUNC = @extschema@.window_funnel_trans, STYPE = @extschema@.window_funnel_state, FINALFUNC = @extschema@.window_funnel_steps_final,
    COMBINEFUNC = @extschema@.window_funnel_state_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.window_funnel_steps(interval, timestamptz, boolean[]) IS
    'The times of the steps of the chain window_funnel(window_size, ts, cond1, ...) reaches: '
    'as many as its level (an empty array for level 0; no rows gives NULL). The first chain '
    'to reach the last step, or else the chain with the latest first step among those that '
    'reached the deepest one. The input of funnel_table().';
COMMENT ON AGGREGATE @extschema@.window_funnel_steps(interval, text, timestamptz, boolean[]) IS
    'window_funnel_steps with window_funnel''s modes (a comma-separated list).';

-- funnel_table: the step table of a funnel over users.
CREATE TYPE @extschema@.funnel_step AS (
    step integer, users bigint,
    conversion double precision, conversion_lower double precision, conversion_upper double precision,
    step_conversion double precision, step_conversion_lower double precision, step_conversion_upper double precision,
    drop_off bigint, mean_time interval, median_time interval);
COMMENT ON TYPE @extschema@.funnel_step IS
    'One step of funnel_table(): the users who reached it, the conversion from the first step '
    'and from the step before with their Wilson intervals, the users lost since the step '
    'before, and the mean and median time from the step before.';
CREATE FUNCTION @extschema@.funnel_table_trans(@extschema@.funnel_table_state, timestamptz[], integer) RETURNS @extschema@.funnel_table_state
AS 'MODULE_PATHNAME', 'funnel_table_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_table_trans(@extschema@.funnel_table_state, timestamptz[], integer, double precision) RETURNS @extschema@.funnel_table_state
AS 'MODULE_PATHNAME', 'funnel_table_state_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.funnel_table_final(@extschema@.funnel_table_state) RETURNS @extschema@.funnel_step[]
AS 'MODULE_PATHNAME', 'funnel_table_state_final' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.funnel_table_trans(@extschema@.funnel_table_state, timestamptz[], integer) IS
    'Transition function of funnel_table(step_times, steps): counts one user''s steps and the '
    'times between them.';
COMMENT ON FUNCTION @extschema@.funnel_table_trans(@extschema@.funnel_table_state, timestamptz[], integer, double precision) IS
    'Transition function of funnel_table(step_times, steps, confidence).';
COMMENT ON FUNCTION @extschema@.funnel_table_final(@extschema@.funnel_table_state) IS
    'Final function of funnel_table(): one funnel_step per step.';
CREATE AGGREGATE @extschema@.funnel_table(step_times timestamptz[], steps integer) (
    SFUNC = @extschema@.funnel_table_trans, STYPE = @extschema@.funnel_table_state, FINALFUNC = @extschema@.funnel_table_final,
    COMBINEFUNC = @extschema@.funnel_table_state_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.funnel_table(step_times timestamptz[], steps integer, confidence double precision) (
    SFUNC = @extschema@.funnel_table_trans, STYPE = @extschema@.funnel_table_state, FINALFUNC = @extschema@.funnel_table_final,
    COMBINEFUNC = @extschema@.funnel_table_state_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.funnel_table(timestamptz[], integer) IS
    'The step table of a funnel of 1 to 32 steps over users, one row per user of its '
    'window_funnel_steps() times: an array of funnel_step (unnest it), per step the users who '
    'reached it, the conversion from the first step and from the step before with 95% Wilson '
    'intervals, the drop-off, and the exact mean and median time from the step before. NULL '
    'arrays are skipped; no rows gives NULL; error 22023 for more times than steps or '
    'decreasing times.';
COMMENT ON AGGREGATE @extschema@.funnel_table(timestamptz[], integer, double precision) IS
    'funnel_table(step_times, steps) with Wilson intervals at the given confidence (0 < c < 1).';

-- Issue 19 item 2: daily activity with rolling windows. The type activity_series (DAU, WAU and
-- MAU per day), its aggregates over histories and order rows, periods(), combine(), and, as
-- for every stored type, its comparisons (src/values_ops.sql) and JSON casts (src/values.sql).
-- Daily activity with rolling windows (issue 19 item 2): activity_series, DAU, WAU, MAU ----
CREATE TYPE @extschema@.activity_series;
CREATE FUNCTION @extschema@.activity_series_in(cstring) RETURNS @extschema@.activity_series
AS 'MODULE_PATHNAME', 'activity_series_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.activity_series_out(@extschema@.activity_series) RETURNS cstring
AS 'MODULE_PATHNAME', 'activity_series_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.activity_series_recv(internal) RETURNS @extschema@.activity_series
AS 'MODULE_PATHNAME', 'activity_series_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.activity_series_send(@extschema@.activity_series) RETURNS bytea
AS 'MODULE_PATHNAME', 'activity_series_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.activity_series (
    INPUT = @extschema@.activity_series_in, OUTPUT = @extschema@.activity_series_out,
    RECEIVE = @extschema@.activity_series_recv, SEND = @extschema@.activity_series_send,
    INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = extended
);
COMMENT ON TYPE @extschema@.activity_series IS
    'Active customers per day in one time zone, with the rolling 7- and 28-day windows: DAU, '
    'WAU, MAU and DAU/MAU stickiness. Built by activity_series_agg(...); one row per day with '
    'periods(); summaries of disjoint customer sets merge with combine().';
COMMENT ON FUNCTION @extschema@.activity_series_in(cstring) IS
    'Text input of activity_series; error 22P02 on malformed or inconsistent text.';
COMMENT ON FUNCTION @extschema@.activity_series_out(@extschema@.activity_series) IS
    'Text output of activity_series: time zone, first day, and per day the active customers and '
    'the 7- and 28-day spans that start and end there.';
COMMENT ON FUNCTION @extschema@.activity_series_recv(internal) IS
    'Binary input of activity_series; error 22P03 on malformed bytes.';
COMMENT ON FUNCTION @extschema@.activity_series_send(@extschema@.activity_series) IS
    'Binary output of activity_series: version, kind, then 64-bit words in network byte order.';
CREATE FUNCTION @extschema@.activity_series_combine(@extschema@.activity_series, @extschema@.activity_series) RETURNS @extschema@.activity_series
AS 'MODULE_PATHNAME', 'activity_series_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.activity_series_final(@extschema@.activity_series) RETURNS @extschema@.activity_series
AS 'MODULE_PATHNAME', 'activity_series_final' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.activity_series_combine(@extschema@.activity_series, @extschema@.activity_series) IS
    'Add two activity series of disjoint sets of customers day by day (exact; error 22023 when '
    'the time zones differ).';
COMMENT ON FUNCTION @extschema@.activity_series_final(@extschema@.activity_series) IS
    'Final function of activity_series aggregates: drops the spare capacity of the running state.';
CREATE AGGREGATE @extschema@.combine(@extschema@.activity_series) (
    SFUNC = @extschema@.activity_series_combine, STYPE = @extschema@.activity_series,
    FINALFUNC = @extschema@.activity_series_final, COMBINEFUNC = @extschema@.activity_series_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.activity_series) IS
    'Merge activity series of disjoint customer sets with the same time zone (a customer in two '
    'of them would be counted twice). NULLs skipped; no rows gives NULL.';

CREATE FUNCTION @extschema@.activity_series_history_trans(@extschema@.activity_series, @extschema@.customer_history) RETURNS @extschema@.activity_series
AS 'MODULE_PATHNAME', 'activity_series_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.activity_series_history_trans(@extschema@.activity_series, @extschema@.customer_history, text) RETURNS @extschema@.activity_series
AS 'MODULE_PATHNAME', 'activity_series_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.activity_series_history_trans(@extschema@.activity_series, @extschema@.customer_history) IS
    'Transition function of activity_series_agg(customer_history): adds one customer''s active '
    'days, days in the session time zone.';
COMMENT ON FUNCTION @extschema@.activity_series_history_trans(@extschema@.activity_series, @extschema@.customer_history, text) IS
    'Transition function of activity_series_agg(customer_history, time_zone): adds one '
    'customer''s active days.';
CREATE AGGREGATE @extschema@.activity_series_agg(h @extschema@.customer_history) (
    SFUNC = @extschema@.activity_series_history_trans, STYPE = @extschema@.activity_series,
    FINALFUNC = @extschema@.activity_series_final, COMBINEFUNC = @extschema@.activity_series_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.activity_series_agg(h @extschema@.customer_history, time_zone text) (
    SFUNC = @extschema@.activity_series_history_trans, STYPE = @extschema@.activity_series,
    FINALFUNC = @extschema@.activity_series_final, COMBINEFUNC = @extschema@.activity_series_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.activity_series_agg(@extschema@.customer_history) IS
    'Active customers per day from customer histories, with the rolling 7- and 28-day windows '
    '(DAU, WAU, MAU; days as date_trunc(''day'', ordered_at) in the session TimeZone, which the '
    'summary records). Read with periods(). NULL histories skipped; no rows gives NULL; error '
    '54000 beyond 100000 days.';
COMMENT ON AGGREGATE @extschema@.activity_series_agg(@extschema@.customer_history, text) IS
    'Active customers per day in the given time zone, with the rolling 7- and 28-day windows, '
    'from customer histories. Read with periods().';

CREATE FUNCTION @extschema@.orders_by_id_days_trans(internal, anyelement, timestamptz) RETURNS internal
AS 'MODULE_PATHNAME', 'orders_by_id_days_trans' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.orders_by_id_days_trans(internal, anyelement, timestamptz, text) RETURNS internal
AS 'MODULE_PATHNAME', 'orders_by_id_days_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.orders_by_id_days_trans(internal, anyelement, timestamptz) IS
    'Transition function of activity_series_agg from order rows (session time zone): keeps each '
    'customer''s active days.';
COMMENT ON FUNCTION @extschema@.orders_by_id_days_trans(internal, anyelement, timestamptz, text) IS
    'Transition function of activity_series_agg from order rows, in the given time zone.';
CREATE FUNCTION @extschema@.activity_series_by_id_final(internal) RETURNS @extschema@.activity_series
AS 'MODULE_PATHNAME', 'activity_series_by_id_final' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.activity_series_by_id_final(internal) IS
    'Final function of activity_series_agg(customer_id, ...).';
CREATE AGGREGATE @extschema@.activity_series_agg(customer_id anyelement, ordered_at timestamptz) (
    SFUNC = @extschema@.orders_by_id_days_trans, STYPE = internal, FINALFUNC = @extschema@.activity_series_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.activity_series_agg(customer_id anyelement, ordered_at timestamptz, time_zone text) (
    SFUNC = @extschema@.orders_by_id_days_trans, STYPE = internal, FINALFUNC = @extschema@.activity_series_by_id_final,
    COMBINEFUNC = @extschema@.orders_by_id_combine, SERIALFUNC = @extschema@.orders_by_id_serial,
    DESERIALFUNC = @extschema@.orders_by_id_deserial, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.activity_series_agg(anyelement, timestamptz) IS
    'Active customers per day straight from order or event rows (one step; days in the session '
    'TimeZone, which the summary records), with the rolling 7- and 28-day windows: DAU, WAU, '
    'MAU. Read with periods(). Same numbers as activity_series_agg(customer_history). Rows with '
    'a NULL customer_id or ordered_at are skipped.';
COMMENT ON AGGREGATE @extschema@.activity_series_agg(anyelement, timestamptz, text) IS
    'Active customers per day in the given time zone straight from order or event rows (one '
    'step), with the rolling 7- and 28-day windows. Read with periods().';

CREATE FUNCTION @extschema@.periods(summary @extschema@.activity_series,
    OUT period_start timestamptz, OUT period_end timestamptz,
    OUT dau bigint, OUT wau bigint, OUT mau bigint,
    OUT dau_mau double precision, OUT dau_wau double precision, OUT wau_mau double precision,
    OUT date date)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'activity_series_rows' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 366;
COMMENT ON FUNCTION @extschema@.periods(@extschema@.activity_series) IS
    'One row per day from the first to the last with an active customer: dau (active that '
    'day), wau and mau (active on at least one of the 7 / 28 days ending that day), dau_mau '
    '(stickiness), dau_wau and wau_mau (NULL when the divisor is 0). date is the day in the '
    'summary''s own time zone, a label that, unlike period_start, does not move with the '
    'session TimeZone.';

-- activity_series -------------------------------------------------------------------------
CREATE FUNCTION @extschema@.activity_series_eq(@extschema@.activity_series, @extschema@.activity_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.activity_series_eq(@extschema@.activity_series, @extschema@.activity_series) IS
    'The = operator of activity_series: equal (the same figures, bit for bit).';
CREATE FUNCTION @extschema@.activity_series_ne(@extschema@.activity_series, @extschema@.activity_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.activity_series_ne(@extschema@.activity_series, @extschema@.activity_series) IS
    'The <> operator of activity_series: not equal.';
CREATE FUNCTION @extschema@.activity_series_lt(@extschema@.activity_series, @extschema@.activity_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.activity_series_lt(@extschema@.activity_series, @extschema@.activity_series) IS
    'The < operator of activity_series: sorts before.';
CREATE FUNCTION @extschema@.activity_series_le(@extschema@.activity_series, @extschema@.activity_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.activity_series_le(@extschema@.activity_series, @extschema@.activity_series) IS
    'The <= operator of activity_series: sorts before or equal.';
CREATE FUNCTION @extschema@.activity_series_gt(@extschema@.activity_series, @extschema@.activity_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.activity_series_gt(@extschema@.activity_series, @extschema@.activity_series) IS
    'The > operator of activity_series: sorts after.';
CREATE FUNCTION @extschema@.activity_series_ge(@extschema@.activity_series, @extschema@.activity_series) RETURNS boolean
AS 'MODULE_PATHNAME', 'summary_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.activity_series_ge(@extschema@.activity_series, @extschema@.activity_series) IS
    'The >= operator of activity_series: sorts after or equal.';
CREATE FUNCTION @extschema@.activity_series_cmp(@extschema@.activity_series, @extschema@.activity_series) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.activity_series_cmp(@extschema@.activity_series, @extschema@.activity_series) IS
    'Btree comparison of activity_series (-1, 0, 1): the order of the canonical forms, as bytea orders '
    'bytes; a stable total order, not a ranking by any figure.';
CREATE FUNCTION @extschema@.activity_series_hash(@extschema@.activity_series) RETURNS integer
AS 'MODULE_PATHNAME', 'summary_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.activity_series_hash(@extschema@.activity_series) IS
    'Hash of activity_series (hash joins, hash aggregation): the bytea hash of its canonical form.';
CREATE FUNCTION @extschema@.activity_series_hash_extended(@extschema@.activity_series, bigint) RETURNS bigint
AS 'MODULE_PATHNAME', 'summary_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.activity_series_hash_extended(@extschema@.activity_series, bigint) IS
    '64-bit seeded hash of activity_series (hash partitioning): the bytea hash of its canonical form.';
CREATE OPERATOR @extschema@.= (
    LEFTARG = @extschema@.activity_series, RIGHTARG = @extschema@.activity_series, FUNCTION = @extschema@.activity_series_eq,
    COMMUTATOR = OPERATOR(@extschema@.=), NEGATOR = OPERATOR(@extschema@.<>),
    RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel, HASHES, MERGES);
COMMENT ON OPERATOR @extschema@.=(@extschema@.activity_series, @extschema@.activity_series) IS
    'activity_series = activity_series: equal (the same figures, bit for bit).';
CREATE OPERATOR @extschema@.<> (
    LEFTARG = @extschema@.activity_series, RIGHTARG = @extschema@.activity_series, FUNCTION = @extschema@.activity_series_ne,
    COMMUTATOR = OPERATOR(@extschema@.<>), NEGATOR = OPERATOR(@extschema@.=),
    RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel);
COMMENT ON OPERATOR @extschema@.<>(@extschema@.activity_series, @extschema@.activity_series) IS
    'activity_series <> activity_series: not equal.';
CREATE OPERATOR @extschema@.< (
    LEFTARG = @extschema@.activity_series, RIGHTARG = @extschema@.activity_series, FUNCTION = @extschema@.activity_series_lt,
    COMMUTATOR = OPERATOR(@extschema@.>), NEGATOR = OPERATOR(@extschema@.>=),
    RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel);
COMMENT ON OPERATOR @extschema@.<(@extschema@.activity_series, @extschema@.activity_series) IS
    'activity_series < activity_series: sorts before.';
CREATE OPERATOR @extschema@.<= (
    LEFTARG = @extschema@.activity_series, RIGHTARG = @extschema@.activity_series, FUNCTION = @extschema@.activity_series_le,
    COMMUTATOR = OPERATOR(@extschema@.>=), NEGATOR = OPERATOR(@extschema@.>),
    RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel);
COMMENT ON OPERATOR @extschema@.<=(@extschema@.activity_series, @extschema@.activity_series) IS
    'activity_series <= activity_series: sorts before or equal.';
CREATE OPERATOR @extschema@.> (
    LEFTARG = @extschema@.activity_series, RIGHTARG = @extschema@.activity_series, FUNCTION = @extschema@.activity_series_gt,
    COMMUTATOR = OPERATOR(@extschema@.<), NEGATOR = OPERATOR(@extschema@.<=),
    RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel);
COMMENT ON OPERATOR @extschema@.>(@extschema@.activity_series, @extschema@.activity_series) IS
    'activity_series > activity_series: sorts after.';
CREATE OPERATOR @extschema@.>= (
    LEFTARG = @extschema@.activity_series, RIGHTARG = @extschema@.activity_series, FUNCTION = @extschema@.activity_series_ge,
    COMMUTATOR = OPERATOR(@extschema@.<=), NEGATOR = OPERATOR(@extschema@.<),
    RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel);
COMMENT ON OPERATOR @extschema@.>=(@extschema@.activity_series, @extschema@.activity_series) IS
    'activity_series >= activity_series: sorts after or equal.';
CREATE OPERATOR CLASS @extschema@.activity_series_ops DEFAULT FOR TYPE @extschema@.activity_series USING btree AS
    OPERATOR 1 @extschema@.<, OPERATOR 2 @extschema@.<=, OPERATOR 3 @extschema@.=, OPERATOR 4 @extschema@.>=, OPERATOR 5 @extschema@.>,
    FUNCTION 1 @extschema@.activity_series_cmp(@extschema@.activity_series, @extschema@.activity_series);
COMMENT ON OPERATOR CLASS @extschema@.activity_series_ops USING btree IS
    'Default btree class of activity_series: unique indexes, ORDER BY, DISTINCT, GROUP BY, merge joins.';
COMMENT ON OPERATOR FAMILY @extschema@.activity_series_ops USING btree IS
    'Btree family of activity_series (its default class alone).';
CREATE OPERATOR CLASS @extschema@.activity_series_ops DEFAULT FOR TYPE @extschema@.activity_series USING hash AS
    OPERATOR 1 @extschema@.=,
    FUNCTION 1 @extschema@.activity_series_hash(@extschema@.activity_series), FUNCTION 2 @extschema@.activity_series_hash_extended(@extschema@.activity_series, bigint);
COMMENT ON OPERATOR CLASS @extschema@.activity_series_ops USING hash IS
    'Default hash class of activity_series: hash joins, hash aggregation, UNION, count(DISTINCT).';
COMMENT ON OPERATOR FAMILY @extschema@.activity_series_ops USING hash IS
    'Hash family of activity_series (its default class alone).';

-- activity_series -------------------------------------------------------------------------
CREATE FUNCTION @extschema@.activity_series_jsonb(@extschema@.activity_series) RETURNS jsonb
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT pg_catalog.jsonb_build_object(
        'days', (SELECT COALESCE(pg_catalog.jsonb_agg(pg_catalog.to_jsonb(r)), '[]'::pg_catalog.jsonb) FROM @extschema@.periods($1) r)) $$;
COMMENT ON FUNCTION @extschema@.activity_series_jsonb(@extschema@.activity_series) IS
    'The cast of activity_series to jsonb: days: the rows of periods() (docs/values.md).';
CREATE FUNCTION @extschema@.activity_series_json(@extschema@.activity_series) RETURNS json
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$ SELECT @extschema@.activity_series_jsonb($1)::pg_catalog.json $$;
COMMENT ON FUNCTION @extschema@.activity_series_json(@extschema@.activity_series) IS
    'The cast of activity_series to json (what to_json, to_jsonb and row_to_json use): activity_series_jsonb as json.';
CREATE CAST (@extschema@.activity_series AS jsonb) WITH FUNCTION @extschema@.activity_series_jsonb(@extschema@.activity_series);
COMMENT ON CAST (@extschema@.activity_series AS jsonb) IS
    'activity_series as JSON for drivers: days: the rows of periods().';
CREATE CAST (@extschema@.activity_series AS json) WITH FUNCTION @extschema@.activity_series_json(@extschema@.activity_series);
COMMENT ON CAST (@extschema@.activity_series AS json) IS
    'activity_series as JSON for drivers (the keys of its jsonb cast).';

-- Issue 19 item 4: cohorts by acquisition date: acquisition_cohort_agg over histories, a
-- cohort_summary like cohort_agg's (the cohort of a sign-up, first visit or campaign).
CREATE FUNCTION @extschema@.acquisition_cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, timestamptz, text) RETURNS @extschema@.cohort_summary
AS 'MODULE_PATHNAME', 'acquisition_cohort_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
CREATE FUNCTION @extschema@.acquisition_cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, timestamptz, text, text) RETURNS @extschema@.cohort_summary
AS 'MODULE_PATHNAME', 'acquisition_cohort_history_trans' LANGUAGE C STABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.acquisition_cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, timestamptz, text) IS
    'Transition function of acquisition_cohort_agg(h, acquired_at, granularity): adds one '
    'customer to the cohort of its acquisition, periods in the session time zone.';
COMMENT ON FUNCTION @extschema@.acquisition_cohort_history_trans(@extschema@.cohort_summary, @extschema@.customer_history, timestamptz, text, text) IS
    'Transition function of acquisition_cohort_agg(h, acquired_at, granularity, time_zone): adds '
    'one customer to the cohort of its acquisition.';
CREATE AGGREGATE @extschema@.acquisition_cohort_agg(h @extschema@.customer_history, acquired_at timestamptz, granularity text) (
    SFUNC = @extschema@.acquisition_cohort_history_trans, STYPE = @extschema@.cohort_summary,
    FINALFUNC = @extschema@.cohort_summary_final, COMBINEFUNC = @extschema@.cohort_summary_combine, PARALLEL = SAFE);
CREATE AGGREGATE @extschema@.acquisition_cohort_agg(h @extschema@.customer_history, acquired_at timestamptz, granularity text, time_zone text) (
    SFUNC = @extschema@.acquisition_cohort_history_trans, STYPE = @extschema@.cohort_summary,
    FINALFUNC = @extschema@.cohort_summary_final, COMBINEFUNC = @extschema@.cohort_summary_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.acquisition_cohort_agg(@extschema@.customer_history, timestamptz, text) IS
    'First-time cohorts by acquisition date (sign-up, first visit, campaign) instead of first '
    'order: a customer joins the cohort of the period of acquired_at (session TimeZone), is '
    'active there whether or not it ordered, and its orders before acquired_at are not counted '
    '(pass least(acquired_at, first_order_at(h)) to keep them). A NULL history (a customer who '
    'never ordered, from a LEFT JOIN) counts in its cohort without orders; a NULL acquired_at '
    'skips the row; no rows gives NULL. A cohort_summary: read with cohort_table(), '
    'retention_curve().';
COMMENT ON AGGREGATE @extschema@.acquisition_cohort_agg(@extschema@.customer_history, timestamptz, text, text) IS
    'acquisition_cohort_agg(h, acquired_at, granularity) with periods in the given time zone.';
