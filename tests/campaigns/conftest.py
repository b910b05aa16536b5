import datetime
import zoneinfo

import pytest

from tests import personas
from vigil.campaigns.models import Chapter, Event, Member

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


@pytest.fixture
def chapter(db):
    return Chapter.objects.create(name="Berlin chapter", city="Berlin", country_code="DEU")


@pytest.fixture
def other_chapter(db):
    return Chapter.objects.create(name="Paris chapter", city="Paris", country_code="FRA")


def make_event(chapter, *, days=30, capacity=None, **fields):
    start = datetime.datetime.now(BERLIN).replace(microsecond=0) + datetime.timedelta(days=days)
    defaults = {
        "title": "Commemoration",
        "kind": "commemoration",
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=2),
        "time_zone": "Europe/Berlin",
        "venue": "Town hall",
        "capacity": capacity,
        "is_public": True,
    }
    event = Event(chapter=chapter, **{**defaults, **fields})
    event.full_clean()
    event.save()
    return event


@pytest.fixture
def nightingale(chapter):
    member = Member.objects.create(
        display_name="Nightingale",
        is_pseudonymous=True,
        legal_name="Leyla Secretname",
        email="leyla@example.org",
        phone="+49 30 1234567",
    )
    member.chapters.add(chapter)
    return member


@pytest.fixture
def coordinator(chapter):
    """carol, the Berlin chapter's coordinator (tests/personas.py)."""
    return personas.carol(chapter)


@pytest.fixture
def coordinator_client(coordinator):
    from tests.conftest import signed_in

    return signed_in(coordinator)


@pytest.fixture
def volunteer(chapter):
    """vera, a volunteer of the Berlin chapter (tests/personas.py)."""
    return personas.vera(chapter)


@pytest.fixture
def volunteer_client(volunteer):
    from tests.conftest import signed_in

    return signed_in(volunteer, second_factor=False)
