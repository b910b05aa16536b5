"""The demonstration case's summary in all five languages: the project's translations of its
English summary, shown as translations, adding no number to it."""

import pytest
from django.core.management import call_command

from tests.conftest import in_language
from vigil.cases.models import Case, CaseTranslation
from vigil.cases.translations import case_text, numbers_in, save_translation

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo")
    return Case.objects.get(slug="khojaly-1992")


def test_the_demo_summary_exists_in_every_language_and_says_it_is_a_translation(demo, client):
    assert demo.original_language == "en"
    assert sorted(CaseTranslation.objects.filter(case=demo).values_list("language", flat=True)) == [
        "az",
        "ru",
        "tr",
        "ur",
    ]
    pages = {
        "az": ("Xocalı qətliamı", "ingilis"),
        "ru": ("Массовое убийство в Ходжалы", "английский"),
        "tr": ("Hocalı katliamı", "İngilizce"),
        "ur": ("خوجالی قتل عام", "انگریزی"),
    }
    for language, (title, english) in pages.items():
        page = client.get(f"/{language}/p/{demo.slug}/").content.decode()
        assert title in page, language
        note = "A translation: the original is in %(original)s."
        assert in_language(language, note, original=english) in page, language


def test_each_demo_translation_states_only_the_numbers_of_the_english(demo):
    english = numbers_in(demo.summary)
    for translation in CaseTranslation.objects.filter(case=demo):
        assert numbers_in(translation.summary) <= english, translation.language
        assert "613" in translation.summary and "161" in translation.summary


def test_loading_again_keeps_a_translation_a_person_changed(demo):
    save_translation(demo, language="tr", title="Hocalı katliamı", summary="Düzeltilmiş özet.")
    call_command("load_demo")
    assert case_text(demo, "tr").summary == "Düzeltilmiş özet."
