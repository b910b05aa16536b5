"""Replies to public events: held places, confirmation by e-mail, expiry, the waiting list."""

import datetime
import re

import pytest
from django.core.exceptions import ValidationError

from tests.campaigns.conftest import make_event
from vigil.campaigns import rsvps
from vigil.campaigns.models import RSVP, Event

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver/events/confirm/([^/\s]+)/")


def reply(event, n, name=None, **kw):
    return rsvps.reply(
        event,
        name=name or f"Guest {n}",
        email=f"guest{n}@example.org",
        consent=True,
        base_url="http://testserver/",
        **kw,
    )


def token_sent_to(mailoutbox, address: str) -> str:
    """The confirmation token in the last e-mail to `address`."""
    mail = [m for m in mailoutbox if m.to == [address]][-1]
    return LINK.search(mail.body).group(1)


def reply_and_confirm(event, n, mailoutbox, **kw) -> RSVP:
    reply(event, n)
    return rsvps.confirm(token_sent_to(mailoutbox, f"guest{n}@example.org"), **kw)


def later(minutes: int) -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=minutes)


def test_a_reply_is_not_counted_until_its_emailed_link_confirms_it(chapter, mailoutbox):
    event = make_event(chapter, capacity=1)
    held = reply(event, 1)
    assert held.status == "held"
    assert not event.rsvps.filter(status__in=["confirmed", "waitlisted"]).exists()
    assert [m.subject for m in mailoutbox] == ["Please confirm your reply: Commemoration"]
    confirmed = rsvps.confirm(token_sent_to(mailoutbox, "guest1@example.org"))
    assert confirmed.status == "confirmed" and confirmed.confirmed_at is not None
    assert mailoutbox[-1].subject == "Your place: Commemoration"


def test_places_fill_then_confirmed_replies_join_the_waiting_list(chapter, mailoutbox):
    event = make_event(chapter, capacity=2)
    statuses = [reply_and_confirm(event, n, mailoutbox).status for n in range(4)]
    assert statuses == ["confirmed", "confirmed", "waitlisted", "waitlisted"]
    assert mailoutbox[-1].subject == "Waiting list: Commemoration"
    assert mailoutbox[-1].to == ["guest3@example.org"]


def test_a_held_place_counts_against_capacity_until_it_expires(chapter, mailoutbox):
    event = make_event(chapter, capacity=1)
    reply(event, 1)
    assert rsvps.is_full(event)
    assert reply(event, 2).status == "unconfirmed"
    assert not rsvps.is_full(event, now=later(31))


def test_an_expired_hold_frees_its_place_and_the_waiting_list_is_promoted(
    chapter, mailoutbox, settings
):
    settings.RSVP_HOLD_MINUTES = 30
    event = make_event(chapter, capacity=1)
    reply(event, 1, name="Never confirms")
    hold_token = token_sent_to(mailoutbox, "guest1@example.org")
    waiting = reply_and_confirm(event, 2, mailoutbox)
    assert waiting.status == "waitlisted"

    promoted = rsvps.expire_overdue(event, now=later(31))

    assert promoted == [waiting]
    waiting.refresh_from_db()
    assert waiting.status == "confirmed"
    assert (mailoutbox[-1].subject, mailoutbox[-1].to) == (
        "A place freed: Commemoration",
        ["guest2@example.org"],
    )
    expired = RSVP.objects.get(status="expired")
    assert (expired.name, expired.email) == ("", "")  # nothing kept of an unconfirmed reply
    with pytest.raises(ValidationError, match="expired"):
        rsvps.confirm(hold_token, now=later(32))


def test_a_late_confirmation_expires_the_hold_first_and_says_so(chapter, mailoutbox):
    event = make_event(chapter, capacity=1)
    reply(event, 1)
    with pytest.raises(ValidationError, match="not confirmed in time"):
        rsvps.confirm(token_sent_to(mailoutbox, "guest1@example.org"), now=later(31))
    assert RSVP.objects.get().status == "expired"
    assert reply(event, 1, now=later(32)).status == "held"  # the same person may reply again


def test_an_unconfirmed_reply_to_a_full_event_takes_a_place_that_freed_meanwhile(
    chapter, mailoutbox
):
    event = make_event(chapter, capacity=1)
    reply(event, 1)
    assert reply(event, 2).status == "unconfirmed"
    rsvps.cancel(RSVP.objects.get(email="guest1@example.org"))
    assert rsvps.confirm(token_sent_to(mailoutbox, "guest2@example.org")).status == "confirmed"


def test_no_email_carries_what_the_visitor_typed(chapter, mailoutbox):
    spam = "Cheap pills at spam.example"
    event = make_event(chapter, capacity=1)
    first = reply(event, 1, name=spam)
    rsvps.confirm(token_sent_to(mailoutbox, "guest1@example.org"))
    reply(event, 2, name=spam)
    rsvps.confirm(token_sent_to(mailoutbox, "guest2@example.org"))
    rsvps.cancel(RSVP.objects.get(pk=first.pk))  # promotes guest 2
    subjects = [m.subject for m in mailoutbox]
    assert subjects == [
        "Please confirm your reply: Commemoration",
        "Your place: Commemoration",
        "Please confirm your reply: Commemoration",
        "Waiting list: Commemoration",
        "A place freed: Commemoration",
    ]
    for mail in mailoutbox:
        whole = mail.message().as_string()  # every header and the body
        assert spam not in whole
        assert mail.extra_headers == {} and mail.reply_to == []


