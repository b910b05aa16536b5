from django.shortcuts import get_object_or_404

from vigil.law.models import Crime, ElementLink


def get_crime(code: str) -> Crime:
    return get_object_or_404(Crime.objects.select_related("provision__instrument"), code=code)


def get_link_for_user(user, case, pk: int) -> ElementLink:
    from vigil.evidence.access import visible_claims

    return get_object_or_404(
        ElementLink.objects.filter(case=case, claim__in=visible_claims(user, case)), pk=pk
    )
