-- MRR movements between two snapshots (docs/orders.md): the mrr_summary type,
-- mrr_movements(mrr_start, mrr_end) and the read-outs (revenue churn, NRR, GRR, quick
-- ratio). IMMUTABLE; every aggregate is PARALLEL SAFE.

CREATE TYPE @extschema@.mrr_summary;
CREATE FUNCTION @extschema@.mrr_summary_in(cstring) RETURNS @extschema@.mrr_summary
AS 'MODULE_PATHNAME', 'mrr_summary_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_summary_out(@extschema@.mrr_summary) RETURNS cstring
AS 'MODULE_PATHNAME', 'mrr_summary_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_summary_recv(internal) RETURNS @extschema@.mrr_summary
AS 'MODULE_PATHNAME', 'mrr_summary_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_summary_send(@extschema@.mrr_summary) RETURNS bytea
AS 'MODULE_PATHNAME', 'mrr_summary_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE TYPE @extschema@.mrr_summary (
    INPUT = @extschema@.mrr_summary_in, OUTPUT = @extschema@.mrr_summary_out,
    RECEIVE = @extschema@.mrr_summary_recv, SEND = @extschema@.mrr_summary_send,
    INTERNALLENGTH = VARIABLE, ALIGNMENT = double, STORAGE = plain
);
COMMENT ON TYPE @extschema@.mrr_summary IS
    'MRR movements between two snapshots: starting and ending MRR, new, expansion, contraction '
    'and churned MRR (exact) and the customers of each kind. Built by mrr_movements(mrr_start, '
    'mrr_end); read with revenue_churn(), gross_mrr_churn(), net_mrr_churn(), '
    'net_revenue_retention(), gross_revenue_retention(), quick_ratio().';
COMMENT ON FUNCTION @extschema@.mrr_summary_in(cstring) IS
    'Text input of mrr_summary; error 22P02 on malformed or inconsistent text.';
COMMENT ON FUNCTION @extschema@.mrr_summary_out(@extschema@.mrr_summary) IS
    'Text output of mrr_summary: its versioned text form.';
COMMENT ON FUNCTION @extschema@.mrr_summary_recv(internal) IS
    'Binary input of mrr_summary; error 22P03 on malformed bytes.';
COMMENT ON FUNCTION @extschema@.mrr_summary_send(@extschema@.mrr_summary) IS
    'Binary output of mrr_summary: version, kind, then 64-bit words in network byte order.';
CREATE FUNCTION @extschema@.mrr_summary_combine(@extschema@.mrr_summary, @extschema@.mrr_summary) RETURNS @extschema@.mrr_summary
AS 'MODULE_PATHNAME', 'mrr_summary_combine' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_summary_combine(@extschema@.mrr_summary, @extschema@.mrr_summary) IS
    'Add two MRR summaries of disjoint sets of customers (exact).';
