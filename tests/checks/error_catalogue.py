#!/usr/bin/env python3
"""The catalogue of bad input (docs/errors.md), generated from the pg_regress expected
outputs, so that it says what the tests check and stays true.

    python3 tests/checks/error_catalogue.py            # print the catalogue (Markdown)
    python3 tests/checks/error_catalogue.py --write    # write docs/errors.md
    python3 tests/checks/error_catalogue.py --check    # fail if docs/errors.md is out of date

Every bad-input case in tests/pg_regress runs through `sqlstate_of(query)` (setup.sql),
which returns 'SQLSTATE: message' (or 'no error'), in one of two forms:
    SELECT sqlstate_of($$<query>$$);                      -- one case, one-column result
    SELECT q, sqlstate_of(q) FROM (VALUES ($$<query>$$), ...) v(q);   -- many cases
The expected output holds the echoed statement and its aligned result table; this script
reads the cases from there (the query, the SQLSTATE, the message), with the comment line
that precedes a case or a group of cases as its heading, and groups them by test file.
pg_regress compares those outputs on every run, so the catalogue cannot drift from what
the extension does; the --check run (unit tier) keeps the document in step with them.
"""
import glob
import os
import re
import sys

from common import ROOT, TESTS

EXPECTED = os.path.join(TESTS, "pg_regress", "expected")
SCHEDULE = os.path.join(TESTS, "pg_regress", "schedule")
DOC = os.path.join(ROOT, "docs", "errors.md")

# The SQLSTATEs the catalogue shows, with PostgreSQL's condition names (Appendix A).
CONDITIONS = {
    "22003": "numeric_value_out_of_range",
    "22004": "null_value_not_allowed",
    "22007": "invalid_datetime_format",
    "22008": "datetime_field_overflow",
    "22012": "division_by_zero",
    "22023": "invalid_parameter_value",
    "22P02": "invalid_text_representation",
    "22P03": "invalid_binary_representation",
    "42883": "undefined_function",
    "42804": "datatype_mismatch",
    "54000": "program_limit_exceeded",
    "0A000": "feature_not_supported",
    "XX000": "internal_error",
}

FAMILIES = {
    "nps": "NPS", "csat": "CSAT", "ces": "CES", "formulas": "Shop formulas", "summaries": "Stored survey summaries",
    "orders_errors": "Order histories and order metrics", "cohorts": "Cohorts", "drill": "Drill-down",
    "predict": "Predictive models", "activity": "Daily activity",
    "extension": "The extension", "input_types": "Score and amount types",
}


SQL_DIR = os.path.join(ROOT, "src")

# The kinds of bad input, in the order of the coverage table's columns.
KINDS = {
    "range": "out of range",
    "negative": "negative",
    "null": "NULL",
    "empty": "empty",
    "name": "name",
    "time": "time",
    "huge": "huge",
    "nan": "NaN/Inf",
    "mixed": "mixed",
    "type": "type",
    "text": "text",
    "distinct": "DISTINCT",
}
KIND_LEGEND = [
    ("out of range", "a score, level, option count, fraction, count or bound outside its range"),
    ("negative", "a negative count, amount, duration, period or window"),
    ("NULL", "a NULL argument or parameter (skipped rows, STRICT read-outs, refused parameters)"),
    ("empty", "no rows, only NULL rows, or a summary of nobody"),
    ("name", "a wrong granularity, time zone, mode or model name"),
    ("time", "an infinite, impossible or out-of-range date or timestamp"),
    ("huge", "values at or past the bigint, numeric or double precision limits, or past a size limit"),
    ("NaN/Inf", "NaN or Infinity in a numeric or double precision argument"),
    ("mixed", "parameters that change within a group, or summaries that do not merge"),
    ("type", "a customer id of an unsupported type"),
    ("text", "malformed text input of a type"),
    ("DISTINCT", "agg(DISTINCT ...) of an aggregate that needs every order row"),
]

# Summary types, and what marks a value of each in an argument or a query (first match wins).
TYPE_MARKERS = [
    ("activity_series", r"activity_series"),
    ("cohort_summary", r"cohort_agg|cohort_summary"),
    ("period_series", r"period_series"),
    ("mrr_series", r"mrr_series"),
    ("mrr_summary", r"mrr_movements|mrr_summary"),
    ("retention_summary", r"retention_agg|retention_summary"),
    ("customer_stats", r"customer_stats"),
    ("survival_curve", r"kaplan_meier|survival_curve"),
    ("sbg_model", r"sbg_fit|sbg_model"),
    ("bgnbd_model", r"bgnbd"),
    ("gamma_gamma_model", r"gamma_gamma"),
    ("nps_summary", r"nps_agg|nps_summary"),
    ("csat_summary", r"csat_agg|csat_summary"),
    ("ces_summary", r"ces_agg|ces_summary"),
    ("customer_history", r"customer_history"),
]


def type_of(call):
    """The summary type a call's first argument is (from its text, else from the query's)."""
    for text in (call["args"][0] if call["args"] else "", call["query"]):
        for t, rx in TYPE_MARKERS:
            if re.search(rx, text):
                return t
    return None


def f(name, nargs=None, of=None, not_of=None):
    """A matcher: a call of `name` with a number of arguments in `nargs`, whose first
    argument is (`of`) or is not (`not_of`) a value of a summary type."""
    def match(call):
        if call["name"] != name:
            return False
        if nargs is not None and len(call["args"]) not in nargs:
            return False
        t = type_of(call)
        if of is not None and t != of:
            return False
        if not_of is not None and t == not_of:
            return False
        return True
    return match


def any_of(*matchers):
    return lambda call: any(m(call) for m in matchers)


