"""In a real Chromium: the public RSVP flow, with no sign-in, and a chapter's dashboard."""

import base64

import pytest
from django_otp.oath import totp

from tests.campaigns.conftest import make_event
from tests.conftest import PASSWORD, screenshot
from vigil.campaigns.models import RSVP, Chapter

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def berlin(db):
    return Chapter.objects.create(name="Berlin chapter", city="Berlin", country_code="DEU")


def test_a_visitor_reserves_the_last_place_and_the_next_one_waits(page, live_server, berlin):
    event = make_event(berlin, title="Commemoration evening", capacity=1)
    for name, email, expected in [
        ("Ayla", "ayla@example.org", "Your place is confirmed"),
        ("Omar", "omar@example.org", "you are on the waiting list"),
    ]:
        page.goto(f"{live_server.url}/events/{event.pk}/")
        page.get_by_label("Your name").fill(name)
        page.get_by_label("Your email").fill(email)
        page.get_by_label("I agree").check()
        page.get_by_role("button", name="Reserve my place").click()
        page.get_by_text(expected).wait_for()
    screenshot(page, "public-rsvp")
    assert list(RSVP.objects.order_by("pk").values_list("status", flat=True)) == [
        "confirmed",
        "waitlisted",
    ]
    page.get_by_label("Your name").fill("Ayla again")
    page.get_by_label("Your email").fill("ayla@example.org")
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Reserve my place").click()
    page.get_by_text("You have already replied with this email address.").wait_for()


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
