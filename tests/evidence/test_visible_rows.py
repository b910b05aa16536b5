"""The rows a person may see, asked of the database in a shape it answers from an index: no list
of every visible source's id built for each query (at 50,000 claims a case, that list alone
took tens of milliseconds, once per query of a page)."""

import pytest

from tests.conftest import make_source
from vigil.evidence import services
from vigil.evidence.access import visible_claims, visible_sources

pytestmark = pytest.mark.django_db


@pytest.fixture
def claims(case):
    made = {}
    for level in ("public", "restricted", "confidential"):
        source = make_source(case, text=f"A {level} report.", title=level, access_level=level)
        made[level] = services.add_claim(
            source,
            fields={
                "statement": f"From the {level} report.",
                "claim_type": "act",
                "locator": "p. 1",
            },
        )
    return made


def test_someone_who_sees_every_level_gets_every_row_of_the_case_by_its_case_alone(
    alice, case, claims
):
    assert set(visible_claims(alice, case)) == set(claims.values())
    assert set(visible_sources(alice, case)) == {claim.source for claim in claims.values()}
    assert "evidence_source" not in sql_of_ids(visible_claims(alice, case))
    assert "access_level" not in sql_of_ids(visible_sources(alice, case))


def test_a_viewer_never_gets_a_confidential_sources_claims_and_no_list_of_sources_is_built(
    bob, case, claims
):
    assert set(visible_claims(bob, case)) == {claims["public"], claims["restricted"]}
    assert "IN (SELECT" not in sql_of_ids(visible_claims(bob, case)).upper()


def sql_of_ids(queryset) -> str:
    return str(queryset.values("pk").query)
