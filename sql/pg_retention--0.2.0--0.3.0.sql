-- pg_retention 0.2.0 -> 0.3.0, run by ALTER EXTENSION pg_retention UPDATE.
-- (Refuse to run outside it, as contrib's scripts do.)
\echo Use "ALTER EXTENSION pg_retention UPDATE TO '0.3.0'" to load this file. \quit

-- 0.3.0 makes the extension at home in the tools analysts use (BI tools that parse SQL,
-- drivers, dbt). Each section below names the change of the SQL surface it carries.

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
