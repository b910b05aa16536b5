"""Every list of the campaign, ingestion and dossier endpoints costs the same number of queries
for one record as for several: nothing is read row by row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.campaigns.conftest import make_event
from tests.conftest import make_source, signed_in
from vigil.campaigns.models import RSVP, Chapter, Contact, Interaction
from vigil.dossier.models import DossierBuild
from vigil.ingest.models import Candidate, IngestJob

pytestmark = pytest.mark.django_db


def add_records(case, chapter, user, number: int) -> None:
    """`number` more of every listed kind, in the case and the chapter."""
    for n in range(number):
        event = make_event(chapter, days=10 + n, title=f"Event {n}", case=case)
        RSVP.objects.create(
            event=chapter.events.first(),
            name=f"Guest {n}",
            email=f"guest{n}-{event.pk}@example.org",
            consent_statement="yes",
            status="confirmed",
        )
        contact = Contact.objects.create(name=f"Contact {n}", kind="official", chapter=chapter)
        Interaction.objects.create(
            contact=Contact.objects.order_by("pk").first(),
            channel="email",
            summary="Wrote",
            recorded_by=user,
        )
        Chapter.objects.create(name=f"Chapter {contact.pk}", city="Baku", country_code="AZE")
        source = make_source(case, text=f"Text {n}: 613 killed.", title=f"Report {contact.pk}")
        Candidate.objects.create(source=source, kind="figure", start=8, end=11, text="613")
        IngestJob.objects.create(case=case, created_by=user)
        DossierBuild.objects.create(case=case, requested_by=user)


def list_addresses(case, chapter) -> list[str]:
    first_event = chapter.events.order_by("pk").first()
    first_contact = Contact.objects.order_by("pk").first()
    return [
        reverse("api:chapters"),
        reverse("api:events"),
        reverse("api:event_rsvps", args=[first_event.pk]),
        reverse("api:contacts"),
        reverse("api:contact_interactions", args=[first_contact.pk]),
        reverse("api:ingest_jobs", args=[case.slug]),
        reverse("api:candidates", args=[case.slug]),
        reverse("api:dossier_builds", args=[case.slug]),
    ]


def queries_per_list(client, addresses) -> dict[str, int]:
    counts = {}
    client.get(reverse("api:cases"))  # whatever a session does once (e.g. renewing itself)
    for address in addresses:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(address)
        assert response.status_code == 200, (address, response.content)
        counts[address] = len(queries)
    return counts


def test_lists_cost_the_same_queries_for_one_record_and_for_six(
    django_user_model, case, administrator
):
    chapter = Chapter.objects.create(name="Berlin", city="Berlin", country_code="DEU")
    coordinator = django_user_model.objects.create_user("carol")
    chapter.coordinators.add(coordinator)
    add_records(case, chapter, administrator, 1)
    # Signed-in sessions: a token's per-minute counter would add a query at each new minute.
    addresses = list_addresses(case, chapter)
    as_admin = signed_in(administrator)
    small = queries_per_list(as_admin, addresses)
    add_records(case, chapter, administrator, 5)
    large = queries_per_list(as_admin, addresses)
    assert large == small
    # A coordinator's rows are each asked whether they may see personal data: still no growth.
    as_coordinator = signed_in(coordinator)
    campaign = [a for a in addresses if "/cases/" not in a]
    before = queries_per_list(as_coordinator, campaign)
    add_records(case, chapter, administrator, 2)
    assert queries_per_list(as_coordinator, campaign) == before
