"""Review of claims by more than one person.

A claim is verified only when VIGIL_REVIEWERS people agree: its author and REVIEWERS - 1 other
researchers, each of whom verified it since it was last disputed, rejected or proposed again.
With VIGIL_REVIEWERS=1 one person may verify their own claim; it is then "self-verified".
Every decision, disagreement included, is kept as a ClaimReview: the claim's review history.
Every path that changes a claim's review status (web pages, commands, imports, ingestion, the
demo loader) comes through review_claim, so none can get round the rule.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vigil.evidence.models import Claim, ClaimReview


def _person(user):
    return user if user is not None and user.is_authenticated else None


def reviews_needed() -> int:
    """How many researchers other than the author must verify a claim."""
    return max(settings.REVIEWERS - 1, 0)


def _check_verifier(claim: Claim, user) -> None:
    if user is None:
        raise ValidationError(_("A claim is verified by a named researcher, not by the system."))
    if reviews_needed() and claim.created_by_id == user.pk:
        raise ValidationError(
            _(
                "You recorded this claim, so another researcher must verify it "
                "(%(count)s people must agree)."
            )
            % {"count": settings.REVIEWERS}
        )


def agreeing_reviewers(claim: Claim) -> set[int]:
    """The researchers other than the author who verified the claim since the last
    disagreement (a dispute, a rejection or a new proposal)."""
    agreed: set[int] = set()
    for item in claim.reviews.order_by("at", "pk"):
        if item.decision != Claim.Review.VERIFIED:
            agreed.clear()
        elif item.reviewer_id and item.reviewer_id != claim.created_by_id:
            agreed.add(item.reviewer_id)
    return agreed


@transaction.atomic
def review_claim(claim: Claim, *, status: str, user=None, note: str = "") -> Claim:
    """Record one researcher's decision on the claim, and change its status when the rule says so.

    Verifying needs a named researcher other than the author (unless VIGIL_REVIEWERS=1); the claim
    becomes verified once enough of them agree. Disputing needs a reason. A claim that stops being
    verified is withdrawn from publication: publishing it again is a deliberate step.
    """
    if status not in Claim.Review.values:
        raise ValidationError(_("Unknown review status: %(status)s") % {"status": status})
    person = _person(user)
    note = note.strip()
    if status == Claim.Review.VERIFIED:
        _check_verifier(claim, person)
    if status == Claim.Review.DISPUTED and not note:
        raise ValidationError(_("Say why you dispute this claim."))
    ClaimReview.objects.create(
        claim=claim,
        reviewer=person,
        reviewer_name=person.get_username() if person else "system",
        decision=status,
        reason=note,
    )
    if status == Claim.Review.VERIFIED and len(agreeing_reviewers(claim)) < reviews_needed():
        return claim  # one more voice recorded; the claim waits for the others
    if claim.review_status == Claim.Review.VERIFIED and status == Claim.Review.VERIFIED:
        return claim
    claim.review_status = status
    claim.reviewed_by = person
    claim.reviewed_at = timezone.now()
    if note:
        claim.review_note = note
    fields = ["review_status", "reviewed_by", "reviewed_at", "review_note"]
    if status != Claim.Review.VERIFIED and claim.published_at is not None:
        claim.published_at, claim.published_by = None, None
        fields += ["published_at", "published_by"]
    claim.save(update_fields=fields)
    return claim