CREATE AGGREGATE @extschema@.rollup(@extschema@.mrr_summary) (
    SFUNC = @extschema@.mrr_summary_combine, STYPE = @extschema@.mrr_summary,
    COMBINEFUNC = @extschema@.mrr_summary_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.rollup(@extschema@.mrr_summary) IS
    'The original name of combine(mrr_summary), the same aggregate, kept for existing queries. '
    'ROLLUP is a grouping keyword, so the SQL parsers of BI tools (sqlglot in Superset) '
    'refuse rollup(...) as a call: write combine().';
CREATE AGGREGATE @extschema@.combine(@extschema@.mrr_summary) (
    SFUNC = @extschema@.mrr_summary_combine, STYPE = @extschema@.mrr_summary,
    COMBINEFUNC = @extschema@.mrr_summary_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.combine(@extschema@.mrr_summary) IS
    'Merge MRR summaries of disjoint customer sets. NULLs skipped; no rows gives NULL.';

CREATE FUNCTION @extschema@.mrr_movements_trans(@extschema@.mrr_summary, numeric, numeric) RETURNS @extschema@.mrr_summary
AS 'MODULE_PATHNAME', 'mrr_movements_trans' LANGUAGE C IMMUTABLE PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.mrr_movements_trans(@extschema@.mrr_summary, numeric, numeric) IS
    'Transition function of mrr_movements(mrr_start, mrr_end): classifies one customer''s '
    'movement.';
CREATE AGGREGATE @extschema@.mrr_movements(mrr_start numeric, mrr_end numeric) (
    SFUNC = @extschema@.mrr_movements_trans, STYPE = @extschema@.mrr_summary,
    COMBINEFUNC = @extschema@.mrr_summary_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.mrr_movements(numeric, numeric) IS
    'MRR movements (mrr_summary) from each customer''s MRR at the start and at the end of a '
    'period: churned (to 0), new (from 0), expansion, contraction. NULL means no subscription '
    '(0), so a FULL JOIN of two snapshots can be aggregated directly; rows with both NULL are '
    'skipped; error 22023 for negative MRR.';

CREATE FUNCTION @extschema@.revenue_churn(@extschema@.mrr_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'mrr_revenue_churn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.gross_mrr_churn(@extschema@.mrr_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'mrr_gross_churn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.net_mrr_churn(@extschema@.mrr_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'mrr_net_churn' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.net_revenue_retention(@extschema@.mrr_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'mrr_nrr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.gross_revenue_retention(@extschema@.mrr_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'mrr_grr' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.quick_ratio(@extschema@.mrr_summary) RETURNS double precision
AS 'MODULE_PATHNAME', 'mrr_quick_ratio' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_start(@extschema@.mrr_summary) RETURNS numeric
AS 'MODULE_PATHNAME', 'mrr_start_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.mrr_end(@extschema@.mrr_summary) RETURNS numeric
AS 'MODULE_PATHNAME', 'mrr_end_total' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.new_mrr(@extschema@.mrr_summary) RETURNS numeric
AS 'MODULE_PATHNAME', 'mrr_new' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.expansion_mrr(@extschema@.mrr_summary) RETURNS numeric
AS 'MODULE_PATHNAME', 'mrr_expansion' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.contraction_mrr(@extschema@.mrr_summary) RETURNS numeric
AS 'MODULE_PATHNAME', 'mrr_contraction' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.churned_mrr(@extschema@.mrr_summary) RETURNS numeric
AS 'MODULE_PATHNAME', 'mrr_churned' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.customers_start(@extschema@.mrr_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'mrr_customers_start' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.customers_end(@extschema@.mrr_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'mrr_customers_end' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.new_customers(@extschema@.mrr_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'mrr_new_customers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.churned_customers(@extschema@.mrr_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'mrr_churned_customers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.expanded_customers(@extschema@.mrr_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'mrr_expanded_customers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION @extschema@.contracted_customers(@extschema@.mrr_summary) RETURNS bigint
AS 'MODULE_PATHNAME', 'mrr_contracted_customers' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION @extschema@.revenue_churn(@extschema@.mrr_summary) IS
    'Revenue churn = churned MRR / starting MRR, a fraction in [0, 1]; NULL when starting MRR '
    'is 0.';
COMMENT ON FUNCTION @extschema@.gross_mrr_churn(@extschema@.mrr_summary) IS
    'Gross MRR churn = (churned + contraction) / starting MRR; NULL when starting MRR is 0.';
COMMENT ON FUNCTION @extschema@.net_mrr_churn(@extschema@.mrr_summary) IS
    'Net MRR churn = (churned + contraction - expansion) / starting MRR (ChartMogul, '
    'Baremetrics); negative when expansion exceeds the losses; NULL when starting MRR is 0.';
COMMENT ON FUNCTION @extschema@.net_revenue_retention(@extschema@.mrr_summary) IS
    'Net revenue retention = (start - churned - contraction + expansion) / start = 1 - '
    'net_mrr_churn; NULL when starting MRR is 0.';
COMMENT ON FUNCTION @extschema@.gross_revenue_retention(@extschema@.mrr_summary) IS
    'Gross revenue retention = (start - churned - contraction) / start = 1 - gross_mrr_churn; '
    'NULL when starting MRR is 0.';
COMMENT ON FUNCTION @extschema@.quick_ratio(@extschema@.mrr_summary) IS
    'SaaS quick ratio = (new + expansion) / (churned + contraction); NULL when nothing was '
    'lost.';
COMMENT ON FUNCTION @extschema@.mrr_start(@extschema@.mrr_summary) IS 'Total MRR at the start.';
COMMENT ON FUNCTION @extschema@.mrr_end(@extschema@.mrr_summary) IS
    'Total MRR at the end = start + new + expansion - contraction - churned.';
COMMENT ON FUNCTION @extschema@.new_mrr(@extschema@.mrr_summary) IS
    'MRR of customers with none at the start.';
COMMENT ON FUNCTION @extschema@.expansion_mrr(@extschema@.mrr_summary) IS
    'Increase of MRR of customers whose MRR grew.';
COMMENT ON FUNCTION @extschema@.contraction_mrr(@extschema@.mrr_summary) IS
    'Decrease of MRR of customers whose MRR shrank but stayed above 0.';
COMMENT ON FUNCTION @extschema@.churned_mrr(@extschema@.mrr_summary) IS
    'Starting MRR of customers whose MRR went to 0.';
COMMENT ON FUNCTION @extschema@.customers_start(@extschema@.mrr_summary) IS
    'Customers with MRR at the start.';
COMMENT ON FUNCTION @extschema@.customers_end(@extschema@.mrr_summary) IS
    'Customers with MRR at the end.';
COMMENT ON FUNCTION @extschema@.new_customers(@extschema@.mrr_summary) IS
    'Customers with MRR at the end and none at the start.';
COMMENT ON FUNCTION @extschema@.churned_customers(@extschema@.mrr_summary) IS
    'Customers with MRR at the start and none at the end.';
COMMENT ON FUNCTION @extschema@.expanded_customers(@extschema@.mrr_summary) IS
    'Customers whose MRR grew (both snapshots above 0).';
COMMENT ON FUNCTION @extschema@.contracted_customers(@extschema@.mrr_summary) IS
    'Customers whose MRR shrank but stayed above 0.';

-- Float amounts (issue 16): the float_amount overloads (history.sql) ---------------------
CREATE AGGREGATE @extschema@.mrr_movements(mrr_start @extschema@.float_amount, mrr_end @extschema@.float_amount) (
    SFUNC = @extschema@.mrr_movements_trans, STYPE = @extschema@.mrr_summary,
    COMBINEFUNC = @extschema@.mrr_summary_combine, PARALLEL = SAFE);
COMMENT ON AGGREGATE @extschema@.mrr_movements(@extschema@.float_amount, @extschema@.float_amount) IS
    'mrr_movements(mrr_start, mrr_end) for double precision and real MRR (either may be '
    'numeric; same as the numeric form): double precision and real MRR are taken as their '
    'shortest decimal (amount::text::numeric); NaN and infinities are error 22023.';
