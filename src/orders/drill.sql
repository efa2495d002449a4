-- Drill-down (docs/orders.md, docs/cohorts.md): one customer's status in a period of a
-- period series, every period's status, and its cells of the cohort grid, by the rules the
-- summaries count with, so that the customers behind any number can be listed. STABLE
-- (periods are date_trunc in a zone), STRICT, PARALLEL SAFE. Statuses are text from a fixed
-- set of lowercase words (docs/orders.md says why not an enum).

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
