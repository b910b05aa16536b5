"""Ingestion's lists are paged: the sources awaiting review (with how many candidates each), the
runs, a run's report and a source's candidates; so are the dossier builds and the invitations."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.conftest import make_source
from vigil.accounts.models import Invitation
from vigil.dossier.models import DossierBuild
from vigil.ingest.models import Candidate, IngestJob
from vigil.paging import PAGE_SIZE

pytestmark = pytest.mark.django_db


def candidate(source, n: int, status="pending") -> Candidate:
    return Candidate.objects.create(
        source=source,
        kind="country",
        start=n,
        end=n + 1,
        text=source.text[n : n + 1],
        data={"code": "DEU"},
        status=status,
    )


def test_the_sources_awaiting_review_are_paged_with_their_counts(alice_client, case):
    for n in range(PAGE_SIZE + 1):
        source = make_source(case, text=f"text number {n}", title=f"Document {n:03d}")
        for position in range(n % 3 + 1):
            candidate(source, position)
        candidate(source, 5, status="rejected")
    make_source(case, text="nothing found here", title="Quiet document")
    url = reverse("ingest:page", args=[case.slug])
    first = alice_client.get(url)
    listed = first.context["sources"].object_list
    assert len(listed) == PAGE_SIZE and first.context["sources"].paginator.count == PAGE_SIZE + 1
    assert {s.title: s.pending_count for s in listed}["Document 050"] == 50 % 3 + 1
    assert "sources_page=2" in first.content.decode()
    second = alice_client.get(url, {"sources_page": 2}).context["sources"].object_list
    assert [s.title for s in second] == ["Document 000"]


def test_the_runs_and_a_runs_report_are_paged(alice_client, case):
    for _ in range(PAGE_SIZE + 2):
        IngestJob.objects.create(case=case, status="done", total=1, processed=1)
    url = reverse("ingest:page", args=[case.slug])
    assert len(alice_client.get(url).context["jobs"].object_list) == PAGE_SIZE
    assert len(alice_client.get(url, {"jobs_page": 2}).context["jobs"].object_list) == 2
    report = [
        {"name": f"file-{n:03d}.txt", "outcome": "refused", "reason": "empty"}
        for n in range(PAGE_SIZE + 3)
    ]
    job = IngestJob.objects.create(case=case, status="done", report=report)
    first = alice_client.get(job.get_absolute_url())
    body = first.content.decode()
    assert "file-000.txt" in body and f"file-{PAGE_SIZE:03d}.txt" not in body
    assert "report_page=2" in body
    second = alice_client.get(job.get_absolute_url(), {"report_page": 2}).content.decode()
    assert f"file-{PAGE_SIZE + 2:03d}.txt" in second and "file-000.txt" not in second


def test_a_sources_candidates_are_listed_a_page_at_a_time(alice_client, case):
    source = make_source(case, text="x" * (PAGE_SIZE + 10), title="Long document")
    for n in range(PAGE_SIZE + 2):
        candidate(source, n)
    candidate(source, PAGE_SIZE + 5, status="rejected")
    url = reverse("ingest:review", args=[case.slug, source.pk])
    first = alice_client.get(url)
    assert len(first.context["pending"].object_list) == PAGE_SIZE
    assert f"{PAGE_SIZE + 2} candidates to review" in first.content.decode()
    # Every candidate is still highlighted in the text shown whole.
    assert first.content.decode().count('<mark id="span-') == PAGE_SIZE + 3
    second = alice_client.get(url, {"pending_page": 2})
    assert [c.start for c in second.context["pending"].object_list] == [PAGE_SIZE, PAGE_SIZE + 1]
    assert [c.status for c in first.context["done"].object_list] == ["rejected"]
    assert alice_client.get(url, {"pending_page": "junk"}).context["pending"].number == 1


def test_the_dossier_builds_are_paged(alice_client, case):
    for _ in range(PAGE_SIZE + 1):
        DossierBuild.objects.create(case=case, status="failed")
    url = reverse("dossier:page", args=[case.slug])
    first = alice_client.get(url)
    assert len(first.context["builds"].object_list) == PAGE_SIZE
    assert "page=2" in first.content.decode()
    assert len(alice_client.get(url, {"page": 2}).context["builds"].object_list) == 1


def test_the_invitations_are_paged(administrator_client, administrator):
    expires = timezone.now() + datetime.timedelta(days=7)
    for n in range(PAGE_SIZE + 1):
        Invitation.objects.create(
            email=f"person{n}@example.org",
            role="researcher",
            invited_by=administrator,
            token_hash=f"{n:064d}",
            expires_at=expires,
        )
    url = reverse("accounts:invitations")
    first = administrator_client.get(url)
    assert len(first.context["invitations"].object_list) == PAGE_SIZE
    second = administrator_client.get(url, {"page": 2}).context["invitations"].object_list
    assert [i.email for i in second] == ["person0@example.org"]
