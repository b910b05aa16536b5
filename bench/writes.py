"""Write paths at the size of a real archive: the time of each write (add, edit, review, link,
delete, accept, import ...) on the demonstration case alone and in an archive generated at the
given size, beside the bare SQL the write must run (its INSERT, UPDATE and DELETE statements,
which fire the index triggers, and its audit entry) and the ratio of the two; then the time of
`vigil reindex` and of a search.

Each write runs in a transaction rolled back afterwards, so commits are in neither figure: first
through Vigil's own functions (timed, its writes captured), then, back at the same savepoint, its
captured writes replayed as they were (timed). Each figure is the best of --repeat runs, as
timeit reports: on a shared machine, the others are the same work plus waiting for a core.

Usage: .venv/bin/python bench/writes.py [--size S1|S2|N] [--repeat 15]
           [--data-dir DIR] [--database-url URL]
With --data-dir (SQLite) or --database-url (PostgreSQL) the archive is kept, and a later run
with the same size reuses it instead of generating it again.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="S1")
    parser.add_argument("--repeat", type=int, default=15)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vigil-bench-") as folder:
        os.environ["VIGIL_DATA_DIR"] = str(args.data_dir or Path(folder) / "data")
        os.environ.pop("DATABASE_URL", None)
        if args.database_url:
            os.environ["DATABASE_URL"] = args.database_url
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "vigil.settings")
        import django

        django.setup()
        run(args.size, args.repeat)


def run(size: str, repeat: int) -> None:
    from django.core.management import call_command
    from django.db import connection

    from vigil.cases.models import Case
    from vigil.demo import scale

    call_command("migrate", verbosity=0)
    print(f"database: {connection.vendor}, {os.cpu_count()} cores; best of {repeat} runs")
    plan = scale.plan_for(size)
    if not Case.objects.filter(slug="khojaly-1992").exists():
        call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    demo = measure_paths(Case.objects.get(slug="khojaly-1992"), repeat)
    if not scale.already_generated(1):
        began = time.perf_counter()
        scale.generate(plan, seed=1, progress=lambda step: print(f"  generating: {step}"))
        print(f"generated {size} ({plan.claims:,} claims) in {time.perf_counter() - began:.0f} s")
    large = measure_paths(Case.objects.get(slug="scale-1-01"), repeat)
    print_table(size, demo, large)
    print_reindex_and_search(Case.objects.get(slug="scale-1-01"), repeat)


def measure_paths(case, repeat: int) -> dict:
    from vigil.demo.scale.write_paths import WRITE_PATHS, Setting

    setting = Setting.for_case(case)
    return {path.name: measure(path, setting, repeat) for path in WRITE_PATHS}


def measure(path, setting, repeat: int) -> dict:
    """Best times (s) of the write and of its bare writes, and its statement counts."""
    from django.db import connection, transaction

    vigil_times, sql_times, bare_times = [], [], []
    for _ in range(repeat):
        with transaction.atomic():
            prepared = path.prepare(setting)
            before = transaction.savepoint()
            capture = Capture()
            with connection.execute_wrapper(capture):
                began = time.perf_counter()
                path.run(setting, prepared)
                vigil_times.append(time.perf_counter() - began)
            sql_times.append(capture.seconds)
            transaction.savepoint_rollback(before)
            with connection.cursor() as cursor:
                began = time.perf_counter()
                for sql, params, many in capture.writes:
                    (cursor.executemany if many else cursor.execute)(sql, params)
                bare_times.append(time.perf_counter() - began)
            transaction.set_rollback(True)
    return {
        "vigil": min(vigil_times),
        "sql": min(sql_times),
        "bare": min(bare_times),
        "statements": capture.statements,
        "writes": len(capture.writes),
    }


class Capture:
    """Counts and times every statement (reads included: the database's whole share of the
    write) and keeps the writes (INSERT, UPDATE, DELETE) to replay them."""

    def __init__(self):
        self.statements = 0
        self.seconds = 0.0
        self.writes = []

    def __call__(self, execute, sql, params, many, context):
        self.statements += 1
        if sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")):
            self.writes.append((sql, params, many))
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - began


def print_table(size: str, demo: dict, large: dict) -> None:
    # "SQL ms" is the time inside the database calls of the write at size, its reads (the
    # validation's look-ups) included; "SQL/bare" compares that with the bare writes alone.
    header = f"{'write path':36} {'demo ms':>8} {size + ' ms':>8} {'bare ms':>8} {'ratio':>6}"
    print(f"\n{header} {'SQL ms':>7} {'SQL/bare':>8} {'statements':>10} {'writes':>6}")
    for name, at_size in large.items():
        bare = at_size["bare"] or float("nan")
        print(
            f"{name:36} {demo[name]['vigil'] * 1000:8.2f} {at_size['vigil'] * 1000:8.2f} "
            f"{at_size['bare'] * 1000:8.2f} {at_size['vigil'] / bare:6.1f} "
            f"{at_size['sql'] * 1000:7.2f} {at_size['sql'] / bare:8.1f} "
            f"{at_size['statements']:10} {at_size['writes']:6}"
        )


def print_reindex_and_search(case, repeat: int) -> None:
    from vigil.evidence import search_index
    from vigil.evidence.search import search_case

    for words in ("killed", "report civilians", case.place, "zzyzx"):
        times = []
        for _ in range(repeat):
            began = time.perf_counter()
            hits = search_case(case, words)
            times.append(time.perf_counter() - began)
        best = min(times) * 1000
        print(f"search {words!r} in one case: {len(hits)} hits, {best:.1f} ms")
    began = time.perf_counter()
    rows = search_index.rebuild()
    took = time.perf_counter() - began
    print(
        f"vigil reindex: {rows:,} sources and claims in {took:.1f} s ({rows / took:,.0f} a second)"
    )


if __name__ == "__main__":
    sys.exit(main())
