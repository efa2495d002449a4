"""What the Python checks of the test suite share: where the repository's parts are, psql,
and a database of the check's own.

The checks that use a server run inside scripts/cluster.sh (tests/sql_tier.sh), which
exports PGHOST, PGPORT and PGUSER and puts the tested version's psql, createdb and dropdb
first on PATH; pg_retention is installed into that PostgreSQL. error_catalogue.py and
no_outside_access.py read files only and take the paths alone. Standard library only: the
unit tier runs with the system Python, the SQL tier with .venv's.
"""
import csv
import io
import os
import subprocess
import sys
import time

CHECKS = os.path.dirname(os.path.abspath(__file__))   # tests/checks
TESTS = os.path.dirname(CHECKS)                       # tests
ROOT = os.path.dirname(TESTS)                         # the repository
REFERENCE_DIR = os.path.join(TESTS, "reference")      # the independent pandas references
CDNOW_CACHE = os.path.join(ROOT, ".cache", "cdnow")   # scripts/fetch_cdnow.sh puts CDNOW here

# The running check's name (cancel_check, fuzz_types, ...), which begins its messages.
NAME = os.path.splitext(os.path.basename(sys.argv[0]))[0]

# What a query sees while pg_retention is being reinstalled (its files replaced): retried.
TRANSIENT = ("could not load library", "could not access file", "could not open extension control file")


def fetch_cdnow():
    """Download the CDNOW purchase log once (scripts/fetch_cdnow.sh); returns its folder."""
    subprocess.run([os.path.join(ROOT, "scripts", "fetch_cdnow.sh")], check=True)
    return CDNOW_CACHE


class Database:
    """A database of the check's own, called `name` (which str() gives)."""

    def __init__(self, name):
        self.name = name

    def __str__(self):
        return self.name

    def create(self, *createdb_options, extension=True):
        """A fresh database (a failed run's is dropped first; createdb_options such as
        -T template0), with CREATE EXTENSION pg_retention unless `extension` is false (for a
        check that creates it in its own set-up script)."""
        subprocess.run(["dropdb", "--if-exists", self.name], check=True, capture_output=True)
        subprocess.run(["createdb", *createdb_options, self.name], check=True)
        if extension:
            self.rows("CREATE EXTENSION pg_retention;")

    def drop(self):
        subprocess.run(["dropdb", self.name], check=True)

    def drop_unless(self, failed):
        """After a run that passed, drop the database; after one that `failed`, leave it for
        inspection and say so. Returns the check's exit status."""
        if failed:
            print("(database %s is left for inspection)" % self.name)
            return 1
        self.drop()
        return 0

    def command(self, *options):
        """psql's command line in this database: no psqlrc (-X), quiet, then `options`."""
        return ["psql", "-X", "-q", *options, "-d", self.name]

    def run(self, sql, *options, **kwargs):
        """Run the script `sql` (on standard input) in one psql session; returns the
        CompletedProcess with its text output, whatever its status."""
        return subprocess.run(self.command(*options), input=sql, capture_output=True, text=True, **kwargs)

    def values(self, sql):
        """Run `sql`, stopping at the first error, and return what it prints unaligned and
        without headers (psql -At). An error ends the check with psql's message."""
        p = self.run(sql, "-At", "-v", "ON_ERROR_STOP=1")
        if p.returncode != 0:
            sys.exit(f"{NAME}: psql failed: {p.stderr}\n--- input\n{sql}")
        return p.stdout

    def rows(self, sql, single_transaction=False):
        """Run SQL (TimeZone UTC; in one transaction if asked) and return the rows it prints
        (at most one SELECT) as dicts of text, None for NULL. A query that meets a reinstall
        (TRANSIENT) is tried again; any other error raises RuntimeError."""
        options = ["-v", "ON_ERROR_STOP=1", "--csv", "-P", "null=\\N"]
        if single_transaction:
            options.append("-1")
        for attempt in range(6):
            run = self.run("SET TimeZone = 'UTC';\n" + sql, *options)
            if run.returncode == 0:
                break
            if attempt < 5 and any(t in run.stderr for t in TRANSIENT):
                time.sleep(3)
                continue
            raise RuntimeError("psql failed (%d):\n%s\n--- SQL\n%s" % (run.returncode, run.stderr, sql))
        rows = list(csv.DictReader(io.StringIO(run.stdout)))
        return [{k: (None if v == "\\N" else v) for k, v in r.items()} for r in rows]

    def one(self, sql):
        """The one row of `sql` (see rows)."""
        rows = self.rows(sql)
        assert len(rows) == 1, rows
        return rows[0]
