#!/usr/bin/env python3
"""Scores and amounts written by pandas (issue 16, item 5), through pandas, SQLAlchemy 2 and
psycopg 3, as an analyst's notebook does it.

`df.to_sql` writes an int64 column as bigint and a float64 column (an integer column with a
missing answer, or prices) as double precision; 0.2.0 refused both ("function nps(bigint)
does not exist"). This check writes such frames with to_sql, checks the column types it
made, and reads nps(), csat(), ces() and customer_history_agg() over them with
pandas.read_sql, against:
  hand     the figures worked out by hand from the frames (below, beside each frame);
  typed    the same values in integer and numeric(10,2) columns, made with plain SQL,
           through the same aggregates (the types 0.2.0 took);
and shows that a parameter bound from Python (an int, a float, a Decimal) reaches the
aggregates too.

Runs inside `scripts/cluster.sh` (tests/sql_tier.sh; PGHOST, PGPORT, PGUSER set) with
pg_retention installed, using the Python of .venv (pandas, SQLAlchemy, psycopg):

    .venv/bin/python tests/checks/pandas_types_check.py

Prints one line per comparison and exits 1 on any failure.
"""
import math
import os
import sys
from decimal import Decimal

import pandas as pd
import sqlalchemy as sa

from common import Database

DB = Database("pg_retention_pandas_types")
failures = []


def check(what, got, want):
    ok = got == want
    print(f"{'ok  ' if ok else 'FAIL'} {what}: {got!r}" + ("" if ok else f" (want {want!r})"))
    if not ok:
        failures.append(what)


