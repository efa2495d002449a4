"""DuckDB and embedded ClickHouse (chdb) on a benchmark's orders, for the modules that compare
pg_retention with them in the same run (bench/cohorts.py, bench/orders.py).

The orders go to both as they are in PostgreSQL: customer_id bigint, the time as whole seconds
since 1970 (UTC), the amount as decimal(10,2); each system keeps them in its own table (DuckDB
in memory, ClickHouse a MergeTree ordered by time), in time order as in PostgreSQL, whose
table the benchmark writes in time order with a BRIN index: every system gets the layout of a
shop's orders table. Loading is not timed.
"""
import os
import statistics
import subprocess
import time


class Engines:
    """The orders of PostgreSQL database `db` in DuckDB and ClickHouse, with files in `tmp`."""

    def __init__(self, db, tmp):
        import chdb  # the reference packages of .venv (tests/reference/requirements.txt)
        import duckdb
        from chdb import session as chs

        csv = os.path.join(tmp, "orders.csv")
        subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", db, "-c",
                        f"\\copy (SELECT customer_id, extract(epoch FROM ordered_at)::bigint, amount FROM orders) "
                        f"TO '{csv}' WITH (FORMAT csv)"], check=True)
        self.duck = duckdb.connect()
        self.duck.execute(f"""CREATE TABLE orders AS
            SELECT customer_id, make_timestamp(epoch * 1000000) AS ordered_at, amount
            FROM read_csv('{csv}', header = false,
                          columns = {{'customer_id': 'BIGINT', 'epoch': 'BIGINT', 'amount': 'DECIMAL(10,2)'}})""")
        parquet = os.path.join(tmp, "orders.parquet")
        self.duck.execute(f"COPY (SELECT customer_id, epoch(ordered_at)::BIGINT AS epoch, amount FROM orders) "
                          f"TO '{parquet}' (FORMAT parquet)")
        os.remove(csv)
        self.ch = chs.Session(os.path.join(tmp, "chdb"))
        self.ch.query("CREATE TABLE orders (customer_id Int64, ordered_at DateTime('UTC'), amount Decimal(10, 2)) "
                      "ENGINE = MergeTree ORDER BY ordered_at")
        self.ch.query(f"INSERT INTO orders SELECT customer_id, toDateTime(epoch, 'UTC'), amount "
                      f"FROM file('{parquet}', Parquet)")
        self.ch.query("OPTIMIZE TABLE orders FINAL")
        version = self.ch.query("SELECT version()", "TabSeparated").bytes().decode().strip()
        self.duck_name = f"DuckDB {duckdb.__version__}"
        self.ch_name = f"ClickHouse {version} (chdb {chdb.__version__})"

    def duck_run(self, sql, threads):
        """A function running `sql` in DuckDB on `threads` threads; it returns the rows."""
        def run():
            self.duck.execute(f"SET threads = {threads}")
            return self.duck.execute(sql).fetchall()
        return run

    def ch_run(self, sql, threads):
        """A function running `sql` (with `{threads}` for its max_threads setting) in
        ClickHouse; it returns the rows as lists of strings."""
        def run():
            out = self.ch.query(sql.format(threads=threads), "TabSeparated").bytes().decode()
            return [line.split("\t") for line in out.splitlines()]
        return run

    def close(self):
        self.duck.close()


def timed(run, rounds):
    """Median wall time (ms) of `run()` over `rounds` runs after one untimed run, and its
    result."""
    result = run()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result
