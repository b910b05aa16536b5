"""Who may do what. Every view, export, search, feed and admin page asks these functions, so each
rule is written once.

Roles:
- administrator: a superuser; may do everything, and must sign in with a second factor;
- researcher of a case: reads and edits the case, including its confidential sources;
- viewer of a case: reads the case's public and restricted material, changes nothing;
- coordinator of a chapter: runs the chapter and sees the personal data of its members and
  contacts; must sign in with a second factor;
- volunteer of a chapter: sees the campaign's events, tasks and materials, never personal data.

A signed-in person with no role in a case sees nothing of it, not even that it exists.

This module is the one table of rules, on the accounts floor: it finds a person's roles through
their own records (`user.case_memberships`, `user.coordinated_chapters`,
`user.volunteered_chapters`) and imports no app above it. Each app's `access` module applies these
rules to its own rows (cases.access, evidence.access, campaigns.access).
"""

from django.db.models import Q, TextChoices

PUBLIC, RESTRICTED, CONFIDENTIAL = "public", "restricted", "confidential"


class CaseRole(TextChoices):
    """What a person is in a case: an administrator of all of Vigil, or a member of the case
    with the role their membership (cases.CaseMembership.Role) gives."""

    ADMIN = "admin"
    RESEARCHER = "researcher"
    VIEWER = "viewer"


# The sources each role in a case reads; nobody else reads any.
SOURCE_LEVELS: dict[CaseRole, frozenset[str]] = {
    CaseRole.ADMIN: frozenset({PUBLIC, RESTRICTED, CONFIDENTIAL}),
    CaseRole.RESEARCHER: frozenset({PUBLIC, RESTRICTED, CONFIDENTIAL}),
    CaseRole.VIEWER: frozenset({PUBLIC, RESTRICTED}),
}
# The roles that change a case's evidence, law and recognition records.
CASE_EDITORS = frozenset({CaseRole.ADMIN, CaseRole.RESEARCHER})


def is_admin(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


def needs_second_factor(user) -> bool:
    """Administrators and coordinators hold what an adversary most wants: they use 2FA."""
    if not user.is_authenticated:
        return False
    return is_admin(user) or user.coordinated_chapters.exists()


def privilege_fingerprint(user) -> str:
    """A digest of everything that decides what `user` may do: administrator or not, roles in
    cases, chapters coordinated and volunteered in. When it changes, the session key changes."""
    import hashlib

    if not user.is_authenticated:
        return ""
    roles = sorted(user.case_memberships.values_list("case_id", "role"))
    coordinated = sorted(user.coordinated_chapters.values_list("pk", flat=True))
    volunteered = sorted(user.volunteered_chapters.values_list("pk", flat=True))
    state = repr((user.pk, user.is_active, user.is_superuser, roles, coordinated, volunteered))
    return hashlib.sha256(state.encode()).hexdigest()


# Cases ------------------------------------------------------------------------------------------


def case_role(user, case) -> CaseRole | None:
    """The user's CaseRole in the case, or None. Cached on the user for the request."""
    if not user.is_authenticated:
        return None
    if is_admin(user):
        return CaseRole.ADMIN
    cache = user.__dict__.setdefault("_vigil_case_roles", {})
    if case.pk not in cache:
        role = user.case_memberships.filter(case_id=case.pk).values_list("role", flat=True).first()
        cache[case.pk] = CaseRole(role) if role else None
    return cache[case.pk]


def case_roles(user) -> dict[int, CaseRole]:
    """The user's role in each case they have one in, by case id (an administrator's role in
    every case is CaseRole.ADMIN: see is_admin)."""
    if not user.is_authenticated:
        return {}
    memberships = user.case_memberships.values_list("case_id", "role")
    return {case_id: CaseRole(role) for case_id, role in memberships}


def can_view_case(user, case) -> bool:
    return case_role(user, case) is not None


def can_edit_case(user, case) -> bool:
    return case_role(user, case) in CASE_EDITORS


def editable_case_ids(user) -> set[int]:
    """The cases `user` edits as a researcher (for an administrator, see is_admin)."""
    if not user.is_authenticated:
        return set()
    memberships = user.case_memberships.filter(role=CaseRole.RESEARCHER)
    return set(memberships.values_list("case_id", flat=True))


def can_create_case(user) -> bool:
    return is_admin(user)


def source_levels(user, case) -> set[str]:
    """The access levels of the sources `user` may see in `case`."""
    role = case_role(user, case)
    return set(SOURCE_LEVELS[role]) if role else set()


def can_view_source(user, source) -> bool:
    return source.access_level in source_levels(user, source.case)


# Campaigns --------------------------------------------------------------------------------------


def coordinated_chapter_ids(user) -> set[int]:
    if not user.is_authenticated:
        return set()
    cache = user.__dict__.get("_vigil_coordinated")
    if cache is None:
        cache = set(user.coordinated_chapters.values_list("pk", flat=True))
        user.__dict__["_vigil_coordinated"] = cache
    return cache


def campaign_chapter_ids(user) -> set[int]:
    """Chapters the user coordinates or volunteers in."""
    if not user.is_authenticated:
        return set()
    return coordinated_chapter_ids(user) | set(
        user.volunteered_chapters.values_list("pk", flat=True)
    )


def can_view_campaigns(user) -> bool:
    """The campaign pages (events, tasks, materials, pseudonymous member lists)."""
    return is_admin(user) or bool(campaign_chapter_ids(user))


def can_coordinate_any(user) -> bool:
    return is_admin(user) or bool(coordinated_chapter_ids(user))


def can_manage_chapter(user, chapter_id: int | None) -> bool:
    """Run a chapter: its events, members, contacts and tasks. Things of no chapter: admins."""
    if is_admin(user):
        return True
    return chapter_id is not None and chapter_id in coordinated_chapter_ids(user)


def can_see_personal_data(user, chapter_ids) -> bool:
    """A member's or contact's identity and contact details: coordinators of one of their
    chapters, and administrators."""
    if is_admin(user):
        return True
    return bool(coordinated_chapter_ids(user) & {pk for pk in chapter_ids if pk is not None})


def personal_data_filter(user, chapter_field: str) -> Q:
    """A filter for the rows whose personal data `user` may see (chapter_field names the path)."""
    if is_admin(user):
        return Q()
    return Q(**{f"{chapter_field}__in": coordinated_chapter_ids(user)})


def can_approve_material(user, material) -> bool:
    """Campaign materials state facts: a researcher of their case, or an administrator, vouches."""
    if is_admin(user):
        return True
    return material.case_id is not None and can_edit_case(user, material.case)


def can_view_material(user, material) -> bool:
    """The campaign's people, and those who may approve it (a researcher of its case)."""
    return can_view_campaigns(user) or can_approve_material(user, material)


def can_manage_material(user, material) -> bool:
    """Upload versions: those who may approve it, and the campaign member who created it."""
    if can_approve_material(user, material):
        return True
    created_by = material.created_by_id
    return created_by is not None and created_by == user.pk and can_view_campaigns(user)


# Administration ---------------------------------------------------------------------------------


def can_use_back_office(user) -> bool:
    return is_admin(user)


def can_view_audit_log(user) -> bool:
    return is_admin(user)


def can_add_actor(user) -> bool:
    """Bodies (parliaments, organisations) are shared by every case: researchers add them."""
    if is_admin(user):
        return True
    return user.is_authenticated and user.case_memberships.filter(role=CaseRole.RESEARCHER).exists()
