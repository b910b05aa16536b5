"""The background worker outlasts a locked database, and `vigil serve` replaces a worker that
dies: real processes on a real SQLite file."""

import os
import signal

from tests.ops.processes import (
    Spawned,
    free_port,
    query,
    run_vigil,
    vigil_env,
    wait_until,
    write_lock_held,
)
from tests.ops.tasks import ENQUEUE

BUSY = r"database is busy"


def enqueue(env, word: str) -> str:
    return run_vigil(env, "shell", "-v", "0", "-c", ENQUEUE.format(word=word)).strip()


def job_status(data_dir, job_id: str):
    row = query(
        data_dir,
        "SELECT status, return_value FROM django_tasks_database_dbtaskresult WHERE id = ?",
        job_id.replace("-", ""),
    )
    return row if row and row[0] in {"SUCCESSFUL", "FAILED"} else None


def test_the_worker_keeps_running_through_a_locked_database_then_runs_a_queued_job(data_dir):
    env = vigil_env(data_dir, VIGIL_DB_WAIT_SECONDS="1")
    worker = Spawned(env, "db_worker", "--queue-name", "*", "--no-reload", "--interval", "0.2")
    try:
        worker.wait_for(r"Starting worker")
        with write_lock_held(data_dir):
            # The worker looks for a job, waits a second for the lock, and must not die of it.
            worker.wait_for(BUSY)
            seen = len(worker.lines)
            worker.wait_for(BUSY, after=seen)  # and it keeps trying
            assert worker.process.poll() is None
        job = enqueue(env, "after the lock")
        status = wait_until(lambda: job_status(data_dir, job), "the job to finish")
        assert status == ("SUCCESSFUL", '"done: after the lock"')
        assert worker.process.poll() is None
    finally:
        worker.stop()


def test_vigil_serve_starts_a_new_worker_when_its_worker_dies(data_dir):
    env = vigil_env(data_dir)
    port = str(free_port())
    server = Spawned(env, "serve", "--port", port)
    try:
        first = int(server.wait_for(r"worker started \(pid (\d+)\)").group(1))
        seen = len(server.lines)
        os.kill(first, signal.SIGKILL)
        second = int(server.wait_for(r"worker started \(pid (\d+)\)", after=seen).group(1))
        assert second != first
        job = enqueue(env, "by the new worker")
        status = wait_until(lambda: job_status(data_dir, job), "the job to finish")
        assert status == ("SUCCESSFUL", '"done: by the new worker"')
    finally:
        server.stop()
    assert server.process.returncode == 0
    wait_until(lambda: not _running(second), "the worker to stop with the server")


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A process that has exited but not yet been reaped is not running either.
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return False
