#!/usr/bin/env python3
"""pg_retention through a real JDBC driver (issue 16, items 5 and 10): pgjdbc 42.5 (Debian's
libpostgresql-jdbc-java) and a JRE, both installed by scripts/setup.sh.

tests/checks/JdbcCheck.java, run as a single-file program with
`java -cp /usr/share/java/postgresql.jar JdbcCheck.java URL`, makes the calls a Java client
makes with PreparedStatement: retention_rate(customer_id, ordered_at, ?, ?) with setString
bounds, failing by default (pgjdbc sends them as varchar) and answering with
stringtype=unspecified, as docs/orders.md says; setLong scores into nps(); setDouble scores
into csat() and setDouble amounts into customer_history_agg() and customer_stats_agg(); a
summary read as text. Each figure is compared with psql's answer to the same query with
the values written as literals, and with the value worked by hand (beside each case).

Runs inside `scripts/cluster.sh` (tests/sql_tier.sh; PGHOST, PGPORT, PGUSER set) with
pg_retention installed. Standard library only.

    python3 tests/checks/jdbc_check.py
"""
import os
import subprocess
import sys
from decimal import Decimal

from common import CHECKS, Database

DB = Database("pg_retention_jdbc")
JAR = "/usr/share/java/postgresql.jar"

# The orders of docs/orders.md: in February 2026, customers 1 and 3 ordered in the 28 days
# before (January 15) and customer 1 ordered again: retention 1/2. Amounts of customers
# 1..5: 20 + 10 + 30 + 5 + 7.50 + 1 + 12 + 8 + 3 = 96.50 (customer 3's order has none; the
# row without a customer is skipped).
FIXTURE = """
CREATE TABLE jdbc_orders (customer_id bigint, ordered_at timestamptz, amount numeric(10,2));
INSERT INTO jdbc_orders VALUES
 (1, '2026-01-15 00:00+00', 20.00), (1, '2026-02-15 00:00+00', 10), (1, '2026-02-15 00:00:01+00', 30),
 (1, '2026-04-15 00:00+00', 5),
 (2, '2026-02-15 00:00+00', 7.50), (2, '2026-03-15 00:00+00', 1),
 (3, '2026-01-15 00:00+00', NULL),
 (4, '2025-12-01 00:00+00', 12), (4, '2026-02-20 00:00+00', 8),
 (5, '2026-02-01 00:00+00', 3),
 (NULL, '2026-02-10 00:00+00', 99);
"""

# name -> (how to compare, psql's query with literals or None, the value by hand)
RETENTION = ("SELECT retention_rate(customer_id, ordered_at, '2026-02-01 00:00+00', '2026-03-01 00:00+00') "
             "FROM jdbc_orders")
CASES = {
    # pgjdbc's default: varchar bounds, no retention_rate takes them (42883, undefined_function).
    "default_setString_bounds": ("text", None, "ERROR 42883"),
    "default_setString_cast": ("float", RETENTION, 0.5),
    "unspecified_setString_bounds": ("float", RETENTION, 0.5),
    # 10, 9, 8, 3: 2 promoters, 1 detractor of 4 -> 25.
    "setLong_nps": ("float", "SELECT nps(s) FROM (VALUES (10::bigint), (9), (8), (3)) v(s)", 25.0),
    "setLong_nps_summary": ("text", "SELECT nps_agg(s)::text FROM (VALUES (10::bigint), (9), (8), (3)) v(s)",
                            "(version:1,counts:[0,0,0,1,0,0,0,0,1,1,1])"),
    # 5, 4, 2 on 1..5: 2 satisfied of 3.
    "setDouble_csat": ("float", "SELECT csat(s) FROM (VALUES (5::float8), (4), (2)) v(s)", 2 / 3),
    # 19.99 + 0.1 as doubles, each taken as its shortest decimal: 20.09 exactly.
    "setDouble_revenue": ("decimal", "SELECT revenue(customer_history_agg(now(), a)) FROM (VALUES (19.99::float8), (0.1)) v(a)",
                          Decimal("20.09")),
    "setDouble_customer_stats": ("decimal", "SELECT revenue(customer_stats_agg(customer_id, ordered_at, amount * 1.0::float8)) FROM jdbc_orders",
                                 Decimal("96.5")),
    # NaN is no amount (22023, invalid_parameter_value).
    "setDouble_nan_amount": ("text", None, "ERROR 22023"),
    # An untyped string amount is read exactly (numeric_in), no float in between.
    "unspecified_setString_amount": ("decimal", "SELECT revenue(customer_history_agg(now(), '12345678901234567.89'))",
                                     Decimal("12345678901234567.89")),
}


def same(kind, a, b):
    if kind == "float":
        return float(a) == float(b)
    if kind == "decimal":
        return Decimal(a) == Decimal(b)
    return str(a) == str(b)


def main():
    if not os.path.exists(JAR):
        sys.exit(f"jdbc_check: {JAR} not found: run scripts/setup.sh (libpostgresql-jdbc-java, default-jre-headless)")
    DB.create()
    DB.values(FIXTURE)
    url = "jdbc:postgresql://%s:%s/%s?user=%s" % (
        os.environ.get("PGHOST", "localhost"), os.environ["PGPORT"], DB, os.environ.get("PGUSER", "postgres"))
    run = subprocess.run(["java", "-cp", JAR, os.path.join(CHECKS, "JdbcCheck.java"), url],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"jdbc_check: java failed ({run.returncode}):\n{run.stdout}{run.stderr}")
    java = dict(line.split("=", 1) for line in run.stdout.splitlines() if "=" in line)
    failed = False
    for name, (kind, query, by_hand) in CASES.items():
        got = java.get(name)
        psql = DB.values(query).strip() if query else None
        ok = got is not None and same(kind, got, by_hand) and (psql is None or same(kind, psql, by_hand))
        failed |= not ok
        print(f"{'ok  ' if ok else 'FAIL'} {name}: JDBC {got}, psql {psql}, by hand {by_hand}")
    print(f"jdbc_check: {'FAILED' if failed else 'all passed'} (pgjdbc through {JAR})")
    return DB.drop_unless(failed)


if __name__ == "__main__":
    sys.exit(main())
