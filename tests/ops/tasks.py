"""Background jobs for the worker tests: the smallest things a worker can run."""

import os
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