def merges(type_name):
    """combine(s) or rollup(s) over a summary type: one aggregate under two names (rollup is
    the original, combine the keyword-free one)."""
    return any_of(f("combine", of=type_name), f("rollup", of=type_name))


def read_outs(type_name, *names):
    return any_of(*(f(n, (1,), of=type_name) for n in names))


def type_input(type_name):
    return lambda call: call["name"] == "::" + type_name


ALL = set(KINDS)


def cohorts_of_histories(call):
    """cohort_agg(h, granularity [, zone] [, brackets]) rather than the one-step
    cohort_agg(customer_id, ordered_at, amount, granularity [, zone]): at most 3 arguments, or
    4 whose last is the brackets array."""
    a = call["args"]
    return call["name"] in ("cohort_agg", "recurring_cohort_agg") and (
        len(a) <= 3 or (len(a) == 4 and re.search(r"ARRAY|\[\]", a[3]) is not None))


def activity_of_histories(call):
    """activity_series_agg(h [, time_zone]) rather than the one-step
    activity_series_agg(customer_id, ordered_at [, time_zone]): the cases name the history h."""
    return call["name"] == "activity_series_agg" and call["args"][:1] == ["h"]


def form(label, names, match, kinds, na):
    """One row of the coverage table: the SQL names it covers, how to recognise its calls,
    the kinds of bad input that apply, and why the others do not."""
    assert set(kinds) <= ALL, kinds
    return {"label": label, "names": set(names), "match": match, "kinds": list(kinds), "na": na}


