"""Countries (as ISO 3166-1 alpha-3) and organisations (from a gazetteer users can extend)."""

import re
from functools import lru_cache

import pycountry

from . import Candidate

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


@lru_cache(maxsize=1)
def _country_re() -> re.Pattern:
    alternatives = sorted(_country_names(), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(a) for a in alternatives) + r")(?![\w-])")


# Organisations: canonical name → other names. Acronyms match case-sensitively.
DEFAULT_GAZETTEER = {
    "United Nations": ["UN", "U.N.", "United Nations Organization"],
    "UN Security Council": ["Security Council", "UNSC", "United Nations Security Council"],
    "UN General Assembly": ["General Assembly", "UNGA", "United Nations General Assembly"],
    "UN Human Rights Council": ["Human Rights Council", "UNHRC"],
    "UN High Commissioner for Refugees": ["UNHCR", "UN Refugee Agency"],
    "Organisation of Islamic Cooperation": [
        "Organization of Islamic Cooperation",
        "OIC",
        "Organisation of the Islamic Conference",
        "Organization of the Islamic Conference",
        "Islamic Cooperation Organization",
    ],
    "Council of Europe": ["CoE"],
    "Parliamentary Assembly of the Council of Europe": ["PACE"],
    "European Parliament": [],
    "European Union": ["EU"],
    "European Court of Human Rights": ["ECtHR", "Strasbourg Court"],
    "International Criminal Court": ["ICC"],
    "International Court of Justice": ["ICJ", "World Court"],
    "International Criminal Tribunal for the former Yugoslavia": [
        "ICTY",
        "International Tribunal for the former Yugoslavia",
    ],
    "International Criminal Tribunal for Rwanda": ["ICTR"],
    "Organization for Security and Co-operation in Europe": [
        "OSCE",
        "Organisation for Security and Co-operation in Europe",
        "Organization for Security and Cooperation in Europe",
    ],
    "Conference on Security and Cooperation in Europe": [
        "CSCE",
        "Conference on Security and Co-operation in Europe",
    ],
    "OSCE Minsk Group": ["Minsk Group"],
    "North Atlantic Treaty Organization": ["NATO"],
    "African Union": ["AU"],
    "Organization of American States": ["OAS"],
    "Human Rights Watch": ["HRW", "Helsinki Watch"],
    "Amnesty International": [],
    # Named in full only: "memorial" alone is usually a monument or a service.
    "Memorial Human Rights Centre": [
        "Memorial Human Rights Center",
        "Human Rights Center of Memorial",
        "Human Rights Centre of Memorial",
        "Memorial human rights group",
        "Memorial Society",
    ],
    "International Committee of the Red Cross": ["ICRC", "Red Cross"],
    "Médecins Sans Frontières": ["Doctors Without Borders", "MSF"],
    "Heydar Aliyev Foundation": ["Heydar Aliyev Founcation"],
    "Center for Global & Strategic Studies": ["CGSS", "Center for Global and Strategic Studies"],
    "Commonwealth of Independent States": ["CIS"],
    "UNICEF": ["United Nations Children's Fund"],
    "Office of the UN High Commissioner for Human Rights": [
        "OHCHR",
        "Office of the United Nations High Commissioner for Human Rights",
    ],
    "UN Human Rights Committee": ["Human Rights Committee"],
    "Committee on the Elimination of Racial Discrimination": ["CERD"],
    "International Organization for Migration": ["IOM"],
    "UNESCO": ["United Nations Educational, Scientific and Cultural Organization"],
    "World Food Programme": ["WFP", "World Food Program"],
    "International Residual Mechanism for Criminal Tribunals": ["IRMCT", "MICT"],
    "Special Court for Sierra Leone": [],
    "Extraordinary Chambers in the Courts of Cambodia": ["ECCC"],
    "International Commission on Missing Persons": ["ICMP"],
    "European Commission": [],
    "League of Arab States": ["Arab League"],
    "Gulf Cooperation Council": ["GCC"],
    "Organization of Turkic States": ["Turkic Council"],
    "Non-Aligned Movement": [],
    "Inter-Parliamentary Union": ["IPU"],
    "Physicians for Human Rights": [],
    "International Federation for Human Rights": ["FIDH"],
    "Freedom House": [],
    "Genocide Watch": [],
    "Save the Children": [],
    "International Crisis Group": ["Crisis Group"],
}


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
    names = sorted(index, key=len, reverse=True)
    parts = [re.escape(n) if n.isupper() or "." in n else f"(?i:{re.escape(n)})" for n in names]
    return re.compile(r"(?<![\w-])(" + "|".join(parts) + r")(?![\w-])")


def find(text: str, gazetteer=None) -> list[Candidate]:
    found = []
    codes = _country_names()
    for match in _country_re().finditer(text):
        found.append(
            Candidate(
                "country", match.start(), match.end(), match.group(), {"code": codes[match.group()]}
            )
        )
    index = gazetteer_index(gazetteer)
    for match in _organisation_re(index).finditer(text):
        name = index.get(match.group()) or canonical_organisation(match.group(), gazetteer)
        found.append(
            Candidate("organization", match.start(), match.end(), match.group(), {"name": name})
        )
    return found
