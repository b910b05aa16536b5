"""One way to pick from a long list (a country, an actor): a select that can be searched.

The page sends an ordinary <select>, which works without script; `static/vigil/forms.js` puts a
search box before each one marked `data-picker` that narrows its options by name or code.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from vigil.countries import country_choices


class SearchableSelect(forms.Select):
    """A <select> that forms.js makes searchable; the data- texts are the search box's words."""

    def __init__(self, attrs=None, choices=()):
        texts = {
            "data-picker": _("Search by name or code"),
            "data-picker-matches": _("Matches: %(count)s"),
            "data-picker-none": _("No match; the list is unchanged."),
        }
        super().__init__({**texts, **(attrs or {})}, choices)

    def render(self, name, value, attrs=None, renderer=None):
        # Written here rather than by Django's templates, which render each option as a
        # template of its own: for the thousands of actors of a real archive that was most of
        # a page's time. The markup is the same.
        widget = self.get_context(name, value, attrs)["widget"]
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            rendered = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                ((item["value"], flatatt(item["attrs"]), item["label"]) for item in options),
            )
            if group_name:
                rendered = format_html('<optgroup label="{}">{}</optgroup>', group_name, rendered)
            groups.append(rendered)
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(widget["attrs"]),
            format_html_join("", "{}", ((group,) for group in groups)),
        )


class CountryField(forms.ChoiceField):
    """A country by its ISO 3166-1 alpha-3 code, picked by name from every country once.

    Cleans to the code ("GEO"), or "" when left empty and not required.
    """

    widget = SearchableSelect
    default_error_messages = {
        "invalid_choice": _("%(value)s is not an ISO 3166-1 alpha-3 country code."),
    }

    def __init__(self, *, required=False, **kwargs):
        kwargs.setdefault("label", _("Country"))
        super().__init__(choices=_countries, required=required, **kwargs)

    def to_python(self, value):
        return super().to_python(value).strip().upper()


def _countries() -> list[tuple[str, str]]:
    # Called each time the form is shown, so the names are in the reader's language.
    return [("", "---------"), *country_choices()]
