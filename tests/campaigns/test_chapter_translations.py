"""A chapter's description in the reader's language, on its own page and on its events' public
pages: the translation where one exists, said to be one, and otherwise the original with a note."""

import pytest
from django.conf import settings

from tests.campaigns.conftest import make_event
from vigil.campaigns.models import ChapterTranslation
from vigil.campaigns.translations import (
    chapter_text,
    save_chapter_translation,
    save_event_translation,
)

pytestmark = pytest.mark.django_db

ABOUT = "Students from Baku and Lahore who remember together."
ABOUT_RU = "Студенты из Баку и Лахора, которые помнят вместе."


@pytest.fixture
def described(chapter):
    chapter.description = ABOUT
    chapter.save()
    return chapter


def test_the_chapter_page_shows_the_reader_s_translation(coordinator_client, described):
    save_chapter_translation(described, language="ru", description=ABOUT_RU)
    coordinator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ru"
    page = coordinator_client.get(f"/campaign/chapters/{described.pk}/").content.decode()
    assert f'<p lang="ru" dir="ltr">{ABOUT_RU}</p>' in page
    assert ABOUT not in page
    assert 'class="translation-note"' in page


def test_without_a_translation_the_chapter_page_shows_the_original_and_says_so(
    coordinator_client, described
):
    coordinator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ur"
    page = coordinator_client.get(f"/campaign/chapters/{described.pk}/").content.decode()
    # The English description keeps its own language and direction inside an Urdu page.
    assert f'<p lang="en" dir="ltr">{ABOUT}</p>' in page
    assert 'class="translation-note"' in page


def test_the_rsvp_page_tells_of_the_chapter_in_the_reader_s_language(client, described):
    event = make_event(described)
    save_chapter_translation(described, language="ru", description=ABOUT_RU)
    assert ABOUT_RU in client.get(f"/ru/events/{event.pk}/").content.decode()
    page = client.get(f"/tr/events/{event.pk}/").content.decode()
    assert f'<p lang="en" dir="ltr">{ABOUT}</p>' in page
    # Neither the event nor its chapter is translated into Turkish: each says so.
    assert page.count('class="translation-note"') == 2


def test_a_new_chapter_translation_shows_at_once_on_the_cached_rsvp_page(client, described):
    event = make_event(described)
    assert ABOUT_RU not in client.get(f"/ru/events/{event.pk}/").content.decode()
    save_chapter_translation(described, language="ru", description=ABOUT_RU)
    assert ABOUT_RU in client.get(f"/ru/events/{event.pk}/").content.decode()


def test_a_chapter_without_a_description_shows_no_note(client, chapter):
    event = make_event(chapter)
    save_event_translation(event, language="tr", title="Anma", description="")
    page = client.get(f"/tr/events/{event.pk}/").content.decode()
    assert "not yet translated" not in page
    assert not chapter_text(chapter, "tr").not_yet_in


def test_a_chapter_translation_replaces_the_one_before_and_never_into_the_original(described):
    save_chapter_translation(described, language="tr", description="Birinci.")
    save_chapter_translation(described, language="tr", description="İkinci.")
    assert ChapterTranslation.objects.get(chapter=described, language="tr").description == (
        "İkinci."
    )
    assert chapter_text(described, "tr").description == "İkinci."
    assert chapter_text(described, "tr").is_translation
    with pytest.raises(ValueError):
        save_chapter_translation(described, language="en", description="x")


@pytest.fixture
def translator(django_user_model):
    """Someone given the translator's permission for chapters, and no role in any of them."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("tamar", password="x")
    user.user_permissions.add(Permission.objects.get(codename="translate_chapter"))
    return user


def test_a_translator_translates_a_chapter_s_description_and_sees_no_member(
    translator, described, nightingale
):
    from django.test import Client

    client = Client()
    client.force_login(translator)
    address = f"/campaign/chapters/{described.pk}/translations/az/"
    assert ABOUT in client.get(address).content.decode()  # beside the original
    azerbaijani = "Bakı və Lahordan birlikdə xatırlayan tələbələr."
    assert client.post(address, {"description": azerbaijani}).status_code == 302
    assert chapter_text(described, "az").description == azerbaijani
    # Translating is all: the chapter's people and its settings stay closed to them.
    assert client.get(f"/campaign/members/{nightingale.pk}/").status_code in (403, 404)
    assert client.get(f"/campaign/chapters/{described.pk}/edit/").status_code in (403, 404)


def test_a_volunteer_may_not_translate_the_chapter(volunteer_client, described):
    address = f"/campaign/chapters/{described.pk}/translations/az/"
    assert volunteer_client.post(address, {"description": "x"}).status_code == 403
    assert not described.translations.exists()


def test_the_chapter_page_offers_its_coordinator_each_language_but_the_original(
    coordinator_client, described
):
    page = coordinator_client.get(f"/campaign/chapters/{described.pk}/").content.decode()
    base = f"/campaign/chapters/{described.pk}/translations/"
    for code in ("az", "ur", "ru", "tr"):
        assert f'href="{base}{code}/"' in page
    assert f'href="{base}en/"' not in page
    assert coordinator_client.get(f"{base}en/").status_code == 404


def test_a_coordinator_writes_the_description_in_their_own_language(coordinator_client, chapter):
    written = "Bakı və Lahordan birlikdə xatırlayan tələbələr."
    response = coordinator_client.post(
        f"/campaign/chapters/{chapter.pk}/edit/",
        {
            "name": chapter.name,
            "city": chapter.city,
            "country_code": chapter.country_code,
            "communities": "",
            "description": written,
            "original_language": "az",
        },
    )
    assert response.status_code == 302
    chapter.refresh_from_db()
    assert (chapter.description, chapter.original_language) == (written, "az")
    coordinator_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = coordinator_client.get(f"/campaign/chapters/{chapter.pk}/").content.decode()
    assert f'<p lang="az" dir="ltr">{written}</p>' in page
    assert "Shown in Azerbaijani: not yet translated into English." in page
