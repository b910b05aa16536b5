"""Background jobs for the worker tests: the smallest things a worker can run."""

import os
import signal
import time
import uuid
from pathlib import Path

from django_tasks import task


@task()
def say_done(word: str) -> str:
    return f"done: {word}"


@task()
def leave_a_mark(number: int, folder: str) -> None:
    """Leave a file named for the job and the process that ran it (a second run of the same job
    leaves a second file), then rest a moment, as real work would, so other workers get turns."""
    Path(folder, f"{number}-{os.getpid()}-{uuid.uuid4().hex}").touch()
    time.sleep(0.01)


ENQUEUE = "from tests.ops.tasks import say_done; print(say_done.enqueue('{word}').id)"


@task()
def kill_my_worker() -> None:
    """A job that kills the worker running it, as the out-of-memory killer would."""
    os.kill(os.getpid(), signal.SIGKILL)


def start_ingestion(documents: int) -> int:
    """An ingestion job of `documents` distinct text files, staged and queued as an upload
    would be; returns its id."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from vigil.cases.models import Case
    from vigil.ingest import tasks

    case = Case.objects.create(slug="resumed", title="Resumed", place="Somewhere")
    uploads = [
        SimpleUploadedFile(
            f"report-{n:03d}.txt",
            f"Report {n}. On 26 February 1992, {n} residents of Khojaly were killed.".encode(),
        )
        for n in range(documents)
    ]
    return tasks.start(case, uploads).pk


ENQUEUE_KILLER = "from tests.ops.tasks import kill_my_worker; print(kill_my_worker.enqueue().id)"
START_INGESTION = "from tests.ops.tasks import start_ingestion; print(start_ingestion({n}))"
