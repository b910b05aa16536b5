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

- a language's name is written in the reader's language (`language_name`, from Babel's CLDR
  data), never as its code or from a list kept by hand; countries likewise (`vigil.countries`).
- CSV, JSON and the other files made for machines keep ISO 8601 dates and plain numbers in every
  language.

Each language Vigil offers has its module here (en, az, ur, ru, tr), so that none falls back on
another country's habits (Django's own Urdu formats, for one, write the month before the day).
"""

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from django.utils import formats, translation


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


@lru_cache(maxsize=512)
def _language_name(code: str, reader: str) -> str:
    try:
        name = Locale.parse(code.replace("-", "_")).get_display_name(Locale.parse(reader))
    except (ValueError, UnknownLocaleError):
        return code
    return name or code


def language_name(code: str, reader: str | None = None) -> str:
    """The name of the language `code` ("ru", "az-Latn") in the reader's language (default: the
    active one), from Babel's CLDR data: "Russian", "rusca", "روسی"; the code itself when Babel
    does not know it."""
    code = (code or "").strip()
    if not code:
        return ""
    return _language_name(code, (reader or translation.get_language() or "en").split("-")[0])
