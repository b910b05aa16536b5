"""States from pycountry, and country names in the active language."""

import gettext
from functools import lru_cache

import pycountry
from django.utils import translation


def install_states(using: str = "default") -> int:
    """Create one state actor per ISO 3166-1 country; returns how many were added."""
    from vigil.recognition.models import Actor

    existing = set(
        Actor.objects.using(using)
        .filter(kind=Actor.Kind.STATE)
        .values_list("country_code", flat=True)
    )
    new = [
        Actor(name=country.name, kind=Actor.Kind.STATE, country_code=country.alpha_3)
        for country in pycountry.countries
        if country.alpha_3 not in existing
    ]
    Actor.objects.using(using).bulk_create(new)
    return len(new)


@lru_cache(maxsize=64)
def _translations(language: str):
    try:
        return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[language])
    except OSError:
        return gettext.NullTranslations()


def country_name(alpha_3: str, language: str | None = None) -> str:
    """The country's common name, translated where pycountry has a translation."""
    country = pycountry.countries.get(alpha_3=alpha_3) if alpha_3 else None
    if country is None:
        return ""
    name = getattr(country, "common_name", None) or country.name
    language = (language or translation.get_language() or "en").split("-")[0]
    return _translations(language).gettext(name)


def alpha_2(alpha_3: str) -> str:
    country = pycountry.countries.get(alpha_3=alpha_3) if alpha_3 else None
    return country.alpha_2.lower() if country else ""


def is_country_code(code: str) -> bool:
    return bool(code) and pycountry.countries.get(alpha_3=code.upper()) is not None
