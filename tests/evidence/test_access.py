import pytest
from django.urls import reverse

from tests.conftest import make_source

pytestmark = pytest.mark.django_db


@pytest.fixture
def secret(case):
    return make_source(
        case,
        text="Names of witnesses kept safe.",
        title="Witness list",
        access_level="confidential",
    )


def test_a_confidential_source_is_hidden_from_users_without_clearance(bob_client, secret):
    listing = bob_client.get(reverse("evidence:sources", args=[secret.case.slug])).content.decode()
    assert "Witness list" not in listing
    assert bob_client.get(secret.get_absolute_url()).status_code == 404
    assert (
        bob_client.get(
            reverse("evidence:source_file", args=[secret.case.slug, secret.pk])
        ).status_code
        == 404
    )
    found = bob_client.get(reverse("evidence:search", args=[secret.case.slug]), {"q": "witnesses"})
    assert "Witness list" not in found.content.decode()


def test_a_cleared_researcher_sees_the_confidential_source(alice_client, secret):
    assert alice_client.get(secret.get_absolute_url()).status_code == 200
    found = alice_client.get(
        reverse("evidence:search", args=[secret.case.slug]), {"q": "witnesses"}
    )
    assert "Witness list" in found.content.decode()
