"""A worker killed with SIGKILL in the middle of a job: its lease lapses, a fresh worker resumes
the job, and a job that kills every worker is in the end marked failed with the reason. Real
worker processes on a real SQLite file."""

import os
import signal

from tests.ops.processes import Spawned, query, run_vigil, vigil_env, wait_until
from tests.ops.tasks import ENQUEUE_KILLER, START_INGESTION

DOCUMENTS = 150
LEASE = {"VIGIL_WORKER_LEASE_SECONDS": "2"}


def worker(env) -> Spawned:
    spawned = Spawned(env, "db_worker", "--queue-name", "*", "--no-reload", "--interval", "0.2")
    spawned.wait_for(r"Starting worker")
    return spawned


def ingest_job(data_dir, job_id: str):
    return query(
        data_dir,
        "SELECT status, processed, stored, already_present, refused, total, report"
        " FROM ingest_ingestjob WHERE id = ?",
        int(job_id),
    )


def test_an_ingestion_whose_worker_is_killed_is_resumed_by_a_fresh_worker_without_duplicates(
    data_dir,
):
    env = vigil_env(data_dir, **LEASE)
    first = worker(env)
    try:
        job = run_vigil(env, "shell", "-v", "0", "-c", START_INGESTION.format(n=DOCUMENTS)).strip()
        # Kill it once its report has been saved part of the way (every 25 documents).
        wait_until(lambda: ingest_job(data_dir, job)[1] > 30, "the ingestion to get under way")
        os.kill(first.process.pid, signal.SIGKILL)
        first.process.wait(timeout=10)
    finally:
        first.stop()
    status, processed, *_rest = ingest_job(data_dir, job)
    assert status == "running" and processed < DOCUMENTS, "killed too late to prove anything"

    second = worker(env)
    try:
        wait_until(lambda: ingest_job(data_dir, job)[0] == "done", "a fresh worker to finish it")
    finally:
        second.stop()
    status, processed, stored, present, refused, total, report = ingest_job(data_dir, job)
    assert (processed, stored, present, refused, total) == (DOCUMENTS, DOCUMENTS, 0, 0, DOCUMENTS)
    assert query(data_dir, "SELECT count(*) FROM evidence_source")[0] == DOCUMENTS
    names = [line.split('"')[0] for line in report.split('"name": "')[1:]]
    assert sorted(names) == [f"report-{n:03d}.txt" for n in range(DOCUMENTS)]
    workers = query(data_dir, "SELECT worker_ids FROM django_tasks_database_dbtaskresult")[0]
    assert workers.count('"') == 4  # two workers ran it: the one killed, then the fresh one


def test_a_job_that_kills_every_worker_it_is_given_is_failed_with_the_reason(data_dir):
    env = vigil_env(data_dir, **LEASE)
    job = run_vigil(env, "shell", "-v", "0", "-c", ENQUEUE_KILLER).strip().replace("-", "")
    for _attempt in range(3):
        doomed = worker(env)
        assert doomed.process.wait(timeout=60) == -signal.SIGKILL
        doomed.stop()
    survivor = worker(env)
    try:
        row = wait_until(
            lambda: query(
                data_dir,
                "SELECT status, exception_class_path, traceback"
                " FROM django_tasks_database_dbtaskresult WHERE id = ? AND status = 'FAILED'",
                job,
            ),
            "the job to be given up",
        )
    finally:
        survivor.stop()
    assert row[1] == "vigil.ops.leases.WorkerLost"
    assert "Its worker stopped 3 times while running it" in row[2]
