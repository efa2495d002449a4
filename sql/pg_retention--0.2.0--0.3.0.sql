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
    OUT period_start timestamptz, OUT period_end timestamptz, OUT status text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'customer_periods' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 12;
CREATE FUNCTION @extschema@.customer_periods(h @extschema@.customer_history, granularity text, time_zone text,
    OUT period_start timestamptz, OUT period_end timestamptz, OUT status text)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'customer_periods' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 12;
COMMENT ON FUNCTION @extschema@.customer_periods(@extschema@.customer_history, text) IS
    'The customer''s status in every calendar period (session TimeZone) from its first '
    'order''s to the one after its last: new, retained, reactivated, churned or inactive, as '
    'customer_status gives it; for a LATERAL join. Error 54000 beyond 100000 periods.';
COMMENT ON FUNCTION @extschema@.customer_periods(@extschema@.customer_history, text, text) IS
    'The customer''s status in every calendar period of the given time zone from its first '
    'order''s to the one after its last.';

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
    OUT active boolean, OUT active_on_or_after boolean)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'customer_cohort_cells' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 12;
CREATE FUNCTION @extschema@.customer_cohort_cells(h @extschema@.customer_history, granularity text, time_zone text,
    OUT cohort_start timestamptz, OUT period_offset integer, OUT period_start timestamptz, OUT period_end timestamptz,
    OUT active boolean, OUT active_on_or_after boolean)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'customer_cohort_cells' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 12;
CREATE FUNCTION @extschema@.customer_recurring_cohort_cells(h @extschema@.customer_history, granularity text,
    OUT cohort_start timestamptz, OUT period_offset integer, OUT period_start timestamptz, OUT period_end timestamptz,
    OUT active boolean, OUT active_on_or_after boolean)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'customer_recurring_cohort_cells' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 12;
CREATE FUNCTION @extschema@.customer_recurring_cohort_cells(h @extschema@.customer_history, granularity text, time_zone text,
    OUT cohort_start timestamptz, OUT period_offset integer, OUT period_start timestamptz, OUT period_end timestamptz,
    OUT active boolean, OUT active_on_or_after boolean)
RETURNS SETOF record
AS 'MODULE_PATHNAME', 'customer_recurring_cohort_cells' LANGUAGE C STABLE STRICT PARALLEL SAFE ROWS 12;
COMMENT ON FUNCTION @extschema@.customer_cohort_cells(@extschema@.customer_history, text) IS
    'The customer''s row of the first-time cohort grid of cohort_agg(h, granularity) (session '
    'TimeZone): one row per period from its cohort''s to its last order''s, with whether it '
    'counts in the cell''s active and active_on_or_after (it counts in cohort_size at every '
    'offset); for a LATERAL join. Error 54000 beyond 2000000 rows.';
COMMENT ON FUNCTION @extschema@.customer_cohort_cells(@extschema@.customer_history, text, text) IS
    'The customer''s row of the first-time cohort grid of cohort_agg(h, granularity, '
    'time_zone).';
COMMENT ON FUNCTION @extschema@.customer_recurring_cohort_cells(@extschema@.customer_history, text) IS
    'The customer''s rows of the recurring cohort grid of recurring_cohort_agg(h, granularity) '
    '(session TimeZone): for every period it ordered in (a cohort), one row per period from '
    'there to its last order''s, with whether it counts in active and active_on_or_after.';
COMMENT ON FUNCTION @extschema@.customer_recurring_cohort_cells(@extschema@.customer_history, text, text) IS
    'The customer''s rows of the recurring cohort grid of recurring_cohort_agg(h, granularity, '
    'time_zone).';
