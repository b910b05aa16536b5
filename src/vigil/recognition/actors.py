"""States from pycountry, one actor each; country names come from vigil.countries."""

import pycountry

from vigil.countries import country_name, is_country_code

__all__ = ["alpha_2", "country_name", "install_states", "is_country_code"]


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


def alpha_2(alpha_3: str) -> str:
    country = pycountry.countries.get(alpha_3=alpha_3) if alpha_3 else None
    return country.alpha_2.lower() if country else ""
