"""Which sources and claims a request may reach. Every evidence view goes through these helpers,
so a confidential source never shows up for someone without the right to see it (the rule is
vigil.accounts.permissions.source_levels)."""

from collections import defaultdict

from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404

from vigil.accounts import permissions
from vigil.evidence.models import Claim, Figure, Source


# The case comes with each row: every row's address names its case. Someone who may see every
# level gets the case's rows with no condition on the level, so the database reads one index.
def visible_sources(user, case) -> QuerySet[Source]:
    sources = Source.objects.filter(case=case).select_related("case")
    levels = permissions.source_levels(user, case)
    return sources if _every_level(levels) else sources.filter(access_level__in=levels)


def visible_claims(user, case) -> QuerySet[Claim]:
    """The case's claims whose source the person may see (a join on the source, not a list of
    the visible sources' ids)."""
    claims = Claim.objects.filter(case=case).select_related("case")
    levels = permissions.source_levels(user, case)
    return claims if _every_level(levels) else claims.filter(source__access_level__in=levels)


def visible_figures(user, case) -> QuerySet[Figure]:
    """The case's casualty figures whose source the person may see."""
    figures = Figure.objects.filter(case=case)
    levels = permissions.source_levels(user, case)
    return (
        figures if _every_level(levels) else figures.filter(claim__source__access_level__in=levels)
    )


def visible_levels(user, case) -> list[str] | None:
    """The access levels of the case's sources the person may see, or None for every level: the
    same sources as visible_sources, for what is counted by level (the case matrix)."""
    levels = list(permissions.source_levels(user, case))
    return None if _every_level(levels) else levels


def levels_by_case(user) -> Q | None:
    """A condition on rows that have a case and an access level (sources, the cases' claim
    counts): the levels `user` may see in each of their cases, for lists across cases; None for
    an administrator, who sees every level of every case."""
    if permissions.is_admin(user):
        return None
    cases_by_levels = defaultdict(list)
    for case_id, role in permissions.case_roles(user).items():
        cases_by_levels[permissions.SOURCE_LEVELS[role]].append(case_id)
    condition = Q(pk__in=[])
    for levels, cases in cases_by_levels.items():
        condition |= Q(case_id__in=cases, access_level__in=levels)
    return condition


def _every_level(levels) -> bool:
    return set(levels) >= set(Source.Access.values)


def get_source_for_user(user, case, pk: int) -> Source:
    return get_object_or_404(visible_sources(user, case), pk=pk)


def get_claim_for_user(user, case, pk: int) -> Claim:
    return get_object_or_404(visible_claims(user, case).select_related("source"), pk=pk)
