"""Every change the campaign pages make to members, events and outreach goes through these
functions, which the views, commands and tests all call. Replies to events and their waiting list
are in campaigns.rsvps, materials (versions, approval, publishing) in campaigns.materials; what the
pages count and list is in campaigns.overviews."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from vigil.audit.log import record
from vigil.audit.models import AuditEntry
from vigil.campaigns.models import (
    RSVP,
    Consent,
    Contact,
    Event,
    EventPhoto,
    Interaction,
    Member,
    Task,
)
from vigil.evidence import archive

# --- members -----------------------------------------------------------------------------------


def export_member(member: Member) -> dict:
    """Everything Vigil holds about a member, for a data request."""
    return {
        "display_name": member.display_name,
        "is_pseudonymous": member.is_pseudonymous,
        "legal_name": member.legal_name,
        "email": member.email,
        "phone": member.phone,
        "languages": member.languages,
        "skills": member.skills,
        "availability": member.availability,
        "joined_on": member.joined_on.isoformat(),
        "chapters": [chapter.name for chapter in member.chapters.all()],
        "consents": [
            {
                "purpose": c.purpose,
                "statement": c.statement,
                "given_at": c.given_at.isoformat(),
                "withdrawn_at": c.withdrawn_at.isoformat() if c.withdrawn_at else None,
            }
            for c in member.consents.all()
        ],
        "event_replies": [
            {"event": r.event.title, "status": r.status, "created_at": r.created_at.isoformat()}
            for r in RSVP.objects.filter(email=member.email).select_related("event")
        ]
        if member.email
        else [],
    }


@transaction.atomic
def erase_member(member: Member, user=None) -> None:
    """Erase a member's personal data on request. The audit log records that an erasure happened
    and by whom, never what was erased."""
    if member.email:
        RSVP.objects.filter(email=member.email).update(name=_("(erased)"), email="erased@invalid")
    member.consents.all().delete()
    erased = {
        "display_name": _("Erased member #%(pk)s") % {"pk": member.pk},
        "legal_name": "",
        "email": "",
        "phone": "",
        "languages": "",
        "skills": "",
        "availability": "",
        "user": None,
        "erased_at": timezone.now(),
    }
    Member.objects.filter(pk=member.pk).update(**erased)
    for name, value in erased.items():  # what was written, without reading it back
        setattr(member, name, value)
    record(AuditEntry.Action.ERASE, member, {}, object_repr=f"member #{member.pk}")


def record_consent(member: Member, *, purpose: str, statement: str, now=None) -> Consent:
    """What the member agreed to, given now (or at `now`)."""
    consent = Consent(
        member=member, purpose=purpose, statement=statement, given_at=now or timezone.now()
    )
    consent.full_clean()
    consent.save()
    return consent


def withdraw_consent(consent: Consent, now=None) -> Consent:
    consent.withdrawn_at = now or timezone.now()
    consent.save(update_fields=["withdrawn_at"])
    return consent


# --- events ------------------------------------------------------------------------------------


@transaction.atomic
def report_outcome(event: Event, report: dict, *, photo=None) -> Event:
    """Record how the event went (attendance, officials, press, notes); a photo is archived
    unaltered like every other file and shown with the event."""
    for field, value in report.items():
        setattr(event, field, value)
    event.full_clean()
    event.save(update_fields=list(report))
    if photo:
        archived = archive.archive_upload(
            photo, name=photo.name, media_type=photo.content_type or "image"
        )
        EventPhoto.objects.create(event=event, archived_file=archived)
    return event


# --- outreach ----------------------------------------------------------------------------------


def record_interaction(contact: Contact, fields: dict, *, user) -> Interaction:
    """A meeting, call or message with a contact, recorded by `user`."""
    interaction = Interaction(contact=contact, recorded_by=user, **fields)
    interaction.full_clean()
    interaction.save()
    return interaction


def mark_follow_up_done(interaction: Interaction) -> Interaction:
    interaction.follow_up_done = True
    interaction.save(update_fields=["follow_up_done"])
    return interaction


def set_task_status(task: Task, status: str) -> Task:
    """Move a task to another of its statuses; a value that is not one is refused."""
    if status not in Task.Status.values:
        raise ValidationError(_("“%(status)s” is not a task status.") % {"status": status})
    task.status = status
    task.save(update_fields=["status"])
    return task
