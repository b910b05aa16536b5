"""The demonstration's verified facts obey the two-person rule: recorded by demo-author, verified
and published by demo-reviewer, accounts nobody can sign in with."""

import pytest
from django.contrib.auth import get_user_model

from tests.demo.test_load_demo import demo  # noqa: F401 (a fixture)
from vigil.dossier import public
from vigil.evidence.models import Claim

pytestmark = pytest.mark.django_db


def test_demo_claims_are_verified_by_a_named_reviewer_other_than_their_author(demo):  # noqa: F811
    verified = Claim.objects.filter(case=demo, review_status="verified")
    assert verified.exists()
    for claim in verified.select_related("created_by", "reviewed_by"):
        assert claim.created_by.username == "demo-author"
        assert claim.reviewed_by.username == "demo-reviewer"
        assert not claim.is_self_verified
        assert claim.reviews.filter(decision="verified").count() == 1
    accounts = get_user_model().objects.filter(username__startswith="demo-")
    assert accounts.count() == 2
    assert not any(user.is_active or user.has_usable_password() for user in accounts)


def test_the_demo_publishes_its_verified_public_evidence(demo):  # noqa: F811
    assert public.public_claims(demo).count() == (
        Claim.objects.filter(
            case=demo, review_status="verified", source__access_level="public"
        ).count()
    )
    assert all(
        claim.published_by.username == "demo-reviewer" for claim in public.public_claims(demo)
    )
