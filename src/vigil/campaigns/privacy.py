"""How members and contacts are shown. Every page, export, search and admin list that shows
members goes through `can_see_identity` or `MemberView`; the rule itself is
vigil.accounts.permissions.can_see_personal_data:

a member's legal name and contact details are shown only to coordinators of one of the member's
chapters and to administrators (superusers). Everyone else sees the name the member chose.
"""

from dataclasses import dataclass

from django.db.models import Q

from vigil.accounts import permissions
from vigil.campaigns.models import Member


def can_see_identity(user, member: Member) -> bool:
    return permissions.can_see_personal_data(
        user, [chapter.pk for chapter in member.chapters.all()]
    )


def can_manage(user, member: Member) -> bool:
    """Export and erasure are for the same people who may see the identity."""
    return can_see_identity(user, member)


@dataclass
class MemberView:
    member: Member
    shows_identity: bool

    @property
    def name(self) -> str:
        return self.member.display_name

    @property
    def legal_name(self) -> str:
        if not self.shows_identity:
            return ""
        return self.member.legal_name or (
            "" if self.member.is_pseudonymous else self.member.display_name
        )

    @property
    def email(self) -> str:
        return self.member.email if self.shows_identity else ""

    @property
    def phone(self) -> str:
        return self.member.phone if self.shows_identity else ""


def present(user, members) -> list[MemberView]:
    return [MemberView(m, can_see_identity(user, m)) for m in members]


def identity_visible_ids(user):
    """A queryset of the members whose identity `user` may see (for searching personal fields)."""
    return Member.objects.filter(permissions.personal_data_filter(user, "chapters")).values("pk")


_LONGEST_SEARCHED = max(
    Member._meta.get_field(name).max_length for name in ("display_name", "legal_name", "email")
)


def search_members(user, members, query: str):
    """Match the shown name for everyone; legal name and email only where the user may see them."""
    if not query:
        return members
    if len(query) > _LONGEST_SEARCHED:
        # Longer than any value it could be found in (and SQLite refuses LIKE patterns that long).
        return members.none()
    private_match = Q(legal_name__icontains=query) | Q(email__icontains=query)
    return members.filter(
        Q(display_name__icontains=query) | (private_match & Q(pk__in=identity_visible_ids(user)))
    ).distinct()


def can_see_contact_details(user, contact) -> bool:
    """A contact's email and phone: administrators, and coordinators of the contact's chapter
    (administrators only, for contacts that belong to no chapter)."""
    return permissions.can_see_personal_data(user, [contact.chapter_id])
