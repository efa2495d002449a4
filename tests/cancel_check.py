#!/usr/bin/env python3
"""Long fits, and every other long loop, answer statement_timeout and pg_cancel_backend
within a second.

Runs in the SQL tier (pg_virtualenv exports PGHOST, PGPORT, PGUSER; pg_retention installed).

The data: the 2,357 customers of the CDNOW sample (the BG/NBD paper's, a well-posed fit),
repeated 1,000 times (more where the fit takes under 1.5 s) with recency and T scaled by
1 + k 1e-7 in copy k, so that about a million of the 2.4 million rows are distinct (the
one-time buyers' rows coincide) and the fit, in the aggregate's final function, evaluates
all of them and two tables of as many logarithms at every step: seconds. The fit announces its start with a DEBUG1
message, which the test times. The query first runs to the end once; then it is
interrupted 30% and 60% into the fit, once by statement_timeout (set from the first run's
timings, counted from when the session is ready to run the query) and once by pg_cancel_backend from a second session, sent that long after the
message arrives. Each run must end with SQLSTATE 57014 (query_canceled) within a second of
the interrupt. The fit polls PostgreSQL's interrupt check before each evaluation of its
objective (a tenth of a second apart here); without that it would run to the end. Where a
statement_timeout run's fit ends before its timeout fires (the machine was faster than in
the first run), it is repeated once with the timeout earlier.

This is a bound on the time to answer an interrupt, not a speed measurement: the bound
holds on a slow machine too, as long as one evaluation takes well under a second.
"""
import os
import subprocess
import sys
import threading
import time

DB = "pg_retention_cancel"
COPIES = 1000
SAMPLE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "crates", "retention-core",
                      "tests", "data", "cdnow_customers_summary.csv")
FIT = "SELECT fit_info(bgnbd_fit(f, r, t)) FROM wide"
BOUND = 1.0  # seconds from the interrupt to the error
ORDERS = 1_000_000
# CANCEL_ONLY=text runs only the queries whose name contains it (and not the fits).
ONLY = os.environ.get("CANCEL_ONLY", "")
# (name, query, parallel workers): every kind of long loop outside the fits.
QUERIES = [
    ("repeat_purchase_rate (hash table of customers)", "SELECT repeat_purchase_rate(customer_id) FROM orders", 0),
    ("repeat_purchase_rate, 2 workers (the leader combines)", "SELECT repeat_purchase_rate(customer_id) FROM orders", 2),
    ("retention_rate", "SELECT retention_rate(customer_id, ordered_at, '2025-06-01', '2025-07-01') FROM orders", 0),
    ("avg_time_between_purchases", "SELECT avg_time_between_purchases(customer_id, ordered_at) FROM orders", 0),
    ("median_time_between_purchases (per-order log)",
     "SELECT median_time_between_purchases(customer_id, ordered_at) FROM orders", 0),
    ("median_time_between_purchases, 2 workers",
     "SELECT median_time_between_purchases(customer_id, ordered_at) FROM orders", 2),
    ("customer_stats_agg, one step", "SELECT customer_stats_agg(customer_id, ordered_at, amount) IS NULL FROM orders", 0),
    ("period_series_agg, one step",
     "SELECT count(*) FROM periods((SELECT period_series_agg(customer_id, ordered_at, amount, 'week') FROM orders))", 0),
    ("cohort grid, one step",
     "SELECT count(*) FROM cohort_table((SELECT cohort_agg(customer_id, ordered_at, amount, 'week') FROM orders), '2026-01-01')", 0),
    ("customer histories, then customer_stats_agg",
     "SELECT customer_stats_agg(h) IS NULL FROM (SELECT customer_history_agg(ordered_at, amount) AS h "
     "FROM orders GROUP BY customer_id) c", 0),
    ("kaplan_meier", "SELECT median_lifetime(kaplan_meier(extract(epoch FROM ordered_at)::float8 / 86400 - 20089, "
     "customer_id % 3 = 0)) FROM orders", 0),
]


