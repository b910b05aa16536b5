"""Public replies to events: places held until the e-mailed link confirms them, the waiting list,
cancellation and check-in.

A reply holds a place (or a turn on the waiting list) for `RSVP_HOLD_MINUTES`; only the link in
the confirmation e-mail makes it count, so nobody can take places or be put on lists with someone
else's address. No e-mail ever carries what the visitor typed: the address they gave may belong to
someone else. Every change is saved through the audited RSVP model.
"""

import datetime
import hashlib
import secrets

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Min, Q
from django.urls import reverse
from django.utils import dateformat, formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tasks import task

from vigil.campaigns.models import RSVP, Event

CONSENT_STATEMENT = gettext_lazy(
    "I agree that the organisers keep my name and email to manage my place at this event, and "
    "delete them within 30 days after it."
)

PENDING = (RSVP.Status.HELD, RSVP.Status.UNCONFIRMED)
# A reply in one of these states stops the same address from replying again.
LIVE = (*PENDING, RSVP.Status.CONFIRMED, RSVP.Status.WAITLISTED)
_RECEIPT_SALT = "vigil.campaigns.rsvp-receipt"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def receipt_for(rsvp: RSVP) -> str:
    """An unguessable, stable name for the page that shows a reply's state (and cannot confirm
    it): the reply's number, signed."""
    return signing.Signer(salt=_RECEIPT_SALT).sign(str(rsvp.pk))


def find_by_receipt(receipt: str) -> RSVP | None:
    try:
        pk = int(signing.Signer(salt=_RECEIPT_SALT).unsign(receipt))
    except (signing.BadSignature, ValueError):
        return None
    return RSVP.objects.select_related("event").filter(pk=pk).first()


def places_taken(event: Event, now=None) -> int:
    """Confirmed guests and unexpired held places."""
    now = now or timezone.now()
    held = Q(status=RSVP.Status.HELD, expires_at__gt=now)
    return event.rsvps.filter(Q(status=RSVP.Status.CONFIRMED) | held).count()


def next_hold_expiry(event: Event, now=None) -> datetime.datetime | None:
    """When the first place held now stops counting (so the event may no longer be full)."""
    now = now or timezone.now()
    held = event.rsvps.filter(status=RSVP.Status.HELD, expires_at__gt=now)
    return held.aggregate(first=Min("expires_at"))["first"]


def is_full(event: Event, now=None) -> bool:
    """No place left for a new reply: it would join the waiting list."""
    if event.capacity is None:
        return False
    waiting = event.rsvps.filter(status=RSVP.Status.WAITLISTED).exists()
    return waiting or places_taken(event, now) >= event.capacity


def _when(event: Event) -> str:
    # In the event's own zone, written as the guest's language writes a date and time.
    moment = dateformat.format(event.local_start, formats.get_format("DATETIME_FORMAT"))
    return f"{moment} ({event.time_zone})"


def _in_guest_language(rsvp: RSVP):
    """Write to a guest in the language they replied in, whoever's action sends the e-mail."""
    return translation.override(rsvp.language or settings.LANGUAGE_CODE)


def _send(rsvp: RSVP, subject: str, body: str) -> None:
    # Only the organisers' words and Vigil's own: never the name the visitor typed.
    send_mail(subject, body, None, [rsvp.email], fail_silently=False)


def reply(event: Event, *, name: str, email: str, consent: bool, base_url: str, now=None) -> RSVP:
    """Take a reply to a public event and e-mail its confirmation link.

    The reply holds a place while places remain (else a turn on the waiting list) until it is
    confirmed or expires. Refuses a past or cancelled event, a second live reply with the same
    e-mail and a reply without consent, each with a message for the person, changing nothing.
    """
    now = now or timezone.now()
    # Settled first and on its own: a refusal below must not undo expiries already e-mailed.
    expire_overdue(event, now)
    with transaction.atomic():
        return _take_reply(event, name, email, consent, base_url, now)


