"""Each case's claims counted by review status, by their source's access level and by whether
they are published (evidence.ClaimTally), kept in step by the database itself (see
vigil.tallying): a claim counts when it is added, deleted, reviewed, published or moved, and all
of a source's claims move when its access level changes. A reader's counts are the rows of the
levels they may see.

Every SQL text here is assembled from this module's constants, never from input.
"""

from django.db.models import Q, Sum
from django.utils.translation import gettext as _

from vigil.evidence.models import Claim, ClaimTally, Source
from vigil.tallying import Tally, Watched, kept

# The migration that made the tally as this module counts it.
MIGRATION = ("evidence", "0018_claim_tallies_published")

CLAIM_TALLY = Tally(
    table="evidence_claimtally",
    kind="case_id, access_level, review_status, published",
    count="claims",
    suffix="claimtally",
    watched={
        "evidence_claim": Watched(
            "SELECT {row}.case_id AS case_id, s.access_level AS access_level, "
            "{row}.review_status AS review_status, "
            "({row}.published_at IS NOT NULL) AS published, {sign} AS claims "
            "FROM evidence_source s WHERE s.id = {row}.source_id",
            ("case_id", "source_id", "review_status", "published_at"),
            inserts_and_deletes=True,
        ),
        # A new source has no claims yet, and a deleted one none left (they go first).
        "evidence_source": Watched(
            "SELECT c.case_id AS case_id, {row}.access_level AS access_level, "
            "c.review_status AS review_status, (c.published_at IS NOT NULL) AS published, "
            "{sign} AS claims FROM evidence_claim c WHERE c.source_id = {row}.id",
            ("access_level",),
            inserts_and_deletes=False,
        ),
    },
    fresh=(
        "SELECT c.case_id AS case_id, s.access_level AS access_level, "
        "c.review_status AS review_status, (c.published_at IS NOT NULL) AS published, "
        "COUNT(*) AS claims FROM evidence_claim c JOIN evidence_source s ON s.id = c.source_id "
        "GROUP BY 1, 2, 3, 4"
    ),
)


def counted(levels_by_case: Q | None = None, **filters):
    """Kept tallies narrowed to what a reader may see: `levels_by_case` is a condition on the
    tallies' case and access level (vigil.evidence.access.levels_by_case), None for every
    level."""
    tallies = ClaimTally.objects.filter(claims__gt=0, **filters)
    return tallies if levels_by_case is None else tallies.filter(levels_by_case)


def case_counts(case, levels=None) -> dict[str, int]:
    """The case's claims, verified and awaiting review, among the sources of `levels` (None: of
    every level): one aggregate over a handful of rows."""
    tallies = counted(case=case)
    if levels is not None:
        tallies = tallies.filter(access_level__in=levels)
    by_status = dict(
        tallies.values("review_status").annotate(n=Sum("claims")).values_list("review_status", "n")
    )
    return {
        "claim_count": sum(by_status.values()),
        "verified_count": by_status.get("verified", 0),
        "proposed_count": by_status.get("proposed", 0),
    }


def awaiting_publication_count(case) -> int:
    """How many of the case's verified claims from public sources are not yet published: the
    publish screen's count, from one row."""
    tallies = counted(
        case=case,
        access_level=Source.Access.PUBLIC,
        review_status=Claim.Review.VERIFIED,
        published=False,
    )
    return tallies.aggregate(n=Sum("claims"))["n"] or 0


def tally_problems(limit: int = 20) -> list[str]:
    """One line per case whose kept counts differ from its claims, and per missing trigger."""
    return kept.problems_by_case(
        CLAIM_TALLY,
        limit,
        missing=_("the claim count trigger %(name)s is missing (run `vigil migrate`)"),
        differs=_("the claim counts of case #%(case)s differ from its claims"),
        more=_("… and more claim count problems"),
    )
