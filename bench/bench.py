#!/usr/bin/env python3
"""Time each survey aggregate against the best hand-written SQL for the same figure and
against the floor, a bare count(score) scan of the same table; serially and with two
parallel workers. Prints medians and ratios as a Markdown table (docs/benchmarks.md).

Timing is psql's \\timing (client-observed wall time of each statement); each query runs
once to warm the cache and then `runs` times, and the median is reported.
"""
import re
import statistics
import subprocess
import sys

DB = "pg_retention_bench"

SETUP = """
CREATE EXTENSION pg_retention;
CREATE UNLOGGED TABLE responses AS
SELECT g AS id,
       ((g * 7919) % 11)::int AS nps_score,
       ((g * 104729) % 5 + 1)::int AS csat_score,
       ((g * 15485863) % 7 + 1)::int AS effort,
       (g % 365)::int AS day
FROM generate_series(1::bigint, {rows}) g;
VACUUM (FREEZE, ANALYZE) responses;
"""

# The floor of each case is a bare count() of the column it reads: deforming a later column
# of the row costs more, so each aggregate is compared with the scan of its own column.
FLOORS = {
    "nps_score": "SELECT count(nps_score) FROM responses",
    "csat_score": "SELECT count(csat_score) FROM responses",
    "effort": "SELECT count(effort) FROM responses",
}

# (name, pg_retention query, best hand-written SQL for the same result or None)
CASES = [
    ("nps(score)",
     "SELECT nps(nps_score) FROM responses",
     "SELECT 100.0 * (count(*) FILTER (WHERE nps_score >= 9) - count(*) FILTER (WHERE nps_score <= 6)) / count(nps_score) FROM responses"),
    ("nps_agg + accessors and 95% interval",
     "SELECT nps(s), nps_ci(s), promoters(s), passives(s), detractors(s), respondents(s) "
     "FROM (SELECT nps_agg(nps_score) AS s FROM responses) t",
     "SELECT 100.0 * (p - d) / n, 100.0 * (p - d) / n - 1.959964 * 100 * sqrt((p + d - (p - d)^2 / n) / n) / sqrt(n), "
     "100.0 * (p - d) / n + 1.959964 * 100 * sqrt((p + d - (p - d)^2 / n) / n) / sqrt(n), p, n - p - d, d, n "
     "FROM (SELECT count(*) FILTER (WHERE nps_score >= 9)::float8 AS p, count(*) FILTER (WHERE nps_score <= 6)::float8 AS d, "
     "count(nps_score)::float8 AS n FROM responses) t"),
    ("csat(score)",
     "SELECT csat(csat_score) FROM responses",
     "SELECT count(*) FILTER (WHERE csat_score >= 4)::float8 / count(csat_score) FROM responses"),
    ("csat(score, 1, 5, 4) (explicit scale)",
     "SELECT csat(csat_score, 1, 5, 4) FROM responses",
     "SELECT count(*) FILTER (WHERE csat_score >= 4)::float8 / count(csat_score) FROM responses"),
    ("ces(score, 7)",
     "SELECT ces(effort, 7) FROM responses",
     "SELECT avg(effort) / 7 * 100 FROM responses"),
    ("ces_agg + mean and t interval",
     "SELECT ces(s), ces_mean(s), ces_mean_ci(s) FROM (SELECT ces_agg(effort, 7) AS s FROM responses) t",
     "SELECT avg(effort) / 7 * 100, avg(effort), avg(effort) - 1.959964 * stddev_samp(effort) / sqrt(count(effort)), "
     "avg(effort) + 1.959964 * stddev_samp(effort) / sqrt(count(effort)) FROM responses"),
    ("nps(score) GROUP BY day (365 groups)",
     "SELECT day, nps(nps_score) FROM responses GROUP BY day",
     "SELECT day, 100.0 * (count(*) FILTER (WHERE nps_score >= 9) - count(*) FILTER (WHERE nps_score <= 6)) / count(nps_score) "
     "FROM responses GROUP BY day"),
]

MODES = [
    ("serial", "SET max_parallel_workers_per_gather = 0;"),
    ("2 workers", "SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; "
                  "SET parallel_tuple_cost = 0; SET min_parallel_table_scan_size = 0;"),
]


def psql(sql, db=DB, flags=()):
    return subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db, *flags],
                          input=sql, capture_output=True, text=True, check=True).stdout


def times(settings, query, runs):
    """Median wall time (ms) of `query`, after one warm-up run."""
    script = settings + "\n\\o /dev/null\n" + query + ";\n\\timing on\n" + (query + ";\n") * runs
    out = psql(script)
    ms = [float(m) for m in re.findall(r"^Time: ([0-9.]+) ms", out, re.M)]
    assert len(ms) == runs, out
    return statistics.median(ms)


def main(rows, runs):
    subprocess.run(["dropdb", "--if-exists", DB], check=True, capture_output=True)
    subprocess.run(["createdb", DB], check=True)
    psql(SETUP.format(rows=rows))
    version = psql("SELECT extversion FROM pg_extension WHERE extname = 'pg_retention'", flags=["-At"]).strip()
    plan = psql(MODES[1][1] + "EXPLAIN (COSTS OFF) SELECT nps(nps_score) FROM responses;")
    assert "Partial Aggregate" in plan, plan

    result = {}
    for mode, settings in MODES:
        for col, floor_sql in FLOORS.items():
            result[(mode, "floor", col)] = times(settings, floor_sql, runs)
            print(f"  {mode:9} floor count({col}) {result[(mode, 'floor', col)]:9.1f} ms", file=sys.stderr)
        for name, ours, hand in CASES:
            result[(mode, name, "ours")] = times(settings, ours, runs)
            if hand:
                result[(mode, name, "hand")] = times(settings, hand, runs)
            print(f"  {mode:9} {name:42} {result[(mode, name, 'ours')]:9.1f} ms", file=sys.stderr)

    print(f"{rows:,} rows, median of {runs} runs, pg_retention {version}; times in ms.\n")
    print("| query | serial | / floor | / hand SQL | hand SQL | 2 workers | / floor (2w) | / hand SQL (2w) | speed-up 2w |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for col in FLOORS:
        s, p = result[("serial", "floor", col)], result[("2 workers", "floor", col)]
        print(f"| floor: count({col}) | {s:.0f} | 1.00 | | | {p:.0f} | 1.00 | | {s / p:.2f} |")
    for name, ours, hand in CASES:
        col = next(c for c in FLOORS if c in ours)
        fs, fp = result[("serial", "floor", col)], result[("2 workers", "floor", col)]
        s, p = result[("serial", name, "ours")], result[("2 workers", name, "ours")]
        hs = result.get(("serial", name, "hand"))
        hp = result.get(("2 workers", name, "hand"))
        fmt = lambda v, d=1: "" if v is None else f"{v:.{d}f}"
        print(f"| {name} | {s:.0f} | {s / fs:.2f} | {fmt(hs and s / hs, 2)} | {fmt(hs, 0)} "
              f"| {p:.0f} | {p / fp:.2f} | {fmt(hp and p / hp, 2)} | {s / p:.2f} |")
    subprocess.run(["dropdb", DB], check=True)


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