NOT_PARSED = "NULL is never parsed; nothing to mix; no customer id"
READ_OUT = "one STRICT argument, a summary already checked by its input"
FORMS_BY_FAMILY = {
    "The extension": [
        form("pg_retention_library_version()", ["pg_retention_library_version"], f("pg_retention_library_version"),
             [], "takes no argument"),
    ],
    "NPS": [
        form("nps(score)", ["nps"], f("nps", (1,), not_of="nps_summary"),
             ["range", "negative", "null", "empty", "huge", "nan"], "one score argument"),
        form("nps_agg(score)", ["nps_agg"], f("nps_agg"),
             ["range", "negative", "null", "empty", "huge", "nan"], "one score argument"),
        form("nps, promoters, passives, detractors, respondents, nps_stderr (nps_summary)",
             ["nps", "promoters", "passives", "detractors", "respondents", "nps_stderr"],
             read_outs("nps_summary", "nps", "promoters", "passives", "detractors", "respondents", "nps_stderr"),
             ["null", "empty", "huge"], READ_OUT),
        form("nps_ci(s, confidence)", ["nps_ci"], f("nps_ci"),
             ["range", "negative", "null", "empty", "huge", "nan"], "no name, time or text argument"),
        form("combine(nps_summary), rollup(nps_summary)", ["combine", "rollup"], merges("nps_summary"),
             ["null", "empty", "huge"], "one fixed scale, so no mix; no parameter"),
    ],
    "CSAT": [
        form("csat(score [, scale_min, scale_max, satisfied_min])", ["csat"],
             f("csat", (1, 4), not_of="csat_summary"),
             ["range", "negative", "null", "empty", "huge", "nan", "mixed"], "numbers only"),
        form("csat_agg(score [, scale_min, scale_max, satisfied_min])", ["csat_agg"], f("csat_agg"),
             ["range", "negative", "null", "empty", "huge", "nan", "mixed"], "numbers only"),
        form("csat, satisfied, respondents (csat_summary)", ["csat", "satisfied", "respondents"],
             read_outs("csat_summary", "csat", "satisfied", "respondents"),
             ["null", "empty", "huge"], READ_OUT),
        form("csat_ci(s, confidence)", ["csat_ci"], f("csat_ci"),
             ["range", "null", "empty", "huge", "nan"], "no name, time or text argument"),
        form("combine(csat_summary), rollup(csat_summary)", ["combine", "rollup"], merges("csat_summary"),
             ["null", "empty", "huge", "mixed"], "no parameter"),
    ],
    "CES": [
        form("ces(score, options)", ["ces"], f("ces", (2,)),
             ["range", "negative", "null", "empty", "huge", "nan", "mixed"], "numbers only"),
        form("ces_mean(score, options)", ["ces_mean"], f("ces_mean", (2,)),
             ["range", "negative", "null", "empty", "huge", "nan", "mixed"], "numbers only"),
        form("ces_agg(score, options)", ["ces_agg"], f("ces_agg"),
             ["range", "negative", "null", "empty", "huge", "nan", "mixed"], "numbers only"),
        form("ces, ces_mean, respondents (ces_summary)", ["ces", "ces_mean", "respondents"],
             read_outs("ces_summary", "ces", "ces_mean", "respondents"),
             ["null", "empty", "huge"], READ_OUT),
        form("ces_ci, ces_mean_ci (s, confidence)", ["ces_ci", "ces_mean_ci"],
             any_of(f("ces_ci"), f("ces_mean_ci")),
             ["range", "null", "empty", "huge", "nan"], "no name, time or text argument"),
        form("combine(ces_summary), rollup(ces_summary)", ["combine", "rollup"], merges("ces_summary"),
             ["null", "empty", "huge", "mixed"], "no parameter"),
    ],
    "Shop formulas": [
        form(f"{n}(part, whole)", [n], f(n, (2,), not_of="mrr_summary" if n == "revenue_churn" else None),
             ["range", "negative", "null", "empty", "huge", "nan"], "double precision counts only")
        for n in ["churn_rate", "revenue_churn", "repeat_purchase_rate", "return_rate", "conversion_rate"]
    ] + [
        form("crr(customers_start, customers_end, new_customers), alias retention_rate", ["crr", "retention_rate"],
             any_of(f("crr", (3,)), f("retention_rate", (3,))),
             ["range", "negative", "null", "empty", "huge", "nan"], "double precision counts only"),
        form("clv(avg_order_value, purchase_frequency, customer_lifespan)", ["clv"], f("clv", (3,)),
             ["negative", "null", "huge", "nan"], "no upper bound and no denominator; numbers only"),
        form("cac(acquisition_spend, new_customers)", ["cac"], f("cac"),
             ["negative", "null", "empty", "huge", "nan"], "no upper bound; numbers only"),
        form("wilson_ci(successes, trials [, confidence])", ["wilson_ci"], f("wilson_ci"),
             ["range", "negative", "null", "empty", "huge", "nan"], "numbers only"),
    ],
    "Stored survey summaries": [
        form(f"{t} text input", [t], type_input(t),
             ["text", "range", "negative", "empty", "huge", "nan"], NOT_PARSED + "; holds no name or time")
        for t in ["nps_summary", "csat_summary", "ces_summary"]
    ],
    "Order histories and order metrics": [
        form("customer_history_agg(ordered_at [, amount [, items, cost]])", ["customer_history_agg"],
             f("customer_history_agg"),
             ["negative", "null", "empty", "time", "huge", "nan"], "no name or parameter"),
        form("float_amount(double precision | real) casts, float_amount text input", ["float_amount"],
             any_of(type_input("float_amount"), f("float_amount")),
             ["nan", "text"], "a cast of any finite float; NULL is NULL; numeric's own text input"),
        form("customer_history text input", ["customer_history"], type_input("customer_history"),
             ["text", "negative", "empty", "time", "huge", "range"], NOT_PARSED + "; holds no name or NaN"),
        form("combine(customer_history), rollup(customer_history), customer_history_combine(a, b)",
             ["combine", "rollup", "customer_history_combine"],
             any_of(merges("customer_history"), f("customer_history_combine")),
             ["null", "empty", "huge", "mixed"], "no name, time or number argument"),
        form("first_order_at, last_order_at, orders, revenue, avg_order_value, items, cost, profit, "
             "lifespan, avg_time_between_purchases (customer_history)",
             ["first_order_at", "last_order_at", "orders", "revenue", "avg_order_value", "items", "cost",
              "profit", "lifespan", "avg_time_between_purchases"],
             read_outs("customer_history", "first_order_at", "last_order_at", "orders", "revenue",
                       "avg_order_value", "items", "cost", "profit", "lifespan", "avg_time_between_purchases"),
             ["null", "empty", "huge"], READ_OUT),
        form("has_order_between(h, from_time, to_time)", ["has_order_between"], f("has_order_between"),
             ["null", "time", "range"], "a history and two times"),
        form("order_list(h)", ["order_list"], f("order_list"), ["null", "huge"], READ_OUT),
        form("retention_rate, churn_rate, retention_agg (customer_id, ordered_at, period_start, period_end)",
             ["retention_rate", "churn_rate", "retention_agg"],
             any_of(f("retention_rate", (4,)), f("churn_rate", (4,)), f("retention_agg", (4,))),
             ["range", "null", "empty", "time", "mixed", "type", "distinct"], "no number or name argument"),
        form("repeat_purchase_rate(customer_id)", ["repeat_purchase_rate"],
             f("repeat_purchase_rate", (1,), not_of="customer_stats"),
             ["null", "empty", "huge", "type", "distinct"], "one customer id"),
        form("avg_time_between_purchases, median_time_between_purchases (customer_id, ordered_at)",
             ["avg_time_between_purchases", "median_time_between_purchases"],
             any_of(f("avg_time_between_purchases", (2,)), f("median_time_between_purchases", (2,))),
             ["null", "empty", "time", "type", "distinct"], "no number or name argument"),
        form("customer_stats_agg(customer_id, ordered_at [, amount [, items, cost]])", ["customer_stats_agg"],
             f("customer_stats_agg", (2, 3, 5)),
             ["negative", "null", "empty", "time", "huge", "nan", "type", "distinct"],
             "no name argument; no parameter to mix (one id type per column)"),
        form("period_series_agg, mrr_series_agg (customer_id, ordered_at, amount, granularity [, time_zone])",
             ["period_series_agg", "mrr_series_agg"],
             any_of(f("period_series_agg", (4, 5)), f("mrr_series_agg", (4, 5))),
             ["negative", "null", "empty", "name", "time", "huge", "nan", "mixed", "type", "distinct"], ""),
        form("retention_agg(h, period_start, period_end)", ["retention_agg"], f("retention_agg", (3,)),
             ["range", "null", "empty", "time", "mixed"], "a history and two times"),
        form("customer_stats_agg(h)", ["customer_stats_agg"], f("customer_stats_agg", (1,)),
             ["null", "empty", "huge"], "one history, already checked by its input"),
        form("period_series_agg, mrr_series_agg (h, granularity [, time_zone])",
             ["period_series_agg", "mrr_series_agg"],
             any_of(f("period_series_agg", (2, 3)), f("mrr_series_agg", (2, 3))),
             ["null", "empty", "name", "huge", "mixed"], "a history and names"),
        form("mrr_movements(mrr_start, mrr_end)", ["mrr_movements"], f("mrr_movements"),
             ["negative", "null", "empty", "huge", "nan"], "two amounts"),
        form("combine, rollup of retention_summary, customer_stats, period_series, mrr_summary, mrr_series",
             ["combine", "rollup"],
             any_of(*(merges(t) for t in
                      ["retention_summary", "customer_stats", "period_series", "mrr_summary", "mrr_series"])),
             ["null", "empty", "huge", "mixed"], "summaries already checked by their input"),
        form("retention_rate, churn_rate, customers_start, retained, churned, new_customers, reactivated, "
             "customers_end (retention_summary)",
             ["retention_rate", "churn_rate", "customers_start", "retained", "churned", "new_customers",
              "reactivated", "customers_end"],
             read_outs("retention_summary", "retention_rate", "churn_rate", "customers_start", "retained",
                       "churned", "new_customers", "reactivated", "customers_end"),
             ["null", "empty", "huge"], READ_OUT),
        form("retention_ci, churn_ci (s, confidence)", ["retention_ci", "churn_ci"],
             any_of(f("retention_ci"), f("churn_ci")),
             ["range", "null", "empty", "nan"], "a summary and a level"),
        form("customers, repeat_customers, repeat_purchase_rate, orders, orders_per_customer, revenue, "
             "avg_order_value, revenue_per_customer, items, cost, profit, profit_per_customer, "
             "avg_time_between_purchases, median_time_between_purchases, gap_resolution, avg_lifespan, "
             "first_order_at, last_order_at (customer_stats)",
             ["customers", "repeat_customers", "repeat_purchase_rate", "orders", "orders_per_customer",
              "revenue", "avg_order_value", "revenue_per_customer", "items", "cost", "profit",
              "profit_per_customer", "avg_time_between_purchases", "median_time_between_purchases",
              "gap_resolution", "avg_lifespan", "first_order_at", "last_order_at"],
             read_outs("customer_stats", "customers", "repeat_customers", "repeat_purchase_rate", "orders",
                       "orders_per_customer", "revenue", "avg_order_value", "revenue_per_customer", "items",
                       "cost", "profit", "profit_per_customer", "avg_time_between_purchases",
                       "median_time_between_purchases", "gap_resolution", "avg_lifespan", "first_order_at",
                       "last_order_at"),
             ["null", "empty", "huge"], READ_OUT),
        form("repeat_purchase_ci(s, confidence)", ["repeat_purchase_ci"], f("repeat_purchase_ci"),
             ["range", "null", "nan"], "a summary and a level"),
        form("purchase_frequency(s, per), historic_clv(s, per [, churn_rate])",
             ["purchase_frequency", "historic_clv"], any_of(f("purchase_frequency"), f("historic_clv")),
             ["range", "negative", "null", "empty", "huge", "nan"], "a summary, an interval and a rate"),
        form("revenue_churn, gross_mrr_churn, net_mrr_churn, net_revenue_retention, gross_revenue_retention, "
             "quick_ratio, mrr_start, mrr_end, new_mrr, expansion_mrr, contraction_mrr, churned_mrr, "
             "customers_start, customers_end, new_customers, churned_customers, expanded_customers, "
             "contracted_customers (mrr_summary)",
             ["revenue_churn", "gross_mrr_churn", "net_mrr_churn", "net_revenue_retention",
              "gross_revenue_retention", "quick_ratio", "mrr_start", "mrr_end", "new_mrr", "expansion_mrr",
              "contraction_mrr", "churned_mrr", "customers_start", "customers_end", "new_customers",
              "churned_customers", "expanded_customers", "contracted_customers"],
             read_outs("mrr_summary", "revenue_churn", "gross_mrr_churn", "net_mrr_churn",
                       "net_revenue_retention", "gross_revenue_retention", "quick_ratio", "mrr_start",
                       "mrr_end", "new_mrr", "expansion_mrr", "contraction_mrr", "churned_mrr",
                       "customers_start", "customers_end", "new_customers", "churned_customers",
                       "expanded_customers", "contracted_customers"),
             ["null", "empty", "huge"], READ_OUT),
        form("periods(period_series [, confidence]), periods(mrr_series)", ["periods"],
             f("periods", not_of="activity_series"),
             ["range", "null", "nan", "name"], "a summary already checked by its input (its zone is checked here)"),
    ] + [
        form(f"{t} text input", [t], type_input(t),
             ["text", "negative", "empty", "huge", "range"] + (["time"] if t != "mrr_summary" else [])
             + (["name"] if t in ("period_series", "mrr_series") else []),
             NOT_PARSED + "; numbers are exact decimals or counts (no NaN)"
             + ("; holds no name" if t not in ("period_series", "mrr_series") else "")
             + ("; holds no time" if t == "mrr_summary" else ""))
        for t in ["retention_summary", "customer_stats", "period_series", "mrr_summary", "mrr_series"]
    ],
    "Cohorts": [
        form("cohort_agg, recurring_cohort_agg (h, granularity [, time_zone] [, brackets])",
             ["cohort_agg", "recurring_cohort_agg"], cohorts_of_histories,
             ["range", "null", "empty", "name", "huge", "mixed"], "a history, names and bounds"),
        form("cohort_agg, recurring_cohort_agg (customer_id, ordered_at, amount, granularity [, time_zone])",
             ["cohort_agg", "recurring_cohort_agg"],
             lambda call: call["name"] in ("cohort_agg", "recurring_cohort_agg")
             and not cohorts_of_histories(call),
             ["negative", "null", "empty", "name", "time", "huge", "nan", "mixed", "type", "distinct"], ""),
        form("acquisition_cohort_agg(h, acquired_at, granularity [, time_zone])", ["acquisition_cohort_agg"],
             f("acquisition_cohort_agg"), ["null", "empty", "name", "time", "huge", "mixed"],
             "a history, a time and names"),
        form("cohort_summary text input", ["cohort_summary"], type_input("cohort_summary"),
             ["text", "negative", "empty", "time", "name", "huge", "range"],
             NOT_PARSED + "; numbers are exact decimals or counts (no NaN)"),
        form("combine(cohort_summary), rollup(cohort_summary)", ["combine", "rollup"], merges("cohort_summary"),
             ["null", "empty", "huge", "mixed"], "summaries already checked by their input"),
        form("cohort_table(s [, as_of [, confidence]])", ["cohort_table"], f("cohort_table"),
             ["range", "null", "name", "time", "huge", "nan"], "a summary, a time and a level"),
        form("retention_curve(s [, mode [, as_of [, confidence]]])", ["retention_curve"], f("retention_curve"),
             ["range", "null", "name", "time", "nan"], "a summary, a mode, a time and a level"),
        form("bracket_retention(s [, confidence])", ["bracket_retention"], f("bracket_retention"),
             ["range", "null", "empty", "nan"], "a summary and a level"),
        form("is_recurring(s)", ["is_recurring"], f("is_recurring"), ["null"], READ_OUT),
        form("retention(cond1, cond2, ...)", ["retention"], f("retention"),
             ["range", "null", "empty", "mixed"], "booleans only"),
        form("window_funnel(window, [mode,] ts, cond1, ...)", ["window_funnel"], f("window_funnel"),
             ["range", "negative", "null", "empty", "name", "time", "huge", "mixed"], "no number argument"),
        form("window_funnel_steps(window, [mode,] ts, cond1, ...)", ["window_funnel_steps"], f("window_funnel_steps"),
             ["range", "null", "empty", "name"],
             "window_funnel's transition and arguments: the other kinds are its cases"),
        form("funnel_table(step_times, steps [, confidence])", ["funnel_table"], f("funnel_table"),
             ["range", "null", "empty", "time", "nan", "mixed"],
             "counts past bigint would need 2^63 users; no name argument"),
    ],
    "Daily activity": [
        form("activity_series_agg(customer_id, ordered_at [, time_zone])", ["activity_series_agg"],
             lambda call: call["name"] == "activity_series_agg" and not activity_of_histories(call),
             ["null", "empty", "name", "time", "huge", "mixed", "type", "distinct"], "no number argument"),
        form("activity_series_agg(h [, time_zone])", ["activity_series_agg"], activity_of_histories,
             ["null", "empty", "name", "huge", "mixed"], "a history and a name"),
        form("combine(activity_series)", ["combine"], merges("activity_series"),
             ["null", "empty", "huge", "mixed"], "summaries already checked by their input"),
        form("periods(activity_series)", ["periods"], f("periods", of="activity_series"),
             ["null", "name"], "a summary already checked by its input (its zone is checked here)"),
        form("activity_series text input", ["activity_series"], type_input("activity_series"),
             ["text", "negative", "empty", "huge", "range", "time", "name"],
             NOT_PARSED + "; counts only (no NaN)"),
    ],
    "Drill-down": [
        form("customer_status(h, granularity, period [, time_zone])", ["customer_status"], f("customer_status"),
             ["null", "name", "time"], "a history, names and a date: nothing to mix, no number"),
        form("customer_periods(h, granularity [, time_zone])", ["customer_periods"], f("customer_periods"),
             ["null", "name", "huge"], "a history and names"),
        form("cohort_cell_status(h, granularity, cohort, period_offset [, time_zone])", ["cohort_cell_status"],
             f("cohort_cell_status"), ["null", "name", "time", "negative"], "a history, names, a date and an offset"),
        form("customer_cohort_cells, customer_recurring_cohort_cells (h, granularity [, time_zone])",
             ["customer_cohort_cells", "customer_recurring_cohort_cells"],
             any_of(f("customer_cohort_cells"), f("customer_recurring_cohort_cells")),
             ["null", "name", "huge"], "a history and names"),
    ],
    "Predictive models": [
        form("rfm, rfm_holdout (h, ends, granularity, multiplier [, time_zone])", ["rfm", "rfm_holdout"],
             any_of(f("rfm"), f("rfm_holdout")),
             ["range", "negative", "null", "empty", "name", "time", "huge", "nan"], "one history"),
        form("bgnbd_fit(frequency, recency, T [, penalizer])", ["bgnbd_fit"], f("bgnbd_fit"),
             ["range", "negative", "null", "empty", "huge", "nan", "mixed"], "numbers only"),
        form("gamma_gamma_fit(frequency, monetary_value [, penalizer])", ["gamma_gamma_fit"], f("gamma_gamma_fit"),
             ["range", "negative", "null", "empty", "huge", "nan", "mixed"], "numbers only"),
        form("sbg_fit(period, alive)", ["sbg_fit"], f("sbg_fit"),
             ["range", "negative", "null", "empty", "huge", "mixed"], "integers only"),
        form("kaplan_meier(duration, churned)", ["kaplan_meier"], f("kaplan_meier"),
             ["negative", "null", "empty", "huge", "nan"], "a number and a flag"),
        form("combine(survival_curve), rollup(survival_curve)", ["combine", "rollup"], merges("survival_curve"),
             ["null", "empty"], "curves always merge; no parameter"),
    ] + [
        form(f"{t} text input", [t], type_input(t),
             ["text", "negative", "range", "huge", "nan"] + (["name"] if t != "survival_curve" else []),
             NOT_PARSED + "; holds no time; a model of nobody is not a model"
             + ("; a curve names no model" if t == "survival_curve" else ""))
        for t in ["bgnbd_model", "gamma_gamma_model", "sbg_model", "survival_curve"]
    ] + [
        form("parameters, fit_info (bgnbd_model, gamma_gamma_model, sbg_model)", ["parameters", "fit_info"],
             any_of(f("parameters"), f("fit_info")), ["null"], READ_OUT),
        form("expected_purchases(m, t [, frequency, recency, age]), probability_alive(m, frequency, recency, age)",
             ["expected_purchases", "probability_alive"],
             any_of(f("expected_purchases"), f("probability_alive")),
             ["range", "negative", "null", "huge", "nan"], "a model and numbers"),
        form("probability_of_purchases(m, t, n)", ["probability_of_purchases"], f("probability_of_purchases"),
             ["negative", "null", "huge", "nan"], "a model and numbers"),
        form("expected_average_spend(m [, frequency, monetary_value])", ["expected_average_spend"],
             f("expected_average_spend"), ["range", "negative", "null", "huge", "nan"], "a model and numbers"),
        form("clv(bgnbd_model, gamma_gamma_model, frequency, recency, age, monetary_value [, months, "
             "monthly_discount, periods_per_month])", ["clv"], f("clv", (6, 7, 8, 9)),
             ["range", "negative", "null", "huge", "nan"], "models and numbers"),
        form("survival, projected_retention_rate (alias retention_rate), churn_probability (sbg_model, t)",
             ["survival", "projected_retention_rate", "retention_rate", "churn_probability"],
             any_of(f("survival"), f("projected_retention_rate"), f("retention_rate", (2,)), f("churn_probability")),
             ["range", "negative", "null", "huge", "nan"], "a model and a period"),
        form("survival_curve(c [, confidence]), median_lifetime(c), subjects(c)",
             ["survival_curve", "median_lifetime", "subjects"],
             any_of(f("survival_curve"), f("median_lifetime"), f("subjects")),
             ["range", "null", "empty", "nan"], "a curve and a level"),
    ] + [
        form(f"{t} text input", [t], type_input(t), ["text"],
             "an aggregate's partial state as Citus moves it, not written by hand: its input checks "
             "the whole binary form, whose numbers were checked when the rows were added")
        for t in ["rfm_fit_state", "sbg_fit_state", "kaplan_meier_state", "window_funnel_state",
                  "funnel_table_state"]
    ],
}
FORMS = [fm for forms in FORMS_BY_FAMILY.values() for fm in forms]

