"""A case's title and summary in several languages: the public page shows the reader's where a
translation exists, says it is one, and says plainly when the text is not yet translated."""

import pytest

from tests.conftest import in_language
from vigil.cases.models import CaseTranslation
from vigil.cases.translations import case_text, save_translation

pytestmark = pytest.mark.django_db

AZ_TITLE = "Sınaq işi"
AZ_SUMMARY = "İctimaiyyət üçün işin xülasəsi."


def test_the_public_page_shows_the_reader_s_translation_and_says_it_is_one(client, published):
    save_translation(published, language="az", title=AZ_TITLE, summary=AZ_SUMMARY)
    page = client.get(f"/az/p/{published.slug}/").content.decode()
    assert f'<h1 lang="az" dir="ltr">{AZ_TITLE}</h1>' in page
    assert AZ_SUMMARY in page
    assert "A case summary for the public." not in page
    # The note is in the reader's language, as the catalogue words it.
    assert (
        in_language("az", "A translation: the original is in %(original)s.", original="ingilis")
        in page
    )


def test_without_a_translation_the_original_is_shown_and_the_page_says_so(client, published):
    page = client.get(f"/ru/p/{published.slug}/").content.decode()
    assert "A case summary for the public." in page
    note = "Shown in %(shown)s: not yet translated into %(reader)s."
    assert in_language("ru", note, shown="английский", reader="русский") in page
    # The English text keeps its own language and direction inside an Urdu page.
    urdu = client.get(f"/ur/p/{published.slug}/").content.decode()
    assert '<div class="summary" lang="en" dir="ltr">' in urdu


def test_the_original_language_needs_no_note(client, published):
    page = client.get(f"/p/{published.slug}/").content.decode()
    assert "translation-note" not in page


def test_a_new_translation_shows_at_once_on_the_cached_page(client, published):
    assert AZ_SUMMARY not in client.get(f"/az/p/{published.slug}/").content.decode()
    save_translation(published, language="az", title=AZ_TITLE, summary=AZ_SUMMARY)
    assert AZ_SUMMARY in client.get(f"/az/p/{published.slug}/").content.decode()


def test_a_translation_replaces_the_one_before_and_is_never_into_the_original_language(published):
    save_translation(published, language="tr", title="Deneme", summary="Birinci.")
    save_translation(published, language="tr", title="Deneme davası", summary="İkinci.")
    assert CaseTranslation.objects.get(case=published, language="tr").summary == "İkinci."
    assert case_text(published, "tr").title == "Deneme davası"
    with pytest.raises(ValueError):
        save_translation(published, language="en", title="x", summary="y")


@pytest.fixture
def translator(django_user_model, case):
    """A viewer of the case given the translator's permission and no other."""
    from django.contrib.auth.models import Permission

    from tests.personas import give_role
    from vigil.cases.models import CaseMembership

    user = django_user_model.objects.create_user("tamar", password="x")
    give_role(user, case, CaseMembership.Role.VIEWER)
    user.user_permissions.add(Permission.objects.get(codename="translate_case"))
    return user


def test_a_translator_translates_the_case_and_changes_no_evidence(translator, published):
    from django.test import Client

    from tests.conftest import make_source

    client = Client()
    client.force_login(translator)
    address = f"/cases/{published.slug}/translations/ur/"
    assert client.get(address).status_code == 200
    response = client.post(address, {"title": "آزمائشی مقدمہ", "summary": "عوام کے لیے خلاصہ۔"})
    assert response.status_code == 302
    assert case_text(published, "ur").summary == "عوام کے لیے خلاصہ۔"
    # Translating is all: the case itself and its evidence stay closed to them.
    assert client.get(f"/cases/{published.slug}/edit/").status_code == 403
    source = make_source(published, title="A source to keep")
    assert client.post(f"/cases/{published.slug}/sources/{source.pk}/edit/").status_code == 403


def test_a_viewer_without_the_permission_may_not_translate(bob, published):
    from django.test import Client

    client = Client()
    client.force_login(bob)
    assert client.get(f"/cases/{published.slug}/translations/ur/").status_code in (403, 404)


def test_a_translated_summary_may_not_state_a_figure_the_public_table_does_not_show(
    alice_client, published
):
    response = alice_client.post(
        f"/cases/{published.slug}/translations/tr/",
        {"title": "Deneme", "summary": "Kaynaklara göre 9999 kişi öldü."},
    )
    assert response.status_code == 200
    assert not CaseTranslation.objects.filter(case=published, language="tr").exists()


def test_the_case_page_offers_each_language_to_translate_into(alice_client, published):
    save_translation(published, language="ru", title="Тестовое дело", summary="Кратко.")
    page = alice_client.get(f"/cases/{published.slug}/").content.decode()
    for code in ("az", "ur", "ru", "tr"):
        assert f'href="/cases/{published.slug}/translations/{code}/"' in page
    assert f'href="/cases/{published.slug}/translations/en/"' not in page


def test_a_number_is_read_however_the_language_groups_its_digits():
    from vigil.cases.translations import numbers_in

    assert numbers_in("1,275 · 1.275 · 1\xa0275 · ۱۲۷۵ · 613 in 1992") == {1275, 613, 1992}
