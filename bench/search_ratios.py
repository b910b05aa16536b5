"""Search against the raw full-text query, for the same words on the same database.

For a common word, a stemmed plural, a rare word, a made-up name and two words together, it
times (p50 and p95 of several runs) the raw query a developer would write by hand for one page
of ranked hits with snippets (FTS5 on SQLite; the stored tsvector and its GIN index on
PostgreSQL) and the app's search page (in this process, as in pages.py) and prints the ratio of
the two. On SQLite it then serves the app (`vigil serve`) and Datasette on the same file and
times the same words over HTTP on both: the app's page against Datasette's JSON for the raw
query. Datasette is not a dependency of Vigil: install it apart (bench/README.md).
"""

import http.client
import os
import random
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

from scale_site import ROOT, SEED, percentile

GOAL = 1.5
# No time limit (a common word may take a second), and as many threads as the cores.
DATASETTE_SETTINGS = [
    "--setting",
    "sql_time_limit_ms",
    "60000",
    "--setting",
    "num_sql_threads",
    "2",
]

_SQLITE_RAW = (
    "SELECT rowid, snippet(evidence_fts, 1, '<mark>', '</mark>', '…', 24) AS snippet, rank "
    "FROM evidence_fts WHERE evidence_fts MATCH :match AND rowid BETWEEN :first AND :last "
    "ORDER BY rank LIMIT :size"
)
_PG_PART = (
    "(SELECT '{kind}' AS kind, id, ts_headline('english', {body}, q, 'MaxWords=35, MinWords=15') "
    "AS snippet, ts_rank(search_vector, q) AS rank "
    "FROM {table}, plainto_tsquery('english', %(words)s) q "
    "WHERE case_id = %(case)s AND search_vector @@ q ORDER BY rank DESC LIMIT %(size)s)"
)
_PG_RAW = (
    _PG_PART.format(kind="source", body="text", table="evidence_source")
    + " UNION ALL "
    + _PG_PART.format(kind="claim", body="statement", table="evidence_claim")
    + " ORDER BY rank DESC LIMIT %(size)s"
)


