"""Countries as ISO 3166-1 defines them (from pycountry), named in the active language.

Every page, form and export that names a country asks here, so a country reads the same
everywhere and a form never asks anyone to type an alpha-3 code.
"""

import gettext
import unicodedata
from functools import lru_cache

import pycountry
from django.utils import translation


@lru_cache(maxsize=64)
def _translations(language: str):
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return gettext.NullTranslations()


def _language(language: str | None) -> str:
    return (language or translation.get_language() or "en").split("-")[0]


def country_name(alpha_3: str, language: str | None = None) -> str:
    """The country's common name, translated where pycountry has a translation; "" if unknown."""
    country = pycountry.countries.get(alpha_3=alpha_3) if alpha_3 else None
    if country is None:
        return ""
    name = getattr(country, "common_name", None) or country.name
    return _translations(_language(language)).gettext(name)


def is_country_code(code: str) -> bool:
    return bool(code) and pycountry.countries.get(alpha_3=code.upper()) is not None


def sort_key(text: str) -> str:
    """Orders names as a reader expects: accents and case aside ("Åland" beside "Aland")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def country_label(alpha_3: str, language: str | None = None) -> str:
    """The name and the code, as every picker shows a country: "Georgia (GEO)"."""
    return f"{country_name(alpha_3, language)} ({alpha_3})"


@lru_cache(maxsize=16)
def _choices(language: str) -> tuple[tuple[str, str], ...]:
    codes = (country.alpha_3 for country in pycountry.countries)
    labelled = ((code, country_label(code, language)) for code in codes)
    return tuple(sorted(labelled, key=lambda choice: sort_key(choice[1])))


def country_choices(language: str | None = None) -> list[tuple[str, str]]:
    """Every country once, as (alpha-3 code, "Name (CODE)"), in the order of its name."""
    return list(_choices(_language(language)))
