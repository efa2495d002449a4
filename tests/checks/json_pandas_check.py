"""Summaries read by a real driver as JSON (docs/values.md): psycopg 3 fetches stored
summaries through their cast to jsonb, pandas turns them into columns (pd.json_normalize),
and every column must equal what the extension's accessors compute for the same summary,
and a hand-worked value.

Run in the SQL tier (tests/sql_tier.sh) inside a throw-away cluster; connects with the
libpq environment scripts/cluster.sh exports.
"""
import math
import sys

import pandas as pd
import psycopg

from common import Database

DB = Database("pg_retention_json_pandas")

SETUP = """
CREATE TABLE answers (day int, score int);
-- Day 1 by hand: 10, 9, 9, 7, 0 -> 3 promoters, 1 passive, 1 detractor, NPS 100 x 2 / 5 = 40.
INSERT INTO answers VALUES (1, 10), (1, 9), (1, 9), (1, 7), (1, 0);
INSERT INTO answers SELECT 2 + g % 5, (g * 7) % 11 FROM generate_series(1, 500) g;
CREATE TABLE daily AS SELECT day, nps_agg(score) AS s FROM answers GROUP BY day;
CREATE TABLE orders (customer_id int, ordered_at timestamptz, amount numeric);
INSERT INTO orders VALUES (1, '2026-01-05 00:00+00', 10.25), (1, '2026-02-07 00:00+00', 1.75),
    (2, '2026-01-09 00:00+00', 20), (3, '2026-02-11 00:00+00', 5.50), (3, '2026-03-02 00:00+00', 4.50);
CREATE TABLE histories AS
SELECT customer_id, customer_history_agg(ordered_at, amount) AS h FROM orders GROUP BY customer_id;
"""


def main():
    DB.create()
    failed = True
    try:
        DB.run(SETUP)
        with psycopg.connect(dbname=DB.name) as conn:
            conn.execute("SET TimeZone = 'UTC'")
            # NPS: the JSON's columns against the accessors.
            rows = conn.execute(
                "SELECT day, s::jsonb AS j, nps(s), respondents(s), promoters(s), passives(s), detractors(s) "
                "FROM daily ORDER BY day").fetchall()
            df = pd.json_normalize([r[1] for r in rows])
            accessors = pd.DataFrame([r[2:] for r in rows],
                                     columns=["nps", "respondents", "promoters", "passives", "detractors"])
            for col in accessors.columns:
                assert list(df[col]) == list(accessors[col]), (col, list(df[col]), list(accessors[col]))
            assert (df.loc[0, "nps"], df.loc[0, "promoters"], df.loc[0, "respondents"]) == (40, 3, 5), df.loc[0]
            # Histories: money arrives exact when read as Decimal text; the orders as rows.
            rows = conn.execute(
                "SELECT customer_id, h::jsonb, revenue(h)::text, orders(h), "
                "extract(epoch FROM lifespan(h))::float8 FROM histories ORDER BY customer_id").fetchall()
            hist = pd.json_normalize([r[1] for r in rows])
            assert list(hist["orders"]) == [r[3] for r in rows]
            assert [float(x) for x in hist["revenue"]] == [float(r[2]) for r in rows]
            assert list(hist["lifespan_seconds"]) == [r[4] for r in rows]
            # Customer 1 by hand: 10.25 + 1.75 = 12.00 over 33 days (2,851,200 s).
            assert float(hist.loc[0, "revenue"]) == 12.0 and hist.loc[0, "lifespan_seconds"] == 2851200
            orders = pd.json_normalize(rows[0][1], record_path="order_list")
            assert list(orders["amount"]) == [10.25, 1.75], orders
            # A series: its periods as a frame equal periods() read as rows.
            (j,) = conn.execute("SELECT period_series_agg(h, 'month')::jsonb FROM histories").fetchone()
            periods = pd.json_normalize(j, record_path="periods")
            sql = pd.DataFrame(conn.execute(
                "SELECT customers_end, new_customers, retained FROM periods("
                "(SELECT period_series_agg(h, 'month') FROM histories))").fetchall(),
                columns=["customers_end", "new_customers", "retained"])
            for col in sql.columns:
                assert list(periods[col]) == list(sql[col]), (col, periods[col], sql[col])
            # January by hand: customers 1 and 2 are new and active.
            assert (periods.loc[0, "new_customers"], periods.loc[0, "customers_end"]) == (2, 2)
            # A model: parameters and fit info as columns.
            (m,) = conn.execute(
                "SELECT sbg_fit(p, n)::jsonb FROM (VALUES (0, 1000), (1, 631), (2, 468), (3, 382), (4, 326)) r(p, n)"
            ).fetchone()
            model = pd.json_normalize(m)
            (alpha,) = conn.execute(
                "SELECT alpha FROM parameters((SELECT sbg_fit(p, n) FROM (VALUES (0, 1000), (1, 631), (2, 468), "
                "(3, 382), (4, 326)) r(p, n)))").fetchone()
            assert model.loc[0, "parameters.alpha"] == alpha and math.isfinite(alpha)
            assert bool(model.loc[0, "fit_info.converged"]) is True
        failed = False
        print("json_pandas_check: NPS, histories, a series and a model read through ::jsonb into pandas "
              "equal the accessors and the hand-worked values")
    finally:
        DB.drop_unless(failed)


if __name__ == "__main__":
    sys.exit(main())
