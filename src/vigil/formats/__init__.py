"""How Vigil writes dates, times and numbers, per language (Django's FORMAT_MODULE_PATH).

The policy, the same on pages, in the dossier (PDF and HTML) and in e-mails:
- templates format a date with `|date` (DATE_FORMAT), a date and time with
  `|date:"DATETIME_FORMAT"`, and in tables `SHORT_DATE_FORMAT` / `SHORT_DATETIME_FORMAT`; Python
  code with `django.utils.formats.date_format` and the same names. No page spells a format out
  ("j F Y") except machine formats ("c", "Y-m-d") in attributes and files.
- a date known only to the year or the month keeps that precision (`vigil.partial_dates`,
  YEAR_MONTH_FORMAT).
- counts and figures shown to people group their thousands (`|intcomma`, or
  `vigil.formats.grouped` in Python); CSV, JSON and SVG coordinates never do.

A language Vigil does not define here takes Django's own formats for it (fr, de, tr …).
"""

from django.utils import formats


def grouped(number) -> str:
    """A count or figure with its thousands grouped as the active language writes them."""
    return formats.number_format(number, force_grouping=True)


def figure_range(low: int | None, high: int | None) -> str:
    """A figure as a source gives it: "1,275", "≥ 161", "≤ 200" or "161–613"."""
    if low is not None and low == high:
        return grouped(low)
    if high is None:
        return f"≥ {grouped(low)}"
    if low is None:
        return f"≤ {grouped(high)}"
    return f"{grouped(low)}–{grouped(high)}"
