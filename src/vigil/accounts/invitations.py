"""Invitations by email: expiring, single-use links that create an account with one role."""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from vigil.accounts.models import Invitation
from vigil.audit import log as audit
from vigil.audit.models import AuditEntry


class InvitationError(Exception):
    """The link cannot be used; the message says why, for the person holding it."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_invitation(*, email, role, invited_by, case=None, chapter=None, now=None):
    """Store an invitation and return it with its token (which is not stored)."""
    needs_case = role in (Invitation.Role.RESEARCHER, Invitation.Role.VIEWER)
    needs_chapter = role in (Invitation.Role.COORDINATOR, Invitation.Role.VOLUNTEER)
    if needs_case and case is None:
        raise ValidationError(_("A researcher or viewer is invited to a case: choose one."))
    if needs_chapter and chapter is None:
        raise ValidationError(_("A coordinator or volunteer is invited to a chapter: choose one."))
    token = secrets.token_urlsafe(32)
    now = now or timezone.now()
    invitation = Invitation.objects.create(
        email=email,
        role=role,
        case=case if needs_case else None,
        chapter=chapter if needs_chapter else None,
        token_hash=_hash(token),
        invited_by=invited_by,
        expires_at=now + datetime.timedelta(days=settings.INVITATION_DAYS),
    )
    changes = {"email": [None, "(private)"], "role": [None, role]}
    audit.record(AuditEntry.Action.CREATE, invitation, changes, object_repr=str(invitation))
    return invitation, token


def send_invitation(invitation: Invitation, token: str, base_url: str) -> None:
    link = base_url.rstrip("/") + reverse("accept_invitation", args=[token])
    where = invitation.case or invitation.chapter
    role = invitation.get_role_display()
    if where:  # one message, so each language places the case or chapter its own way
        role = pgettext("a role and the case or chapter it is for", "%(role)s (%(where)s)") % {
            "role": role,
            "where": where,
        }
    send_mail(
        subject=_("You are invited to Vigil"),
        message=_(
            "You are invited to Vigil as %(role)s.\n\n"
            "Open this link to choose your user name and password:\n%(link)s\n\n"
            "The link works once and expires on %(expires)s (UTC)."
        )
        % {
            "role": role,
            "link": link,
            "expires": date_format(
                timezone.localtime(invitation.expires_at, datetime.UTC), "DATETIME_FORMAT"
            ),
        },
        from_email=None,
        recipient_list=[invitation.email],
    )


def find_invitation(token: str, now=None) -> Invitation:
    invitation = Invitation.objects.filter(token_hash=_hash(token)).first()
    if invitation is None:
        raise InvitationError(_("This invitation link is not valid. Ask for a new one."))
    if invitation.accepted_at is not None:
        raise InvitationError(_("This invitation has already been used. Sign in instead."))
    if (now or timezone.now()) >= invitation.expires_at:
        raise InvitationError(
            _("This invitation has expired. Ask the person who sent it for a new one.")
        )
    return invitation


def accept_invitation(token: str, user_form, now=None):
    """Create the account from a valid UserCreationForm and give it the invited role."""
    with transaction.atomic():
        invitation = find_invitation(token, now)
        # Lock the row so two tabs cannot both use the same link.
        invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
        if invitation.accepted_at is not None:
            raise InvitationError(_("This invitation has already been used. Sign in instead."))
        user = user_form.save(commit=False)
        user.email = invitation.email
        if invitation.role == Invitation.Role.ADMINISTRATOR:
            user.is_superuser = user.is_staff = True
        user.save()
        if invitation.role in (Invitation.Role.RESEARCHER, Invitation.Role.VIEWER):
            invitation.case.memberships.create(user=user, role=invitation.role)
        elif invitation.role == Invitation.Role.COORDINATOR:
            invitation.chapter.coordinators.add(user)
        elif invitation.role == Invitation.Role.VOLUNTEER:
            invitation.chapter.volunteers.add(user)
        invitation.accepted_at = now or timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        changes = {"accepted_by": [None, user.pk]}
        audit.record(AuditEntry.Action.UPDATE, invitation, changes, object_repr=str(invitation))
    return user
