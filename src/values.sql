-- Summaries as values, the casts (docs/values.md): for each of the fifteen stored types,
-- explicit casts to jsonb and json. The JSON holds the figures the accessors and read-outs
-- give, under their names (intervals as seconds, *_seconds); STABLE where it holds a time,
-- which PostgreSQL writes in the session TimeZone, or cohort_table()'s now(). The
-- comparisons (=, <>, the btree and hash operator classes) are in src/values_ops.sql,
-- written by scripts/generated_sql.py.


-- nps_summary -----------------------------------------------------------------------------
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