def test_confirming_twice_changes_nothing_and_a_bad_link_is_refused(chapter, mailoutbox):
    event = make_event(chapter)
    reply(event, 1)
    token = token_sent_to(mailoutbox, "guest1@example.org")
    assert rsvps.confirm(token).status == "confirmed"
    sent = len(mailoutbox)
    assert rsvps.confirm(token).status == "confirmed"
    assert len(mailoutbox) == sent
    with pytest.raises(ValidationError, match="not valid"):
        rsvps.confirm("forged-token")


def test_a_reply_to_an_event_cancelled_before_confirmation_is_not_confirmed(chapter, mailoutbox):
    event = make_event(chapter)
    reply(event, 1)
    Event.objects.filter(pk=event.pk).update(status="cancelled")
    with pytest.raises(ValidationError, match="has been cancelled"):
        rsvps.confirm(token_sent_to(mailoutbox, "guest1@example.org"))
    assert RSVP.objects.get().status == "held"


def test_a_freed_place_goes_to_the_first_on_the_waiting_list(chapter, mailoutbox):
    event = make_event(chapter, capacity=1)
    first, second, third = (reply_and_confirm(event, n, mailoutbox) for n in (1, 2, 3))
    promoted = rsvps.cancel(first)
    assert promoted == second
    second.refresh_from_db()
    third.refresh_from_db()
    assert (second.status, third.status) == ("confirmed", "waitlisted")
    assert mailoutbox[-1].subject == "A place freed: Commemoration"
    assert mailoutbox[-1].to == ["guest2@example.org"]


def test_cancelling_a_held_reply_frees_its_place(chapter, mailoutbox):
    event = make_event(chapter, capacity=1)
    held = reply(event, 1)
    waiting = reply_and_confirm(event, 2, mailoutbox)
    assert rsvps.cancel(held) == waiting


def test_cancelling_a_waitlisted_reply_promotes_nobody(chapter, mailoutbox):
    event = make_event(chapter, capacity=1)
    reply_and_confirm(event, 1, mailoutbox)
    waiting = reply_and_confirm(event, 2, mailoutbox)
    assert rsvps.cancel(waiting) is None


def test_no_capacity_means_no_waiting_list(chapter, mailoutbox):
    event = make_event(chapter)
    assert {reply_and_confirm(event, n, mailoutbox).status for n in range(5)} == {"confirmed"}


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ({"days": -1}, "already taken place"),
        ({"status": "cancelled"}, "has been cancelled"),
    ],
)
def test_replies_to_past_or_cancelled_events_are_refused(chapter, setup, message, mailoutbox):
    event = make_event(chapter, days=setup.get("days", 30))
    if "status" in setup:
        Event.objects.filter(pk=event.pk).update(status=setup["status"])
    with pytest.raises(ValidationError, match=message):
        reply(event, 1)
    assert not RSVP.objects.exists() and mailoutbox == []


def test_a_second_reply_with_the_same_email_is_refused(chapter):
    event = make_event(chapter)
    reply(event, 1)
    with pytest.raises(ValidationError, match="already replied"):
        rsvps.reply(
            event,
            name="Again",
            email="GUEST1@example.org",
            consent=True,
            base_url="http://testserver/",
        )
    assert RSVP.objects.count() == 1


def test_check_in_only_for_confirmed_guests(chapter, mailoutbox):
    event = make_event(chapter, capacity=1)
    confirmed = reply_and_confirm(event, 1, mailoutbox)
    held = reply(event, 2)
    assert rsvps.check_in(confirmed).checked_in_at is not None
    with pytest.raises(ValidationError):
        rsvps.check_in(held)


def test_each_hold_is_queued_to_expire_on_time_and_the_job_promotes_the_waiting_list(
    chapter, mailoutbox, django_capture_on_commit_callbacks
):
    from django_tasks_db.models import DBTaskResult

    event = make_event(chapter, capacity=1)
    an_hour_ago = later(-60)
    with django_capture_on_commit_callbacks(execute=True):
        held = reply(event, 1, now=an_hour_ago)
    job = DBTaskResult.objects.get()
    assert job.task_path == "vigil.campaigns.rsvps.expire_replies"
    assert job.run_after > held.expires_at and job.args_kwargs["args"] == [event.pk]
    RSVP.objects.create(
        event=event, name="W", email="w@example.org", consent_statement="yes", status="waitlisted"
    )
    rsvps.expire_replies.call(event.pk)  # what the worker runs once the time has come
    assert RSVP.objects.get(pk=held.pk).status == "expired"
    assert RSVP.objects.get(email="w@example.org").status == "confirmed"
