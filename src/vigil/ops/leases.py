"""Jobs that outlive their workers.

Every worker holds a lease (WorkerLease) that it renews several times within
VIGIL_WORKER_LEASE_SECONDS. A running job whose worker's lease has lapsed was abandoned: the
worker was killed (kill -9, out of memory) or its machine stopped. Any live worker, as it renews
its own lease, puts such a job back in the queue, where the next free worker resumes it; a job
that has already lost WORKER_ATTEMPTS workers is marked failed with the reason instead, so one
that kills every worker that runs it does not loop forever.

Tasks whose own records show their state (an ingestion job, a dossier build) say what to do when
they are given up: their module's `WHEN_GIVEN_UP` maps the task's function name to a
`handler(args, kwargs, reason)`, found here by the task's path, so that no app imports this one.
"""

import datetime
import importlib
import logging
import os
from collections.abc import Callable

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import WorkerLease

logger = logging.getLogger(__name__)

# How many workers may die running one job before it is marked failed.
WORKER_ATTEMPTS = 3


class WorkerLost(Exception):
    """Recorded as the error of a job given up because its workers kept dying."""


def given_up_handler(task_path: str) -> Callable[[list, dict, str], None] | None:
    """The handler the task's module names for a job of it given up (see the module's doc)."""
    module_path, _dot, name = task_path.rpartition(".")
    try:
        module = importlib.import_module(module_path)
    except ImportError:
        return None
    return getattr(module, "WHEN_GIVEN_UP", {}).get(name)


def lease_seconds() -> int:
    return settings.WORKER_LEASE_SECONDS


def renew(worker_id: str) -> None:
    WorkerLease.objects.update_or_create(
        worker_id=worker_id, defaults={"pid": os.getpid(), "renewed_at": timezone.now()}
    )


def release(worker_id: str) -> None:
    WorkerLease.objects.filter(worker_id=worker_id).delete()


def recover_abandoned() -> list[str]:
    """Requeue, or fail, every running job whose worker's lease has lapsed; returns what was done
    (one line per job, for the log)."""
    cutoff = timezone.now() - datetime.timedelta(seconds=lease_seconds())
    WorkerLease.objects.filter(renewed_at__lt=cutoff).delete()
    alive = set(WorkerLease.objects.values_list("worker_id", flat=True))
    done = []
    for job in DBTaskResult.objects.running().only("pk", "worker_ids", "started_at"):
        # A job claimed a moment ago by a worker not yet holding a lease is left alone.
        last_worker = job.worker_ids[-1] if job.worker_ids else None
        if last_worker in alive or (job.started_at and job.started_at > cutoff):
            continue
        with transaction.atomic():
            job = DBTaskResult.objects.select_for_update().get(pk=job.pk)
            if job.status == TaskResultStatus.RUNNING:
                done.append(_give_back(job))
    return done


def _give_back(job: DBTaskResult) -> str:
    worker = job.worker_ids[-1] if job.worker_ids else "?"
    if len(job.worker_ids) < WORKER_ATTEMPTS:
        job.status = TaskResultStatus.READY
        job.save(update_fields=["status"])
        logger.warning("Job %s lost its worker %s; it is back in the queue.", job.pk, worker)
        return f"requeued {job.pk}"
    reason = _("Its worker stopped %(n)s times while running it (last: %(worker)s).") % {
        "n": len(job.worker_ids),
        "worker": worker,
    }
    job.set_failed(WorkerLost(reason))
    handler = given_up_handler(job.task_path)
    if handler is not None:
        handler(job.args_kwargs["args"], job.args_kwargs["kwargs"], reason)
    logger.error("Job %s failed: %s", job.pk, reason)
    return f"failed {job.pk}"
