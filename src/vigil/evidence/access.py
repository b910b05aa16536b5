"""Who may see which source and claim. Every evidence view goes through these helpers, so a
confidential source never shows up for someone without the permission to see it."""

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from vigil.evidence.models import Claim, Source

CONFIDENTIAL_PERMISSION = "evidence.view_confidential_source"


def can_see_confidential(user) -> bool:
    return user.is_authenticated and user.has_perm(CONFIDENTIAL_PERMISSION)


def visible_sources(user, case) -> QuerySet[Source]:
    sources = Source.objects.filter(case=case)
    if not can_see_confidential(user):
        sources = sources.exclude(access_level=Source.Access.CONFIDENTIAL)
    return sources


def visible_claims(user, case) -> QuerySet[Claim]:
    return Claim.objects.filter(case=case, source__in=visible_sources(user, case))


def get_source_for_user(user, case, pk: int) -> Source:
    return get_object_or_404(visible_sources(user, case), pk=pk)


def get_claim_for_user(user, case, pk: int) -> Claim:
    return get_object_or_404(visible_claims(user, case).select_related("source"), pk=pk)
