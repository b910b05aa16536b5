"""A legal reference names its provision in the law app's reference data, and accepting it
links the claim to the elements of the crime that provision defines."""

import pytest
from django.urls import reverse

from tests.ingest.test_pipeline import ingest
from vigil.audit.models import AuditEntry
from vigil.evidence.models import Claim, Source
from vigil.ingest.extract import extract_all
from vigil.law.models import Element, ElementLink

pytestmark = pytest.mark.django_db

TEXT = (
    b"The Chamber found that the killings in the town were murder under Article 7(1)(a) of the "
    b"Rome Statute, committed as part of a widespread attack on the civilian population."
)


@pytest.fixture
def reference(case, tmp_path, law):
    ingest(case, tmp_path, {"judgment.txt": TEXT})
    return Source.objects.get().candidates.get(kind="legal_ref")


def test_the_candidate_names_the_provision_of_the_law_app():
    [reference] = [c for c in extract_all(TEXT.decode(), language="en") if c.kind == "legal_ref"]
    assert reference.data["provisions"] == ["RS-7-1-a"]
    # An article of an instrument the law app does not hold names none.
    [echr] = [
        c
        for c in extract_all("A breach of Article 2 of the ECHR was found.", language="en")
        if c.kind == "legal_ref"
    ]
    assert "provisions" not in echr.data


def test_a_whole_article_names_each_of_its_paragraphs():
    text = "Article 6 of the Rome Statute defines genocide."
    [reference] = [c for c in extract_all(text, language="en") if c.kind == "legal_ref"]
    assert reference.data["provisions"] == ["RS-6-a", "RS-6-b", "RS-6-c", "RS-6-d", "RS-6-e"]


def test_the_review_page_offers_the_elements_of_murder(alice_client, reference):
    page = alice_client.get(
        reverse("ingest:review", args=[reference.source.case.slug, reference.source.pk])
    )
    html = page.content.decode()
    murder = Element.objects.filter(crime__code="RS-7-1-a").order_by("number")
    assert murder.count() == 3
    for element in murder:
        assert f'name="elements" value="{element.pk}"' in html
    # Only that crime's elements: none of genocide's.
    genocide = Element.objects.filter(crime__code="RS-6-a").first()
    assert f'name="elements" value="{genocide.pk}"' not in html


def test_accepting_it_links_the_claim_to_the_chosen_elements_in_the_audit_log(
    alice, alice_client, reference
):
    killing, context = Element.objects.filter(crime__code="RS-7-1-a").order_by("number")[:2]
    url = reverse("ingest:accept", args=[reference.source.case.slug, reference.pk])
    alice_client.post(
        url,
        {"elements": [killing.pk, context.pk], "bearing": "supports", "strength": "strong"},
    )
    claim = Claim.objects.get()
    links = ElementLink.objects.filter(claim=claim).order_by("element__number")
    assert [(link.element, link.bearing, link.strength) for link in links] == [
        (killing, "supports", "strong"),
        (context, "supports", "strong"),
    ]
    reference.refresh_from_db()
    assert reference.status == "accepted" and reference.claim == claim
    logged = AuditEntry.objects.filter(model_label="law.ElementLink", action="create")
    assert sorted(int(e.object_pk) for e in logged) == sorted(link.pk for link in links)
    assert {e.actor for e in logged} == {alice}
    # The case matrix's claim page lists the links.
    page = alice_client.get(reverse("law:claim_links", args=[claim.case.slug, claim.pk]))
    assert killing.code in page.content.decode()


def test_an_element_of_another_crime_is_refused_and_nothing_is_made(alice_client, reference):
    genocide = Element.objects.filter(crime__code="RS-6-a").first()
    url = reverse("ingest:accept", args=[reference.source.case.slug, reference.pk])
    alice_client.post(url, {"elements": [genocide.pk], "bearing": "supports", "strength": "weak"})
    assert not Claim.objects.exists() and not ElementLink.objects.exists()
    reference.refresh_from_db()
    assert reference.status == "pending"