# Support functions users do not call by name (their aggregates' and types' own checks are
# what the cases try), by suffix, with the operator, operator class and cast support functions
# of docs/values.md (called through =, <, hashing and ::jsonb, on values already checked by
# their input); customer_history_combine is user-facing.
SUPPORT = re.compile(r"_(in|out|recv|send|trans|inv|final|combine|serial|deserial|eq|ne|lt|le|gt|ge|cmp|hash|hash_extended|jsonb|json)$")
USER_FACING_SUPPORT = {"customer_history_combine"}


def sql_names():
    """Every user-visible function, aggregate and type the extension's SQL creates. Composite
    types (CREATE TYPE name AS (...), the result rows of the read-outs) are not counted: their
    input and output are PostgreSQL's record_in and record_out, not ours."""
    names = set()
    for fn in sorted(glob.glob(os.path.join(SQL_DIR, "**", "*.sql"), recursive=True)):
        text = open(fn, encoding="utf-8").read()
        for kind, name, composite in re.findall(r"CREATE (FUNCTION|AGGREGATE|TYPE) @extschema@\.(\w+)(\s+AS\s*\()?", text):
            if composite:
                continue
            if kind == "TYPE" or not SUPPORT.search(name) or name in USER_FACING_SUPPORT:
                names.add(name)
    return names


