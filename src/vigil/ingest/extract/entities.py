"""Countries (as ISO 3166-1 alpha-3) and organisations (from a gazetteer users can extend)."""

import re
from functools import lru_cache

import pycountry

from . import Finding
from .alternation import alternation
from .gazetteer import DEFAULT_GAZETTEER
from .kinds import Kind

# Names texts use that ISO's own names do not cover.
COUNTRY_ALIASES = {
    "USA": "USA",
    "U.S.A.": "USA",
    "United States": "USA",
    "United States of America": "USA",
    "U.S.": "USA",
    "UK": "GBR",
    "U.K.": "GBR",
    "United Kingdom": "GBR",
    "Britain": "GBR",
    "Great Britain": "GBR",
    "England": "GBR",
    "Scotland": "GBR",
    "Russia": "RUS",
    "Soviet Union": "",
    "USSR": "",
    "Iran": "IRN",
    "Syria": "SYR",
    "Bosnia": "BIH",
    "Bosnia-Herzegovina": "BIH",
    "Turkey": "TUR",
    "Türkiye": "TUR",
    "South Korea": "KOR",
    "North Korea": "PRK",
    "Czech Republic": "CZE",
    "Moldova": "MDA",
    "Vietnam": "VNM",
    "Laos": "LAO",
    "Bolivia": "BOL",
    "Venezuela": "VEN",
    "Tanzania": "TZA",
    "Ivory Coast": "CIV",
    "Macedonia": "MKD",
    "Palestine": "PSE",
    "Burma": "MMR",
    "Holland": "NLD",
    "the Netherlands": "NLD",
    "Taiwan": "TWN",
    "Brunei": "BRN",
    "Cape Verde": "CPV",
    "Swaziland": "SWZ",
    "East Timor": "TLS",
    "Democratic Republic of the Congo": "COD",
    "Democratic Republic of Congo": "COD",
    "DR Congo": "COD",
    "DRC": "COD",
    "US": "USA",
    "Republic of the Congo": "COG",
    "Vatican": "VAT",
    "Micronesia": "FSM",
}


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    names = {}
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                names[value] = country.alpha_3
    names.update(COUNTRY_ALIASES)
    return {name: code for name, code in names.items() if code}


# Places that hold a country's name but are not that country.
NOT_COUNTRIES = re.compile(
    r"New\s+(?:Jersey|Mexico)|Papua\s+New\s+Guinea|Georgia,\s+USA?|Jordan\s+River"
)


def _flexible(name: str) -> str:
    """A name as a pattern that allows a line break or any run of spaces between its words."""
    return r"\s+".join(re.escape(word) for word in name.split())


@lru_cache(maxsize=1)
def _country_re() -> re.Pattern:
    names = _country_names()
    # Headlines set names in capitals ("ICJ RULES SERBIA GUILTY"); short ones ("US") stay exact.
    alternatives = sorted(
        {*names, *(n.upper() for n in names if len(n) > 4)}, key=len, reverse=True
    )
    names_pattern = alternation(alternatives, _flexible)
    # "US$ 94 million" is money, not the state.
    return re.compile(r"\b(?<![\w-])(" + names_pattern + r")(?!\w|-[A-Z\d]|\$)")


def _country_code(matched: str) -> str | None:
    name = " ".join(matched.split())
    names = _country_names()
    if name in names:
        return names[name]
    return next((code for n, code in names.items() if n.upper() == name), None)


def gazetteer_index(gazetteer: dict[str, list[str]] | None = None) -> dict[str, str]:
    """Every name (canonical or other) → its canonical name."""
    index = {}
    for canonical, aliases in (gazetteer or DEFAULT_GAZETTEER).items():
        index[canonical] = canonical
        for alias in aliases:
            index[alias] = canonical
    return index


def canonical_organisation(name: str, gazetteer=None) -> str:
    index = {k.casefold(): v for k, v in gazetteer_index(gazetteer).items()}
    return index.get(" ".join(name.split()).casefold(), name)


def _organisation_re(index: dict[str, str]) -> re.Pattern:
    return _names_re(tuple(sorted(index)))


# Built once per set of names, not once per text: joining a few hundred names costs as much as
# a 5 KB text's other searches.
@lru_cache(maxsize=8)
def _names_re(names: tuple[str, ...]) -> re.Pattern:
    names = sorted(names, key=len, reverse=True)
    either_case = frozenset(n for n in names if not (n.isupper() or "." in n))
    part = alternation(
        names, lambda n: f"(?i:{_flexible(n)})" if n in either_case else _flexible(n), either_case
    )
    return re.compile(r"\b(?<![\w-])(" + part + r")(?!\w|-[A-Z\d])")


