"""The source list and the review queue page their rows, and the source list sorts and filters
on the server, so neither grows with the archive."""

import lxml.html
import pytest
from django.urls import reverse

from tests.conftest import make_source
from vigil.evidence import services
from vigil.paging import PAGE_SIZE

pytestmark = pytest.mark.django_db


def titles(response) -> list[str]:
    return [source.title for source in response.context["page"].object_list]


def test_the_source_list_shows_one_page_and_links_to_the_next(alice_client, case):
    for number in range(PAGE_SIZE + 3):
        make_source(case, text=f"text {number}", title=f"Report {number:03d}")
    url = reverse("evidence:sources", args=[case.slug])
    first = alice_client.get(url, {"sort": "title"})
    assert titles(first) == [f"Report {n:03d}" for n in range(PAGE_SIZE)]
    body = first.content.decode()
    assert f"{PAGE_SIZE + 3} sources" in body and "sort=title&amp;page=2" in body
    second = alice_client.get(url, {"sort": "title", "page": 2})
    assert titles(second) == [f"Report {n:03d}" for n in range(PAGE_SIZE, PAGE_SIZE + 3)]
    assert titles(alice_client.get(url, {"sort": "title", "page": "junk"})) == titles(first)


def test_the_source_list_filters_and_sorts(alice_client, case):
    make_source(case, text="a", title="Bravo report", reliability_grade="C")
    make_source(case, text="b", title="Alpha judgment", kind="judgment", reliability_grade="A")
    make_source(case, text="c", title="Charlie notes", access_level="confidential")
    url = reverse("evidence:sources", args=[case.slug])
    assert titles(alice_client.get(url, {"sort": "reliability"}))[0] == "Alpha judgment"
    assert titles(alice_client.get(url, {"kind": "judgment"})) == ["Alpha judgment"]
    assert titles(alice_client.get(url, {"access": "confidential"})) == ["Charlie notes"]
    assert titles(alice_client.get(url, {"q": "bravo"})) == ["Bravo report"]
    everything = alice_client.get(url, {"kind": "no-such-kind", "sort": "no-such-order"})
    assert everything.status_code == 200 and len(titles(everything)) == 3


def test_a_viewer_filtering_by_confidential_finds_nothing(bob_client, case):
    make_source(case, text="c", title="Charlie notes", access_level="confidential")
    url = reverse("evidence:sources", args=[case.slug])
    assert titles(bob_client.get(url, {"access": "confidential"})) == []


def test_the_review_queue_pages_its_claims(alice_client, source):
    for number in range(PAGE_SIZE + 1):
        services.add_claim(
            source,
            fields={"statement": f"claim {number}", "claim_type": "act", "locator": "p. 1"},
        )
    url = reverse("evidence:review_queue", args=[source.case.slug])
    first = alice_client.get(url)
    assert len(first.context["page"].object_list) == PAGE_SIZE
    assert f"{PAGE_SIZE + 1} proposed claims await review." in first.content.decode()
    assert len(alice_client.get(url, {"page": 2}).context["page"].object_list) == 1


def test_each_source_shows_how_many_claims_it_has_and_how_many_are_verified(alice_client, case):
    from tests.conftest import add_reviewed_claim

    cited = make_source(case, text="a", title="Cited report")
    make_source(case, text="b", title="Uncited report")
    for number, status in enumerate(["verified", "proposed"]):
        add_reviewed_claim(
            cited,
            fields={
                "statement": f"Statement {number}",
                "claim_type": "other",
                "locator": "p. 1",
                "review_status": status,
            },
        )
    page = lxml.html.fromstring(
        alice_client.get(reverse("evidence:sources", args=[case.slug])).content
    )
    counts = {
        row.xpath("string(td[1]/a)"): " ".join(row.xpath("string(td[7])").split())
        for row in page.xpath("//tbody/tr")
    }
    assert counts == {"Cited report": "2 (1 verified)", "Uncited report": "0 (0 verified)"}
