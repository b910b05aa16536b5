"""A claim is verified only by a researcher other than the person who recorded it (VIGIL_REVIEWERS
people in all), on every path; disagreement is recorded; each claim shows its review history."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.conftest import signed_in
from vigil.audit.models import AuditEntry
from vigil.evidence import services
from vigil.evidence.models import Claim, ClaimReview
from vigil.ingest import review as ingest_review
from vigil.ingest.models import Candidate

pytestmark = pytest.mark.django_db

FIELDS = {"statement": "Many were killed", "claim_type": "act", "locator": "p. 3"}


def proposed_by(user, source) -> Claim:
    return services.add_claim(source, fields=FIELDS, user=user)


def test_the_researcher_who_recorded_a_claim_cannot_verify_it(alice, source):
    claim = proposed_by(alice, source)
    with pytest.raises(ValidationError, match="another researcher must verify it"):
        services.review_claim(claim, status="verified", user=alice)
    claim.refresh_from_db()
    assert claim.review_status == "proposed"


def test_a_claim_cannot_be_recorded_verified_by_its_author_or_by_nobody(alice, source):
    for user in (alice, None):
        with pytest.raises(ValidationError):
            services.add_claim(source, fields={**FIELDS, "review_status": "verified"}, user=user)
    assert not Claim.objects.filter(review_status="verified").exists()


def test_another_researcher_verifies_it_and_the_history_names_both_decisions(alice, bob, source):
    claim = proposed_by(alice, source)
    services.review_claim(claim, status="disputed", user=bob, note="The page says wounded.")
    services.review_claim(claim, status="verified", user=bob, note="Checked the scan again.")
    claim.refresh_from_db()
    assert claim.review_status == "verified" and claim.reviewed_by == bob
    assert not claim.is_self_verified
    history = [(r.reviewer_name, r.decision, r.reason) for r in claim.reviews.all()]
    assert history == [
        ("bob", "disputed", "The page says wounded."),
        ("bob", "verified", "Checked the scan again."),
    ]
    assert AuditEntry.objects.filter(model_label="evidence.ClaimReview").count() == 2


def test_a_dispute_needs_its_reason(alice, bob, source):
    claim = proposed_by(alice, source)
    with pytest.raises(ValidationError, match="why you dispute"):
        services.review_claim(claim, status="disputed", user=bob, note="  ")
    assert not ClaimReview.objects.exists()


def test_with_three_reviewers_a_claim_waits_for_two_others_and_a_dispute_starts_again(
    settings, alice, bob, dora, source
):
    settings.REVIEWERS = 3
    claim = proposed_by(alice, source)
    services.review_claim(claim, status="verified", user=bob)
    claim.refresh_from_db()
    assert claim.review_status == "proposed"
    services.review_claim(claim, status="disputed", user=dora, note="Wrong page.")
    services.review_claim(claim, status="verified", user=dora)
    claim.refresh_from_db()
    assert claim.review_status == "disputed"  # bob's earlier word came before the dispute
    services.review_claim(claim, status="verified", user=bob)
    claim.refresh_from_db()
    assert claim.review_status == "verified"


def test_with_one_reviewer_the_author_verifies_and_the_claim_says_self_verified(
    settings, alice, alice_client, source
):
    settings.REVIEWERS = 1
    claim = services.add_claim(source, fields={**FIELDS, "review_status": "verified"}, user=alice)
    assert claim.review_status == "verified" and claim.is_self_verified
    page = alice_client.get(reverse("evidence:claim", args=[source.case.slug, claim.pk]))
    assert "self-verified" in page.content.decode()
    queue = alice_client.get(reverse("evidence:source", args=[source.case.slug, source.pk]))
    assert "self-verified" in queue.content.decode()


def test_the_review_button_refuses_the_author_and_says_why(alice, alice_client, source):
    claim = proposed_by(alice, source)
    response = alice_client.post(
        reverse("evidence:claim_review", args=[source.case.slug, claim.pk]),
        {"status": "verified", "note": ""},
        follow=True,
    )
    assert "another researcher must verify it" in response.content.decode()
    claim.refresh_from_db()
    assert claim.review_status == "proposed"


def test_the_author_cannot_verify_through_the_edit_form(alice, alice_client, source):
    claim = proposed_by(alice, source)
    response = alice_client.post(
        reverse("evidence:claim_edit", args=[source.case.slug, claim.pk]),
        {**FIELDS, "credibility": 2, "review_status": "verified", "review_note": ""},
    )
    assert "another researcher must verify it" in response.content.decode()
    claim.refresh_from_db()
    assert claim.review_status == "proposed"


def test_a_second_researcher_verifies_on_the_web_and_the_claim_page_shows_the_history(
    alice, dora, source
):
    carol_client = signed_in(dora)
    claim = proposed_by(alice, source)
    carol_client.post(
        reverse("evidence:claim_review", args=[source.case.slug, claim.pk]),
        {"status": "disputed", "note": "Figure unclear"},
    )
    carol_client.post(
        reverse("evidence:claim_review", args=[source.case.slug, claim.pk]),
        {"status": "verified", "note": ""},
    )
    claim.refresh_from_db()
    assert claim.review_status == "verified"
    page = carol_client.get(reverse("evidence:claim", args=[source.case.slug, claim.pk]))
    text = page.content.decode()
    assert "Review history" in text and "Figure unclear" in text and "dora" in text


def test_a_claim_accepted_from_ingestion_is_proposed_and_its_accepter_cannot_verify_it(
    alice, source
):
    candidate = Candidate.objects.create(
        source=source,
        kind="legal_ref",
        text="Article 2",
        start=0,
        end=9,
        data={},
    )
    claim = ingest_review.accept(candidate, user=alice)
    assert claim.review_status == "proposed" and claim.created_by == alice
    with pytest.raises(ValidationError):
        services.review_claim(claim, status="verified", user=alice)