def split_args(text):
    """Top-level comma-separated arguments of an argument list (without its parentheses)."""
    args, depth, cur, quote = [], 0, "", None
    i = 0
    while i < len(text):
        c = text[i]
        if quote:
            cur += c
            if text.startswith(quote, i):
                cur += text[i + 1:i + len(quote)]
                i += len(quote) - 1
                quote = None
        elif text.startswith("$$", i) or c == "'":
            quote = "$$" if c == "$" else "'"
            cur += text[i:i + len(quote)]
            i += len(quote) - 1
        elif c == "(" or c == "[":
            depth += 1
            cur += c
        elif c == ")" or c == "]":
            depth -= 1
            cur += c
        elif c == "," and depth == 0:
            args.append(cur.strip())
            cur = ""
        else:
            cur += c
        i += 1
    if cur.strip():
        args.append(cur.strip())
    return args


def masked(query):
    """The query with string literals blanked out (same length), so that names and
    parentheses inside them are not read as calls."""
    out, i = [], 0
    while i < len(query):
        if query[i] == "'":
            j = i + 1
            while j < len(query):
                if query[j] == "'" and query[j + 1:j + 2] == "'":
                    j += 2
                    continue
                if query[j] == "'":
                    break
                j += 1
            out.append("'" + " " * (j - i - 1) + "'")
            i = j + 1
        else:
            out.append(query[i])
            i += 1
    return "".join(out)