def psql(sql, db=DB):
    p = subprocess.run(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", db, "-c", sql],
                       capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"cancel_check: psql failed: {p.stderr}\n--- input\n{sql}")
    return p


def run(sql, interrupt=None, marker="bgnbd_fit: fitting"):
    """Run `sql` in a fresh session with client_min_messages = debug1. Returns the process
    (with stderr_text and stdout_text) and, in seconds from `ready` (when the session has
    answered `SELECT pg_backend_pid()`, just before `sql` starts): `fit`, when bgnbd_fit's
    DEBUG1 message announced the fit's start (None if it never did), and `end`.
    `interrupt`, when given, is called with the session's PID when the fit starts."""
    p = subprocess.Popen(["psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-v", "VERBOSITY=verbose",
                          "-d", DB], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    p.stdin.write("SET client_min_messages = debug1;\nSET max_parallel_workers_per_gather = 0;\n"
                  "SELECT pg_backend_pid();\n" + sql + "\n")
    p.stdin.close()
    pid = p.stdout.readline().strip()
    ready = time.monotonic()
    fit_start, stderr = None, []
    if marker is None and interrupt:
        interrupt(pid)
    for line in p.stderr:
        stderr.append(line)
        if fit_start is None and marker is not None and marker in line:
            fit_start = time.monotonic()
            if interrupt:
                interrupt(pid)
    p.wait()
    end = time.monotonic()
    p.stderr_text, p.stdout_text = "".join(stderr), p.stdout.read()
    return p, (fit_start - ready if fit_start is not None else None), end - ready


def canceled(p):
    return p.returncode != 0 and "57014" in p.stderr_text


def fits(failures):
    psql("CREATE TABLE sample (id int, f int, r float8, t float8)")
    with open(SAMPLE, "rb") as f:
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", DB, "-c",
                        "COPY sample FROM STDIN WITH (FORMAT csv, HEADER true)"], stdin=f, check=True)
    # Enough copies for a fit of a second and a half at least: a release build on a fast
    # machine needs more rows than a debug build.
    copies = COPIES
    while True:
        # Copy k scales the times by 1 + k 1e-7: every row distinct, the fit the same.
        psql(f"""DROP TABLE IF EXISTS wide; CREATE TABLE wide AS
            SELECT f, r * (1 + k * 1e-7) AS r, t * (1 + k * 1e-7) AS t
            FROM sample, generate_series(0, {copies - 1}) k""")
        psql("VACUUM ANALYZE wide")
        p, before, end = run(FIT + ";")
        if p.returncode != 0 or before is None:
            sys.exit(f"cancel_check: the fit failed:\n{p.stderr_text}")
        fit = end - before
        print(f"  {copies} copies, uninterrupted: {before:.2f} s to the fit's start, then {fit:.2f} s of fit "
              f"({p.stdout_text.strip()})")
        if fit >= 1.5 or copies >= 8 * COPIES:
            break
        copies *= 2
    if fit < 1.0:
        sys.exit(f"cancel_check: the fit takes only {fit:.2f} s even with {copies} copies")

    def check(what, late, p):
        check_late(failures, what, late, p)

    for share in (0.3, 0.6):
        delay = share * fit
        # statement_timeout, set to fire `delay` into the fit as the uninterrupted run timed
        # it; where this run's fit starts later (the timeout fires before it) or ends sooner,
        # once more with the timeout moved. Lateness counts from when the timeout fires.
        timeout = before + delay
        for _ in range(2):
            p, started, end = run(f"SET statement_timeout = {int(timeout * 1000)};\n{FIT};")
            if started is not None and p.returncode != 0:
                break
            if started is None:
                check(f"statement_timeout {timeout:.2f} s into the query, before the fit", end - timeout, p)
                timeout += delay
            else:
                print(f"  (the fit ended {end:.2f} s in, before the timeout at {timeout:.2f} s: again, earlier)")
                timeout = started + delay / 2
        if started is None or p.returncode == 0:
            failures.append("statement_timeout: no run was interrupted inside the fit; timings too noisy")
        else:
            check(f"statement_timeout {timeout - started:.2f} s into the fit", end - timeout, p)
        # pg_cancel_backend from another session, `delay` into the fit
        def cancel(pid):
            def later():
                time.sleep(delay)
                psql(f"SELECT pg_cancel_backend({pid})", db="postgres")
            threading.Thread(target=later).start()

        p, started, end = run(f"{FIT};", interrupt=cancel)
        if started is None:
            sys.exit(f"cancel_check: no DEBUG1 message from bgnbd_fit:\n{p.stderr_text}")
        check(f"pg_cancel_backend {delay:.2f} s into the fit", end - started - delay, p)


