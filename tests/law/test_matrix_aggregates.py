"""The matrix counts its evidence in the database: every number and status equals what reading
the links one by one gives, and an element's page lists its claims a page at a time."""

import random

import pytest
from django.urls import reverse

from tests.law.conftest import evidence
from vigil.evidence.models import Claim
from vigil.law import matrix, services
from vigil.law.models import Element, ElementLink
from vigil.paging import PAGE_SIZE

pytestmark = pytest.mark.django_db

SIDES = ["", "Azerbaijan", " azerbaijan ", "AZERBAIJAN", "Armenia", "Azərbaycan", "AZƏRBAYCAN"]


def link_by_link(case, crime) -> list[dict]:
    """The matrix as the rule reads when every link is loaded into Python: the reference."""
    rule = matrix.rule()

    def voice(link):
        return link.claim.source.independence_key

    def verified(links):
        return [ln for ln in links if ln.claim.review_status == Claim.Review.VERIFIED]

    def grade(link):
        return link.claim.source.reliability_grade

    def qualifying(links):
        return [ln for ln in verified(links) if grade(ln) in rule["grades"]]

    def enough(links):
        voices = {voice(ln) for ln in links}
        return len(links) >= rule["min_claims"] and len(voices) >= rule["min_sources"]

    rows = []
    for element in Element.objects.filter(crime=crime).order_by("number"):
        links = list(ElementLink.objects.filter(case=case, element=element))
        support = [ln for ln in links if ln.bearing == "supports"]
        contra = [ln for ln in links if ln.bearing == "contradicts"]
        if enough(qualifying(support)):
            best = min(grade(ln) for ln in qualifying(support))
            as_good = [ln for ln in verified(contra) if grade(ln) <= best]
            status = "contested" if enough(qualifying(contra)) or as_good else "supported"
        elif any(ln.claim.review_status != "rejected" for ln in support):
            status = "thin"
        else:
            status = "gap"
        rows.append(
            {
                "number": element.number,
                "status": status,
                "in_all": len(support),
                "verified_supporting": len(verified(support)),
                "verified_contradicting": len(verified(contra)),
                "independent_sources": len({voice(ln) for ln in verified(support)}),
                "best_grade": min((grade(ln) for ln in verified(support)), default=""),
            }
        )
    return rows


def aggregated(case, crime) -> list[dict]:
    return [
        {
            "number": row.element.number,
            "status": row.status,
            "in_all": row.supporting_count,
            "verified_supporting": row.verified_supporting,
            "verified_contradicting": row.verified_contradicting,
            "independent_sources": row.independent_sources,
            "best_grade": row.best_grade,
        }
        for row in sorted(matrix.crime_matrix(case, crime), key=lambda r: r.element.number)
    ]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_count_and_status_equals_reading_the_links_one_by_one(
    case, genocide_by_killing, seed
):
    chance = random.Random(seed)
    elements = list(Element.objects.filter(crime=genocide_by_killing))
    for _ in range(60):
        claim = evidence(
            case,
            grade=chance.choice("ABCDEF"),
            standing=chance.choice(["court", "ngo", "party", "press"]),
            side=chance.choice(SIDES),
            status=chance.choice(["verified", "verified", "proposed", "rejected", "disputed"]),
        )
        services.link_claim(
            case,
            claim=claim,
            element=chance.choice(elements),
            bearing=chance.choice(["supports", "supports", "contradicts"]),
            strength="moderate",
        )
    expected = link_by_link(case, genocide_by_killing)
    assert {row["status"] for row in expected} >= {"supported", "thin"}
    assert aggregated(case, genocide_by_killing) == expected


def test_sides_that_differ_only_in_case_or_spacing_are_one_voice(
    case, genocide_by_killing, killing
):
    for side in ["Azərbaycan", " AZƏRBAYCAN ", "azərbaycan"]:
        claim = evidence(case, grade="A", standing="party", side=side)
        services.link_claim(
            case, claim=claim, element=killing, bearing="supports", strength="strong"
        )
    row = next(r for r in matrix.crime_matrix(case, genocide_by_killing) if r.element == killing)
    assert (row.verified_supporting, row.independent_sources, row.status) == (3, 1, "thin")


def test_the_element_page_lists_its_claims_a_page_at_a_time(alice_client, case, killing):
    for number in range(PAGE_SIZE + 2):
        claim = evidence(case, title=f"Report {number:03d}")
        services.link_claim(
            case, claim=claim, element=killing, bearing="supports", strength="strong"
        )
    url = reverse("law:element", args=[case.slug, "RS-6-a", 1])
    first = alice_client.get(url)
    assert len(first.context["supporting"].object_list) == PAGE_SIZE
    body = first.content.decode()
    assert f"{PAGE_SIZE + 2} claims" in body and "supporting_page=2" in body
    assert "Report 000" in body and f"Report {PAGE_SIZE:03d}" not in body
    second = alice_client.get(url, {"supporting_page": 2}).content.decode()
    assert f"Report {PAGE_SIZE + 1:03d}" in second and "Report 000" not in second
    junk = alice_client.get(url, {"supporting_page": "junk"})
    assert junk.status_code == 200 and "Report 000" in junk.content.decode()
    assert first.context["row"].verified_supporting == PAGE_SIZE + 2
