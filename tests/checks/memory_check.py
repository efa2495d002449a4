#!/usr/bin/env python3
"""The one-step aggregates that keep per-customer state stay within the memory that
docs/orders.md (*Memory*) documents for them.

    python3 tests/checks/memory_check.py [orders]   # default 1,000,000 (the SQL tier); the
                                                   # docs' figures come from 10,000,000

Runs where pg_regress does (PGHOST, PGPORT, PGUSER; pg_retention installed; a role that may
read /proc/self/status through pg_read_file, as the bootstrap superuser may).

Each query runs serially in a fresh backend, which reads its own /proc/self/status before
and after: the peak resident heap (VmHWM less RssFile, the code, and RssShmem, the shared
buffers it touched; both stay mapped once touched) less the same figure of `count(*)` over
the same table (the scan's own memory) is what the aggregate kept. It must not exceed the
documented bound for the number of customers (or orders) in the data:

- hash tables of customers (integer ids): 64 hashbrown tables, each at most 7/8 and, just
  after growing, at least 7/16 full, so at most 16/7 buckets per customer of (entry + 1
  control byte), the entry being the id's two words and the value (24 bytes for a count or
  flags, 40 for first, last and count), plus 64 buffers of 256 pending updates;
- per-order logs: 32 bytes per order in 64 vectors that grow by doubling (at most 64 bytes
  per order), plus one partition's sort scratch;
- per-period runs (the calendar tables: a customer's orders and revenue in one period): 64
  hash tables of 48-byte entries, at most 16/7 buckets of (48 + 1) bytes per run; at the end
  each table is emptied into a sorted vector of 48 bytes per run and freed, one partition
  at a time, so a run is in one or the other; plus 64 buffers of 256 pending runs;
- and for both, a fixed 1.5 MiB (FIXED below), which dominates below a few thousand
  customers.

The figures printed are the measurement; the assertion is only that it is within the bound.
"""
import sys

from common import Database

DB = Database("pg_retention_memory")
KB = 1024
PENDING = 64 * 256  # buffered updates, all partitions


# What any such aggregate keeps whatever the data's size: its memory context allocates in
# blocks, and while the 64 tables or logs are small they grow through power-of-two chunks
# whose earlier sizes the context keeps for reuse (measured: 1.0-2.0 MB in all, pending
# buffers included, at 1,000 customers and 10,000 orders).
FIXED = 1.5 * KB * KB


def per_customer(entry, pending_entry):
    return lambda customers, orders, runs, day_runs: customers * (entry + 1) * 16 / 7 + PENDING * pending_entry + FIXED


def per_run(runs):
    # A run is in a table (at most 16/7 buckets of 49 bytes) or in its partition's sorted
    # vector (48 bytes), plus the partition being emptied (1/64 of the runs) in both.
    return runs * 49 * 16 / 7 + (runs / 64) * 48 + PENDING * 48 + FIXED


def per_order(customers, orders, runs, day_runs):
    # 32-byte records in vectors that double; the largest partition's sort scratch on top.
    return orders * 32 * 2 + (orders / 64) * 32 * 2 + FIXED


# (aggregate, query, bound(customers, orders, runs, day_runs) in bytes, what the bound is per;
# runs are customer-months, day runs customer-days)
CASES = [
    ("repeat_purchase_rate", "SELECT repeat_purchase_rate(customer_id) FROM orders",
     per_customer(24, 32), "customer"),
    ("retention_rate", "SELECT retention_rate(customer_id, ordered_at, '2025-06-01', '2025-07-01') FROM orders",
     per_customer(24, 32), "customer"),
    ("churn_rate", "SELECT churn_rate(customer_id, ordered_at, '2025-06-01', '2025-07-01') FROM orders",
     per_customer(24, 32), "customer"),
    ("avg_time_between_purchases", "SELECT avg_time_between_purchases(customer_id, ordered_at) FROM orders",
     per_customer(40, 48), "customer"),
    ("median_time_between_purchases", "SELECT median_time_between_purchases(customer_id, ordered_at) FROM orders",
     per_order, "order"),
    ("customer_stats_agg", "SELECT customer_stats_agg(customer_id, ordered_at, amount) IS NULL FROM orders",
     per_order, "order"),
    ("period_series_agg", "SELECT period_series_agg(customer_id, ordered_at, amount, 'month') IS NULL FROM orders",
     lambda customers, orders, runs, day_runs: per_run(runs), "run"),
    ("cohort_agg", "SELECT cohort_agg(customer_id, ordered_at, amount, 'month') IS NULL FROM orders",
     lambda customers, orders, runs, day_runs: per_run(runs), "run"),
    ("activity_series_agg", "SELECT activity_series_agg(customer_id, ordered_at) IS NULL FROM orders",
     lambda customers, orders, runs, day_runs: per_run(day_runs), "day run"),
]

STATUS = ("SELECT " + " - ".join(f"(regexp_match(s, '{f}:\\s*(\\d+)'))[1]::bigint"
                                 for f in ("VmHWM", "RssFile", "RssShmem"))
          + " FROM pg_read_file('/proc/self/status') s;")


def peak_kb(sql):
    """The heap a fresh backend adds at its peak while running `sql`, in kB."""
    out = DB.values("SET max_parallel_workers_per_gather = 0;\n"
                    f"{STATUS}\n\\o /dev/null\n{sql};\n\\o\n{STATUS}\n").split()
    before, after = int(out[0]), int(out[1])
    return after - before


def main():
    orders = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    customers = orders // 10
    DB.create()
    DB.values(f"""CREATE TABLE orders AS
        SELECT (g * 7919) % {customers} AS customer_id,
               timestamptz '2025-01-01' + (g * 104729 % 31536000) * interval '1 second' AS ordered_at,
               (g % 5000) / 100.0 + 1 AS amount
        FROM generate_series(1::bigint, {orders}) g;
        VACUUM ANALYZE orders;""")
    assert int(DB.values("SELECT count(DISTINCT customer_id) FROM orders")) == customers
    # Months in the session's time zone, as the aggregates count them.
    runs = int(DB.values("SELECT count(*) FROM (SELECT DISTINCT customer_id, date_trunc('month', ordered_at) FROM orders) r"))
    day_runs = int(DB.values("SELECT count(*) FROM (SELECT DISTINCT customer_id, date_trunc('day', ordered_at) FROM orders) r"))
    floor = peak_kb("SELECT count(*) FROM orders")
    print(f"{orders:,} orders from {customers:,} customers in {runs:,} customer-months, {day_runs:,} customer-days; "
          f"count(*) alone: {floor / KB:.1f} MB")
    print("| aggregate | kept (MB) | bytes per unit | documented bound (MB) | per |")
    print("|---|---:|---:|---:|---|")
    failures = []
    for name, sql, bound, unit in CASES:
        kept = max(peak_kb(sql) - floor, 0) * KB
        limit = bound(customers, orders, runs, day_runs)
        n = {"customer": customers, "order": orders, "run": runs, "day run": day_runs}[unit]
        print(f"| {name} | {kept / KB / KB:.1f} | {kept / n:.1f} | {limit / KB / KB:.1f} | {unit} |")
        if kept > limit:
            failures.append(f"{name}: kept {kept / KB / KB:.1f} MB, documented bound {limit / KB / KB:.1f} MB")
    DB.drop()
    if failures:
        sys.exit("memory_check: FAILED\n" + "\n".join(failures))
    print("memory_check: every one-step aggregate within its documented bound")


if __name__ == "__main__":
    main()
