"""The web app's button: a background job through the database queue, with progress."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from vigil.audit.models import AuditEntry
from vigil.dossier.models import DossierBuild

pytestmark = pytest.mark.django_db

# The worker closes its database connection after each job, as it would in production; with
# a real transaction per test the next query simply reconnects.
WORKER_DB = pytest.mark.django_db(transaction=True)


@WORKER_DB
def test_the_button_queues_a_job_that_a_worker_builds(
    alice_client, published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = alice_client.post(
            reverse("dossier:build_new", args=[published.slug]), {"format": "pdf"}
        )
    build = DossierBuild.objects.get()
    assert response.url == build.get_absolute_url()
    assert build.status == "queued"
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--queue-name", "*")
    build.refresh_from_db()
    assert (build.status, build.progress) == ("done", 100)
    status = alice_client.get(build.get_absolute_url(), HTTP_ACCEPT="application/json").json()
    assert status["status"] == "done"
    download = alice_client.get(reverse("dossier:download", args=[published.slug, build.pk]))
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_the_preview_renders_the_same_content_as_a_page(alice_client, published):
    page = alice_client.get(reverse("dossier:preview", args=[published.slug])).content.decode()
    assert "Key verified claims" in page and "Bibliography" in page


def test_an_unknown_format_is_refused(alice_client, published):
    response = alice_client.post(
        reverse("dossier:build_new", args=[published.slug]), {"format": "docx"}
    )
    assert response.status_code == 302 and not DossierBuild.objects.exists()


@WORKER_DB
def test_a_dossier_built_by_a_worker_is_logged_as_the_work_of_who_asked_for_it(
    alice, alice_client, published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        alice_client.post(reverse("dossier:build_new", args=[published.slug]), {"format": "html"})
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", "--queue-name", "*")
    build = DossierBuild.objects.get()
    logged = AuditEntry.objects.filter(model_label="dossier.DossierBuild", object_pk=str(build.pk))
    finished = logged.get(action="update", changes__has_key="archived_file")
    assert (finished.actor, finished.actor_name) == (alice, "alice")
    assert finished.changes["status"] == ["running", "done"]
    assert finished.changes["archived_file"] == [None, build.archived_file_id]


def test_a_build_in_progress_reports_its_status_and_stage_in_the_reader_s_language(
    alice_client, published
):
    build = DossierBuild.objects.create(
        case=published, status="running", progress=5, stage="sources"
    )
    url = build.get_absolute_url()
    status = alice_client.get(url, HTTP_ACCEPT="application/json", HTTP_ACCEPT_LANGUAGE="ru")
    answer = status.json()
    assert (answer["status"], answer["status_label"]) == ("running", "формируется")
    assert answer["stage"] == "источники"
    page = alice_client.get(url, HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "формируется: источники</p>" in page


def test_the_build_page_names_the_format_in_one_heading(alice_client, published):
    build = DossierBuild.objects.create(case=published, format="html")
    page = alice_client.get(build.get_absolute_url()).content.decode()
    assert "<h1>Building the dossier (HTML)</h1>" in page
