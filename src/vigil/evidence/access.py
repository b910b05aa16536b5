"""Which sources and claims a request may reach. Every evidence view goes through these helpers,
so a confidential source never shows up for someone without the right to see it (the rule is
vigil.accounts.permissions.source_levels)."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from vigil.accounts import permissions
from vigil.evidence.models import Claim, Source


# The case comes with each row: every row's address names its case.
def visible_sources(user, case) -> QuerySet[Source]:
    return Source.objects.filter(
        case=case, access_level__in=permissions.source_levels(user, case)
    ).select_related("case")


def visible_claims(user, case) -> QuerySet[Claim]:
    return Claim.objects.filter(case=case, source__in=visible_sources(user, case)).select_related(
        "case"
    )


def get_source_for_user(user, case, pk: int) -> Source:
    return get_object_or_404(visible_sources(user, case), pk=pk)


def get_claim_for_user(user, case, pk: int) -> Claim:
    return get_object_or_404(visible_claims(user, case).select_related("source"), pk=pk)
