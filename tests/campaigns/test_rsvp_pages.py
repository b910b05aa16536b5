"""The public reply pages: the event page, the reply's own page after sending (post/redirect/get),
the e-mailed confirmation link, and the throttle on replies per client address."""

import datetime

import pytest
from django.urls import reverse

from tests.campaigns.conftest import make_event
from tests.campaigns.test_rsvp import token_sent_to
from vigil.campaigns import rsvps, throttle
from vigil.campaigns.models import RSVP, ReplyCounter

pytestmark = pytest.mark.django_db


def post_reply(client, event, n, address="192.0.2.10"):
    return client.post(
        reverse("public_event", args=[event.pk]),
        {"name": f"Guest {n}", "email": f"guest{n}@example.org", "consent": "on"},
        REMOTE_ADDR=address,
    )


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"name": "A", "email": "not-an-email", "consent": "on"}, "Enter a valid email address"),
        ({"name": "A", "email": "a@example.org"}, "Please agree"),
    ],
)
def test_the_public_page_shows_clear_messages_and_changes_nothing(client, chapter, data, message):
    event = make_event(chapter)
    response = client.post(reverse("public_event", args=[event.pk]), data)
    assert message in response.content.decode()
    assert not RSVP.objects.exists()


def test_the_public_page_needs_no_sign_in_and_carries_json_ld(client, chapter):
    event = make_event(chapter, title="Vigil for the victims </script>")
    page = client.get(reverse("public_event", args=[event.pk])).content.decode()
    assert '"@type": "Event"' in page
    assert "Vigil for the victims \\u003c/script\\u003e" in page


def test_an_internal_event_has_no_public_page(client, chapter):
    event = make_event(chapter, is_public=False)
    assert client.get(reverse("public_event", args=[event.pk])).status_code == 404


def test_after_a_reply_the_visitor_sees_its_state_not_the_form_again(client, chapter, mailoutbox):
    event = make_event(chapter, capacity=5)
    response = post_reply(client, event, 1)
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Check your email" in page and "We have held a place for you until" in page
    assert "(Europe/Berlin)" in page
    assert "Your name" not in page and 'name="email"' not in page
    assert RSVP.objects.get().status == "held"


def test_a_full_event_says_so_before_the_form(client, chapter, mailoutbox):
    event = make_event(chapter, capacity=1)
    rsvps.reply(event, name="A", email="a@example.org", consent=True, base_url="http://x/")
    page = client.get(reverse("public_event", args=[event.pk])).content.decode()
    notice = page.index("This event is full. A reply joins the waiting list")
    assert notice < page.index('<form method="post" novalidate>')
    assert "Join the waiting list" in page and "Reserve my place" not in page


def test_the_emailed_link_asks_before_it_confirms(client, chapter, mailoutbox):
    event = make_event(chapter)
    post_reply(client, event, 1)
    link = reverse("rsvp_confirm", args=[token_sent_to(mailoutbox, "guest1@example.org")])
    assert "Confirm my reply" in client.get(link).content.decode()
    assert RSVP.objects.get().status == "held"  # a mail scanner fetching the link confirms nothing
    response = client.post(link)
    assert response.status_code == 302
    assert "Your place is confirmed" in client.get(response.url).content.decode()
    assert RSVP.objects.get().status == "confirmed"


def test_an_expired_link_says_so(client, chapter, mailoutbox, settings):
    event = make_event(chapter)
    rsvps.reply(
        event,
        name="A",
        email="a@example.org",
        consent=True,
        base_url="http://testserver/",
        now=datetime.datetime.now(datetime.UTC) - datetime.timedelta(hours=1),
    )
    link = reverse("rsvp_confirm", args=[token_sent_to(mailoutbox, "a@example.org")])
    page = client.post(link).content.decode()
    assert "not confirmed in time and has expired" in page
    assert RSVP.objects.get().status == "expired"


