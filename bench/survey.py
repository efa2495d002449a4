#!/usr/bin/env python3
"""The survey benchmark: each NPS/CSAT/CES aggregate against the best hand-written SQL for
the same figure and against the floor, a bare count() of the column it reads, serially and
with two parallel workers (bench/harness.py says how). Usage: survey.py [rows] [rounds]
"""
import harness
from harness import Case

SETUP = """
CREATE UNLOGGED TABLE responses AS
SELECT g AS id,
       ((g * 7919) % 11)::int AS nps_score,
       ((g * 104729) % 5 + 1)::int AS csat_score,
       ((g * 15485863) % 7 + 1)::int AS effort,
       (g % 365)::int AS day
FROM generate_series(1::bigint, {rows}) g;
"""

# The floor of each case is a bare count() of the column it reads: deforming a later column
# of the row costs more, so each aggregate is compared with the scan of its own column.
FLOOR = {col: f"SELECT count({col}) FROM responses" for col in ("nps_score", "csat_score", "effort")}

CASES = [
    Case("nps(score)",
         "SELECT nps(nps_score) FROM responses",
         "SELECT 100.0 * (count(*) FILTER (WHERE nps_score >= 9) - count(*) FILTER (WHERE nps_score <= 6)) "
         "/ count(nps_score) FROM responses",
         FLOOR["nps_score"]),
    Case("nps_agg + accessors and 95% interval",
         "SELECT nps(s), nps_ci(s), promoters(s), passives(s), detractors(s), respondents(s) "
         "FROM (SELECT nps_agg(nps_score) AS s FROM responses) t",
         "SELECT 100.0 * (p - d) / n, 100.0 * (p - d) / n - 1.959964 * 100 * sqrt((p + d - (p - d)^2 / n) / n) / sqrt(n), "
         "100.0 * (p - d) / n + 1.959964 * 100 * sqrt((p + d - (p - d)^2 / n) / n) / sqrt(n), p, n - p - d, d, n "
         "FROM (SELECT count(*) FILTER (WHERE nps_score >= 9)::float8 AS p, "
         "count(*) FILTER (WHERE nps_score <= 6)::float8 AS d, count(nps_score)::float8 AS n FROM responses) t",
         FLOOR["nps_score"]),
    Case("csat(score)",
         "SELECT csat(csat_score) FROM responses",
         "SELECT count(*) FILTER (WHERE csat_score >= 4)::float8 / count(csat_score) FROM responses",
         FLOOR["csat_score"]),
    Case("csat(score, 1, 5, 4) (explicit scale)",
         "SELECT csat(csat_score, 1, 5, 4) FROM responses",
         "SELECT count(*) FILTER (WHERE csat_score >= 4)::float8 / count(csat_score) FROM responses",
         FLOOR["csat_score"]),
    Case("ces(score, 7)",
         "SELECT ces(effort, 7) FROM responses",
         "SELECT avg(effort) / 7 * 100 FROM responses",
         FLOOR["effort"]),
    Case("ces_agg + mean and t interval",
         "SELECT ces(s), ces_mean(s), ces_mean_ci(s) FROM (SELECT ces_agg(effort, 7) AS s FROM responses) t",
         "SELECT avg(effort) / 7 * 100, avg(effort), avg(effort) - 1.959964 * stddev_samp(effort) / sqrt(count(effort)), "
         "avg(effort) + 1.959964 * stddev_samp(effort) / sqrt(count(effort)) FROM responses",
         FLOOR["effort"]),
    Case("nps(score) GROUP BY day (365 groups)",
         "SELECT day, nps(nps_score) FROM responses GROUP BY day",
         "SELECT day, 100.0 * (count(*) FILTER (WHERE nps_score >= 9) - count(*) FILTER (WHERE nps_score <= 6)) "
         "/ count(nps_score) FROM responses GROUP BY day",
         FLOOR["nps_score"]),
]


def main(rows, rounds):
    harness.run("Survey aggregates", "pg_retention_bench_survey", SETUP.format(rows=rows), CASES, rows, rounds)


if __name__ == "__main__":
    harness.cli(main, rows=10_000_000)
