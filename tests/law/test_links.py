import pytest
from django.core.exceptions import ValidationError

from tests.law.conftest import evidence
from vigil.cases.models import Case
from vigil.law import services
from vigil.law.models import Element, ElementLink

pytestmark = pytest.mark.django_db


def test_one_claim_may_bear_on_several_elements(case, killing):
    claim = evidence(case)
    murder = Element.objects.get(crime__code="RS-7-1-a", number=1)
    services.link_claim(case, claim=claim, element=killing, bearing="supports", strength="strong")
    services.link_claim(case, claim=claim, element=murder, bearing="supports", strength="weak")
    assert claim.element_links.count() == 2


def test_a_claim_of_another_case_is_refused(case, killing):
    other = Case.objects.create(slug="other", title="Other")
    with pytest.raises(ValidationError, match="belongs to another case"):
        services.link_claim(
            other, claim=evidence(case), element=killing, bearing="supports", strength="weak"
        )
    assert not ElementLink.objects.exists()


def test_a_missing_strength_is_refused(case, killing):
    with pytest.raises(ValidationError, match="how strongly"):
        services.link_claim(
            case, claim=evidence(case), element=killing, bearing="supports", strength=""
        )


def test_a_duplicate_link_is_refused(case, killing):
    claim = evidence(case)
    services.link_claim(case, claim=claim, element=killing, bearing="supports", strength="weak")
    with pytest.raises(ValidationError, match="already linked"):
        services.link_claim(
            case, claim=claim, element=killing, bearing="contradicts", strength="weak"
        )
    assert ElementLink.objects.count() == 1


def test_linking_to_an_element_of_another_instruments_crime_is_allowed(case, law):
    element = Element.objects.get(crime__code="GC-II-a", number=1)
    link = services.link_claim(
        case, claim=evidence(case), element=element, bearing="supports", strength="moderate"
    )
    assert link.pk is not None


def test_the_link_form_shows_refusals(alice_client, case, killing):
    from django.urls import reverse

    claim = evidence(case)
    url = reverse("law:claim_links", args=[case.slug, claim.pk])
    data = {"element": killing.pk, "bearing": "supports", "strength": "strong", "note": ""}
    assert alice_client.post(url, data).status_code == 302
    response = alice_client.post(url, data)
    assert "already linked" in response.content.decode()
    response = alice_client.post(url, {**data, "strength": ""})
    assert "This field is required" in response.content.decode()
