"""A capital first letter as each language writes it (vigil.languages.capitalise)."""

import pytest
from django.template import Context, Template
from django.utils import translation

from vigil.languages import capitalise


@pytest.mark.parametrize(
    ("language", "text", "capitalised"),
    [
        ("tr", "iptal edildi", "İptal edildi"),
        ("az", "istifadəçi", "İstifadəçi"),
        ("tr", "ılık", "Ilık"),
        ("en", "in review", "In review"),
        ("ru", "источники", "Источники"),
        ("tr", "", ""),
    ],
)
def test_the_first_letter_becomes_the_language_s_capital(language, text, capitalised):
    assert capitalise(text, language) == capitalised


def test_the_rest_of_the_text_is_left_as_it_is():
    assert capitalise("iCal akışı", "tr") == "İCal akışı"


def test_the_template_filter_follows_the_active_language():
    template = Template("{% load capitals %}{{ word|capitalised }}")
    with translation.override("tr"):
        assert template.render(Context({"word": "izleyici"})) == "İzleyici"
    with translation.override("en"):
        assert template.render(Context({"word": "izleyici"})) == "Izleyici"
