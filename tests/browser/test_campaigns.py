"""In a real Chromium: the public RSVP flow, with no sign-in, event times, cancelling a guest, and a
chapter's dashboard."""

import base64
import datetime
import re
import zoneinfo

import pytest
from django.conf import settings
from django_otp.oath import totp

from tests.campaigns.conftest import make_event
from tests.conftest import screenshot, signed_in
from tests.personas import PASSWORD
from vigil.campaigns.models import RSVP, Chapter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def berlin(db):
    return Chapter.objects.create(name="Berlin chapter", city="Berlin", country_code="DEU")


def berlin_evening(chapter, **fields):
    """18:00–20:00 in Berlin next 26 February: 17:00 in UTC, the server's zone."""
    year = datetime.date.today().year + 1
    start = datetime.datetime(year, 2, 26, 18, 0, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))
    return make_event(
        chapter, starts_at=start, ends_at=start + datetime.timedelta(hours=2), **fields
    )


def reply_on_the_page(page, name, email, button="Reserve my place"):
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Your email").fill(email)
    page.get_by_label("I agree").check()
    page.get_by_role("button", name=button).click()


def confirmation_link(mailoutbox, email) -> str:
    mail = [m for m in mailoutbox if m.to == [email]][-1]
    return re.search(r"http://\S+/events/confirm/\S+/", mail.body).group(0)


def test_a_visitor_replies_then_confirms_from_the_email(page, live_server, berlin, mailoutbox):
    event = berlin_evening(berlin, title="Commemoration evening", capacity=5)
    page.goto(f"{live_server.url}/events/{event.pk}/")
    lead = page.locator("p.lead").inner_text()
    day = event.local_start.strftime("%A %-d %B %Y")
    assert lead == f"{day}, 18:00 – 20:00 (Europe/Berlin)"
    reply_on_the_page(page, "Ayla", "ayla@example.org")
    page.get_by_role("heading", name="Check your email").wait_for()
    assert page.get_by_label("Your name").count() == 0  # the reply's state, not the form again
    page.reload()  # post/redirect/get: reloading sends nothing twice
    page.get_by_role("heading", name="Check your email").wait_for()
    assert RSVP.objects.get().status == "held" and len(mailoutbox) == 1
    screenshot(page, "public-rsvp-check-email")

    page.goto(confirmation_link(mailoutbox, "ayla@example.org"))
    page.get_by_role("button", name="Confirm my reply").click()
    page.get_by_role("heading", name="Your place is confirmed").wait_for()
    assert page.get_by_label("Your name").count() == 0
    assert RSVP.objects.get().status == "confirmed"
    screenshot(page, "public-rsvp-confirmed")


def test_a_full_events_page_says_so_before_the_form(page, live_server, berlin, mailoutbox):
    event = berlin_evening(berlin, title="Small seminar", capacity=1)
    RSVP.objects.create(
        event=event,
        name="First",
        email="first@example.org",
        consent_statement="yes",
        status="confirmed",
    )
    page.goto(f"{live_server.url}/events/{event.pk}/")
    notice = page.get_by_text("This event is full. A reply joins the waiting list")
    form = page.locator("form[method=post]").last
    assert notice.bounding_box()["y"] < form.bounding_box()["y"]
    screenshot(page, "public-rsvp-full")
    reply_on_the_page(page, "Omar", "omar@example.org", button="Join the waiting list")
    page.get_by_text("The event is full. Open the link in the email").wait_for()
    page.goto(confirmation_link(mailoutbox, "omar@example.org"))
    page.get_by_role("button", name="Confirm my reply").click()
    page.get_by_role("heading", name="You are on the waiting list").wait_for()
    assert RSVP.objects.get(email="omar@example.org").status == "waitlisted"


def test_a_coordinator_sees_the_events_time_and_must_confirm_cancelling_a_guest(
    page, live_server, berlin, django_user_model
):
    coordinator = django_user_model.objects.create_user("carol", password="pw-carol-123")
    berlin.coordinators.add(coordinator)
    event = berlin_evening(berlin, title="Commemoration evening", capacity=5)
    RSVP.objects.create(
        event=event,
        name="Ayla",
        email="ayla@example.org",
        consent_statement="yes",
        status="confirmed",
    )
    session = signed_in(coordinator).cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/campaign/events/{event.pk}/")
    assert "18:00 – 20:00 (Europe/Berlin)" in page.locator("dl.facts").inner_text()
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="Cancel").click()
    assert RSVP.objects.get().status == "confirmed"  # dismissed: nothing sent
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Cancel").click()
    page.get_by_text("Reply cancelled.").wait_for()
    assert RSVP.objects.get().status == "cancelled"


def test_a_coordinator_sets_up_two_factor_then_opens_the_chapter_dashboard(
    page, live_server, alice, berlin
):
    berlin.coordinators.add(alice)
    make_event(berlin, title="Seminar on the evidence")
    page.goto(f"{live_server.url}/login/")
    page.get_by_label("Username").fill("alice")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    # A coordinator must pair an authenticator before anything else.
    page.get_by_role("heading", name="Set up two-factor sign-in").wait_for()
    assert page.locator("figure.qr svg").count() == 1
    key = base64.b32decode(page.locator("code.secret").inner_text())
    page.get_by_label("Code from your authenticator app").fill(f"{totp(key):06d}")
    page.get_by_role("button", name="Turn on").click()
    page.get_by_role("heading", name="Your backup codes").wait_for()
    assert page.locator("ul.backup-codes li").count() == 10
    screenshot(page, "two-factor-backup-codes")
    page.get_by_role("link", name="I have kept them: continue").click()
    page.get_by_role("link", name="Campaign").first.click()
    page.get_by_role("link", name="Chapters").click()
    page.get_by_role("link", name="Berlin chapter").click()
    page.get_by_role("heading", name="Upcoming events").wait_for()
    assert "Seminar on the evidence" in page.content()
    assert page.locator("svg.bar-chart rect.bar").count() == 1
    screenshot(page, "chapter-dashboard")