def _take_reply(event, name, email, consent, base_url, now) -> RSVP:
    event = Event.objects.select_for_update().get(pk=event.pk)
    if not event.is_public:
        raise ValidationError(_("This event does not take replies."))
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("This event has been cancelled."))
    if event.starts_at <= now:
        raise ValidationError(_("This event has already taken place."))
    if not consent:
        raise ValidationError(_("Please agree to how your name and email will be used."))
    email = email.strip().lower()
    if event.rsvps.filter(email=email, status__in=LIVE).exists():
        raise ValidationError(_("You have already replied with this email address."))
    token = secrets.token_urlsafe(32)
    rsvp = RSVP.objects.create(
        event=event,
        name=name.strip(),
        email=email,
        consent_statement=str(CONSENT_STATEMENT),
        status=RSVP.Status.UNCONFIRMED if is_full(event, now) else RSVP.Status.HELD,
        created_at=now,
        expires_at=now + datetime.timedelta(minutes=settings.RSVP_HOLD_MINUTES),
        token_hash=_hash(token),
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    _send_confirmation_link(rsvp, base_url.rstrip("/") + reverse("rsvp_confirm", args=[token]))
    expires_at = rsvp.expires_at
    transaction.on_commit(lambda: _schedule_expiry(event.pk, expires_at))
    return rsvp


def _send_confirmation_link(rsvp: RSVP, link: str) -> None:
    with _in_guest_language(rsvp):
        _write_confirmation_link(rsvp, link)


def _write_confirmation_link(rsvp: RSVP, link: str) -> None:
    event = rsvp.event
    until = formats.time_format(timezone.localtime(rsvp.expires_at, event.zone), "TIME_FORMAT")
    what = (
        _("The event is full: confirming puts you on its waiting list.")
        if rsvp.status == RSVP.Status.UNCONFIRMED
        else _("A place is held for you until %(until)s (%(zone)s).")
        % {"until": until, "zone": event.time_zone}
    )
    _send(
        rsvp,
        _("Please confirm your reply: %(title)s") % {"title": event.title},
        _(
            "Someone, we hope you, replied with this address to %(title)s on %(when)s.\n"
            "%(what)s\n\n"
            "To confirm, open this link and press the button:\n%(link)s\n\n"
            "If it was not you, ignore this email: unconfirmed, the reply ends at %(until)s and "
            "nothing more is sent."
        )
        % {"title": event.title, "when": _when(event), "what": what, "link": link, "until": until},
    )


def find_by_token(token: str) -> RSVP | None:
    return RSVP.objects.select_related("event").filter(token_hash=_hash(token)).first()


def confirm(token: str, now=None) -> RSVP:
    """Confirm a reply from its e-mailed link: a held place becomes the guest's; a reply to a full
    event joins the waiting list (or takes a place that freed meanwhile). Confirming twice
    changes nothing. An expired or cancelled reply is refused with a message."""
    now = now or timezone.now()
    rsvp = find_by_token(token) if token else None
    if rsvp is None:
        raise ValidationError(_("This confirmation link is not valid."))
    expire_overdue(rsvp.event, now)
    with transaction.atomic():
        return _confirm(rsvp.pk, now)


def _confirm(pk: int, now) -> RSVP:
    # Lock the event first, then read the reply: two clicks on the link confirm it once.
    event = Event.objects.select_for_update().get(rsvps__pk=pk)
    rsvp = RSVP.objects.select_related("event").get(pk=pk)
    if rsvp.status in (RSVP.Status.CONFIRMED, RSVP.Status.WAITLISTED):
        return rsvp
    if rsvp.status == RSVP.Status.EXPIRED:
        raise ValidationError(
            _("This reply was not confirmed in time and has expired. You may reply again.")
        )
    if rsvp.status == RSVP.Status.CANCELLED:
        raise ValidationError(_("This reply has been cancelled."))
    if event.status == Event.Status.CANCELLED:
        raise ValidationError(_("This event has been cancelled."))
    if event.starts_at <= now:
        raise ValidationError(_("This event has already taken place."))
    keeps_place = rsvp.status == RSVP.Status.HELD
    rsvp.status = (
        RSVP.Status.CONFIRMED if keeps_place or not is_full(event, now) else RSVP.Status.WAITLISTED
    )
    rsvp.confirmed_at = now
    rsvp.save(update_fields=["status", "confirmed_at"])
    _send_outcome(rsvp)
    return rsvp


def _send_outcome(rsvp: RSVP) -> None:
    with _in_guest_language(rsvp):
        _write_outcome(rsvp)


def _write_outcome(rsvp: RSVP) -> None:
    event = rsvp.event
    if rsvp.status == RSVP.Status.WAITLISTED:
        subject = _("Waiting list: %(title)s") % {"title": event.title}
        body = _(
            "%(title)s (%(when)s) is full. You are on the waiting list; we will write if a place "
            "frees."
        )
    else:
        subject = _("Your place: %(title)s") % {"title": event.title}
        body = _("Your place at %(title)s on %(when)s is confirmed.\nVenue: %(venue)s")
    venue = event.venue or event.online_url
    _send(rsvp, subject, body % {"title": event.title, "when": _when(event), "venue": venue})


def expire_overdue(event: Event, now=None) -> list[RSVP]:
    """End the unconfirmed replies whose time is up, forgetting who sent them, and give freed
    places to the waiting list. Returns the replies promoted."""
    now = now or timezone.now()
    if not event.rsvps.filter(status__in=PENDING, expires_at__lte=now).exists():
        return []
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        for rsvp in event.rsvps.filter(status__in=PENDING, expires_at__lte=now):
            rsvp.status, rsvp.name, rsvp.email = RSVP.Status.EXPIRED, "", ""
            rsvp.save(update_fields=["status", "name", "email"])
        return _promote_all(event, now)


@task()
def expire_replies(event_id: int) -> None:
    """The background job that ends a hold on time, so the waiting list hears promptly."""
    event = Event.objects.filter(pk=event_id).first()
    if event is not None:
        expire_overdue(event)


def _schedule_expiry(event_id: int, expires_at: datetime.datetime) -> None:
    if not expire_replies.get_backend().supports_defer:
        return  # a backend that runs jobs at once cannot wait: replies expire when next touched
    expire_replies.using(run_after=expires_at + datetime.timedelta(seconds=1)).enqueue(event_id)


@transaction.atomic
def cancel(rsvp: RSVP, now=None) -> RSVP | None:
    """Cancel a reply; a place it had or held goes to the first on the waiting list.
    Returns the promoted reply, if any."""
    Event.objects.select_for_update().get(pk=rsvp.event_id)
    rsvp = RSVP.objects.select_related("event").get(pk=rsvp.pk)  # as it is now, under the lock
    if rsvp.status in (RSVP.Status.CANCELLED, RSVP.Status.EXPIRED):
        return None
    frees_place = rsvp.status in (RSVP.Status.CONFIRMED, RSVP.Status.HELD)
    rsvp.status = RSVP.Status.CANCELLED
    rsvp.save(update_fields=["status"])
    return promote(rsvp.event, now) if frees_place else None


def promote(event: Event, now=None) -> RSVP | None:
    """Give a free place to the first confirmed reply on the waiting list, and tell them."""
    now = now or timezone.now()
    if event.capacity is not None and places_taken(event, now) >= event.capacity:
        return None
    first = event.rsvps.filter(status=RSVP.Status.WAITLISTED).order_by("created_at", "pk").first()
    if first is None:
        return None
    first.status = RSVP.Status.CONFIRMED
    first.save(update_fields=["status"])
    with _in_guest_language(first):
        _send(
            first,
            _("A place freed: %(title)s") % {"title": event.title},
            _("A place has freed at %(title)s on %(when)s and it is yours.\nVenue: %(venue)s")
            % {
                "title": event.title,
                "when": _when(event),
                "venue": event.venue or event.online_url,
            },
        )
    return first


def _promote_all(event: Event, now=None) -> list[RSVP]:
    promoted = []
    while (guest := promote(event, now)) is not None:
        promoted.append(guest)
    return promoted


def promote_after_capacity_change(event: Event, previous_capacity: int | None) -> list[RSVP]:
    """After an edit of the event: places it gained (a larger capacity, or none at all) go to the
    waiting list in turn. An edit that adds no place promotes no one."""
    gained = event.capacity is None or (
        previous_capacity is not None and event.capacity > previous_capacity
    )
    return _promote_all(event) if gained else []


def check_in(rsvp: RSVP, now=None) -> RSVP:
    if rsvp.status != RSVP.Status.CONFIRMED:
        raise ValidationError(_("Only confirmed guests can be checked in."))
    rsvp.checked_in_at = now or timezone.now()
    rsvp.save(update_fields=["checked_in_at"])
    return rsvp