def subjects(query, names):
    """The extension calls a case is about: those of the outermost select list that are not
    arguments of another extension call (else the first extension call after FROM), and
    text-input casts `'...'::type` there."""
    m = masked(query)
    # the outermost select list: from the first SELECT to the first FROM at depth 0
    start = m.find("SELECT")
    if start < 0:
        return []
    depth, end, i = 0, len(m), start + 6
    while i < len(m):
        if m[i] == "(":
            depth += 1
        elif m[i] == ")":
            depth -= 1
        elif depth == 0 and re.match(r"\bFROM\b", m[i:]) and not re.match(r"\w", m[i - 1]):
            end = i
            break
        i += 1

    def calls_in(lo, hi, first_only):
        found, i = [], lo
        while i < hi:
            mt = re.compile(r"\b([a-z_][a-z_0-9]*)\s*\(").search(m, i, hi)
            cast = re.compile(r"'\s*::\s*([a-z_]+)").search(m, i, hi)
            if cast and (not mt or cast.start() < mt.start()):
                if cast.group(1) in names:
                    found.append({"name": "::" + cast.group(1), "args": [], "query": query})
                    if first_only:
                        return found
                i = cast.end()
                continue
            if not mt:
                break
            name, open_at = mt.group(1), mt.end() - 1
            # the matching parenthesis
            d, j = 0, open_at
            while j < len(m):
                if m[j] == "(":
                    d += 1
                elif m[j] == ")":
                    d -= 1
                    if d == 0:
                        break
                j += 1
            if name in names and not re.search(r"(::|\.)\s*$", m[:mt.start()]):
                found.append({"name": name, "args": split_args(query[open_at + 1:j]), "query": query})
                if first_only:
                    return found
                i = j + 1  # skip its arguments: calls there are not subjects
            else:
                i = open_at + 1
        return found

    # a select list that ends in a cast to one of the types is about that type's input
    cast = re.search(r"::\s*([a-z_]+)\s*$", m[start + 6:end].strip())
    if cast and cast.group(1) in names:
        return [{"name": "::" + cast.group(1), "args": [], "query": query}]
    found = calls_in(start, end, False)
    if not found and end < len(m):
        found = calls_in(end, len(m), True)
    return found


