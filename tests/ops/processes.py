"""Real Vigil processes for the tests of running an installation: a migrated SQLite data
directory of their own, `vigil` commands run in it, and long-running ones watched line by line.
Every wait is bounded, so a test that goes wrong fails instead of hanging."""

import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from contextlib import closing, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATABASE = "vigil.sqlite3"
BOUND_SECONDS = 60  # the longest any single wait in these tests may take
# Migrating a new database is set-up, not behaviour under test: 15 s of CPU that a busy
# 2-core machine can stretch past a minute.
MIGRATE_SECONDS = 600


def vigil_env(data_dir: Path, **settings: str) -> dict[str, str]:
    """The environment of a Vigil process on its own SQLite database in `data_dir`."""
    env = {key: value for key, value in os.environ.items() if not key.startswith("VIGIL_")}
    env.pop("DATABASE_URL", None)
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)  # set for the browser tests only
    env.update(VIGIL_DATA_DIR=str(data_dir), PYTHONUNBUFFERED="1", **settings)
    return env


def run_vigil(env: dict, *args: str, timeout: float = BOUND_SECONDS) -> str:
    """Run `vigil ARGS` to completion and return what it printed; fail on a non-zero exit."""
    result = subprocess.run(
        [sys.executable, "-m", "vigil", *args],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def migrate_into(data_dir: Path) -> None:
    run_vigil(vigil_env(data_dir), "migrate", "--no-input", "-v", "0", timeout=MIGRATE_SECONDS)
    with sqlite3.connect(data_dir / DATABASE) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the main file


def copy_data_dir(template: Path, target: Path) -> Path:
    shutil.copytree(template, target)
    return target


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, what: str, seconds: float = BOUND_SECONDS):
    """Poll `condition` until it returns something true, and return that; fail after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"gave up waiting for {what}")


def listening(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def create_user(env: dict, username: str, password: str) -> None:
    code = (
        "from django.contrib.auth import get_user_model; "
        f"get_user_model().objects.create_user({username!r}, password={password!r})"
    )
    run_vigil(env, "shell", "-v", "0", "-c", code)


class Spawned:
    """A long-running `vigil` process whose output (stdout and stderr) is collected as it comes."""

    def __init__(self, env: dict, *args: str):
        self.process = subprocess.Popen(
            [sys.executable, "-m", "vigil", *args],
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        self.lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.append(line)

    @property
    def output(self) -> str:
        return "".join(self.lines)

    def wait_for(self, pattern: str, *, after: int = 0) -> re.Match:
        """The first match of `pattern` in the output from line `after` on; fails if the process
        exits or the bound passes first."""

        def found():
            for line in self.lines[after:]:
                if match := re.search(pattern, line):
                    return match
            if self.process.poll() is not None:
                self._reader.join(timeout=5)
                raise AssertionError(f"exited ({self.process.returncode}):\n{self.output}")
            return None

        try:
            return wait_until(found, repr(pattern))
        except AssertionError as error:
            raise AssertionError(f"{error}\n--- output ---\n{self.output}") from None

    @classmethod
    def server(cls, env: dict, *args: str) -> tuple["Spawned", int]:
        """`vigil serve ARGS` on a free port, once it accepts connections."""
        port = free_port()
        server = cls(env, "serve", "--port", str(port), *args)
        try:
            wait_until(lambda: server.process.poll() is not None or listening(port), "a server")
            assert server.process.poll() is None, server.output
        except AssertionError:
            server.stop()
            raise
        return server, port

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=15)
        self._reader.join(timeout=5)


@contextmanager
def write_lock_held(data_dir: Path):
    """Hold SQLite's write lock on the data directory's database, as a long write would, from a
    connection of the test's own."""
    connection = sqlite3.connect(data_dir / DATABASE, isolation_level=None, timeout=BOUND_SECONDS)
    try:
        connection.execute("BEGIN IMMEDIATE")
        yield connection
        connection.execute("COMMIT")
    finally:
        connection.close()


def query(data_dir: Path, sql: str, *params):
    """One row read from the data directory's database."""
    with closing(sqlite3.connect(data_dir / DATABASE, timeout=BOUND_SECONDS)) as connection:
        return connection.execute(sql, params).fetchone()
