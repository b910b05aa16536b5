"""How the demonstration's facts are reviewed and published, honestly.

The demonstration's verified facts were checked against their sources by the people who wrote
facts.json, not by anyone using this installation. So they are recorded by a named account,
"demo-author", and verified by as many named accounts as VIGIL_REVIEWERS requires
("demo-reviewer", "demo-reviewer-2", …): the two-person rule is obeyed, not bypassed, and each
claim's history says who these are. The accounts cannot sign in (no password, inactive). What the
demonstration's public site shows is then published by "demo-reviewer", as a researcher would.
"""

from django.contrib.auth import get_user_model

from vigil.dossier import publishing
from vigil.evidence import review, services
from vigil.evidence.models import Claim
from vigil.recognition.models import RecognitionAct

AUTHOR = "demo-author"
REVIEWER = "demo-reviewer"


def _account(username: str):
    user, created = get_user_model().objects.get_or_create(
        username=username, defaults={"is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def author():
    return _account(AUTHOR)


def reviewers() -> list:
    names = [REVIEWER] + [f"{REVIEWER}-{n}" for n in range(2, review.reviews_needed() + 1)]
    return [_account(name) for name in names]


def add_claim(source, *, fields: dict, figure: dict | None) -> Claim:
    """Record the claim as demo-author; a verified one is verified by the demo reviewers."""
    status = fields.get("review_status", Claim.Review.PROPOSED)
    note = fields.get("review_note", "")
    claim = services.add_claim(
        source,
        fields={**fields, "review_status": Claim.Review.PROPOSED},
        figure=figure,
        user=author(),
    )
    if status != Claim.Review.PROPOSED:
        for reviewer in reviewers():
            services.review_claim(claim, status=status, user=reviewer, note=note)
    return claim


def publish(case) -> None:
    """Publish the verified claims of public sources and the verified acts, as demo-reviewer."""
    publisher = reviewers()[0]
    publishing.publish_claims(case, publishing.awaiting_publication(case), user=publisher)
    acts = RecognitionAct.objects.filter(
        case=case, review=RecognitionAct.Review.VERIFIED, published_at__isnull=True
    )
    for act in acts:
        publishing.publish_act(act, user=publisher)