def test_a_forged_link_or_receipt_finds_nothing(client, chapter, mailoutbox):
    event = make_event(chapter)
    assert client.get(reverse("rsvp_confirm", args=["forged"])).status_code == 404
    post_reply(client, event, 1)
    other = make_event(chapter, title="Another event")
    receipt = rsvps.receipt_for(RSVP.objects.get())
    assert client.get(reverse("public_reply", args=[other.pk, receipt])).status_code == 404
    assert client.get(reverse("public_reply", args=[event.pk, receipt + "x"])).status_code == 404


def test_the_throttle_answers_a_clear_429_page_and_sends_nothing_more(
    client, chapter, mailoutbox, settings
):
    settings.RSVP_REPLIES_PER_EVENT = 2
    event = make_event(chapter, capacity=8)
    assert [post_reply(client, event, n).status_code for n in (1, 2)] == [302, 302]
    response = post_reply(client, event, 3)
    assert response.status_code == 429
    assert "Too many replies have come from your network" in response.content.decode()
    assert 0 < int(response["Retry-After"]) <= 3601
    assert RSVP.objects.count() == 2 and len(mailoutbox) == 2
    assert post_reply(client, event, 4, address="198.51.100.7").status_code == 302


def test_the_throttle_limits_an_address_across_events_too(chapter, settings):
    settings.RSVP_REPLIES_PER_EVENT = 5
    settings.RSVP_REPLIES_PER_ADDRESS = 3
    events = [make_event(chapter, title=f"Event {n}") for n in range(4)]
    for event in events[:3]:
        throttle.admit_reply("192.0.2.10", event)
    with pytest.raises(throttle.ReplyThrottled):
        throttle.admit_reply("192.0.2.10", events[3])


def test_a_new_hour_opens_the_throttle_again_and_old_counts_are_deleted(chapter, settings):
    settings.RSVP_REPLIES_PER_EVENT = 1
    event = make_event(chapter)
    now = datetime.datetime(2030, 1, 1, 10, 30, tzinfo=datetime.UTC)
    throttle.admit_reply("192.0.2.10", event, now=now)
    with pytest.raises(throttle.ReplyThrottled) as refusal:
        throttle.admit_reply("192.0.2.10", event, now=now)
    assert refusal.value.retry_after == 30 * 60 + 1
    throttle.admit_reply("192.0.2.10", event, now=now + datetime.timedelta(hours=1))
    throttle.admit_reply("192.0.2.10", event, now=now + datetime.timedelta(days=2))
    assert (
        ReplyCounter.objects.filter(window_start__lt=now + datetime.timedelta(days=1)).count() == 0
    )


def test_an_ipv6_subscriber_cannot_step_round_the_throttle(chapter, settings):
    settings.RSVP_REPLIES_PER_EVENT = 1
    event = make_event(chapter)
    throttle.admit_reply("2001:db8:1:2::1", event)
    with pytest.raises(throttle.ReplyThrottled):
        throttle.admit_reply("2001:db8:1:2:ffff::9", event)
    throttle.admit_reply("2001:db8:1:3::1", event)  # another subscriber


def test_the_throttle_keeps_no_address(chapter):
    throttle.admit_reply("192.0.2.10", make_event(chapter))
    assert all("192.0.2" not in counter.key for counter in ReplyCounter.objects.all())


def test_cancelling_a_guest_asks_for_confirmation_first(coordinator_client, chapter, mailoutbox):
    event = make_event(chapter)
    rsvps.reply(event, name="A", email="a@example.org", consent=True, base_url="http://x/")
    page = coordinator_client.get(reverse("campaigns:event", args=[event.pk])).content.decode()
    cancel = reverse("campaigns:rsvp_cancel", args=[RSVP.objects.get().pk])
    assert f'action="{cancel}" data-confirm="Cancel this guest' in page


def test_a_replys_page_keeps_one_address(chapter, mailoutbox):
    event = make_event(chapter)
    rsvp = rsvps.reply(event, name="A", email="a@example.org", consent=True, base_url="http://x/")
    assert rsvps.receipt_for(rsvp) == rsvps.receipt_for(RSVP.objects.get())
    assert rsvps.find_by_receipt(rsvps.receipt_for(rsvp)) == rsvp