def queries() -> list[tuple[str, str]]:
    """(what, words): the generator's most common word, one with a plural in no text, a rare
    one, a made-up name it uses a few times in a million words, and two words together."""
    from vigil.demo.scale.words import Writer

    names = Writer(random.Random(SEED)).names
    return [
        ("common word", "genocide"),
        ("stemmed plural", "hostages"),
        ("rare word", "djibouti"),
        ("made-up name", names[len(names) // 2]),
        ("two words", "killed civilians"),
    ]


def report(client, sample, runs: int, data_dir: Path) -> None:
    from django.db import connection
    from django.urls import reverse

    from vigil.evidence.search import PAGE_SIZE

    url = reverse("evidence:search", kwargs={"slug": sample.case.slug})
    api_url = reverse("api:search", kwargs={"slug": sample.case.slug})
    print(
        f"\nsearch in {sample.case.slug} ({sample.case.sources.count():,} sources, "
        f"{sample.case.claims.count():,} claims), a page of {PAGE_SIZE} hits, {runs} runs each: "
        f"the raw query, the search page and the API's search (ratios of p95 to the raw query's)"
    )
    print(
        f"{'words':28} {'hits':>5} {'raw p50':>8} {'p95':>7} {'page p50':>9} {'p95':>7} ratio "
        f"{'API p50':>8} {'p95':>7} ratio"
    )
    for what, words in queries():
        raw_times, hits = time_raw(sample.case, words, PAGE_SIZE, runs)
        query = urlencode({"q": words})
        page_times = time_app(client, f"{url}?{query}", runs)
        api_times = time_app(client, f"{api_url}?{query}", runs)
        raw_p95 = percentile(raw_times, 95)
        page_ratio = percentile(page_times, 95) / raw_p95
        api_ratio = percentile(api_times, 95) / raw_p95
        print(
            f"{what + ': ' + words:28} {hits:5} {ms(raw_times, 50):8.1f} {ms(raw_times, 95):7.1f} "
            f"{ms(page_times, 50):9.1f} {ms(page_times, 95):7.1f} {page_ratio:5.2f} "
            f"{ms(api_times, 50):8.1f} {ms(api_times, 95):7.1f} {api_ratio:5.2f}"
            + ("" if api_ratio <= GOAL else f"  over {GOAL}x")
        )
    if connection.vendor == "sqlite":
        over_http(client, sample, url, runs, data_dir)


def ms(times: list[float], rank: int) -> float:
    return percentile(times, rank) * 1000


def time_raw(case, words: str, size: int, runs: int) -> tuple[list[float], int]:
    from django.db import connection

    from vigil.evidence import search_sqlite

    if connection.vendor == "sqlite":
        first, last = search_sqlite.case_key_range(case.pk)
        sql, params = _SQLITE_RAW, {"match": fts_match(words), "first": first, "last": last}
    else:
        sql, params = _PG_RAW, {"words": words, "case": case.pk}
    params["size"] = size
    times = []
    for _ in range(runs + 1):
        began = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        times.append(time.perf_counter() - began)
    return times[1:], len(rows)


def fts_match(words: str) -> str:
    return " ".join(f'"{word}"' for word in words.split())


def time_app(client, address: str, runs: int) -> list[float]:
    times = []
    for _ in range(runs + 1):
        began = time.perf_counter()
        response = client.get(address)
        response.content  # noqa: B018 - the whole page, rendered
        times.append(time.perf_counter() - began)
        assert response.status_code == 200, response.status_code
    return times[1:]


# --- over HTTP: the app's page against Datasette's JSON ------------------------------------------


def datasette_command() -> str | None:
    local = ROOT / ".venv-bench" / "bin" / "datasette"
    return str(local) if local.exists() else shutil.which("datasette")


def over_http(client, sample, url: str, runs: int, data_dir: Path) -> None:
    from django.conf import settings

    from vigil.evidence import search_sqlite
    from vigil.evidence.search import PAGE_SIZE

    datasette = datasette_command()
    if datasette is None:
        print("Datasette is not installed: see bench/README.md to compare with it")
        return
    database = Path(settings.DATABASES["default"]["NAME"])
    app_port, datasette_port = free_port(), free_port()
    environment = {**os.environ, "VIGIL_DATA_DIR": str(data_dir), "VIGIL_PORT": str(app_port)}
    servers = [
        subprocess.Popen(
            [sys.executable, "-m", "vigil", "serve", "--no-worker"],
            env=environment,
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
        subprocess.Popen(
            [datasette, "serve", str(database), "--port", str(datasette_port), *DATASETTE_SETTINGS],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        ),
    ]
    try:
        wait_for(app_port)
        wait_for(datasette_port)
        cookie = f"{client.cookies['sessionid'].key}={client.cookies['sessionid'].value}"
        first, last = search_sqlite.case_key_range(sample.case.pk)
        print(f"\nover HTTP, one connection each, {runs} runs: the app's page against Datasette's")
        print("HTML page of the raw query's rows, and its JSON")
        print(
            f"{'words':28} {'app p50':>8} {'p95':>6} {'HTML p50':>9} {'p95':>6} "
            f"{'JSON p50':>9} {'p95':>6}"
        )
        for what, words in queries():
            app = time_http(app_port, f"{url}?{urlencode({'q': words})}", runs, cookie)
            query = {"sql": _SQLITE_RAW, "match": fts_match(words), "first": first}
            query.update(last=last, size=PAGE_SIZE)
            html = time_http(datasette_port, f"/{database.stem}?{urlencode(query)}", runs)
            query["_shape"] = "array"
            data = time_http(datasette_port, f"/{database.stem}.json?{urlencode(query)}", runs)
            print(
                f"{what + ': ' + words:28} {ms(app, 50):8.1f} {ms(app, 95):6.1f} "
                f"{ms(html, 50):9.1f} {ms(html, 95):6.1f} {ms(data, 50):9.1f} {ms(data, 95):6.1f}"
            )
    finally:
        for server in servers:
            server.terminate()
            server.wait()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port: int) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"nothing answered on port {port} within 60 s")


def time_http(port: int, path: str, runs: int, cookie: str = "") -> list[float]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    headers = {"Cookie": cookie} if cookie else {}
    times = []
    try:
        for _ in range(runs + 1):
            began = time.perf_counter()
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            response.read()
            times.append(time.perf_counter() - began)
            if response.status != 200:
                raise SystemExit(f"{path} answered {response.status}")
    finally:
        connection.close()
    return times[1:]
