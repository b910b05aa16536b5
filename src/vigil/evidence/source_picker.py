"""Picking sources of a case in a form, however many the case holds.

The form never lists the archive: it sends a text field of source numbers ("12, 345"), with the
chosen ones named beneath it, and works so without script. `static/vigil/forms.js` turns the
field into a search box that asks `matching_sources` (the `evidence:source_choices` endpoint)
for one page of matches at a time and adds the picked ones to the field.
"""

import re

from django import forms
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from vigil.evidence.models import Source

CHOICES_PAGE_SIZE = 20
_SEPARATORS = re.compile(r"[\s,;]+")


def matching_sources(sources: QuerySet[Source], query: str, page: int = 1) -> tuple[list, bool]:
    """One page of `sources` (ordered by title) whose title holds every word of `query`, or whose
    number is `query`; and whether a next page exists. Each match is {id, title, author}."""
    found = sources
    words = query.split()
    if len(words) == 1 and words[0].isdecimal() and len(words[0]) < 12:
        found = found.filter(Q(pk=int(words[0])) | Q(title__icontains=words[0]))
    else:
        for word in words:
            found = found.filter(title__icontains=word)
    start = (page - 1) * CHOICES_PAGE_SIZE
    # One row past the page tells whether there is a next one, without counting every match.
    rows = list(
        found.order_by("title", "pk").values("pk", "title", "author")[
            start : start + CHOICES_PAGE_SIZE + 1
        ]
    )
    matches = [{"id": r["pk"], "title": r["title"], "author": r["author"]} for r in rows]
    return matches[:CHOICES_PAGE_SIZE], len(matches) > CHOICES_PAGE_SIZE


def _numbers(value) -> list[str]:
    """The separate entries of the field, whether it came as one text, as several values, or
    as sources or their numbers (the initial value)."""
    if value is None:
        return []
    values = [value] if isinstance(value, str | int) else value
    parts = (str(getattr(item, "pk", item)) for item in values)
    return [entry for part in parts for entry in _SEPARATORS.split(part) if entry]


class SourcePicker(forms.TextInput):
    """A text field of source numbers, with the chosen sources named beneath it; the data-
    attributes are what forms.js needs to search (the endpoint's address and its words)."""

    def __init__(self, attrs=None):
        texts = {
            "data-source-picker": "",
            "data-picker-search": _("Search this case's sources by title or number"),
            "data-picker-add": _("Add"),
            "data-picker-remove": _("Remove"),
            "data-picker-more": _("More matches: narrow the search"),
            "data-picker-none": _("No source matches."),
            "autocomplete": "off",
            "inputmode": "numeric",
        }
        super().__init__({**texts, **(attrs or {})})
        self.sources = Source.objects.none()
        self.choices_url = ""

    def value_from_datadict(self, data, files, name):
        if hasattr(data, "getlist"):
            return data.getlist(name)
        return data.get(name)

    def format_value(self, value):
        return ", ".join(_numbers(value))

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["attrs"]["data-source-picker"] = self.choices_url
        return context

    def render(self, name, value, attrs=None, renderer=None):
        field = super().render(name, value, attrs, renderer)
        numbers = [int(n) for n in _numbers(value) if n.isdecimal() and len(n) < 12][:200]
        chosen = self.sources.filter(pk__in=numbers).order_by("title", "pk")
        items = format_html_join(
            "",
            '<li data-source="{}"><a href="{}">{}</a> <small>({})</small></li>',
            (
                (source.pk, source.get_absolute_url(), source.title, source.pk)
                for source in chosen.only("pk", "title", "case__slug")
            ),
        )
        return format_html('{}<ul class="chosen-sources" data-chosen-sources>{}</ul>', field, items)


class SourcesField(forms.Field):
    """Sources of one case by their numbers; cleans to a queryset of them (empty when none)."""

    widget = SourcePicker
    default_error_messages = {
        "not_a_number": _("“%(value)s” is not a source number."),
        "not_found": _("No source numbered %(numbers)s in this case's archive (that you may see)."),
    }

    def __init__(self, *, queryset=None, **kwargs):
        kwargs.setdefault(
            "help_text",
            _(
                "Numbers of sources, separated by commas. A source's number is the last part "
                "of its address, as in …/sources/123/."
            ),
        )
        super().__init__(**kwargs)
        self.queryset = queryset if queryset is not None else Source.objects.none()

    def point_at(self, sources: QuerySet[Source], case) -> None:
        """Choose among `sources` (those of `case` the person may see)."""
        self.queryset = sources
        self.widget.sources = sources
        self.widget.choices_url = reverse("evidence:source_choices", args=[case.slug])

    def clean(self, value):
        entries = _numbers(value or [])
        if not entries:
            if self.required:
                raise forms.ValidationError(self.error_messages["required"], code="required")
            return self.queryset.none()
        for entry in entries:
            if not entry.isdecimal() or len(entry) > 12:
                raise forms.ValidationError(
                    self.error_messages["not_a_number"],
                    code="not_a_number",
                    params={"value": entry},
                )
        wanted = {int(entry) for entry in entries}
        found = self.queryset.filter(pk__in=wanted)
        missing = wanted - set(found.values_list("pk", flat=True))
        if missing:
            raise forms.ValidationError(
                self.error_messages["not_found"],
                code="not_found",
                params={"numbers": ", ".join(str(pk) for pk in sorted(missing))},
            )
        return found

    def has_changed(self, initial, data):
        return set(_numbers(initial)) != set(_numbers(data))
