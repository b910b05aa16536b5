"""The public site under a crowd: a real `vigil serve` on the demonstration data, and many
concurrent clients asking for the public case page, a public event page and a static file.

Each client is a thread with its own keep-alive connection and cookies (as a browser keeps
them), sending one request after another until the run has sent its requests or its time is up.
Prints, per page, requests per second, the median and 95th-percentile latency and the errors
(anything but a 200, or a failed connection), then the public pages' throughput as a share of the
static file's.

Usage: .venv/bin/python bench/public.py [--clients 100] [--requests 3000] [--seconds 60]
       [--serve-args "--processes 2"] [--data-dir DIR]
"""

import argparse
import http.client
import os
import re
import shlex
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASE = "khojaly-1992"


def vigil(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "vigil", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_server(port: int, server: subprocess.Popen) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"vigil serve exited with {server.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("vigil serve did not start listening within 60 s")


def get(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


class Run:
    """Many clients asking for one path, bounded in requests and in time."""

    def __init__(self, port: int, path: str, clients: int, requests: int, seconds: float):
        self.port, self.path = port, path
        self.clients, self.seconds = clients, seconds
        self.remaining = requests
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors: dict[str, int] = {}

    def take_turn(self) -> bool:
        with self.lock:
            if self.remaining <= 0 or time.monotonic() >= self.deadline:
                return False
            self.remaining -= 1
            return True

    def record(self, latency: float | None, error: str | None) -> None:
        with self.lock:
            if error is None:
                self.latencies.append(latency)
            else:
                self.errors[error] = self.errors.get(error, 0) + 1

    def client(self) -> None:
        connection, cookies = None, {}
        while self.take_turn():
            if connection is None:
                connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
            headers = (
                {"Cookie": "; ".join(f"{k}={v}" for k, v in cookies.items())} if cookies else {}
            )
            started = time.perf_counter()
            try:
                connection.request("GET", self.path, headers=headers)
                response = connection.getresponse()
                response.read()
                for header in response.headers.get_all("Set-Cookie") or []:
                    name, _, value = header.split(";", 1)[0].partition("=")
                    cookies[name.strip()] = value
            except (OSError, http.client.HTTPException) as error:
                self.record(None, type(error).__name__)
                connection.close()
                connection = None
                continue
            if response.status == 200:
                self.record(time.perf_counter() - started, None)
            else:
                self.record(None, f"HTTP {response.status}")
            if response.will_close:
                connection.close()
                connection = None
        if connection is not None:
            connection.close()

    def go(self) -> dict:
        self.deadline = time.monotonic() + self.seconds
        threads = [threading.Thread(target=self.client) for _ in range(self.clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        answered = len(self.latencies)
        ordered = sorted(self.latencies) or [0.0]
        return {
            "requests/s": answered / elapsed,
            "p50 ms": statistics.median(ordered) * 1000,
            "p95 ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))] * 1000,
            "answered": answered,
            "errors": sum(self.errors.values()),
            "error kinds": self.errors,
        }


def set_up(data_dir: Path) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith("VIGIL_")}
    env.pop("DATABASE_URL", None)
    env.update(VIGIL_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1", VIGIL_LOG_LEVEL="ERROR")
    if not (data_dir / "vigil.sqlite3").exists():
        print("setting up the demonstration data …", flush=True)
        vigil(env, "migrate", "--no-input", "-v", "0")
        vigil(env, "load-demo")
    return env


def public_paths(port: int) -> dict[str, str]:
    status, page = get(port, f"/p/{CASE}/")
    if status != 200:
        raise SystemExit(f"the public page answered {status}")
    event = re.search(rb'href="(/events/\d+/)"', page)
    style = re.search(rb'href="(/static/[^"]+\.css)"', page)
    if not event or not style:
        raise SystemExit("the public page lists no public event or style sheet")
    return {
        "public case page": f"/p/{CASE}/",
        "public event page": event.group(1).decode(),
        "static file": style.group(1).decode(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--requests", type=int, default=3000, help="per page")
    parser.add_argument("--seconds", type=float, default=60, help="at most, per page")
    parser.add_argument("--serve-args", default="", help="more options for vigil serve")
    parser.add_argument("--data-dir", type=Path, help="reuse this data directory")
    args = parser.parse_args()

    temporary = None
    if args.data_dir is None:
        temporary = tempfile.TemporaryDirectory(prefix="vigil-bench-")
        args.data_dir = Path(temporary.name)
    env = set_up(args.data_dir.resolve())
    port = free_port()
    command = [sys.executable, "-m", "vigil", "serve", "--port", str(port), "--no-worker"]
    server = subprocess.Popen([*command, *shlex.split(args.serve_args)], env=env, cwd=ROOT)
    try:
        wait_for_server(port, server)
        paths = public_paths(port)
        print(
            f"{args.clients} clients, at most {args.requests} requests or {args.seconds:.0f} s "
            f"per page, {os.cpu_count()} cores, vigil serve {args.serve_args}".rstrip()
        )
        print(f"{'page':<20} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
        results = {}
        for name, path in paths.items():
            for _ in range(20):  # warm up: caches filled, connections opened
                get(port, path)
            result = Run(port, path, args.clients, args.requests, args.seconds).go()
            results[name] = result
            print(
                f"{name:<20} {result['requests/s']:8.1f} {result['p50 ms']:8.1f} "
                f"{result['p95 ms']:8.1f} {result['errors']:7d}"
                + (f"  {result['error kinds']}" if result["errors"] else "")
            )
        static = results["static file"]["requests/s"]
        for name in ("public case page", "public event page"):
            print(f"{name}: {results[name]['requests/s'] / static:.0%} of the static file's rate")
    finally:
        server.terminate()
        server.wait(timeout=30)
        if temporary is not None:
            temporary.cleanup()


if __name__ == "__main__":
    main()
