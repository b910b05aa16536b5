"""Signed-in reads while an editor writes: requests per second, 95th percentile and errors of
readers alone, then of the same readers while one editor reviews claims (one a second, as in
issue #21, or --reviews-per-second N; 0 for back to back), over real HTTP against `vigil serve`.
The editor's browser follows each review's redirect to the source's page, as a browser does.
Ten seconds of reading first warm the caches, unreported.

Usage: .venv/bin/python bench/reads_under_writes.py [--seconds 20] [--readers 4]
           [--reviews-per-second 1] [--data-dir DIR] [--database-url URL]
Without --data-dir or --database-url it uses a throw-away SQLite database with the demonstration
case; with them, the database as it is (say one `bench/writes.py` generated) and its first case.
"""

import argparse
import http.cookiejar
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

PASSWORD = "bench reader password 7"  # noqa: S105 - accounts of a throw-away benchmark


def vigil(env, *args) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "vigil", *args], env=env, check=True, capture_output=True, text=True
    )
    return done.stdout


def prepare(env) -> dict:
    """Migrate, make sure there is a case, a reader and an editor; returns the URLs to use."""
    vigil(env, "migrate", "-v0")
    script = f"""
from django.contrib.auth import get_user_model
from vigil.cases.models import Case, CaseMembership
from vigil.demo.loader import load_demo
if not Case.objects.exists():
    load_demo()
case = Case.objects.order_by("pk").first()
for name in ("bench-reader", "bench-editor"):
    user, _ = get_user_model().objects.get_or_create(username=name)
    user.set_password({PASSWORD!r})
    user.save()
    CaseMembership.objects.update_or_create(case=case, user=user, defaults={{"role": "researcher"}})
source = case.sources.order_by("pk").first()
claims = list(case.claims.order_by("pk").values_list("pk", flat=True)[:50])
print(case.slug, source.pk, ",".join(map(str, claims)))
"""
    slug, source, claims = vigil(env, "shell", "-c", script).split()[-3:]
    return {
        "reads": [
            f"/cases/{slug}/",
            f"/cases/{slug}/sources/",
            f"/cases/{slug}/sources/{source}/",
            f"/cases/{slug}/claims/{claims.split(',')[0]}/",
        ],
        "reviews": [f"/cases/{slug}/claims/{pk}/review/" for pk in claims.split(",")],
    }


class Browser:
    """A signed-in person: cookies kept, the CSRF token read from the last form."""

    def __init__(self, base: str, username: str):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        page = self.get("/login/")[1]
        self.post("/login/", {"username": username, "password": PASSWORD}, page)

    def get(self, path: str) -> tuple[int, str]:
        try:
            with self.opener.open(self.base + path, timeout=120) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, ""

    def post(self, path: str, fields: dict, page: str) -> int:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": token}).encode()
        try:
            with self.opener.open(self.base + path, data=data, timeout=120) as response:
                return response.status
        except urllib.error.HTTPError as error:
            return error.code


def read_for(browser: Browser, pages: list[str], until: float, results: list) -> None:
    number = 0
    while time.monotonic() < until:
        began = time.monotonic()
        status, _ = browser.get(pages[number % len(pages)])
        results.append((time.monotonic() - began, status))
        number += 1


def edit_for(browser: Browser, urls: dict, until: float, rate: float, results: list) -> None:
    page = browser.get(urls["reads"][3])[1]
    number, began = 0, time.monotonic()
    while time.monotonic() < until:
        if rate:  # keep to the pace: the n-th review at n / rate seconds
            time.sleep(max(0.0, began + number / rate - time.monotonic()))
        status = browser.post(
            urls["reviews"][number % len(urls["reviews"])],
            {"status": ("verified", "proposed")[number % 2], "note": "bench"},
            page,
        )
        results.append(status)
        number += 1


def phase(base: str, urls: dict, readers: int, seconds: float, editor: float | None) -> dict:
    browsers = [Browser(base, "bench-reader") for _ in range(readers)]
    writer = Browser(base, "bench-editor") if editor is not None else None
    until = time.monotonic() + seconds
    reads: list = []
    writes: list = []
    threads = [
        threading.Thread(target=read_for, args=(b, urls["reads"], until, reads)) for b in browsers
    ]
    if writer:
        threads.append(
            threading.Thread(target=edit_for, args=(writer, urls, until, editor, writes))
        )
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    times = sorted(t for t, _ in reads)
    return {
        "per_second": len(reads) / seconds,
        "p95": times[int(len(times) * 0.95)] if times else 0.0,
        "median": statistics.median(times) if times else 0.0,
        "errors": sum(1 for _, status in reads if status != 200),
        "writes": len(writes),
        "write_errors": sum(1 for status in writes if status not in (200, 302)),
    }


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--readers", type=int, default=4)
    parser.add_argument("--reviews-per-second", type=float, default=1.0)
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--database-url")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vigil-bench-") as folder:
        env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
        env["VIGIL_DATA_DIR"] = str(args.data_dir or Path(folder) / "data")
        if args.database_url:
            env["DATABASE_URL"] = args.database_url
        env["VIGIL_PORT"] = str(port := free_port())
        urls = prepare(env)
        server = subprocess.Popen(
            [sys.executable, "-m", "vigil", "serve", "--no-worker"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base)
            phase(base, urls, args.readers, 10, editor=None)  # warm caches; not reported
            alone = phase(base, urls, args.readers, args.seconds, editor=None)
            report(args, alone, "alone")
            rate = args.reviews_per_second
            editing = phase(base, urls, args.readers, args.seconds, editor=rate)
            report(args, editing, "editing", alone)
        finally:
            server.terminate()
            server.wait(timeout=30)


def wait_until_up(base: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/login/", timeout=5).close()  # noqa: S310 (our server)
            return
        except OSError:
            time.sleep(0.3)
    raise SystemExit("vigil serve did not answer within a minute")


def report(args, result: dict, label: str, alone: dict | None = None) -> None:
    kept = f", {result['per_second'] / alone['per_second']:.0%} of alone" if alone else ""
    print(
        f"{args.readers} readers, {label:7}: {result['per_second']:6.1f} reads/s{kept}, "
        f"median {result['median'] * 1000:.0f} ms, p95 {result['p95'] * 1000:.0f} ms, "
        f"{result['errors']} errors; {result['writes']} reviews written "
        f"({result['write_errors']} refused)"
    )


if __name__ == "__main__":
    sys.exit(main())
