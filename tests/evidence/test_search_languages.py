"""Search in each of Vigil's five languages, on SQLite and on PostgreSQL: a search in a language
finds the source written in it, whatever the letter case, Turkish and Azerbaijani find a word
whether it is written with dotted or dotless i (IĞDIR, Iğdır, ığdır), and Urdu finds a word with
or without its vowel marks."""

import pytest
from django.db import connection  # noqa: F401 (read by skipif)

from tests.conftest import make_source
from vigil.evidence.search import forms_of, search_case
from vigil.evidence.search_marks import fold_marks

pytestmark = pytest.mark.django_db


def titles(case, query):
    return [hit.obj.title for hit in search_case(case, query)]


@pytest.fixture
def library(case):
    """One source in each language (the project's own sentences), and one English decoy."""
    make_source(
        case, title="English", language="en", text="Civilians were killed while fleeing the town."
    )
    make_source(
        case, title="Russian", language="ru", text="Погибли мирные ЖИТЕЛИ города, бежавшие ночью."
    )
    make_source(
        case,
        title="Turkish",
        language="tr",
        text="IĞDIR'dan gelen tanıklar kasabanın halkını anlattı.",
    )
    make_source(
        case,
        title="Azerbaijani",
        language="az",
        text="XOCALI FACİƏSİ haqqında şahidlərin ifadələri.",
    )
    make_source(
        case, title="Urdu", language="ur", text="خوجالی میں شہری ہلاک ہوئے اور گواہوں نے بیان دیا۔"
    )
    return case


def test_an_english_search_finds_the_english_source(library):
    assert titles(library, "killing civilian") == ["English"]


def test_a_russian_search_finds_the_russian_source_in_any_letter_case(library):
    assert titles(library, "жители") == ["Russian"]
    assert titles(library, "Мирные Жители") == ["Russian"]


def test_a_turkish_search_finds_the_turkish_source_with_dotted_or_dotless_i(library):
    for query in ("ığdır", "Iğdır", "IĞDIR", "iğdir"):
        assert titles(library, query) == ["Turkish"], query
    assert titles(library, "TANIKLAR") == ["Turkish"]


def test_an_azerbaijani_search_finds_the_azerbaijani_source_with_schwa_and_either_i(library):
    for query in ("faciəsi", "FACİƏSİ", "Xocalı", "xocali"):
        assert titles(library, query) == ["Azerbaijani"], query
    assert titles(library, "şahidlərin") == ["Azerbaijani"]


def test_an_urdu_search_finds_the_urdu_source(library):
    assert titles(library, "شہری") == ["Urdu"]
    assert titles(library, "گواہوں بیان") == ["Urdu"]


@pytest.mark.skipif("connection.vendor == 'sqlite'", reason="SQLite's FTS5 stems English only")
def test_postgresql_finds_other_forms_of_russian_and_turkish_words(library):
    assert titles(library, "житель") == ["Russian"]
    assert titles(library, "kasaba") == ["Turkish"]


def test_a_word_with_i_is_searched_in_both_of_its_forms():
    assert sorted(forms_of("Iğdır")) == ["iğdir", "iğdır", "ığdir", "ığdır"]
    assert forms_of("жители") == ["жители"]
    assert forms_of("FACİƏSİ") == ["faciəsi", "faciəsı", "facıəsi", "facıəsı"]


def test_a_word_with_many_i_letters_is_searched_in_a_bounded_number_of_forms():
    assert len(forms_of("iiiiiiiiiiii")) <= 64


# Urdu with its short vowels (zabar, zer), the superscript alef of اعلیٰ and a tatweel, and the
# same words as they are usually written, without them.
URDU_MARKED = "شہر کے لوگوں نے عَدالتِ اعلیٰ میں گَواہـــی دی۔"
URDU_PLAIN = "شہر کے لوگوں نے عدالت اعلی میں گواہی دی۔"


@pytest.fixture
def urdu(case):
    make_source(case, title="Marked", language="ur", text=URDU_MARKED)
    make_source(case, title="Plain", language="ur", text="لوگوں نے عدالت اعلی میں گواہی دی۔")
    return case


def test_an_urdu_word_is_found_with_or_without_its_vowel_marks_and_tatweel(urdu):
    for query in ("عدالت", "عَدالَت", "عَدالتِ", "گواہی", "گَواہی", "گواہـــی", "اعلی", "اعلیٰ"):
        assert sorted(titles(urdu, query)) == ["Marked", "Plain"], query


def test_an_urdu_search_in_several_words_finds_the_text_written_either_way(urdu):
    assert sorted(titles(urdu, "عدالتِ اعلیٰ میں گَواہی")) == ["Marked", "Plain"]
    assert titles(urdu, "شہر عدالت") == ["Marked"]


def test_the_snippet_marks_the_word_found_in_a_text_with_vowel_marks(urdu):
    hit = next(hit for hit in search_case(urdu, "گواہی") if hit.obj.title == "Marked")
    assert "<mark>گواہی</mark>" in hit.snippet
    assert "<mark>عدالت</mark>" in next(iter(search_case(urdu, "عَدالت"))).snippet


def test_the_index_of_texts_with_vowel_marks_is_consistent(urdu):
    from vigil.evidence.search_index import index_problems

    assert index_problems() == []


def test_folding_leaves_out_the_marks_and_keeps_every_letter():
    assert fold_marks(URDU_MARKED) == URDU_PLAIN
    letters = "ٹڈڑںہھےۓیءآأ ایک فِی Qarabağ Xocalı çöl"
    assert fold_marks(letters) == "ٹڈڑںہھےۓیءآأ ایک فی Qarabağ Xocalı çöl"
