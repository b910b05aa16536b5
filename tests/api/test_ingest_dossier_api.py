"""Ingestion jobs, their candidates and dossier builds through the API: the same background jobs
and review functions as the pages, run here by a real database worker."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from tests.api.conftest import token_client
from tests.conftest import make_source
from tests.ingest.test_pipeline import REPORT
from vigil.audit.models import AuditEntry
from vigil.dossier.models import DossierBuild
from vigil.evidence.models import Claim, Source
from vigil.ingest.models import Candidate, IngestJob

pytestmark = pytest.mark.django_db

# The worker closes its database connection after each job, as it would in production.
WORKER_DB = pytest.mark.django_db(transaction=True)


def run_worker():
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--queue-name", "*")


@WORKER_DB
def test_uploaded_files_are_ingested_and_the_job_reports_progress(
    alice, case, django_capture_on_commit_callbacks
):
    client = token_client(alice)
    files = [SimpleUploadedFile("report.txt", REPORT), SimpleUploadedFile("photo.gif", b"GIF89a")]
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("api:ingest_jobs", args=[case.slug]), {"files": files})
    assert response.status_code == 202, response.content
    job = IngestJob.objects.get()
    assert (response.json()["id"], response.json()["status"], job.total) == (job.pk, "queued", 2)
    assert response.json()["url"] == f"http://testserver{job.get_absolute_url()}"
    run_worker()
    status = client.get(reverse("api:ingest_job", args=[case.slug, job.pk])).json()
    assert (status["status"], status["progress"], status["stored"], status["refused"]) == (
        "done",
        100,
        1,
        1,
    )
    assert [line["name"] for line in status["report"]] == ["report.txt", "photo.gif"]
    source = Source.objects.get()
    found = client.get(reverse("api:candidates", args=[case.slug]), {"source": source.pk})
    kinds = {candidate["kind"] for candidate in found.json()["items"]}
    assert kinds == set(source.candidates.values_list("kind", flat=True)) and "figure" in kinds
    # The source was stored as the uploader's work.
    logged = AuditEntry.objects.get(model_label="evidence.Source", object_pk=str(source.pk))
    assert logged.actor_name == "alice"


def test_a_job_without_files_is_refused_naming_the_field(alice, case):
    response = token_client(alice).post(reverse("api:ingest_jobs", args=[case.slug]), {})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "files"
    assert not IngestJob.objects.exists()


@pytest.fixture
def figure_candidate(case):
    source = make_source(case, text="The report counts 613 residents killed in the town.")
    start = source.text.index("613")
    return Candidate.objects.create(
        source=source,
        kind="figure",
        start=start,
        end=start + 3,
        text="613",
        data={"category": "killed", "low": 613, "high": 613},
    )


def test_accepting_a_candidate_records_its_claim_as_the_callers(alice, case, figure_candidate):
    client = token_client(alice)
    address = reverse("api:candidate_accept", args=[case.slug, figure_candidate.pk])
    response = client.post(address, {"statement": ""}, content_type="application/json")
    assert response.status_code == 200, response.content
    claim = Claim.objects.get()
    assert (claim.figure.low, claim.figure.high, claim.review_status) == (613, 613, "proposed")
    assert claim.statement == "The report counts 613 residents killed in the town."
    assert response.json()["status"] == "accepted"
    assert response.json()["claim"] == f"http://testserver{claim.get_absolute_url()}"
    logged = AuditEntry.objects.get(model_label="evidence.Claim", object_pk=str(claim.pk))
    assert logged.actor_name == "alice"
    again = client.post(address, {}, content_type="application/json")
    assert again.status_code == 422 and Claim.objects.count() == 1


def test_a_rejected_candidate_makes_no_claim(alice, case, figure_candidate):
    response = token_client(alice).post(
        reverse("api:candidate_reject", args=[case.slug, figure_candidate.pk])
    )
    assert response.json()["status"] == "rejected"
    figure_candidate.refresh_from_db()
    assert figure_candidate.status == "rejected" and not Claim.objects.exists()


def test_a_viewer_reads_candidates_but_may_not_decide_them(bob, case, figure_candidate):
    client = token_client(bob)
    found = client.get(reverse("api:candidates", args=[case.slug]), {"status": "pending"})
    assert [c["id"] for c in found.json()["items"]] == [figure_candidate.pk]
    refused = client.post(reverse("api:candidate_reject", args=[case.slug, figure_candidate.pk]))
    assert refused.status_code == 403
    figure_candidate.refresh_from_db()
    assert figure_candidate.status == "pending"


def test_candidates_of_a_confidential_source_stay_hidden_from_a_viewer(bob, case):
    secret = make_source(case, text="613 killed.", title="Secret", access_level="confidential")
    Candidate.objects.create(source=secret, kind="figure", start=0, end=3, text="613", data={})
    found = token_client(bob).get(reverse("api:candidates", args=[case.slug]))
    assert found.json()["items"] == []


@WORKER_DB
def test_a_dossier_is_built_in_the_background_and_downloaded(
    alice, published, django_capture_on_commit_callbacks
):
    client = token_client(alice)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("api:dossier_builds", args=[published.slug]),
            {"format": "html"},
            content_type="application/json",
        )
    assert response.status_code == 202, response.content
    build = DossierBuild.objects.get()
    address = reverse("api:dossier_build", args=[published.slug, build.pk])
    assert response.json()["download"] is None
    assert client.get(f"{address}/file").status_code == 404  # not built yet
    run_worker()
    status = client.get(address).json()
    assert (status["status"], status["progress"], status["requested_by"]) == ("done", 100, "alice")
    download = client.get(status["download"])
    assert download.status_code == 200
    assert b"Bibliography" in b"".join(download.streaming_content)


def test_an_unknown_dossier_format_is_refused_naming_the_field(alice, case):
    response = token_client(alice).post(
        reverse("api:dossier_builds", args=[case.slug]),
        {"format": "docx"},
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "format"
    assert not DossierBuild.objects.exists()
