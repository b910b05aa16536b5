"""One way to pick from a long list (a country, an actor): a select that can be searched.

The page sends an ordinary <select>, which works without script; `static/vigil/forms.js` puts a
search box before each one marked `data-picker` that narrows its options by name or code.

A list of rows that grows with the archive (actors, events, targets, people) is written whole
only while it is short (`ModelPicker`); past `LIST_BOUND` rows the select holds the chosen rows
alone, and forms.js asks the `pick` endpoint for one page of matches at a time.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.forms.utils import flatatt
from django.urls import reverse
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


# The most options a model picker writes into a page; a longer list is searched on the server.
LIST_BOUND = 100


class ModelPicker(SearchableSelect):
    """The select of a ModelChoiceField: every option while at most LIST_BOUND rows may be
    chosen, else only the chosen row, with what forms.js needs to search the rest (the `pick`
    endpoint of the model, whose rule, vigil.accounts.scoping, offers the same rows)."""

    remote = False

    def get_context(self, name, value, attrs):
        self.remote = self._is_long()
        context = super().get_context(name, value, attrs)
        if self.remote:
            label = self.choices.queryset.model._meta.label_lower
            context["widget"]["attrs"].update(
                {
                    "data-picker-url": reverse("pick", args=[label]),
                    "data-picker-more": _("More matches: narrow the search"),
                    "data-picker-none": _("No results."),
                    "data-picker-chosen": _("Chosen: %(label)s"),
                }
            )
        return context

    def _is_long(self) -> bool:
        queryset = getattr(self.choices, "queryset", None)
        if queryset is None:
            return False
        # One bounded query: the keys of one row more than the bound, never a count of all.
        keys = queryset.order_by().values_list("pk", flat=True)[: LIST_BOUND + 1]
        return len(keys) > LIST_BOUND

    def optgroups(self, name, value, attrs=None):
        if not self.remote:
            return super().optgroups(name, value, attrs)
        options = [
            self.create_option(name, choice, label, str(choice) in value, index, attrs=attrs)
            for index, (choice, label) in enumerate(self._chosen(value))
        ]
        return [(None, options, 0)]

    def _chosen(self, value) -> list:
        """The empty choice (of a single select) and the rows among `value` that may be chosen;
        a value that is not one of them (a stale or forged key) is left out."""
        iterator, field = self.choices, self.choices.field
        chosen = [("", field.empty_label)] if getattr(field, "empty_label", None) else []
        model = iterator.queryset.model
        key = field.to_field_name or model._meta.pk.name
        keys = []
        for item in value:
            try:
                keys.append(model._meta.get_field(key).to_python(item))
            except ValidationError:
                continue
        keys = [k for k in keys if k not in ("", None)]
        if keys:
            chosen += [
                iterator.choice(row) for row in iterator.queryset.filter(**{f"{key}__in": keys})
            ]
        return chosen


class ModelMultiplePicker(ModelPicker, forms.SelectMultiple):
    """The same for a ModelMultipleChoiceField: past the bound, the chosen rows stay selected."""


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
