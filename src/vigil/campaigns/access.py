"""Which campaign pages and objects a request may reach; the rules are vigil.accounts.permissions.

Every campaign view that takes an id opens with one `get_*_for_user` helper. Anything the person
may not see answers 404, exactly like an id that does not exist, so neither reveals what exists;
403 only where they can see the object but may not change it. The `*_choices` functions narrow the
choices forms offer by the same rules (see vigil.accounts.scoping).
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from vigil.accounts import permissions
from vigil.accounts.scoping import register_choices
from vigil.campaigns import privacy
from vigil.campaigns.models import (
    RSVP,
    Chapter,
    Consent,
    Contact,
    Event,
    Interaction,
    Material,
    MaterialVersion,
    Member,
    Task,
)

# Pages without an id --------------------------------------------------------------------------


def require_campaigns(user) -> None:
    if not permissions.can_view_campaigns(user):
        raise PermissionDenied(_("The campaign pages are for chapter coordinators and volunteers."))


def require_coordinator(user) -> None:
    if not permissions.can_coordinate_any(user):
        raise PermissionDenied(_("Only chapter coordinators may do this."))


def require_admin(user) -> None:
    if not permissions.is_admin(user):
        raise PermissionDenied(_("Only administrators may do this."))


# Objects by id --------------------------------------------------------------------------------


def _reach(queryset: QuerySet, pk, *, sees: Callable, changes: Callable | None, refusal: str):
    """The object if `sees(obj)` (else 404, as for a missing id); with `changes`, 403 unless
    `changes(obj)`."""
    found = queryset.filter(pk=pk).first()
    if found is None or not sees(found):
        raise Http404(_("Nothing found at this address."))
    if changes is not None and not changes(found):
        raise PermissionDenied(refusal)
    return found


def _campaign(user) -> Callable:
    return lambda _obj: permissions.can_view_campaigns(user)


def _chapter_manager(user, chapter_of: Callable) -> Callable:
    return lambda obj: permissions.can_manage_chapter(user, chapter_of(obj))


COORDINATORS_ONLY = _("Only the chapter's coordinators may do this.")


def get_chapter_for_user(user, pk, *, manage: bool = False) -> Chapter:
    return _reach(
        Chapter.objects.all(),
        pk,
        sees=_campaign(user),
        changes=_chapter_manager(user, lambda c: c.pk) if manage else None,
        refusal=COORDINATORS_ONLY,
    )


def get_chapter_to_translate(user, pk) -> Chapter:
    """The chapter if `user` may translate its description: its coordinators and administrators,
    and anyone given "Can translate a chapter's description" (a translator, who sees no member and
    changes nothing else)."""
    if not user.has_perm("campaigns.translate_chapter"):
        return get_chapter_for_user(user, pk, manage=True)
    chapter = Chapter.objects.filter(pk=pk).first()
    if chapter is None:
        raise Http404("No such chapter")
    return chapter


def get_member_for_user(user, pk, *, manage: bool = False) -> Member:
    """A member's record, export, erasure and consents: their chapters' coordinators."""
    return _reach(
        Member.objects.prefetch_related("chapters", "consents"),
        pk,
        sees=_campaign(user),
        changes=(lambda m: privacy.can_manage(user, m)) if manage else None,
        refusal=_("Only the coordinators of this member's chapters may do this."),
    )


def get_consent_for_user(user, pk) -> Consent:
    """Consents are shown only to those who manage the member, so only they reach one."""
    return _reach(
        Consent.objects.select_related("member"),
        pk,
        sees=lambda consent: privacy.can_manage(user, consent.member),
        changes=None,
        refusal="",
    )


def get_event_for_user(user, pk, *, manage: bool = False) -> Event:
    return _reach(
        Event.objects.select_related("chapter", "case"),
        pk,
        sees=_campaign(user),
        changes=_chapter_manager(user, lambda e: e.chapter_id) if manage else None,
        refusal=COORDINATORS_ONLY,
    )


def may_translate_event(user, event: Event) -> bool:
    """Whether `user` may translate the event's title and description: its chapter's
    coordinators and administrators, and anyone given "Can translate an event's title and
    description" (a translator, who sees no guest and changes nothing else)."""
    return user.has_perm("campaigns.translate_event") or permissions.can_manage_chapter(
        user, event.chapter_id
    )