def forms_of(query, names):
    """The forms (indexes into FORMS) a case query is about."""
    out = []
    for call in subjects(query, names):
        for k, fm in enumerate(FORMS):
            if fm["match"](call) and k not in out:
                out.append(k)
    return out


def split_kinds(heading):
    """A heading's leading [kind, ...] tag and the heading without it."""
    mt = re.match(r"^\[([a-z, ]+)\]\s*(.*)$", heading)
    if not mt:
        return [], heading
    kinds = [k.strip() for k in mt.group(1).split(",") if k.strip()]
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        sys.exit(f"error_catalogue: unknown kinds {unknown} in heading {heading!r}")
    return kinds, mt.group(2)


def schedule_order():
    names = []
    with open(SCHEDULE, encoding="utf-8") as f:
        for line in f:
            if line.startswith("test:"):
                names += line.split()[1:]
    return names


def table_rows(lines, i):
    """The rows of the aligned result table starting at lines[i] (its header): a list of
    lists of cell strings, and the index after the table."""
    dashes = lines[i + 1]
    cuts = [m.start() for m in re.finditer(r"\+", dashes)]
    bounds = list(zip([0] + [c + 1 for c in cuts], cuts + [None]))
    rows, j = [], i + 2
    while j < len(lines) and not re.match(r"^\(\d+ rows?\)$", lines[j]):
        rows.append([lines[j][a:b].strip() for a, b in bounds])
        j += 1
    return rows, j + 1


def cases(path):
    """(heading, query, sqlstate, message) of every case in one expected output."""
    lines = open(path, encoding="utf-8").read().split("\n")
    out, heading, i = [], "", 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("--") and not re.match(r"^-+(\+-+)*$", line):
            # consecutive comment lines make one heading
            text = line.lstrip("- ").strip()
            previous = lines[i - 1] if i else ""
            continued = previous.startswith("--") and not re.match(r"^-+(\+-+)*$", previous)
            heading = f"{heading} {text}".strip() if continued else text
            i += 1
            continue
        if line.startswith("SELECT") and "sqlstate_of(" in line:
            # the statement runs to the first line that ends with ';'
            j = i
            statement = []
            while True:
                statement.append(lines[j])
                if lines[j].rstrip().endswith(";") and not lines[j].lstrip().startswith("--"):
                    break
                j += 1
            text = "\n".join(statement)
            rows, after = table_rows(lines, j + 1)
            if text.startswith("SELECT sqlstate_of($$"):
                query = re.match(r"SELECT sqlstate_of\(\$\$(.*)\$\$\);$", text, re.S).group(1)
                results = [(query, rows[0][0])]
            else:
                # the VALUES list's comments give the cases their headings
                headings, current, in_comment = {}, heading, False
                for s in statement:
                    stripped = s.strip()
                    if stripped.startswith("--"):
                        # consecutive comment lines make one heading
                        text = stripped.lstrip("- ").strip()
                        current = f"{current} {text}" if in_comment else text
                        in_comment = True
                        continue
                    in_comment = False
                    for q in re.findall(r"\(\$\$(.*?)\$\$\)", s):
                        headings[q] = current
                results = [(r[0], r[1]) for r in rows]
            for query, result in results:
                h = headings.get(query, heading) if not text.startswith("SELECT sqlstate_of($$") else heading
                if result == "no error":
                    out.append((h, query, "", "accepted"))
                else:
                    state, message = result.split(": ", 1)
                    out.append((h, query, state, message))
            i = after
            continue
        if line.strip():
            heading = ""  # another statement or its output: the comment above is not the cases'
        i += 1
    return [(h or "Other cases", q, state, m) for h, q, state, m in out]


def all_cases():
    """(file name, heading, kinds, query, sqlstate, message) of every case, in schedule order."""
    order = [n for n in schedule_order() if os.path.exists(os.path.join(EXPECTED, n + ".out"))]
    out = []
    for name in order:
        for h, query, state, message in cases(os.path.join(EXPECTED, name + ".out")):
            kinds, text = split_kinds(h)
            out.append((name, text or "Other cases", kinds, query, state, message))
    return out


