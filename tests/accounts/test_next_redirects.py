"""Every view that redirects to a `next` address stays on Vigil: an address on another site, or a
scheme-relative one, is ignored for the view's own page."""

import pytest
from django.urls import reverse

from tests.conftest import signed_in
from vigil.accounts.redirects import safe_next
from vigil.campaigns.models import Chapter, Contact, Interaction
from vigil.evidence import services as evidence_services
from vigil.recognition import services as recognition_services
from vigil.recognition.models import Actor

pytestmark = pytest.mark.django_db

ELSEWHERE = ["https://evil.example/", "//evil.example", "///evil.example", "https:evil.example"]


@pytest.fixture
def follow_up(coordinator_client, chapter):
    contact = Contact.objects.create(name="A deputy", kind="parliamentarian", chapter=chapter)
    interaction = Interaction.objects.create(contact=contact, channel="email", summary="Wrote")
    url = reverse("campaigns:follow_up_done", args=[interaction.pk])
    return coordinator_client, url, {}, contact.get_absolute_url()


@pytest.fixture
def claim_review(alice_client, source):
    claim = evidence_services.add_claim(
        source, fields={"statement": "Killed", "claim_type": "act", "locator": "p. 1"}
    )
    url = reverse("evidence:claim_review", args=[source.case.slug, claim.pk])
    return alice_client, url, {"status": "verified"}, source.get_absolute_url()


@pytest.fixture
def target_move(alice_client, case, states):
    target = recognition_services.create_target(case, actor=Actor.objects.get(country_code="FRA"))
    url = reverse("recognition:target_move", args=[case.slug, target.pk])
    return alice_client, url, {"stage": "contacted"}, target.get_absolute_url()


@pytest.fixture
def target_move_refused(alice_client, case, states):
    """A move the pipeline refuses redirects too (with its message)."""
    target = recognition_services.create_target(case, actor=Actor.objects.get(country_code="DEU"))
    url = reverse("recognition:target_move", args=[case.slug, target.pk])
    return alice_client, url, {"stage": target.stage}, target.get_absolute_url()


@pytest.fixture(params=["follow_up", "claim_review", "target_move", "target_move_refused"])
def view(request):
    return request.getfixturevalue(request.param)


@pytest.fixture
def chapter(db):
    return Chapter.objects.create(name="Berlin chapter", city="Berlin", country_code="DEU")


@pytest.fixture
def coordinator_client(django_user_model, chapter):
    user = django_user_model.objects.create_user("carol", password="pw-carol-123")
    chapter.coordinators.add(user)
    return signed_in(user)


@pytest.mark.parametrize("elsewhere", ELSEWHERE)
def test_a_next_address_on_another_site_is_ignored(view, elsewhere):
    client, url, data, own_page = view
    response = client.post(url, {**data, "next": elsewhere})
    assert response.status_code == 302
    assert response.url == own_page


def test_a_next_address_on_vigil_is_followed(view):
    client, url, data, _own_page = view
    response = client.post(url, {**data, "next": "/campaign/?from=here"})
    assert response.url == "/campaign/?from=here"


def test_the_helper_refuses_other_hosts_and_keeps_its_default(rf):
    for elsewhere in ELSEWHERE:
        assert safe_next(rf.post("/", {"next": elsewhere}), "/home/") == "/home/"
    assert safe_next(rf.get("/", {"next": "/cases/"}), "/home/") == "/cases/"


def test_a_next_that_is_not_a_path_is_never_taken_for_a_page_name(view):
    """redirect() would look up 'cases:list' or 'abc' as a URL name (a 500 for 'abc')."""
    client, url, data, own_page = view
    for name_like in ["cases:list", "abc", "evil.example"]:
        response = client.post(url, {**data, "next": name_like})
        assert (response.status_code, response.url) == (302, own_page)