def get_event_to_translate(user, pk) -> Event:
    """The event if `user` may translate it (`may_translate_event`): 404 for an event they do
    not see, 403 for one they see but may not translate, as for any campaign object."""
    if not user.has_perm("campaigns.translate_event"):
        return get_event_for_user(user, pk, manage=True)
    event = Event.objects.filter(pk=pk).first()
    if event is None:
        raise Http404("No such event")
    return event


def get_rsvp_for_user(user, pk) -> RSVP:
    """A guest (named on the event's page) may be changed by the event chapter's coordinators."""
    return _reach(
        RSVP.objects.select_related("event"),
        pk,
        sees=_campaign(user),
        changes=_chapter_manager(user, lambda r: r.event.chapter_id),
        refusal=COORDINATORS_ONLY,
    )


def get_contact_for_user(user, pk, *, manage: bool = False) -> Contact:
    return _reach(
        Contact.objects.select_related("actor", "chapter"),
        pk,
        sees=_campaign(user),
        changes=_chapter_manager(user, lambda c: c.chapter_id) if manage else None,
        refusal=COORDINATORS_ONLY,
    )


def get_interaction_for_user(user, pk) -> Interaction:
    return _reach(
        Interaction.objects.select_related("contact"),
        pk,
        sees=_campaign(user),
        changes=_chapter_manager(user, lambda i: i.contact.chapter_id),
        refusal=COORDINATORS_ONLY,
    )


def get_task_for_user(user, pk) -> Task:
    """A task's status: its assignee, or its chapter's coordinators."""
    return _reach(
        Task.objects.all(),
        pk,
        sees=lambda t: t.assignee_id == user.pk or permissions.can_view_campaigns(user),
        changes=lambda t: (
            t.assignee_id == user.pk or permissions.can_manage_chapter(user, t.chapter_id)
        ),
        refusal=_("Only the task's assignee or its chapter's coordinators may change it."),
    )


def get_material_for_user(user, pk, *, manage: bool = False, approve: bool = False) -> Material:
    """manage: upload versions; approve: approve versions and publish."""
    if approve:
        changes, refusal = (
            lambda m: permissions.can_approve_material(user, m),
            _("Only a researcher of the material's case may approve or publish it."),
        )
    elif manage:
        changes, refusal = (
            lambda m: permissions.can_manage_material(user, m),
            _("Only the material's author or a researcher of its case may change it."),
        )
    else:
        changes, refusal = None, ""
    return _reach(
        Material.objects.select_related("case"),
        pk,
        sees=lambda m: permissions.can_view_material(user, m),
        changes=changes,
        refusal=refusal,
    )


def get_material_version_for_user(user, pk) -> MaterialVersion:
    """A version to approve: those who may approve its material."""
    return _reach(
        MaterialVersion.objects.select_related("material__case"),
        pk,
        sees=lambda v: permissions.can_view_material(user, v.material),
        changes=lambda v: permissions.can_approve_material(user, v.material),
        refusal=_("Only a researcher of the material's case may approve it."),
    )


# Choices forms may offer (rules for vigil.accounts.scoping) ---------------------------------------


@register_choices("campaigns.Chapter")
def chapter_choices(user) -> QuerySet:
    """Where a new thing may go: the chapters the person runs."""
    if permissions.is_admin(user):
        return Chapter.objects.all()
    return Chapter.objects.filter(pk__in=permissions.coordinated_chapter_ids(user))


@register_choices("campaigns.Event", search=("title",))
def event_choices(user) -> QuerySet:
    if not permissions.can_view_campaigns(user):
        return Event.objects.none()
    return Event.objects.all()


@register_choices("campaigns.Material", search=("title",))
def material_choices(user) -> QuerySet:
    if not permissions.can_view_campaigns(user):
        return Material.objects.none()
    return Material.objects.all()
