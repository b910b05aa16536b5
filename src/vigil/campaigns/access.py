"""Guards for the campaign pages; each asks vigil.accounts.permissions and refuses with 403."""

from django.core.exceptions import PermissionDenied

from vigil.accounts import permissions


def require_campaigns(user) -> None:
    if not permissions.can_view_campaigns(user):
        raise PermissionDenied("The campaign pages are for chapter coordinators and volunteers.")


def require_coordinator(user) -> None:
    if not permissions.can_coordinate_any(user):
        raise PermissionDenied("Only chapter coordinators may do this.")


def require_chapter_manager(user, chapter_id) -> None:
    if not permissions.can_manage_chapter(user, chapter_id):
        raise PermissionDenied("Only the chapter's coordinators may do this.")


def require_admin(user) -> None:
    if not permissions.is_admin(user):
        raise PermissionDenied("Only administrators may do this.")


def limit_chapters(user, form, field: str = "chapter") -> None:
    """Offer a coordinator only the chapters they coordinate."""
    if field in form.fields and not permissions.is_admin(user):
        form.fields[field].queryset = form.fields[field].queryset.filter(
            pk__in=permissions.coordinated_chapter_ids(user)
        )


def require_member_manager(user, member) -> None:
    """A member's record, export, erasure and consents: their chapters' coordinators."""
    from vigil.campaigns.privacy import can_manage

    if not can_manage(user, member):
        raise PermissionDenied("Only the coordinators of this member's chapters may do this.")
