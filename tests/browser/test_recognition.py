"""In a real Chromium: the map answers a click on a country; the board moves a target on."""

import pytest

from tests.conftest import make_source, screenshot, sign_in
from tests.recognition.conftest import act, state
from vigil.recognition import services
from vigil.recognition.models import Actor, Target

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_clicking_a_country_shows_its_acts_and_sources(page, live_server, alice, case, states):
    source = make_source(case, text="Resolution of the Senate.", title="Senate resolution text")
    act(case, state("PAK"), sources=[source])
    sign_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/cases/{case.slug}/recognition/")
    page.locator('.worldmap [data-iso="PAK"]').click()
    details = page.locator("#country-details")
    details.get_by_role("heading", name="Pakistan").wait_for()
    assert "quoted words" in details.inner_text()
    screenshot(page, "recognition-map")
    details.get_by_role("link", name="Senate resolution text").click()
    page.get_by_role("heading", name="Senate resolution text").wait_for()


def test_the_map_quotes_an_act_in_the_reader_s_language_and_says_when_it_cannot(
    page, live_server, alice, case, states
):
    from django.conf import settings

    from vigil.recognition.translations import save_act_translation

    save_act_translation(act(case, state("PAK")), language="ur", wording="نسل کشی کا ارتکاب")
    act(case, state("PAK"), "massacre")  # not translated
    sign_in(page, live_server, "alice")
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": "ur", "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/cases/{case.slug}/recognition/")
    page.locator('.worldmap [data-iso="PAK"]').click()
    details = page.locator("#country-details")
    translated = details.locator('blockquote[lang="ur"]')
    translated.wait_for()
    assert translated.inner_text() == "نسل کشی کا ارتکاب"
    assert translated.evaluate("node => getComputedStyle(node).direction") == "rtl"
    original = details.locator('blockquote[lang="en"]')
    assert original.inner_text() == "quoted words"
    assert original.evaluate("node => getComputedStyle(node).direction") == "ltr"
    assert details.locator(".translation-note").count() == 2  # one a translation, one not yet
    screenshot(page, "recognition-map-ur")


def test_a_target_moves_one_stage_on_the_board(page, live_server, alice, case, states):
    target = services.create_target(case, actor=state("ITA"), next_step="Write to the chair")
    sign_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/cases/{case.slug}/recognition/pipeline/")
    card = page.locator(f'[data-target="{target.pk}"]')
    card.get_by_role("button", name="Move on").click()
    page.get_by_text("moved to “contacted”").wait_for()
    column = page.locator("section.board-column", has=page.locator("#stage-contacted"))
    assert "Italy" in column.inner_text()
    screenshot(page, "pipeline-board")
    assert Target.objects.get(pk=target.pk).stage == "contacted"


def test_every_stage_of_the_board_is_in_view_at_1280_px(page, live_server, alice, case, states):
    services.create_target(case, actor=state("ITA"), next_step="Write to the chair")
    services.create_target(case, actor=state("ESP"), stage="declined")
    sign_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/cases/{case.slug}/recognition/pipeline/")
    board = page.locator(".board")
    assert board.evaluate("el => el.scrollWidth <= el.clientWidth")
    headings = page.locator(".board-column h2")
    assert headings.count() == len(Target.Stage.values)
    for heading in headings.all():
        box = heading.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 1280
    assert page.locator("#board-hint").is_hidden()
    screenshot(page, "pipeline-board-1280")

    page.set_viewport_size({"width": 800, "height": 900})
    assert board.evaluate("el => el.scrollWidth > el.clientWidth")
    assert page.locator("#board-hint").is_visible()  # the cue that more stages lie sideways


def test_a_target_moves_back_on_the_board(page, live_server, alice, case, states):
    target = services.create_target(case, actor=state("ITA"), stage="briefed")
    sign_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/cases/{case.slug}/recognition/pipeline/")
    page.locator(f'[data-target="{target.pk}"]').get_by_role("button", name="Back").click()
    page.get_by_text("moved to “contacted”").wait_for()
    column = page.locator("section.board-column", has=page.locator("#stage-contacted"))
    assert "Italy" in column.inner_text()
    assert [c.to_stage for c in Target.objects.get(pk=target.pk).history.all()] == [
        "briefed",
        "contacted",
    ]


