"""A job whose worker stopped renewing its lease is put back in the queue, or, once it has lost
too many workers, marked failed with the reason on its own record (the ingestion job, the
dossier build)."""

import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from vigil.dossier.builder import build_dossier
from vigil.dossier.models import DossierBuild
from vigil.ingest import tasks
from vigil.ingest.models import IngestJob
from vigil.ops import leases

pytestmark = pytest.mark.django_db


def running(task, *args, workers: list[str], started_ago: int = 600) -> DBTaskResult:
    """A job as a worker leaves it when it is killed while running it."""
    started = timezone.now() - datetime.timedelta(seconds=started_ago)
    return DBTaskResult.objects.create(
        status=TaskResultStatus.RUNNING,
        task_path=task.module_path,
        args_kwargs={"args": list(args), "kwargs": {}},
        worker_ids=workers,
        backend_name="default",
        run_after=started,
        started_at=started,
    )


def test_a_job_whose_worker_let_its_lease_lapse_goes_back_in_the_queue(case):
    job = IngestJob.objects.create(case=case, status=IngestJob.Status.RUNNING)
    leases.renew("dead-worker")
    leases.WorkerLease.objects.update(renewed_at=timezone.now() - datetime.timedelta(hours=1))
    abandoned = running(tasks.ingest_staged, job.pk, workers=["dead-worker"])
    leases.recover_abandoned()
    abandoned.refresh_from_db()
    assert abandoned.status == TaskResultStatus.READY
    assert not leases.WorkerLease.objects.filter(worker_id="dead-worker").exists()


def test_a_job_whose_worker_still_renews_its_lease_is_left_running(case):
    leases.renew("live-worker")
    job = running(tasks.ingest_staged, 1, workers=["live-worker"])
    leases.recover_abandoned()
    job.refresh_from_db()
    assert job.status == TaskResultStatus.RUNNING


def test_an_ingestion_that_lost_every_worker_it_was_given_fails_and_says_why(case):
    job = IngestJob.objects.create(case=case, status=IngestJob.Status.RUNNING)
    workers = [f"worker-{n}" for n in range(leases.WORKER_ATTEMPTS)]
    abandoned = running(tasks.ingest_staged, job.pk, workers=workers)
    leases.recover_abandoned()
    abandoned.refresh_from_db()
    job.refresh_from_db()
    assert abandoned.status == TaskResultStatus.FAILED
    assert abandoned.exception_class_path == "vigil.ops.leases.WorkerLost"
    assert job.status == IngestJob.Status.FAILED and job.finished_at is not None
    assert job.failure == "Its worker stopped 3 times while running it (last: worker-2)."


def test_a_dossier_build_that_lost_every_worker_it_was_given_fails_and_says_why(case):
    build = DossierBuild.objects.create(case=case, status=DossierBuild.Status.RUNNING)
    workers = [f"worker-{n}" for n in range(leases.WORKER_ATTEMPTS)]
    running(build_dossier, build.pk, workers=workers)
    leases.recover_abandoned()
    build.refresh_from_db()
    assert build.status == DossierBuild.Status.FAILED
    assert "Its worker stopped 3 times" in build.error


def test_an_uploaded_zip_counts_its_files_in_the_jobs_progress_not_itself(case):
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        for n in range(3):
            archive.writestr(f"report-{n}.txt", f"Report {n}.")
    job = IngestJob.objects.create(case=case)
    uploads = [
        SimpleUploadedFile("reports.zip", packed.getvalue()),
        SimpleUploadedFile("notes.txt", b"Notes."),
    ]
    tasks.stage_uploads(job, uploads)
    job.refresh_from_db()
    assert job.total == 4