def coverage(found, names):
    """The forms x kinds counts, and the problems --check fails on."""
    counts = [{k: 0 for k in KINDS} for _ in FORMS]
    any_case = [0] * len(FORMS)
    problems = []
    for _, heading, kinds, query, _, _ in found:
        for k in forms_of(query, names):
            any_case[k] += 1
            for kind in kinds:
                counts[k][kind] += 1
    covered = set()
    for fm in FORMS:
        covered |= fm["names"]
        unknown = fm["names"] - names
        if unknown:
            problems.append(f"form {fm['label']!r} names {sorted(unknown)}, which the SQL does not create")
    for name in sorted(names - covered):
        problems.append(f"{name} (created in src/**/*.sql) is in no form of tests/checks/error_catalogue.py")
    for k, fm in enumerate(FORMS):
        if not any_case[k]:
            problems.append(f"{fm['label']}: no case at all")
        for kind in fm["kinds"]:
            if not counts[k][kind]:
                problems.append(f"{fm['label']}: no case of kind {kind!r}")
        for kind in KINDS:
            if kind not in fm["kinds"] and counts[k][kind]:
                problems.append(f"{fm['label']}: {counts[k][kind]} case(s) of kind {kind!r}, "
                                f"which FORMS marks as not applying")
    return counts, problems


def coverage_table(counts):
    head = "| function | " + " | ".join(KINDS.values()) + " | n/a because |"
    lines = [head, "|---|" + "---|" * len(KINDS) + "---|"]
    for family, forms in FORMS_BY_FAMILY.items():
        lines.append(f"| **{family}** |" + " |" * len(KINDS) + " |")
        for fm in forms:
            k = FORMS.index(fm)
            cells = [str(counts[k][kind]) if kind in fm["kinds"] else "n/a" for kind in KINDS]
            label = fm["label"].replace("|", "\\|")
            na = fm["na"] if len(fm["kinds"]) < len(KINDS) else ""
            lines.append(f"| {label} | " + " | ".join(cells) + f" | {na} |")
    return "\n".join(lines)


def markdown():
    names = sql_names()
    found = all_cases()
    counts, problems = coverage(found, names)
    sections, states = [], {}
    for name in [n for n in schedule_order()]:
        mine = [c for c in found if c[0] == name]
        if not mine:
            continue
        lines = [f"## {FAMILIES.get(name, name)}", "",
                 f"From `tests/pg_regress/sql/{name}.sql`.", ""]
        heading = None
        for _, h, kinds, query, state, message in mine:
            if h != heading:
                lines += ["", f"**{h}**", "", "| input | kind | SQLSTATE | message |", "|---|---|---|---|"]
                heading = h
            q = query.replace("|", "\\|").replace("\n", " ")
            m = message.replace("|", "\\|")
            kind = ", ".join(KINDS[k] for k in kinds) or "-"
            lines.append(f"| `{q}` | {kind} | {state or '-'} | {m} |")
            if state:
                states[state] = states.get(state, 0) + 1
        sections.append("\n".join(lines))
    unknown = sorted(s for s in states if s not in CONDITIONS)
    if unknown:
        sys.exit(f"error_catalogue: add the condition names of {unknown} to CONDITIONS")
    legend = "\n".join(f"| {s} | {CONDITIONS[s]} | {n} |" for s, n in sorted(states.items()))
    accepted = sum(1 for c in found if not c[4])
    kinds = "\n".join(f"- **{short}**: {long}" for short, long in KIND_LEGEND)
    head = f"""# Catalogue of bad input

Each invalid input the tests try, with the SQLSTATE and message it gets: {len(found)} cases,
{len(found) - accepted} of them errors and {accepted} accepted on purpose. Generated by
`tests/checks/error_catalogue.py` from the pg_regress expected outputs, which every
`make test` compares with what the extension does; the unit tier checks that this file
matches them (`python3 tests/checks/error_catalogue.py --check`; `--write` regenerates it).
A row marked "accepted" is valid input tried beside its invalid neighbours, or input that
is skipped or gives NULL on purpose (its heading says why).

Every error is raised with `ereport(ERROR)` and a SQLSTATE from PostgreSQL's class 22
(data exception) unless noted; none ends the session or the server.

| SQLSTATE | condition | cases |
|---|---|---|
{legend}

## Coverage

Every user-visible function, aggregate and type input of the extension (as `src/**/*.sql`
creates them; overloads and the read-outs of one summary share a row), with the number of
cases of each kind of bad input. The kinds:

{kinds}

"n/a" marks a kind that cannot be given to that function (the last column says why); it
is not counted as tested. The generator fails (`--check`) when a function the SQL creates
is in no row, or when a kind that applies has no case.

{coverage_table(counts)}
"""
    return head + "\n" + "\n\n".join(sections) + "\n", problems


def main():
    if "--cases" in sys.argv:
        names = sql_names()
        for name, h, kinds, query, state, message in all_cases():
            forms = [FORMS[k]["label"].split("(")[0] for k in forms_of(query, names)]
            print(f"{name}\t{','.join(kinds) or '-'}\t{' / '.join(forms) or 'NO FORM'}\t{state or 'ok'}\t{query}")
        return
    text, problems = markdown()
    if problems and ("--check" in sys.argv or "--write" in sys.argv):
        sys.exit("error_catalogue: the cases do not cover every function and kind:\n  "
                 + "\n  ".join(problems))
    if "--check" in sys.argv:
        current = open(DOC, encoding="utf-8").read() if os.path.exists(DOC) else ""
        if current != text:
            sys.exit("error_catalogue: docs/errors.md is out of date with tests/pg_regress/expected; "
                     "run python3 tests/checks/error_catalogue.py --write")
        print(f"error_catalogue: docs/errors.md matches the expected outputs")
    elif "--write" in sys.argv:
        with open(DOC, "w", encoding="utf-8") as f:
            f.write(text)
        print(f"error_catalogue: wrote {DOC}")
    else:
        sys.stdout.write(text)
        for p in problems:
            print(f"MISSING: {p}", file=sys.stderr)


if __name__ == "__main__":
    main()
