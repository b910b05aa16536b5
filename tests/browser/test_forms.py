"""In a real Chromium: what a person sees after a refused form, and the form controls."""

import re

import pytest
from playwright.sync_api import expect

from tests.campaigns.conftest import make_event
from tests.conftest import screenshot, signed_in
from vigil.campaigns.models import Chapter, Contact
from vigil.recognition.models import Actor

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def berlin(db):
    return Chapter.objects.create(name="Berlin chapter", city="Berlin", country_code="DEU")


def sign_in_as(page, live_server, user):
    """Carry a session that has passed the second factor into the browser."""
    client = signed_in(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_a_refused_event_form_focuses_a_summary_at_its_top_and_marks_the_field(
    page, live_server, django_user_model, berlin
):
    carol = django_user_model.objects.create_user("carol", password="pw-carol-123")
    berlin.coordinators.add(carol)
    sign_in_as(page, live_server, carol)
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/campaign/events/new/")
    # Anchored: "Language of the title and description" holds the word too.
    page.get_by_label(re.compile(r"^Title")).fill("Commemoration evening")
    page.get_by_label("Kind").select_option("commemoration")
    page.get_by_label("Chapter").select_option(label="Berlin chapter")
    page.get_by_label("Starts (local time)").fill("2026-02-26T18:00")
    page.get_by_label("Ends (local time)").fill("2026-02-26T17:00")
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()

    summary = page.locator("[data-error-summary]")
    assert summary.evaluate("node => node === document.activeElement"), "summary not focused"
    box = summary.bounding_box()
    assert 0 <= box["y"] < 844, "the summary is not in view"
    form_top = page.locator("main form").bounding_box()["y"]
    field_top = page.locator(".field").first.bounding_box()["y"]
    assert form_top <= box["y"] < field_top, "the summary is not at the top of the form"
    assert page.title().startswith("Error:")
    ends = page.get_by_label("Ends (local time)")
    assert ends.get_attribute("aria-invalid") == "true"
    error_id = ends.get_attribute("aria-describedby")
    assert "after the start" in page.locator(f"#{error_id}").inner_text()
    screenshot(page, "form-error-summary")

    summary.get_by_role("link", name="Ends (local time)").click()
    assert ends.evaluate("node => node === document.activeElement"), "the link did not focus it"


def test_on_a_phone_the_consent_box_sits_beside_its_label_as_a_large_tap_target(
    page, live_server, berlin
):
    event = make_event(berlin, title="Commemoration evening")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{live_server.url}/events/{event.pk}/")
    box = page.get_by_role("checkbox", name="I agree")
    label = page.locator("label", has_text="I agree")
    box_area, label_area = box.bounding_box(), label.bounding_box()
    assert box_area["width"] >= 20 and box_area["height"] >= 20
    assert label_area["height"] >= 44, "the label is a small tap target"
    middle = box_area["y"] + box_area["height"] / 2
    assert label_area["y"] <= middle <= label_area["y"] + label_area["height"], "not side by side"
    assert box_area["x"] < label_area["x"], "the box is not before its label"
    label.click(position={"x": label_area["width"] - 5, "y": 5})
    assert box.is_checked(), "tapping the label does not tick the box"
    screenshot(page, "form-consent-on-a-phone")


def test_date_and_time_inputs_look_like_every_other_input(
    page, live_server, django_user_model, berlin
):
    carol = django_user_model.objects.create_user("carol", password="pw-carol-123")
    berlin.coordinators.add(carol)
    sign_in_as(page, live_server, carol)
    page.goto(f"{live_server.url}/campaign/events/new/")
    look = (
        "node => { const s = getComputedStyle(node); return [s.borderTopColor, s.borderTopWidth,"
        " s.borderRadius, s.fontFamily, s.fontSize, s.paddingLeft, s.height]; }"
    )
    text = page.get_by_label(re.compile(r"^Title")).evaluate(look)
    for label in ("Starts (local time)", "Ends (local time)"):
        assert page.get_by_label(label).evaluate(look) == text, label
    screenshot(page, "form-event-inputs")


def test_a_coordinator_finds_an_actor_and_a_country_by_typing_part_of_a_name_or_code(
    page, live_server, django_user_model, berlin, states
):
    Actor.objects.create(name="Georgia", kind=Actor.Kind.SUBNATIONAL, country_code="USA")
    carol = django_user_model.objects.create_user("carol", password="pw-carol-123")
    berlin.coordinators.add(carol)
    sign_in_as(page, live_server, carol)
    page.goto(f"{live_server.url}/campaign/contacts/new/")
    page.locator("#id_name").fill("Nino Beridze")
    page.get_by_label("Kind").select_option("official")
    actor = page.get_by_role("combobox", name="Actor")
    # Hundreds of actors: the list is searched on the server, a page of matches at a time.
    assert actor.locator("option").count() == 1
    actor_search = page.locator("#id_actor").locator("xpath=preceding-sibling::input[1]")
    matches = page.locator(".picker-matches button")
    actor_search.fill("georgia")
    expect(matches).to_have_count(3)
    shown = matches.all_inner_texts()
    assert shown[:2] == ["Georgia (GEO)", "Georgia (USA) — subnational legislature"]
    actor_search.fill("usa georgia")
    expect(matches).to_have_count(1)
    matches.click()
    assert actor.locator("option:checked").inner_text() == "Georgia (USA) — subnational legislature"
    country_search = page.locator("#id_country_code").locator("xpath=preceding-sibling::input[1]")
    country_search.fill("côte")
    assert page.locator("#id_country_code option:checked").inner_text() == "Côte d'Ivoire (CIV)"
    country_search.fill("GEO")
    assert page.locator("#id_country_code option:checked").inner_text() == "Georgia (GEO)"
    # A list short enough to read at a glance (the one chapter) gets no search box.
    assert page.locator("#id_chapter").locator("xpath=preceding-sibling::input").count() == 0
    screenshot(page, "form-pickers")
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()
    contact = Contact.objects.get(name="Nino Beridze")
    assert (contact.actor.kind, contact.actor.country_code) == ("subnational", "USA")
    assert contact.country_code == "GEO"
