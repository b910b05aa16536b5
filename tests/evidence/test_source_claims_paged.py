"""A source's page lists its claims a page at a time: an ingested report can hold thousands."""

import pytest

from vigil.evidence import services
from vigil.paging import PAGE_SIZE

pytestmark = pytest.mark.django_db


def test_a_sources_claims_are_listed_a_page_at_a_time(alice_client, source):
    for number in range(PAGE_SIZE + 2):
        services.add_claim(
            source,
            fields={"statement": f"Claim {number:03d}", "claim_type": "act", "locator": "p. 1"},
        )
    url = source.get_absolute_url()
    first = alice_client.get(url)
    body = first.content.decode()
    assert f"{PAGE_SIZE + 2} claims" in body and "page=2" in body
    assert "Claim 000" in body and f"Claim {PAGE_SIZE:03d}" not in body
    second = alice_client.get(url, {"page": 2}).content.decode()
    assert f"Claim {PAGE_SIZE + 1:03d}" in second and "Claim 000" not in second
    assert alice_client.get(url, {"page": "junk"}).context["claims"].number == 1
