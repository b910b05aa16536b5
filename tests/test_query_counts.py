"""No page's number of SQL queries grows with the data: every GET URL of the authorisation table
is opened at two sizes of the same world, as the people who see the most of it, and any page
that needs more queries at the larger size is named (an N+1 loop, a count per row)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.accounts.test_authorisation import TABLE, World
from tests.conftest import add_reviewed_claim, make_source
from vigil.accounts.models import Invitation
from vigil.campaigns.models import RSVP, Chapter, Contact, Interaction, Material, Member, Task
from vigil.dossier.models import DossierBuild
from vigil.evidence import services as evidence
from vigil.ingest.models import Candidate, IngestJob
from vigil.law import services as law
from vigil.law.models import Element
from vigil.recognition import services as recognition
from vigil.recognition.models import Actor

pytestmark = pytest.mark.django_db

# Who opens each page: between them they see every part of every page (a coordinator's view of
# the campaign shows personal data, a path of its own).
READERS = ["admin", "researcher-a"]
CAMPAIGN_READERS = ["admin", "coordinator-x"]
STATES = ["DEU", "ITA", "ESP", "POL", "NLD", "BEL", "AUT", "SWE", "NOR", "DNK", "FIN", "PRT"]


def grow(world: World, size: int, offset: int) -> None:
    """Add `size` more of every kind of record the pages list, all linked the way real ones are."""
    case, chapter = world.case, world.chapter_x
    elements = list(Element.objects.filter(crime__code="RS-6-a"))
    for number in range(offset, offset + size):
        source = make_source(
            case,
            text=f"Report {number}: at least {100 + number} people were killed in the town.",
            title=f"Report number {number}",
            standing="ngo" if number % 2 else "press",
        )
        claim = add_reviewed_claim(
            source,
            fields={
                "statement": f"At least {100 + number} people were killed",
                "claim_type": "figure",
                "locator": f"page {number}",
                "review_status": "verified" if number % 3 else "proposed",
            },
            figure={"category": "killed", "low": 100 + number, "high": None},
            publish=bool(number % 3),
        )
        law.link_claim(
            case,
            claim=claim,
            element=elements[number % len(elements)],
            bearing="supports",
            strength="moderate",
        )
        actor = Actor.objects.get(kind="state", country_code=STATES[number])
        recognition.record_act(
            case,
            fields={
                "actor": actor,
                "date": datetime.date(2000 + number, 2, 26),
                "instrument": "resolution",
                "characterisation": "massacre",
                "wording": f"wording {number}",
                "status": "adopted",
                "review": "verified",
            },
            sources=[source],
        )
        recognition.create_target(case, actor=Actor.objects.get(country_code=STATES[-1 - number]))
        member = Member.objects.create(
            display_name=f"Member {number}", legal_name=f"Legal {number}"
        )
        member.chapters.add(chapter)
        contact = Contact.objects.create(
            name=f"Deputy {number}", kind="parliamentarian", chapter=chapter
        )
        Interaction.objects.create(contact=contact, channel="meeting", summary=f"Met {number}")
        Task.objects.create(title=f"Task {number}", chapter=chapter)
        start = timezone.now() + datetime.timedelta(days=20 + number)
        event = chapter.events.create(
            title=f"Event {number}",
            kind="commemoration",
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
            time_zone="Europe/Berlin",
            city="Berlin",
            country_code="DEU",
            venue="Hall",
            is_public=True,
            case=case,
        )
        RSVP.objects.create(
            event=event, name=f"Guest {number}", email=f"g{number}@example.org", status="confirmed"
        )
        world.event.rsvps.create(name=f"Guest {number}", email=f"h{number}@example.org")
        grow_lists(world, number, source)


def grow_lists(world: World, number: int, source) -> None:
    """More rows of the other paged lists: dated events, candidates, runs, builds, bodies, moves,
    invitations, materials and chapters."""
    evidence.add_claim(
        source,
        fields={
            "statement": f"The town was shelled on day {number}",
            "claim_type": "event",
            "locator": f"p. {number}",
            "occurred_on": datetime.date(1992, 2, 1 + number),
            "occurred_precision": "day",
        },
    )
    Candidate.objects.create(
        source=world.source,
        kind="country",
        start=number,
        end=number + 1,
        text="x",
        data={"rule": f"en.rule.{number}"},
        status="accepted" if number % 2 else "rejected",
    )
    # A pending legal reference whose provision's elements the review page offers.
    Candidate.objects.create(
        source=world.source,
        kind="legal_ref",
        start=number,
        end=number + 1,
        text="y",
        data={"instrument": "Rome Statute", "article": "6", "provisions": ["RS-6-a", "RS-6-b"]},
    )
    IngestJob.objects.create(case=world.case, report=[{"name": f"f{number}", "outcome": "stored"}])
    DossierBuild.objects.create(case=world.case, status="failed")
    Actor.objects.create(name=f"Assembly {number}", kind="subnational", country_code="DEU")
    recognition.move_target(world.target, to_stage="contacted" if number % 2 else "briefed")
    Invitation.objects.create(
        email=f"i{number}@example.org",
        role="researcher",
        case=world.case,
        token_hash=f"{number:064d}",
        expires_at=timezone.now() + datetime.timedelta(days=7),
    )
    Material.objects.create(title=f"Leaflet {number}", kind="other")
    Chapter.objects.create(name=f"Chapter {number}", city="Baku", country_code="AZE")


def query_counts(world: World) -> dict[tuple[str, str], int]:
    counts = {}
    for key, (_need, arguments) in TABLE.items():
        if key[1] != "GET":
            continue
        url = reverse(key[0], kwargs=arguments(world))
        for persona in CAMPAIGN_READERS if key[0].startswith("campaigns:") else READERS:
            with CaptureQueriesContext(connection) as queries:
                response = world.clients[persona].get(url)
                if response.streaming:  # an export's queries run while it is read
                    b"".join(response.streaming_content)
            # Keyed by the table's entry, not the address: some addresses carry a fresh token.
            counts[(" ".join(key), persona)] = len(queries)
    return counts


def test_no_page_needs_more_queries_when_the_data_grows(published, django_user_model):
    world = World(published, django_user_model)
    grow(world, 2, offset=0)
    query_counts(world)  # warm what is cached per process (content types, the world map)
    small = query_counts(world)
    grow(world, 5, offset=2)
    large = query_counts(world)
    grown = [
        f"{page} as {who}: {small[page, who]} → {n}"
        for (page, who), n in large.items()
        if n > small[page, who]
    ]
    assert grown == [], "queries grow with the data:\n" + "\n".join(grown)