def test_an_act_is_recorded_with_sources_picked_by_searching(
    page, live_server, alice, case, states
):
    wanted = make_source(case, text="Resolution of the Senate.", title="Senate resolution text")
    also = make_source(case, text="Committee minutes.", title="Committee minutes")
    make_source(case, text="Unrelated.", title="Press report on the harvest")
    sign_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/cases/{case.slug}/recognition/acts/new/")
    pick_actor(page, "Pakistan", "Pakistan (PAK)")
    page.get_by_label("Instrument").select_option("resolution")
    page.get_by_label("Characterisation").select_option("genocide")
    page.get_by_label("Exact wording").fill("the genocide")
    search = page.get_by_label("Sources")
    assert "Press report on the harvest" not in page.content()  # the archive is not sent
    search.fill("senate")
    page.get_by_role("button", name="Add: Senate resolution text").click()
    search.fill(str(also.pk))
    page.get_by_role("button", name="Add: Committee minutes").click()
    chosen = page.locator("[data-chosen-sources]")
    assert "Senate resolution text" in chosen.inner_text()
    chosen.locator("li", has_text="Committee minutes").get_by_role("button", name="Remove").click()
    screenshot(page, "act-form-source-picker")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Recognition act recorded.").wait_for()
    assert list(case.recognition_acts.get().sources.all()) == [wanted]


def pick_actor(page, typed: str, label: str):
    page.get_by_role("searchbox", name="Search by name or code").fill(typed)
    page.get_by_role("button", name=label).click()


def test_an_act_s_actor_is_found_among_hundreds_by_typing_and_picked_with_the_keyboard(
    page, live_server, alice, case, states
):
    assert Actor.objects.count() > 200
    pakistan = Actor.objects.get(kind=Actor.Kind.STATE, country_code="PAK")
    sign_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/cases/{case.slug}/recognition/acts/new/")
    actor = page.locator("#id_actor")
    assert actor.locator("option").count() == 1, "the long list was written into the page"
    assert actor.evaluate("el => el.labels[0].textContent").startswith("Actor")
    search = page.get_by_role("searchbox", name="Search by name or code")
    search.fill("pakis")
    match = page.get_by_role("button", name="Pakistan (PAK)")
    match.wait_for()
    search.press("ArrowDown")
    assert match.evaluate("node => node === document.activeElement"), "no match focused"
    page.keyboard.press("Enter")
    page.get_by_text("Chosen: Pakistan (PAK)").wait_for()
    assert actor.input_value() == str(pakistan.pk)
    assert search.evaluate("node => node === document.activeElement")
    page.get_by_label("Instrument").select_option("resolution")
    page.get_by_label("Characterisation").select_option("genocide")
    page.get_by_label("Exact wording").fill("the genocide")
    search.press("Enter")  # searches, never sends the form
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Recognition act recorded.").wait_for()
    assert case.recognition_acts.get().actor == pakistan


def test_the_actor_picker_reads_right_to_left_in_urdu(page, live_server, alice, case, states):
    pakistan = Actor.objects.get(kind=Actor.Kind.STATE, country_code="PAK")
    sign_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/cases/{case.slug}/recognition/acts/new/")
    page.locator("#language-switch").select_option("ur")
    page.locator(".language-switch button").click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.dir") == "rtl"
    search = page.locator("#id_actor").locator("xpath=preceding-sibling::input[@type='search']")
    search.fill("PAK")
    match = page.locator(".picker-matches button").first
    match.wait_for()
    assert "(PAK)" in match.inner_text()
    # The search box and its matches start at the right-hand edge, as the select does.
    select_box, search_box = page.locator("#id_actor").bounding_box(), search.bounding_box()
    assert (
        abs((select_box["x"] + select_box["width"]) - (search_box["x"] + search_box["width"])) < 2
    )
    assert match.evaluate("el => getComputedStyle(el).direction") == "rtl"
    match.click()
    assert page.locator("#id_actor").input_value() == str(pakistan.pk)
    screenshot(page, "rtl-ur-actor-picker")
