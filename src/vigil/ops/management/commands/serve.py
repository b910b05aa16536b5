"""`vigil serve`: the web app with waitress, in one process or in several that share one
listening socket, and a background worker beside it."""

import argparse
import logging
import os
import signal
import socket
import subprocess
import sys
import threading

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from waitress import serve

from vigil.ops.proxies import behind_proxies
from vigil.wsgi import application

logger = logging.getLogger(__name__)

# After a kept process exits, wait this long before starting another, so one that dies at once
# does not spin.
RESTART_SECONDS = 5
# Connections the kernel queues for the server processes to accept (a crowd arrives at once).
LISTEN_BACKLOG = 1024


def cores() -> int:
    try:
        return len(os.sched_getaffinity(0))  # the cores this process may run on
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_threads() -> int:
    """Threads for the web server: requests spend much of their time waiting on the database
    and the disk, so more threads than cores keep the cores busy (Python's own rule for
    I/O-bound pools: cores + 4, at most 32)."""
    return min(32, cores() + 4)


def default_processes() -> int:
    """One web process per core: Python runs one thread at a time in a process, so a single
    process keeps a single core busy however many threads it has."""
    return cores()


class Keeper(threading.Thread):
    """Runs one command beside the server, and starts it again whenever it exits until the server
    stops."""

    def __init__(self, command: list[str], label: str, pass_fds: tuple[int, ...] = ()):
        super().__init__(name=f"keeper of {label}", daemon=True)
        self.command, self.label, self.pass_fds = command, label, pass_fds
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.process: subprocess.Popen | None = None

    def run(self) -> None:
        while True:
            with self.lock:
                if self.stopping.is_set():
                    return
                # Our own command.
                self.process = subprocess.Popen(self.command, pass_fds=self.pass_fds)  # noqa: S603
            logger.info("%s started (pid %s).", self.label, self.process.pid)
            code = self.process.wait()
            if self.stopping.is_set():
                return
            logger.warning(
                "%s exited (code %s); starting another in %s s.", self.label, code, RESTART_SECONDS
            )
            self.stopping.wait(RESTART_SECONDS)

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


def worker_keeper() -> Keeper:
    command = [sys.executable, "-m", "vigil", "db_worker", "--queue-name", "*", "--no-reload"]
    return Keeper(command, "Background worker")


def listening_socket(host: str, port: int) -> socket.socket:
    """A socket listening on host:port that child processes inherit and all accept from."""
    try:
        family, kind, proto, _name, address = socket.getaddrinfo(
            host.strip("[]"), port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE
        )[0]
    except socket.gaierror as error:
        raise CommandError(
            _("cannot listen on %(host)s:%(port)s: %(error)s")
            % {"host": host, "port": port, "error": error}
        ) from error
    listener = socket.socket(family, kind, proto)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        listener.bind(address)
    except OSError as error:
        listener.close()
        raise CommandError(
            _("cannot listen on %(host)s:%(port)s: %(error)s")
            % {"host": host, "port": port, "error": error}
        ) from error
    listener.listen(LISTEN_BACKLOG)
    return listener


class Command(BaseCommand):
    help = (
        "Serve the web app with waitress on VIGIL_HOST:VIGIL_PORT (default 127.0.0.1:8000) in "
        "one process per core, each with several threads, and a background worker for dossiers "
        "and ingestion; every one of them is started again if it exits (--no-worker to run "
        "workers separately). Behind a reverse proxy, set VIGIL_TRUSTED_PROXIES to its address."
    )

    def add_arguments(self, parser):
        parser.add_argument("--host", default=os.environ.get("VIGIL_HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("VIGIL_PORT", "8000")))
        parser.add_argument(
            "--processes",
            type=int,
            default=default_processes(),
            help="web server processes sharing the port (default: one per CPU core; here "
            "%(default)s)",
        )
        parser.add_argument(
            "--threads",
            type=int,
            default=default_threads(),
            help="requests each process serves at once (default: the CPU cores + 4, at most "
            "32; here %(default)s)",
        )
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="do not start a background worker beside the web server",
        )
        # How the processes of --processes are started: on the socket their parent listens on.
        parser.add_argument("--listen-fd", type=int, help=argparse.SUPPRESS)

    def handle(self, *args, host, port, processes, threads, no_worker, listen_fd, **options):
        if processes < 1 or threads < 1:
            raise CommandError(_("--processes and --threads must be at least 1"))
        # A service manager stops the server with SIGTERM: stop what it started with it.
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
        if listen_fd is not None:
            self.serve_on(socket.socket(fileno=listen_fd), threads)
            return
        keepers = [] if no_worker else [worker_keeper()]
        listener = None
        if processes > 1:
            listener = listening_socket(host, port)
            command = [sys.executable, "-m", "vigil", "serve", "--no-worker"]
            command += ["--listen-fd", str(listener.fileno()), "--threads", str(threads)]
            pass_fds = (listener.fileno(),)
            keepers += [Keeper(command, "Web process", pass_fds) for _ in range(processes)]
        for keeper in keepers:
            keeper.start()
        self.stdout.write(
            ngettext(
                "Vigil is serving on %(address)s with %(processes)s process of %(threads)s "
                "threads (Ctrl-C stops it)",
                "Vigil is serving on %(address)s with %(processes)s processes of %(threads)s "
                "threads each (Ctrl-C stops it)",
                processes,
            )
            % {"address": f"http://{host}:{port}/", "processes": processes, "threads": threads}
        )
        try:
            if listener is None:
                self.serve_on(None, threads, host=host, port=port)
            else:
                while True:
                    signal.pause()  # the web processes serve; this one keeps them running
        except KeyboardInterrupt:  # Ctrl-C reaches every process: each stops on its own
            pass
        finally:
            for keeper in keepers:
                keeper.stop()
            if listener is not None:
                listener.close()

    def serve_on(self, listener: socket.socket | None, threads: int, **address) -> None:
        app, proxy_options = application, {}
        if settings.TRUSTED_PROXIES:
            # Vigil's wrapper decides whom to believe, so waitress must leave the headers to it.
            app = behind_proxies(application, settings.TRUSTED_PROXIES)
            proxy_options = {"clear_untrusted_proxy_headers": False}
        sockets = {} if listener is None else {"sockets": [listener]}
        serve(app, threads=threads, **address, **sockets, **proxy_options)
