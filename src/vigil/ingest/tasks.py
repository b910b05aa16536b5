"""Ingestion as a background job for the web app: files are staged to disk, then a worker
ingests them and records progress on the job."""

import logging
import shutil
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from vigil.audit.log import acting_as

from .collect import count, gather
from .models import IngestJob
from .pipeline import run

logger = logging.getLogger(__name__)


def staging_dir(job: IngestJob) -> Path:
    return Path(settings.DATA_DIR) / "ingest" / f"job-{job.pk}"


def stage_uploads(job: IngestJob, uploads) -> None:
    folder = staging_dir(job)
    # A job whose row was rolled back may have left files under the id this job now reuses.
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for number, upload in enumerate(uploads):
        # A numbered folder each keeps two uploads of the same name apart.
        target = folder / f"{number:04d}" / Path(upload.name).name
        target.parent.mkdir()
        with target.open("wb") as out:
            for chunk in upload.chunks():
                out.write(chunk)
    job.staging_dir = str(folder)
    job.total = count(staged_files(folder))  # a zip counts its files, not itself
    job.save(update_fields=["staging_dir", "total"])


def staged_files(folder: Path) -> list[Path]:
    # One numbered folder per upload, holding the file under the name it was uploaded with.
    return [file for number in sorted(folder.iterdir()) for file in number.iterdir()]


@task()
def ingest_staged(job_id: int) -> None:
    """Ingest a job's staged files; run again after its worker died, it resumes (pipeline.run)."""
    job = IngestJob.objects.select_related("case", "created_by").get(pk=job_id)
    folder = Path(job.staging_dir)
    staged = staged_files(folder)
    try:
        # The worker acts for the person who uploaded the files: the log names them, not "system".
        with acting_as(job.created_by):
            run(job, gather(staged, labels=[file.name for file in staged]))
    except Exception as error:
        logger.exception("ingest job %s failed", job_id)
        fail(job_id, str(error))
        raise
    shutil.rmtree(folder, ignore_errors=True)


def fail(job_id: int, reason: str) -> None:
    IngestJob.objects.filter(pk=job_id).update(
        status=IngestJob.Status.FAILED, finished_at=timezone.now(), failure=reason[:2000]
    )


def _given_up(args, kwargs, reason: str) -> None:
    fail(*args, **kwargs, reason=reason)


# What to do with a job of this task that its workers kept dying on (vigil/ops/leases.py).
WHEN_GIVEN_UP = {"ingest_staged": _given_up}


def start(case, uploads, user=None) -> IngestJob:
    job = IngestJob.objects.create(case=case, created_by=user)
    stage_uploads(job, uploads)
    transaction.on_commit(lambda: ingest_staged.enqueue(job.pk))
    return job
