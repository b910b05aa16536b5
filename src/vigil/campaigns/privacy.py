"""Who may see a member's identity. Every page, export, search and admin list that shows members
goes through `can_see_identity` or `MemberView`, so the rule lives in one place:

a member's legal name and contact details are shown only to coordinators of one of the member's
chapters and to administrators (superusers). Everyone else sees the name the member chose.
"""

from dataclasses import dataclass

from django.db.models import Q

from vigil.campaigns.models import Member


def coordinated_chapter_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    return set(user.coordinated_chapters.values_list("pk", flat=True))


def can_see_identity(user, member: Member, coordinated: set[int] | None = None) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    coordinated = coordinated_chapter_ids(user) if coordinated is None else coordinated
    return bool(coordinated & {chapter.pk for chapter in member.chapters.all()})


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
    coordinated = coordinated_chapter_ids(user)
    return [MemberView(m, can_see_identity(user, m, coordinated)) for m in members]


def identity_visible_ids(user):
    """A queryset of the members whose identity `user` may see (for searching personal fields)."""
    if user.is_superuser:
        return Member.objects.values("pk")
    return Member.objects.filter(chapters__in=coordinated_chapter_ids(user)).values("pk")


def search_members(user, members, query: str):
    """Match the shown name for everyone; legal name and email only where the user may see them."""
    if not query:
        return members
    private_match = Q(legal_name__icontains=query) | Q(email__icontains=query)
    return members.filter(
        Q(display_name__icontains=query) | (private_match & Q(pk__in=identity_visible_ids(user)))
    ).distinct()


def can_see_contact_details(user, contact) -> bool:
    """A contact's email and phone: administrators, and coordinators of the contact's chapter
    (staff, for contacts that belong to no chapter)."""
    if not user.is_authenticated:
        return False
    if user.is_superuser:
        return True
    if contact.chapter_id is None:
        return user.is_staff
    return contact.chapter_id in coordinated_chapter_ids(user)