def check_late(failures, what, late, p):
    ok = canceled(p) and late < BOUND
    print(f"  {what}: ended {late:.2f} s after the interrupt, {'57014' if canceled(p) else 'NOT canceled'}")
    if not ok:
        failures.append(f"{what}: {late:.2f} s late, stderr {p.stderr_text.strip()!r}")


def queries(failures):
    """Every other kind of long loop: the one-step aggregates' transition and final passes
    (hash tables of customers, per-order logs sorted by customer), the combine step of a
    parallel plan in the leader, the per-customer histories, the cohort grid, Kaplan-Meier.
    Each query runs once to the end, then is interrupted a fifth, half and three quarters
    of the way through that time: by statement_timeout, pg_cancel_backend and
    statement_timeout again. Where a run ends before its interrupt (the machine was faster
    than in the first run), it is repeated once with the interrupt at half the delay."""
    psql(f"""CREATE TABLE orders AS
        SELECT (g * 7919) % {ORDERS // 10} AS customer_id,
               timestamptz '2025-01-01' + (g * 104729 % 31536000) * interval '1 second' AS ordered_at,
               (g % 5000) / 100.0 + 1 AS amount
        FROM generate_series(1::bigint, {ORDERS}) g""")
    psql("VACUUM ANALYZE orders")
    for name, sql, workers in QUERIES:
        if ONLY and ONLY not in name:
            continue
        setup = (f"SET max_parallel_workers_per_gather = {workers}; SET parallel_setup_cost = 0; "
                 "SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;\n")
        p, _, full = run(setup + sql + ";", marker=None)
        if p.returncode != 0:
            sys.exit(f"cancel_check: {name} failed:\n{p.stderr_text}")
        print(f"  {name}: {full:.2f} s uninterrupted")
        for share, how in ((0.2, "statement_timeout"), (0.5, "pg_cancel_backend"), (0.75, "statement_timeout")):
            delay = share * full
            for attempt in range(2):
                if how == "statement_timeout":
                    p, _, end = run(setup + f"SET statement_timeout = {int(delay * 1000)};\n{sql};", marker=None)
                else:
                    def cancel(pid, delay=delay):
                        def later():
                            time.sleep(delay)
                            psql(f"SELECT pg_cancel_backend({pid})", db="postgres")
                        threading.Thread(target=later).start()
                    p, _, end = run(setup + sql + ";", interrupt=cancel, marker=None)
                if p.returncode != 0 or attempt == 1:
                    break
                print(f"    (ended {end:.2f} s in, before the interrupt at {delay:.2f} s: again, earlier)")
                delay /= 2
            if p.returncode == 0:
                failures.append(f"{name}: never interrupted by {how}; timings too noisy")
                continue
            check_late(failures, f"{name}, {how} {delay:.2f} s in", end - delay, p)


def main():
    subprocess.run(["dropdb", "--if-exists", DB], check=True, capture_output=True)
    subprocess.run(["createdb", DB], check=True)
    psql("CREATE EXTENSION pg_retention")
    failures = []
    if not ONLY:
        print("the fits (BG/NBD):")
        fits(failures)
    print(f"the other long loops ({ORDERS:,} orders from {ORDERS // 10:,} customers):")
    queries(failures)
    subprocess.run(["dropdb", DB], check=True)
    if failures:
        sys.exit("cancel_check: FAILED\n" + "\n".join(failures))
    print("cancel_check: every interrupt answered within a second")


if __name__ == "__main__":
    main()