# "the General Assembly of the United Nations": the body's long name names that body only.
OF_THE_UN = re.compile(r"\s+of\s+the\s+United\s+Nations\b")
# "Armenia-Azerbaijan": two countries joined by a hyphen.
HYPHEN_PAIR = re.compile(r"\b([A-Z][a-z]+)-([A-Z][a-z]+)\b")


def find(text: str, gazetteer=None) -> list[Finding]:
    from .instruments import instrument_mentions

    # Names inside an instrument's name ("Charter of the United Nations", "Rome Statute of the
    # International Criminal Court") name no organisation and no country.
    instruments = [(start, end) for start, end, _ in instrument_mentions(text)]
    organisations = _organisations(text, gazetteer, instruments)
    inside = instruments + [(c.start, c.end) for c in organisations]
    found = _countries(text, inside) + organisations
    # "Congo" alone is either Congo; in a text that names the Democratic Republic, it is that.
    if any(c.data.get("code") == "COD" for c in found):
        for c in found:
            if c.kind == Kind.COUNTRY and c.data["code"] == "COG" and c.text == "Congo":
                c.data["code"] = "COD"
    return found + _named_by_context(text, found)


def _within(start: int, spans) -> bool:
    return any(s <= start < e for s, e in spans)


def _countries(text: str, inside) -> list[Finding]:
    found = []
    excluded = [m.span() for m in NOT_COUNTRIES.finditer(text)] + inside
    for match in _country_re().finditer(text):
        code = _country_code(match.group())
        if code is None or _within(match.start(), excluded):
            continue
        data = {"code": code, "rule": "en.country.name"}
        found.append(Finding(Kind.COUNTRY, match.start(), match.end(), match.group(), data))
    for match in HYPHEN_PAIR.finditer(text):
        if _country_code(match.group()) or _within(match.start(), excluded):
            continue
        for group in (1, 2):
            code = _country_code(match.group(group))
            if code:
                data = {"code": code, "rule": "en.country.hyphen-pair"}
                found.append(
                    Finding(
                        Kind.COUNTRY, match.start(group), match.end(group), match.group(group), data
                    )
                )
    return found


def _organisations(text: str, gazetteer, instruments) -> list[Finding]:
    found, extended = [], []
    index = gazetteer_index(gazetteer)
    for match in _organisation_re(index).finditer(text):
        if _within(match.start(), instruments + extended):
            continue
        spoken = " ".join(match.group().split())
        name = index.get(spoken) or canonical_organisation(spoken, gazetteer)
        end = match.end()
        long_name = OF_THE_UN.match(text, end)
        if long_name and name != "United Nations":
            end = long_name.end()
            extended.append((match.end(), end))
        data = {"name": name, "rule": "en.organization.gazetteer"}
        found.append(
            Finding(Kind.ORGANIZATION, match.start(), end, text[match.start() : end], data)
        )
    return found


# Names that are an organisation's only in context: "Memorial, a Russian human rights NGO" (not
# "the Kigali Genocide Memorial"); "the Parliamentary Assembly" in a text about the Council of
# Europe.
MEMORIAL = re.compile(
    r"(?<!Genocide )(?<!War )(?<!Holocaust )\bMemorial\b(?=[^.]{0,60}\b(?:human rights|NGO|"
    r"non-?governmental|society)\b)",
    re.I,
)
BARE_ASSEMBLY = re.compile(r"(?<!OSCE )(?<!NATO )\bParliamentary\s+Assembly\b(?!\s+of\b)")


def _named_by_context(text: str, found: list[Finding]) -> list[Finding]:
    names = {c.data["name"] for c in found if c.kind == Kind.ORGANIZATION}
    extra = []
    rules = [(MEMORIAL, "Memorial Human Rights Centre", True)]
    rules.append(
        (
            BARE_ASSEMBLY,
            "Parliamentary Assembly of the Council of Europe",
            "Council of Europe" in names,
        )
    )
    for pattern, name, applies in rules:
        if not applies:
            continue
        for match in pattern.finditer(text):
            if match.group()[0].isupper() and not any(
                c.start <= match.start() < c.end for c in found if c.kind == Kind.ORGANIZATION
            ):
                data = {"name": name, "rule": "en.organization.context"}
                extra.append(
                    Finding(Kind.ORGANIZATION, match.start(), match.end(), match.group(), data)
                )
    return extra