def main():
    DB.create()
    url = sa.engine.URL.create(
        "postgresql+psycopg", username=os.environ.get("PGUSER", "postgres"),
        host=os.environ.get("PGHOST", "localhost"), port=int(os.environ["PGPORT"]), database=str(DB))
    engine = sa.create_engine(url)

    # Survey answers. nps: 10, 9, 9, 8, 7, 6, 3, 10 -> 4 promoters (9-10), 2 detractors (0-6)
    # of 8: NPS = 100 x (4 - 2) / 8 = 25. csat (1..5, satisfied from 4): 5, 4, missing, 3, 5,
    # 1, 4, 2 -> 4 satisfied of 7 answers = 4/7; the missing answer makes the column float64.
    # effort (CES on 7 options): 7, 6, 5, 7, 3, 6, 7, 5 -> mean 46 / 8 = 5.75, CES = 5.75 / 7
    # x 100 = 82.142857...
    survey = pd.DataFrame({
        "nps_score": [10, 9, 9, 8, 7, 6, 3, 10],
        "csat_score": [5, 4, math.nan, 3, 5, 1, 4, 2],
        "effort": [7, 6, 5, 7, 3, 6, 7, 5],
    })
    assert str(survey["nps_score"].dtype) == "int64" and str(survey["csat_score"].dtype) == "float64"
    survey.to_sql("survey_pd", engine, index=False)

    # Orders, amounts as float64 prices. Customer 1: 19.99 + 0.10 = 20.09; customer 2: 5.00;
    # customer 3: 100.50 + 0.30 = 100.80 (each amount a decimal price, taken as the shortest
    # decimal of its double, so exactly these sums).
    orders = pd.DataFrame({
        "customer_id": [1, 1, 2, 3, 3],
        "ordered_at": pd.to_datetime(["2024-01-05 10:00", "2024-02-05 10:00", "2024-02-07 10:00",
                                      "2024-02-09 10:00", "2024-03-01 10:00"], utc=True),
        "amount": [19.99, 0.10, 5.00, 100.50, 0.30],
    })
    orders.to_sql("orders_pd", engine, index=False)

    with engine.connect() as conn:
        types = dict(conn.execute(sa.text(
            "SELECT table_name || '.' || column_name, data_type FROM information_schema.columns "
            "WHERE table_name IN ('survey_pd', 'orders_pd')")).all())
    check("to_sql column types", types, {
        "survey_pd.nps_score": "bigint", "survey_pd.csat_score": "double precision",
        "survey_pd.effort": "bigint", "orders_pd.customer_id": "bigint",
        "orders_pd.ordered_at": "timestamp with time zone", "orders_pd.amount": "double precision"})

    # The same values in the types 0.2.0 took, made with plain SQL.
    with engine.begin() as conn:
        conn.execute(sa.text(
            "CREATE TABLE survey_typed AS SELECT nps_score::integer, csat_score::integer, effort::integer "
            "FROM survey_pd"))
        conn.execute(sa.text(
            "CREATE TABLE orders_typed AS SELECT customer_id::integer, ordered_at, amount::text::numeric(10,2) AS amount "
            "FROM orders_pd"))

    figures = ("SELECT nps(nps_score) AS nps, csat(csat_score) AS csat, ces(effort, 7) AS ces, "
               "respondents(csat_agg(csat_score)) AS csat_respondents FROM {}")
    pandas_side = pd.read_sql(figures.format("survey_pd"), engine).iloc[0].to_dict()
    typed_side = pd.read_sql(figures.format("survey_typed"), engine).iloc[0].to_dict()
    check("survey figures from bigint/float8 columns, by hand", pandas_side,
          {"nps": 25.0, "csat": 4 / 7, "ces": 5.75 / 7 * 100, "csat_respondents": 7})
    check("survey figures: bigint/float8 columns = integer columns", pandas_side, typed_side)

    revenue = ("SELECT customer_id, revenue(customer_history_agg(ordered_at, amount)) AS revenue, "
               "orders(customer_history_agg(ordered_at, amount)) AS orders "
               "FROM {} GROUP BY customer_id ORDER BY customer_id")
    # coerce_float=False: numeric arrives as decimal.Decimal, not as a float.
    from_float = pd.read_sql(revenue.format("orders_pd"), engine, coerce_float=False)
    from_numeric = pd.read_sql(revenue.format("orders_typed"), engine, coerce_float=False)
    check("revenue per customer from a float8 amount, by hand",
          list(zip(from_float.customer_id, from_float.revenue, from_float.orders)),
          [(1, Decimal("20.09"), 2), (2, Decimal("5"), 1), (3, Decimal("100.8"), 2)])
    check("revenue per customer: float8 amounts = numeric(10,2) amounts (as values)",
          list(from_float.revenue), list(from_numeric.revenue))
    stats = ("SELECT revenue(customer_stats_agg(customer_id, ordered_at, amount)) AS revenue, "
             "orders(customer_stats_agg(customer_id, ordered_at, amount)) AS orders FROM {}")
    check("customer_stats_agg over float8 amounts, by hand (20.09 + 5 + 100.8 = 125.89, 5 orders)",
          pd.read_sql(stats.format("orders_pd"), engine, coerce_float=False).iloc[0].to_dict(),
          {"revenue": Decimal("125.89"), "orders": 5})
    check("customer_stats_agg: float8 amounts = numeric(10,2) amounts",
          pd.read_sql(stats.format("orders_pd"), engine, coerce_float=False).iloc[0].to_dict(),
          pd.read_sql(stats.format("orders_typed"), engine, coerce_float=False).iloc[0].to_dict())

    # Parameters bound from Python: psycopg sends an int as an integer type, a float as
    # double precision and a Decimal as numeric; each reaches its aggregate.
    with engine.connect() as conn:
        got = conn.execute(sa.text(
            "SELECT nps(s) AS from_int, nps(f) AS from_float, nps(d) AS from_decimal "
            "FROM (VALUES (:s1, :f1, :d1), (:s2, :f2, :d2)) v(s, f, d)"),
            {"s1": 10, "s2": 3, "f1": 10.0, "f2": 3.0, "d1": Decimal("10"), "d2": Decimal("3")}).one()
        # 1 promoter, 1 detractor of 2: NPS 0.
        check("nps over bound int, float and Decimal scores", tuple(got), (0.0, 0.0, 0.0))
        got = conn.execute(sa.text(
            "SELECT revenue(customer_history_agg(t, a)) FROM (VALUES (now(), :a1), (now(), :a2)) v(t, a)"),
            {"a1": 19.99, "a2": 0.1}).scalar_one()
        check("revenue over bound float amounts (19.99 + 0.1)", got, Decimal("20.09"))
    engine.dispose()
    print(f"pandas_types_check: {'FAILED: ' + ', '.join(failures) if failures else 'all passed'}")
    return DB.drop_unless(bool(failures))


if __name__ == "__main__":
    sys.exit(main())
