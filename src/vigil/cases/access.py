"""Which case a request may reach. Every case view calls `get_case_for_user` first; the rules
themselves are vigil.accounts.permissions."""

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from vigil.accounts import permissions
from vigil.accounts.scoping import register_choices
from vigil.cases.models import Case


@register_choices("cases.Case", search=("title",))
def visible_cases(user) -> QuerySet[Case]:
    """The cases `user` has a role in (every case, for an administrator). Forms offer these and
    no others: no title of a case that answers 404 for them."""
    if permissions.is_admin(user):
        return Case.objects.all()
    if not user.is_authenticated:
        return Case.objects.none()
    return Case.objects.filter(memberships__user=user)


def get_case_for_user(user, slug: str, *, edit: bool = False) -> Case:
    """The case if `user` may read it (and change it, with edit=True).

    A case the user has no role in answers 404, so its existence is not revealed; a reader who
    tries to change it gets 403.
    """
    case = get_object_or_404(Case, slug=slug)
    if not permissions.can_view_case(user, case):
        raise Http404("No case found")
    # Pages show their editing controls only to those who may use them.
    case.editable = permissions.can_edit_case(user, case)
    if edit and not case.editable:
        raise PermissionDenied(_("Only the case's researchers may change it."))
    return case


def get_case_to_translate(user, slug: str) -> Case:
    """The case if `user` may read it and translate its title and summary: its researchers and
    administrators, and anyone given the permission "Can translate a case's title and summary"
    (a translator, who may change no evidence)."""
    case = get_case_for_user(user, slug)
    if not (case.editable or user.has_perm("cases.translate_case")):
        raise PermissionDenied(_("Only translators and the case's researchers may translate it."))
    return case
