"""Choosing a language: the switch on every page, remembered for a visitor (cookie) and for a
person (on their account, applied at sign-in), the browser's Accept-Language by default, and the
public pages' language in their address with hreflang links to every other."""

import re

import pytest
from django.conf import settings
from django.test import Client

from vigil.accounts.models import LanguagePreference

pytestmark = pytest.mark.django_db

LANG_ATTRIBUTE = re.compile(r'<html lang="([^"]+)"')


def language_of(response) -> str:
    assert response.status_code == 200
    return LANG_ATTRIBUTE.search(response.content.decode())[1]


def switch(client, language: str, back: str):
    return client.post("/i18n/setlang/", {"language": language, "next": back})


def test_every_page_has_the_switch_offering_the_five_languages(client, alice_client, case):
    for page in (client.get("/login/"), alice_client.get(f"/cases/{case.slug}/")):
        html = page.content.decode()
        assert 'action="/i18n/setlang/"' in html
        offered = re.findall(r'<option value="(\w+)" lang="\w+"', html)
        assert offered == ["en", "az", "ur", "ru", "tr"]


def test_a_visitor_who_switches_gets_the_page_in_its_language_address(client, published):
    response = switch(client, "az", f"/p/{published.slug}/")
    assert response.status_code == 302
    assert response["Location"] == f"/az/p/{published.slug}/"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "az"
    assert language_of(client.get(response["Location"])) == "az"


def test_a_visitor_s_choice_is_remembered_by_the_cookie(client, published):
    switch(client, "ru", "/login/")
    assert language_of(client.get("/login/")) == "ru"
    # The public page's address without a language leads them to theirs.
    response = client.get(f"/p/{published.slug}/")
    assert response.status_code == 302
    assert response["Location"] == f"/ru/p/{published.slug}/"


def test_the_browser_s_language_is_the_default(published):
    browser = Client(headers={"accept-language": "tr-TR,tr;q=0.9,en;q=0.5"})
    assert language_of(browser.get("/login/")) == "tr"
    response = browser.get(f"/p/{published.slug}/")
    assert response["Location"] == f"/tr/p/{published.slug}/"
    assert "Accept-Language" in response["Vary"]


def test_a_browser_asking_for_a_language_vigil_does_not_offer_gets_english(published):
    browser = Client(headers={"accept-language": "fr-FR,fr;q=0.9"})
    assert language_of(browser.get("/login/")) == "en"
    assert language_of(browser.get(f"/p/{published.slug}/")) == "en"


def test_a_link_in_urdu_opens_in_urdu_whatever_the_reader_chose(client, published):
    switch(client, "ru", "/login/")
    assert language_of(client.get(f"/ur/p/{published.slug}/")) == "ur"


def test_the_public_page_links_to_itself_in_every_language(client, published):
    html = client.get(f"/az/p/{published.slug}/").content.decode()
    links = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))
    base = "http://testserver"
    assert links == {
        "en": f"{base}/p/{published.slug}/",
        "az": f"{base}/az/p/{published.slug}/",
        "ur": f"{base}/ur/p/{published.slug}/",
        "ru": f"{base}/ru/p/{published.slug}/",
        "tr": f"{base}/tr/p/{published.slug}/",
        "x-default": f"{base}/p/{published.slug}/",
    }


def test_a_person_s_choice_is_saved_and_applied_when_they_sign_in_elsewhere(alice, case):
    laptop = Client()
    laptop.force_login(alice)
    switch(laptop, "ur", f"/cases/{case.slug}/")
    assert LanguagePreference.objects.get(user=alice).language == "ur"
    phone = Client(headers={"accept-language": "en"})  # no cookie, a browser asking for English
    phone.force_login(alice)
    assert language_of(phone.get(f"/cases/{case.slug}/")) == "ur"


def test_a_person_without_a_saved_choice_gets_their_browser_s_language(alice, case):
    phone = Client(headers={"accept-language": "az"})
    phone.force_login(alice)
    assert language_of(phone.get(f"/cases/{case.slug}/")) == "az"
    assert not LanguagePreference.objects.filter(user=alice).exists()


def test_a_language_vigil_does_not_offer_falls_back_to_english_with_a_message(client, case):
    response = switch(client, "fr", "/login/")
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    page = client.get("/login/")
    assert language_of(page) == "en"
    assert "Vigil is not available in “fr”: this page is shown in English." in (
        page.content.decode()
    )


def test_a_saved_choice_cannot_be_a_language_vigil_does_not_offer(alice, case):
    laptop = Client()
    laptop.force_login(alice)
    switch(laptop, "de", "/login/")
    assert LanguagePreference.objects.get(user=alice).language == "en"


def test_an_address_in_a_language_vigil_does_not_offer_leads_to_english_with_a_message(
    client,
    published,
):
    response = client.get(f"/fr/p/{published.slug}/")
    assert response.status_code == 302
    assert response["Location"] == f"/p/{published.slug}/"
    page = client.get(response["Location"])
    assert language_of(page) == "en"
    assert "Vigil is not available in “fr”" in page.content.decode()


def test_the_cache_keeps_each_language_apart_and_publishing_renews_every_one(
    client,
    published,
    django_assert_num_queries,
):
    for language in ("az", "ur"):
        assert language_of(client.get(f"/{language}/p/{published.slug}/")) == language
    with django_assert_num_queries(1):
        assert language_of(client.get(f"/ur/p/{published.slug}/")) == "ur"
    assert language_of(client.get(f"/p/{published.slug}/")) == "en"
    published.summary = "A summary rewritten for the anniversary."
    published.save()
    for address in (f"/p/{published.slug}/", f"/az/p/{published.slug}/"):
        assert "A summary rewritten for the anniversary." in client.get(address).content.decode()


def test_the_rsvp_page_has_its_language_in_its_address(client, published):
    from tests.campaigns.conftest import make_event
    from vigil.campaigns.models import Chapter

    chapter = Chapter.objects.create(name="Baku chapter", city="Baku", country_code="AZE")
    event = make_event(chapter, title="Candle-lighting", case=published)
    assert language_of(client.get(f"/az/events/{event.pk}/")) == "az"
    assert language_of(client.get(f"/events/{event.pk}/")) == "en"


def test_the_account_page_names_the_language_in_use(alice, case):
    laptop = Client()
    laptop.force_login(alice)
    switch(laptop, "tr", "/account/")
    html = laptop.get("/account/").content.decode()
    assert '<strong class="language-in-use" lang="tr">Türkçe</strong>' in html
