import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from tests.ingest.test_pipeline import REPORT
from vigil.audit.models import AuditEntry
from vigil.evidence.models import Source
from vigil.ingest import tasks
from vigil.ingest.models import IngestJob

pytestmark = pytest.mark.django_db

# The worker closes its database connection after each job, as it would in production; with
# a real transaction per test the next query simply reconnects.
WORKER_DB = pytest.mark.django_db(transaction=True)


@WORKER_DB
def test_uploads_become_a_background_job_with_progress_and_a_report(
    alice_client, case, django_capture_on_commit_callbacks
):
    files = [SimpleUploadedFile("report.txt", REPORT), SimpleUploadedFile("photo.gif", b"GIF89a")]
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_client.post(reverse("ingest:page", args=[case.slug]), {"files": files})
    job = IngestJob.objects.get()
    assert response.url == job.get_absolute_url()
    assert (job.status, job.total) == ("queued", 2)
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--queue-name", "*")
    job.refresh_from_db()
    assert (job.status, job.stored, job.refused, job.progress) == ("done", 1, 1, 100)
    status = alice_client.get(job.get_absolute_url(), HTTP_ACCEPT="application/json").json()
    assert status["progress"] == 100 and status["stage"] == "2 of 2 documents"
    page = alice_client.get(job.get_absolute_url()).content.decode()
    assert "photo.gif: files of this type are not accepted." in page and "review" in page
    assert Source.objects.get().title == "report"


def test_a_post_without_files_is_refused_with_a_message(alice_client, case):
    response = alice_client.post(reverse("ingest:page", args=[case.slug]), {})
    assert "This field is required" in response.content.decode()
    assert not IngestJob.objects.exists()


@WORKER_DB
def test_the_report_names_uploads_as_uploaded_never_by_their_server_path(
    alice_client, case, django_capture_on_commit_callbacks, settings
):
    files = [
        SimpleUploadedFile("notes.exe", b"MZ"),
        SimpleUploadedFile("broken.zip", b"PK not really a zip"),
    ]
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post(reverse("ingest:page", args=[case.slug]), {"files": files})
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--queue-name", "*")
    job = IngestJob.objects.get()
    assert [line["name"] for line in job.report] == ["notes.exe", "broken.zip"]
    page = alice_client.get(job.get_absolute_url()).content.decode()
    assert "broken.zip is not a readable zip archive." in page
    assert str(settings.DATA_DIR) not in page and "job-" not in page


@WORKER_DB
def test_what_a_worker_ingests_is_logged_as_the_work_of_who_uploaded_it(
    alice, alice_client, case, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post(
            reverse("ingest:page", args=[case.slug]),
            {"files": [SimpleUploadedFile("report.txt", REPORT)]},
        )
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--queue-name", "*")
    source = Source.objects.get()
    created = AuditEntry.objects.get(
        model_label="evidence.Source", object_pk=str(source.pk), action="create"
    )
    assert (source.created_by, created.actor, created.actor_name) == (alice, alice, "alice")


def test_files_left_by_a_rolled_back_job_under_the_same_id_are_replaced(case):
    job = IngestJob.objects.create(case=case)
    leftover = tasks.staging_dir(job) / "0000" / "report.txt"
    leftover.parent.mkdir(parents=True)
    leftover.write_bytes(b"from a job whose row is gone")
    tasks.stage_uploads(job, [SimpleUploadedFile("report.txt", REPORT)])
    assert leftover.read_bytes() == REPORT
    assert [path.name for path in tasks.staging_dir(job).iterdir()] == ["0000"]


def test_a_run_s_summary_counts_with_singular_and_plural(case):
    job = IngestJob(case=case, stored=1, already_present=2, refused=0, candidates=1)
    assert job.summary() == (
        "1 file stored, 2 files already present, 0 files refused, 1 candidate found"
    )


def test_the_report_names_outcomes_in_words_and_counts_candidates_in_the_language(
    alice_client, case, source
):
    job = IngestJob.objects.create(
        case=case,
        status="done",
        total=2,
        processed=2,
        stored=1,
        already_present=1,
        report=[
            {
                "name": "a.txt",
                "outcome": "stored",
                "reason": "",
                "source_id": source.pk,
                "candidates": 5,
            },
            {
                "name": "b.txt",
                "outcome": "present",
                "reason": "",
                "source_id": source.pk,
                "candidates": 0,
            },
        ],
    )
    english = alice_client.get(job.get_absolute_url()).content.decode()
    assert "<td>already present</td>" in english and "<td>present</td>" not in english
    assert "5 candidates to review</a>" in english
    russian = alice_client.get(job.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "5 кандидатов на проверку</a>" in russian
