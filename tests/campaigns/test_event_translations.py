"""An event's public page (the RSVP page) in the reader's language: its translated title and
description where one exists, said to be a translation, and otherwise the original with a note."""

import pytest

from tests.campaigns.conftest import make_event
from tests.conftest import in_language
from vigil.campaigns.translations import event_text, save_event_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(chapter):
    return make_event(chapter, title="Candle-lighting", description="Bring a candle.")


def test_the_rsvp_page_shows_the_reader_s_translation(client, event):
    save_event_translation(event, language="ur", title="شمعیں روشن کرنا", description="شمع لائیں۔")
    page = client.get(f"/ur/events/{event.pk}/").content.decode()
    assert '<h1 lang="ur" dir="rtl">شمعیں روشن کرنا</h1>' in page
    assert "شمع لائیں۔" in page
    assert "Bring a candle." not in page
    note = "A translation: the original is in %(original)s."
    assert in_language("ur", note, original="انگریزی") in page


def test_without_a_translation_the_rsvp_page_shows_the_original_and_says_so(client, event):
    page = client.get(f"/tr/events/{event.pk}/").content.decode()
    assert '<h1 lang="en" dir="ltr">Candle-lighting</h1>' in page
    note = "Shown in %(shown)s: not yet translated into %(reader)s."
    assert in_language("tr", note, shown="İngilizce", reader="Türkçe") in page


def test_a_new_translation_shows_at_once_on_the_cached_rsvp_page(client, event):
    assert "Свечи" not in client.get(f"/ru/events/{event.pk}/").content.decode()
    save_event_translation(event, language="ru", title="Свечи памяти", description="")
    assert "Свечи памяти" in client.get(f"/ru/events/{event.pk}/").content.decode()


def test_the_event_in_its_own_language_has_no_note(event):
    assert event_text(event, "en").title == "Candle-lighting"
    assert not event_text(event, "en").not_yet_in
    with pytest.raises(ValueError):
        save_event_translation(event, language="en", title="x", description="y")
