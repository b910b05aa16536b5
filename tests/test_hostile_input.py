"""What the fuzz test (tests/test_fuzz.py) found, one behaviour each: hostile input gets the form's
message or the view's own page, never a server error."""

import pytest
from django.urls import reverse

from tests.conftest import make_source
from vigil.campaigns.models import Chapter, Member
from vigil.evidence import services as evidence_services
from vigil.evidence.models import Source

pytestmark = pytest.mark.django_db

BEYOND_64_BITS = "99999999999999999999"


def test_a_list_of_ids_with_one_beyond_the_integer_range_finds_the_others(case):
    source = make_source(case)
    assert list(Source.objects.filter(pk__in=[BEYOND_64_BITS, source.pk, -(2**70)])) == [source]
    assert not Source.objects.filter(pk__in=[2**63]).exists()


def test_a_multiple_choice_id_beyond_the_integer_range_is_an_invalid_choice(
    administrator_client, administrator
):
    response = administrator_client.post(
        reverse("campaigns:chapters"),
        {
            "name": "Chapter Z",
            "city": "Baku",
            "country_code": "AZE",
            "coordinators": [str(administrator.pk), BEYOND_64_BITS],
        },
    )
    assert response.status_code == 200
    assert f"{BEYOND_64_BITS} is not one of the available choices" in response.content.decode()
    assert not Chapter.objects.filter(name="Chapter Z").exists()


@pytest.mark.parametrize("junk", ["beforeafter", "' OR 1=1 --", "2023-02-30", BEYOND_64_BITS])
def test_a_next_that_is_not_a_path_on_vigil_leads_to_the_views_own_page(alice_client, source, junk):
    claim = evidence_services.add_claim(
        source, fields={"statement": "Killed", "claim_type": "act", "locator": "p. 1"}
    )
    url = reverse("evidence:claim_review", args=[source.case.slug, claim.pk])
    response = alice_client.post(url, {"status": "verified", "next": junk})
    assert (response.status_code, response.url) == (302, source.get_absolute_url())


def test_a_member_search_longer_than_any_name_finds_nothing(administrator_client):
    Member.objects.create(display_name="x" * 150)
    response = administrator_client.get(reverse("campaigns:members"), {"q": "x" * 60_000})
    assert response.status_code == 200
    assert response.context["members"] == []
