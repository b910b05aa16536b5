import logging
import os
import signal
import subprocess
import sys
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from waitress import serve

from vigil.ops.proxies import behind_proxies
from vigil.wsgi import application

logger = logging.getLogger(__name__)

# After the worker exits, wait this long before starting another, so one that dies at once does
# not spin.
WORKER_RESTART_SECONDS = 5


def default_threads() -> int:
    """Threads for the web server: requests spend much of their time waiting on the database
    and the disk, so more threads than cores keep the cores busy (Python's own rule for
    I/O-bound pools: cores + 4, at most 32)."""
    try:
        cores = len(os.sched_getaffinity(0))  # the cores this process may run on
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return min(32, cores + 4)


class WorkerKeeper(threading.Thread):
    """Runs one `vigil db_worker` beside the web server, and starts another whenever it exits
    until the server stops."""

    COMMAND = [sys.executable, "-m", "vigil", "db_worker", "--queue-name", "*", "--no-reload"]

    def __init__(self):
        super().__init__(name="worker-keeper", daemon=True)
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.process: subprocess.Popen | None = None

    def run(self) -> None:
        while True:
            with self.lock:
                if self.stopping.is_set():
                    return
                self.process = subprocess.Popen(self.COMMAND)  # noqa: S603 (our own command)
            logger.info("Background worker started (pid %s).", self.process.pid)
            code = self.process.wait()
            if self.stopping.is_set():
                return
            logger.warning(
                "Background worker exited (code %s); starting another in %s s.",
                code,
                WORKER_RESTART_SECONDS,
            )
            self.stopping.wait(WORKER_RESTART_SECONDS)

    def stop(self) -> None:
        with self.lock:
            self.stopping.set()
            process = self.process
        if process is None or process.poll() is not None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class Command(BaseCommand):
    help = (
        "Serve the web app with waitress on VIGIL_HOST:VIGIL_PORT (default 127.0.0.1:8000), with "
        "a background worker for dossiers and ingestion that is started again if it exits "
        "(--no-worker to run workers separately). Behind a reverse proxy, set "
        "VIGIL_TRUSTED_PROXIES to its address."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("VIGIL_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("VIGIL_PORT", "8000")))
        parser.add_argument(
            "--threads",
            type=int,
            default=default_threads(),
            help="requests served at once (default: the CPU cores + 4, at most 32; here "
            "%(default)s)",
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="do not start a background worker beside the web server",
        )

    def handle(self, *args, host, port, threads, no_worker, **options):
        keeper = None
        if not no_worker:
            keeper = WorkerKeeper()
            keeper.start()
        app, proxy_options = application, {}
        if settings.TRUSTED_PROXIES:
            # Vigil's wrapper decides whom to believe, so waitress must leave the headers to it.
            app = behind_proxies(application, settings.TRUSTED_PROXIES)
            proxy_options = {"clear_untrusted_proxy_headers": False}
        self.stdout.write(
            f"Vigil is serving on http://{host}:{port}/ with {threads} threads (Ctrl-C stops it)"
        )
        # A service manager stops the server with SIGTERM: stop the worker with it.
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
        try:
            serve(app, host=host, port=port, threads=threads, **proxy_options)
        finally:
            if keeper is not None:
                keeper.stop()
