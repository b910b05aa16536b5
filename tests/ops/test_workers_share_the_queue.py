"""On PostgreSQL several background workers, on one machine or several, share one queue: each
takes a job with a row lock (SELECT … FOR UPDATE SKIP LOCKED), so every job runs exactly once."""

import collections

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django_tasks_db.models import DBTaskResult

from tests.ops.processes import Spawned, vigil_env, wait_until
from tests.ops.tasks import leave_a_mark

JOBS = 200

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def postgresql_url():
    """The address of the test database, for worker processes of their own."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks that others skip are PostgreSQL's; SQLite has one writer at a time")
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    return f"postgres://{db['USER']}{password}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


def test_a_worker_takes_its_job_with_a_row_lock_that_other_workers_skip(postgresql_url):
    leave_a_mark.enqueue(0, "/nonexistent")
    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        assert DBTaskResult.objects.ready().get_locked() is not None  # as the worker asks
    assert "FOR UPDATE SKIP LOCKED" in queries[-1]["sql"]


def test_two_workers_run_each_of_many_queued_jobs_exactly_once(postgresql_url, tmp_path):
    env = vigil_env(tmp_path / "data", DATABASE_URL=postgresql_url)
    marks = tmp_path / "marks"
    marks.mkdir()
    command = ("db_worker", "--queue-name", "*", "--no-reload", "--interval", "0.1")
    workers = [Spawned(env, *command) for _ in range(2)]
    try:
        for worker in workers:
            worker.wait_for(r"Starting worker")
        with transaction.atomic():  # all at once, while both workers are looking
            for number in range(JOBS):
                leave_a_mark.enqueue(number, str(marks))
        finished = DBTaskResult.objects.filter(status="SUCCESSFUL")
        wait_until(lambda: finished.count() == JOBS, "every job to finish")
    finally:
        for worker in workers:
            worker.stop()
    marks_left = [path.name.split("-") for path in marks.iterdir()]
    runs = collections.Counter(int(number) for number, _pid, _unique in marks_left)
    assert runs == dict.fromkeys(range(JOBS), 1)
    assert len({pid for _number, pid, _unique in marks_left}) == 2  # both took a share
    assert [len(job.worker_ids) for job in DBTaskResult.objects.all()] == [1] * JOBS
