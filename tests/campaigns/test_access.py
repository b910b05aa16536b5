"""Every campaign view that takes an id answers a hidden object exactly as a missing one (404), so
neither reveals which ids exist; 403 comes only where the person sees the object but may not
change it."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, get_resolver, reverse

from tests.campaigns.conftest import make_event
from tests.conftest import signed_in
from vigil.campaigns import materials
from vigil.campaigns.models import RSVP, Consent, Contact, Interaction, Task

pytestmark = pytest.mark.django_db

MISSING = 987654

# (url name, method, the object whose id the URL takes, may a volunteer see that object?)
VIEWS = [
    ("campaigns:chapter", "GET", "chapter", True),
    ("campaigns:chapter_edit", "GET", "chapter", True),
    ("campaigns:chapter_translate", "POST", "chapter", True),
    ("campaigns:member", "GET", "member", True),
    ("campaigns:member_edit", "GET", "member", True),
    ("campaigns:member_export", "GET", "member", True),
    ("campaigns:member_erase", "POST", "member", True),
    ("campaigns:consent_add", "POST", "member", True),
    ("campaigns:consent_withdraw", "POST", "consent", False),
    ("campaigns:event", "GET", "event", True),
    ("campaigns:event_edit", "GET", "event", True),
    ("campaigns:event_outcome", "POST", "event", True),
    ("campaigns:event_translate", "POST", "event", True),
    ("campaigns:rsvp_check_in", "POST", "rsvp", True),
    ("campaigns:rsvp_cancel", "POST", "rsvp", True),
    ("campaigns:contact", "GET", "contact", True),
    ("campaigns:contact", "POST", "contact", True),
    ("campaigns:follow_up_done", "POST", "interaction", True),
    ("campaigns:task_status", "POST", "task", True),
    ("campaigns:material", "GET", "material", True),
    ("campaigns:material", "POST", "material", True),
    ("campaigns:material_publish", "POST", "material", True),
    ("campaigns:material_version_approve", "POST", "version", True),
]
# What a volunteer of the chapter may do with an object they see.
VOLUNTEER_MAY = {("campaigns:chapter", "GET"), ("campaigns:member", "GET")} | {
    ("campaigns:event", "GET"),
    ("campaigns:contact", "GET"),
    ("campaigns:material", "GET"),
}


@pytest.fixture
def objects(chapter, nightingale, administrator):
    event = make_event(chapter)
    contact = Contact.objects.create(name="A deputy", kind="parliamentarian", chapter=chapter)
    material = materials.create_material(administrator, title="Leaflet", kind="other")
    upload = SimpleUploadedFile("leaflet.pdf", b"%PDF-1.4 leaflet")
    return {
        "chapter": chapter,
        "member": nightingale,
        "consent": Consent.objects.create(member=nightingale, purpose="contact", statement="ok"),
        "event": event,
        "rsvp": RSVP.objects.create(
            event=event,
            name="Guest",
            email="g@example.org",
            consent_statement="ok",
            status="confirmed",
        ),
        "contact": contact,
        "interaction": Interaction.objects.create(
            contact=contact, channel="email", summary="Wrote"
        ),
        "task": Task.objects.create(title="Call the deputy", chapter=chapter),
        "material": material,
        "version": materials.add_version(
            material, language="en", upload=upload, user=administrator
        ),
    }


def answer(client, name, method, pk) -> int:
    # A translation's address names its language too.
    url = reverse(name, args=[pk, "az"] if name.endswith("_translate") else [pk])
    return (client.get(url) if method == "GET" else client.post(url)).status_code


@pytest.mark.parametrize(("name", "method", "kind", "_volunteer_sees"), VIEWS)
def test_someone_outside_the_campaign_cannot_tell_a_hidden_id_from_a_missing_one(
    django_user_model, objects, name, method, kind, _volunteer_sees
):
    outsider = django_user_model.objects.create_user("olga", password="pw-olga-12345")
    client = signed_in(outsider, second_factor=False)
    assert answer(client, name, method, objects[kind].pk) == 404
    assert answer(client, name, method, MISSING) == 404


@pytest.mark.parametrize(("name", "method", "kind", "volunteer_sees"), VIEWS)
def test_a_volunteer_is_refused_changes_to_what_they_see_and_shown_nothing_else(
    volunteer, objects, name, method, kind, volunteer_sees
):
    client = signed_in(volunteer, second_factor=False)
    expected = 200 if (name, method) in VOLUNTEER_MAY else 403 if volunteer_sees else 404
    assert answer(client, name, method, objects[kind].pk) == expected
    assert answer(client, name, method, MISSING) == 404


def test_the_list_covers_every_campaign_view_that_takes_an_id():
    """A new view with an id fails here until it is added above, with the answers it must give."""
    names = set()
    for pattern in get_resolver().url_patterns:
        if getattr(pattern, "namespace", None) == "campaigns":
            names |= {
                f"campaigns:{inner.name}"
                for inner in pattern.url_patterns
                if isinstance(inner, URLPattern) and "<int:pk>" in str(inner.pattern)
            }
    assert names == {name for name, *_rest in VIEWS}


def test_a_refusal_says_why(volunteer, objects):
    response = signed_in(volunteer, second_factor=False).get(
        reverse("campaigns:event_edit", args=[objects["event"].pk])
    )
    assert response.status_code == 403
    assert "Only the chapter&#x27;s coordinators may do this." in response.content.decode()
