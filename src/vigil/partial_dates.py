"""Dates known to the day, the month or only the year, as sources give them.

A partial date is stored as a `DateField` (its first possible day) plus a precision, so it sorts
and filters like any date, yet is never shown more precisely than the source said it.
"""

import datetime
import re

from django import forms
from django.db import models
from django.utils import formats
from django.utils.translation import gettext_lazy as _


class Precision(models.TextChoices):
    DAY = "day", _("day")
    MONTH = "month", _("month")
    YEAR = "year", _("year")


_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def parse_partial_date(text: str) -> tuple[datetime.date, str]:
    """Read "1992", "1992-02" or "1992-02-26"; raise ValueError for anything else."""
    match = _ISO_PARTIAL.match(text.strip())
    if not match:
        raise ValueError(f"not a date in the form YYYY, YYYY-MM or YYYY-MM-DD: {text!r}")
    year, month, day = match.groups()
    if day:
        return datetime.date(int(year), int(month), int(day)), Precision.DAY
    if month:
        return datetime.date(int(year), int(month), 1), Precision.MONTH
    return datetime.date(int(year), 1, 1), Precision.YEAR


def iso_partial(date: datetime.date | None, precision: str) -> str:
    """The ISO form that keeps precision: "1992", "1992-02" or "1992-02-26"; "" when unknown."""
    if date is None:
        return ""
    if precision == Precision.YEAR:
        return f"{date.year:04d}"
    if precision == Precision.MONTH:
        return f"{date.year:04d}-{date.month:02d}"
    return date.isoformat()


def format_partial(date: datetime.date | None, precision: str) -> str:
    """A human form in the active language, no more precise than the source."""
    if date is None:
        return ""
    if precision == Precision.YEAR:
        return str(date.year)
    if precision == Precision.MONTH:
        return formats.date_format(date, "YEAR_MONTH_FORMAT")
    return formats.date_format(date, "DATE_FORMAT")


class PartialDateFormField(forms.CharField):
    """A form field for a date as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD.

    Cleans to a (date, precision) pair, or None when left empty.
    """

    default_error_messages = {
        "invalid": _(
            "Write the date as YYYY, YYYY-MM or YYYY-MM-DD (e.g. 1992, 1992-02, 1992-02-26)."
        ),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault("help_text", _("YYYY, YYYY-MM or YYYY-MM-DD, as precise as the source."))
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if not text:
            return None
        try:
            return parse_partial_date(text)
        except ValueError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None
