"""A field's choice label (get_X_display), built once per field, still follows the reader's
language and still shows a value that is not among the choices as it is."""

from django.utils import translation

from vigil.evidence.models import Source


def test_a_choice_label_is_in_the_language_of_each_reader():
    source = Source(standing="ngo")
    with translation.override("en"):
        assert source.get_standing_display() == "independent NGO"
    with translation.override("ru"):
        assert source.get_standing_display() == "независимая НКО"


def test_a_value_outside_the_choices_is_shown_as_it_is():
    assert Source(standing="unheard-of").get_standing_display() == "unheard-of"
