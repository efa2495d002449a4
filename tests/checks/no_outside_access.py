#!/usr/bin/env python3
"""pg_retention computes over its arguments only: no code of the extension reads or writes
a file, opens a socket, reads the environment, starts a process, or runs SQL (which could
do any of those, e.g. COPY or pg_read_file). That is what makes `trusted = true` safe
(README, "Trusted"); this check keeps it true as the code grows. It scans the Rust sources
of the extension and of the pure crate (unit tier of make test) for the APIs that do such
things, in the standard library, libc, pgrx and PostgreSQL. `include_str!` and `env!` are
allowed: they are read when the library is compiled (test data, the crate's version), not
when it runs.

The library's dynamic imports cannot show this instead: the Rust standard library brings
its file and socket functions along whether or not anything calls them.
"""
import os
import re
import sys

from common import ROOT

SOURCES = [os.path.join(ROOT, "src"), os.path.join(ROOT, "crates", "retention-core", "src")]
# Compiled only into the test build (`#[cfg(any(test, feature = "pg_test"))] mod NAME;`), by
# module name: the #[pg_test] functions set up their data with SPI, and the harness that
# calls aggregates without an expression (src/no_expression.rs) reads pg_aggregate with it.
TEST_ONLY = {os.path.join("src", "tests.rs"): "tests", os.path.join("src", "no_expression.rs"): "no_expression"}
FORBIDDEN = [
    (r"\bstd::(fs|net|env|process|os::unix)\b", "files, sockets, environment or processes (std)"),
    (r"\b(File|OpenOptions|TcpStream|TcpListener|UdpSocket|UnixStream|Command)::", "files, sockets or processes"),
    (r"\blibc::", "libc calls"),
    (r"\b(Spi|SpiClient)\b|\bpgrx::spi\b|\bSPI_\w+", "SQL from inside the extension (SPI)"),
    (r"\bpg_sys::(AllocateFile|AllocateDir|OpenTransientFile\w*|BasicOpenFile\w*|PathNameOpenFile\w*|"
     r"OpenPipeStream|FreeFile|ReadDir|getenv|setenv|system|lo_import\w*|lo_export\w*|pg_read_\w+|"
     r"ClosePipeStream|pq_\w+|WaitLatch\w*|load_file|GetConfigOptionByName|SetConfigOption)\b",
     "PostgreSQL file, process, network or configuration calls"),
    (r"\bextern\s+\"C\"\s*\{", "foreign function declarations beyond pgrx's"),
]


def main():
    with open(os.path.join(ROOT, "src", "lib.rs"), encoding="utf-8") as f:
        lib = f.read()
    for path, module in TEST_ONLY.items():
        if not re.search(r'#\[cfg\(any\(test, feature = "pg_test"\)\)\]\s*mod ' + module + ';', lib):
            sys.exit(f"no_outside_access: {path} is no longer compiled for tests only; scan it")
    found, files = [], 0
    for top in SOURCES:
        for dirpath, _, names in os.walk(top):
            for name in sorted(names):
                path = os.path.join(dirpath, name)
                if not name.endswith(".rs") or os.path.relpath(path, ROOT) in TEST_ONLY:
                    continue
                files += 1
                with open(path, encoding="utf-8") as f:
                    for n, line in enumerate(f, 1):
                        code = line.split("//", 1)[0]
                        for pattern, what in FORBIDDEN:
                            if re.search(pattern, code):
                                found.append(f"{os.path.relpath(path, ROOT)}:{n}: {what}: {line.strip()}")
    if files == 0:
        sys.exit("no_outside_access: no Rust source found")
    if found:
        sys.exit("no_outside_access: code that reaches outside its arguments:\n" + "\n".join(found))
    print(f"no_outside_access: {files} Rust source files, no file, network, environment, process or SPI access")


if __name__ == "__main__":
    main()
