"""Every page and export of Vigil at the size of a real archive, opened as an administrator.

Generates the archive (`vigil generate-scale`) into a throw-away data directory, SQLite unless
--database-url names a PostgreSQL database, then walks every URL name a person can GET (the
tests' table of URLs, `tests/accounts/test_authorisation.py`) with a record of the archive's first
case and chapter, and prints per page: its SQL queries, the median (p50) and 95th percentile
(p95) server time of several runs (Django's own handling of the request, in this process: the
network and a browser are not in it; an export is timed until its last byte), the median CPU
time this process spent on it (on a busy machine, nearer what a quiet one would take), and the
size of the response. Then the search ratios against the raw full-text query
(`search_ratios.py`) and the time to add a column and its index to the claims table
(`schema_change.py`).

Usage: .venv/bin/python bench/pages.py [--size S1|S2|N] [--runs 10] [--page-seconds 20]
           [--only TEXT] [--data-dir DIR] [--database-url URL] [--no-search] [--no-schema]
With --data-dir (SQLite) or --database-url (PostgreSQL) the archive is kept, and a later run
reuses it instead of generating it again. Datasette, for the search comparison, is installed
apart from the app: see bench/README.md.
"""

import argparse
import logging
import os
import sys
import tempfile
import time
from pathlib import Path

import scale_site
from scale_site import percentile

BUDGET_MS = 150


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default="S1", help="S1, S2 or a number of claims")
    parser.add_argument("--runs", type=int, default=10, help="timed runs per page (at most)")
    parser.add_argument(
        "--page-seconds", type=float, default=20, help="stop timing a slow page after this long"
    )
    parser.add_argument("--only", help="open only the pages whose URL name contains this")
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--database-url")
    parser.add_argument("--no-search", action="store_true")
    parser.add_argument("--no-schema", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vigil-bench-") as folder:
        data_dir = args.data_dir or Path(folder) / "data"
        scale_site.set_up(data_dir, args.database_url)
        run(args, data_dir)


def run(args, data_dir: Path) -> None:
    import schema_change
    import search_ratios
    from django.db import connection

    scale_site.archive_at(args.size)
    print(
        f"\n{args.size} on {connection.vendor}, {os.cpu_count()} cores, "
        f"load average {os.getloadavg()[0]:.1f}; up to {args.runs} runs per page"
    )
    sample = scale_site.Sample()
    client = scale_site.administrator()
    logging.disable(logging.CRITICAL)  # a page that fails is reported by its status, not a trace
    print_pages(measure_pages(client, sample, args))
    if not args.no_search:
        search_ratios.report(client, sample, args.runs, data_dir)
    if not args.no_schema:
        schema_change.report()
    if (scale_site.ROOT / "bench" / "public.py").exists():
        print("\nConcurrency (the public site under 100 clients): .venv/bin/python bench/public.py")


def pages(sample) -> list[tuple[str, str]]:
    """(URL name, address) of every page an administrator can GET, once each."""
    from django.urls import reverse
    from tests.accounts.test_authorisation import TABLE

    found = {}
    for key, (need, arguments) in TABLE.items():
        if key[1] != "GET" or need == "not-allowed":
            continue
        name = key[0] + (f" ({key[2]})" if len(key) > 2 else "")
        found[name] = reverse(key[0], kwargs=arguments(sample))
    return sorted(found.items())


def measure_pages(client, sample, args) -> list[dict]:
    results = []
    for name, url in pages(sample):
        if args.only and args.only not in name:
            continue
        results.append(measure(client, name, url, args.runs, args.page_seconds))
        print(".", end="", flush=True, file=sys.stderr)
    print(file=sys.stderr)
    return results


def measure(client, name: str, url: str, runs: int, budget_seconds: float) -> dict:
    """Queries and size from a first run (which also warms caches), then up to `runs` timed
    runs, fewer when the page has taken `budget_seconds` already."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        status, size = fetch(client, url)
    count = len(queries)  # now: the next request empties the log the capture reads
    times, cpu, sql, began = [], [], [], time.perf_counter()
    while len(times) < runs and (not times or time.perf_counter() - began < budget_seconds):
        start, start_cpu = time.perf_counter(), time.process_time()
        fetch(client, url)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    # The queries' own time, from runs of their own: recording them costs a little.
    for _ in range(min(runs, 3)):
        with CaptureQueriesContext(connection) as queries:
            fetch(client, url)
        sql.append(sum(float(query["time"]) for query in queries.captured_queries))
    return {
        "name": name,
        "status": status,
        "queries": count,
        "p50": percentile(times, 50),
        "p95": percentile(times, 95),
        "cpu": percentile(cpu, 50),
        "sql": percentile(sql, 50),
        "runs": len(times),
        "size": size,
    }


def fetch(client, url: str) -> tuple[int, int]:
    response = client.get(url)
    if response.streaming:
        return response.status_code, sum(len(part) for part in response.streaming_content)
    return response.status_code, len(response.content)


def print_pages(results: list[dict]) -> None:
    print(
        f"\n{'page':40} {'status':>6} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'CPU ms':>7} {'SQL ms':>7} {'KB':>7}"
    )
    for row in results:
        flag = " over budget" if row["p95"] * 1000 > BUDGET_MS else ""
        runs = f" ({row['runs']} runs)" if row["runs"] < 3 else ""
        print(
            f"{row['name']:40} {row['status']:>6} {row['queries']:>7} {row['p50'] * 1000:8.1f} "
            f"{row['p95'] * 1000:8.1f} {row['cpu'] * 1000:7.1f} {row['sql'] * 1000:7.1f} "
            f"{row['size'] / 1024:7.1f}"
            f"{flag}{runs}"
        )
    over = [row["name"] for row in results if row["p95"] * 1000 > BUDGET_MS]
    print(f"{len(results)} pages, {len(over)} over the {BUDGET_MS} ms budget at p95")


if __name__ == "__main__":
    sys.exit(main())
