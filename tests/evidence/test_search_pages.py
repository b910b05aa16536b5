"""Search results come a page at a time, best first, with other forms of a word found too, and
the sources a person may not see are left out by the query itself, so every page is full."""

import pytest
from django.urls import reverse

from tests.conftest import make_source
from vigil.evidence import services
from vigil.evidence.search import search_case

pytestmark = pytest.mark.django_db


def titles(hits) -> list[str]:
    return [hit.obj.title if hit.kind == "source" else hit.obj.statement for hit in hits]


def mentions(case, count: int, **metadata) -> list[str]:
    """Sources that mention 'shelling' 1..count times among other words: the more, the higher
    they rank. Returns their titles, best first."""
    made = []
    for number in range(1, count + 1):
        text = " ".join(["shelling"] * number + ["of the town and its roads"] * 20)
        made.append(make_source(case, text=text, title=f"Report {number:02d}", **metadata).title)
    return made[::-1]


def test_hostages_finds_a_source_that_says_hostage_and_hostage_finds_hostages(case):
    # English sources: PostgreSQL stems each source in its own language.
    make_source(case, text="A hostage was held in the school.", title="One hostage", language="en")
    make_source(case, text="The hostages were freed.", title="Many hostages", language="en")
    assert sorted(titles(search_case(case, "hostages"))) == ["Many hostages", "One hostage"]
    assert sorted(titles(search_case(case, "hostage"))) == ["Many hostages", "One hostage"]


def test_the_pages_follow_one_another_in_rank_order_without_repeating_a_hit(case):
    best_first = mentions(case, 7)
    pages = [search_case(case, "shelling", page=number, per_page=3) for number in (1, 2, 3)]
    assert [titles(page) for page in pages] == [best_first[:3], best_first[3:6], best_first[6:]]
    assert [page.has_next for page in pages] == [True, True, False]
    assert [page.has_previous for page in pages] == [False, True, True]
    assert [page.first_rank for page in pages] == [1, 4, 7]
    assert search_case(case, "shelling", page=4, per_page=3) == []


def test_a_viewer_never_finds_confidential_sources_or_their_claims_and_each_page_is_full(case):
    # The confidential sources rank highest: left out after the query, they would empty page 1.
    secret = mentions(case, 12, access_level="confidential")
    for title in secret:
        source = case.sources.get(title=title)
        services.add_claim(
            source,
            fields={
                "statement": f"Shelling at dawn ({title}).",
                "claim_type": "act",
                "locator": "p. 1",
            },
        )
    visible = [make_source(case, text=f"shelling {n}", title=f"Open {n}").title for n in range(5)]
    viewer = {"public", "restricted"}
    first = search_case(case, "shelling", levels=viewer, per_page=3)
    second = search_case(case, "shelling", levels=viewer, page=2, per_page=3)
    assert len(first) == 3 and first.has_next and len(second) == 2 and not second.has_next
    assert sorted(titles(first) + titles(second)) == sorted(visible)
    everything = search_case(case, "shelling", per_page=100)
    assert len(everything) == 12 + 12 + 5


def test_the_search_page_links_to_the_next_page_and_back(bob_client, case):
    mentions(case, 60)
    address = reverse("evidence:search", args=[case.slug])
    first = bob_client.get(address, {"q": "shelling"}).content.decode()
    assert 'rel="next"' in first and 'rel="prev"' not in first
    assert "?q=shelling&amp;page=2" in first
    second = bob_client.get(address, {"q": "shelling", "page": "2"}).content.decode()
    assert 'rel="prev"' in second and 'rel="next"' not in second
    assert '<ol class="search-results" start="51">' in second
    assert second.count('class="snippet"') == 10


@pytest.mark.parametrize("junk", ["abc", "-1", "0", "1e9", "99999999999999999999", "²"])
def test_a_page_number_that_is_no_page_shows_the_first_page_or_an_empty_one(bob_client, case, junk):
    mentions(case, 2)
    response = bob_client.get(
        reverse("evidence:search", args=[case.slug]), {"q": "shelling", "page": junk}
    )
    assert response.status_code == 200
