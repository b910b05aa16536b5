"""An event's title and description are translated on
/campaign/events/<id>/translations/<language>/, beside the original, by its chapter's coordinators,
administrators and translators given the permission; the event's page lists each other language
and whether the event is translated into it; the public RSVP page then shows the translation."""

import pytest
from django.contrib.auth.models import Permission
from django.test import Client

from tests.campaigns.conftest import make_event
from tests.conftest import signed_in
from vigil.audit.models import AuditEntry
from vigil.campaigns.models import RSVP, EventTranslation
from vigil.campaigns.translations import event_text, save_event_translation
from vigil.cases.translations import languages_of

pytestmark = pytest.mark.django_db

TITLE = "Candle-lighting"
ABOUT = "Bring a candle; we read the names together."
TITLE_UR = "شمعیں روشن کرنا"
ABOUT_UR = "ایک شمع لائیں؛ ہم مل کر نام پڑھیں گے۔"


@pytest.fixture
def event(chapter):
    return make_event(chapter, title=TITLE, description=ABOUT)


def address(event, language="ur") -> str:
    return f"/campaign/events/{event.pk}/translations/{language}/"


def posted(client, event, language="ur", title=TITLE_UR, description=ABOUT_UR):
    return client.post(address(event, language), {"title": title, "description": description})


@pytest.fixture
def translator(django_user_model):
    """Someone given the translator's permission for events, and no role in any chapter."""
    user = django_user_model.objects.create_user("tamar", password="x")
    user.user_permissions.add(Permission.objects.get(codename="translate_event"))
    return user


def test_a_coordinator_translates_the_event_beside_the_original(coordinator_client, event):
    page = coordinator_client.get(address(event)).content.decode()
    assert f'<div lang="en" dir="ltr"><p><strong>{TITLE}</strong></p><p>{ABOUT}</p></div>' in page
    assert '<form method="post" lang="ur" dir="rtl">' in page
    response = posted(coordinator_client, event)
    assert response.status_code == 302 and response.url == f"/campaign/events/{event.pk}/"
    assert (event_text(event, "ur").title, event_text(event, "ur").description) == (
        TITLE_UR,
        ABOUT_UR,
    )


def test_the_public_page_shows_what_was_translated_on_the_page(coordinator_client, client, event):
    posted(coordinator_client, event)
    public = client.get(f"/ur/events/{event.pk}/").content.decode()
    assert f'<h1 lang="ur" dir="rtl">{TITLE_UR}</h1>' in public and ABOUT not in public
    # Readers of a language not yet translated into still read the original.
    assert (
        f'<h1 lang="en" dir="ltr">{TITLE}</h1>'
        in client.get(f"/ru/events/{event.pk}/").content.decode()
    )


def test_an_administrator_translates_any_event(administrator_client, event):
    assert posted(administrator_client, event, "az", "Şam yandırma", "").status_code == 302
    assert EventTranslation.objects.get(event=event, language="az").title == "Şam yandırma"


def test_a_translator_translates_the_event_and_sees_no_guest(translator, event):
    RSVP.objects.create(
        event=event,
        name="Leyla Guest",
        email="leyla@example.org",
        consent_statement="ok",
        status="confirmed",
    )
    client = Client()
    client.force_login(translator)
    page = client.get(address(event)).content.decode()
    assert ABOUT in page and "Leyla" not in page
    response = posted(client, event)
    # With no chapter they see no event page: they stay on the translation.
    assert response.status_code == 302 and response.url == address(event)
    assert event_text(event, "ur").title == TITLE_UR
    assert client.get(f"/campaign/events/{event.pk}/").status_code == 404
    assert client.get(f"/campaign/events/{event.pk}/edit/").status_code == 404


def test_a_volunteer_may_not_translate_the_event(volunteer_client, event):
    assert posted(volunteer_client, event).status_code == 403
    assert not event.translations.exists()


def test_a_coordinator_of_another_chapter_may_not_translate_the_event(
    other_chapter, event, django_user_model
):
    someone = django_user_model.objects.create_user("otto", password="x")
    other_chapter.coordinators.add(someone)
    assert posted(signed_in(someone), event).status_code == 403
    assert not event.translations.exists()


def test_someone_with_no_chapter_and_no_permission_finds_no_event_to_translate(
    event, django_user_model
):
    client = Client()
    client.force_login(django_user_model.objects.create_user("nobody", password="x"))
    assert posted(client, event).status_code == 404
    assert not event.translations.exists()


def test_the_event_page_offers_its_coordinator_each_language_but_the_original(
    coordinator_client, volunteer_client, event
):
    save_event_translation(event, language="ru", title="Свечи памяти", description="")
    page = coordinator_client.get(f"/campaign/events/{event.pk}/").content.decode()
    base = f"/campaign/events/{event.pk}/translations/"
    for code in ("az", "ur", "ru", "tr"):
        assert f'href="{base}{code}/"' in page
    assert f'href="{base}en/"' not in page
    assert coordinator_client.get(f"{base}en/").status_code == 404
    assert coordinator_client.get(f"{base}xx/").status_code == 404
    assert (
        f'href="{base}az/"'
        not in volunteer_client.get(f"/campaign/events/{event.pk}/").content.decode()
    )


def test_languages_still_awaited_are_listed_for_an_event(event):
    assert languages_of(event) == [("az", False), ("ur", False), ("ru", False), ("tr", False)]
    save_event_translation(event, language="tr", title="Mum yakma", description="")
    assert ("tr", True) in languages_of(event) and ("az", False) in languages_of(event)


def test_a_translation_needs_a_title_and_replaces_the_one_before(coordinator_client, event):
    refused = posted(coordinator_client, event, title="")
    assert refused.status_code == 200 and not event.translations.exists()
    posted(coordinator_client, event, title="پہلا")
    posted(coordinator_client, event, title="دوسرا")
    assert list(event.translations.values_list("title", flat=True)) == ["دوسرا"]


def test_a_saved_translation_is_in_the_audit_log_with_who_saved_it(
    coordinator, coordinator_client, event
):
    posted(coordinator_client, event)
    saved = EventTranslation.objects.get(event=event, language="ur")
    entry = AuditEntry.objects.get(
        model_label="campaigns.EventTranslation", object_pk=str(saved.pk)
    )
    assert entry.action == "create" and entry.actor == coordinator
    assert entry.changes["title"] == [None, TITLE_UR]


def test_a_coordinator_says_which_language_the_event_is_written_in(coordinator_client, chapter):
    from tests.campaigns.test_events import post_event

    post_event(coordinator_client, chapter, title=TITLE_UR, original_language="ur")
    event = chapter.events.get()
    assert event.original_language == "ur"
    # The original is Urdu: it is translated into English, never into Urdu.
    assert coordinator_client.get(address(event, "ur")).status_code == 404
    assert TITLE_UR in coordinator_client.get(address(event, "en")).content.decode()
    page = coordinator_client.get(f"/campaign/events/{event.pk}/").content.decode()
    assert f'href="{address(event, "en")}"' in page
