"""Who may see which case. Every case view calls `get_case_for_user` first."""

from django.shortcuts import get_object_or_404

from vigil.cases.models import Case


def get_case_for_user(user, slug: str) -> Case:
    """The case, for any signed-in user (the middleware has already required sign-in)."""
    return get_object_or_404(Case, slug=slug)
