"""Countries (as ISO 3166-1 alpha-3) and organisations (from a gazetteer users can extend)."""

import re
from functools import lru_cache

import pycountry

from . import Finding

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
    return re.compile(
        r"\b(?<![\w-])(" + "|".join(_flexible(a) for a in alternatives) + r")(?!\w|-[A-Z\d])"
    )


def _country_code(matched: str) -> str | None:
    name = " ".join(matched.split())
    names = _country_names()
    if name in names:
        return names[name]
    return next((code for n, code in names.items() if n.upper() == name), None)


# Organisations: canonical name → other names. Acronyms match case-sensitively.
DEFAULT_GAZETTEER = {
    "United Nations": ["UN", "U.N.", "United Nations Organization"],
    "UN Security Council": [
        "Security Council",
        "UNSC",
        "United Nations Security Council",
        "U.N. Security Council",
    ],
    "UN General Assembly": [
        "General Assembly",
        "UNGA",
        "United Nations General Assembly",
        "U.N. General Assembly",
    ],
    "UN Human Rights Council": ["Human Rights Council", "UNHRC", "U.N. Human Rights Council"],
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
    "Assembly of States Parties to the Rome Statute": ["Assembly of States Parties"],
    "International Court of Justice": ["ICJ", "World Court"],
    "International Criminal Tribunal for the former Yugoslavia": [
        "ICTY",
        "International Tribunal for the former Yugoslavia",
        "International Tribunal for the Prosecution of Persons Responsible for Serious "
        "Violations of International Humanitarian Law Committed in the Territory of the "
        "Former Yugoslavia",
    ],
    "International Criminal Tribunal for Rwanda": [
        "ICTR",
        "International Tribunal for Rwanda",
        "International Criminal Tribunal for the Prosecution of Persons Responsible for "
        "Genocide and Other Serious Violations of International Humanitarian Law Committed in "
        "the Territory of Rwanda",
    ],
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
        "UN Human Rights Office",
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
    "OSCE Parliamentary Assembly": ["Parliamentary Assembly of the OSCE"],
    "Near East Relief": [],
    "Airwars": [],
    "UN Human Rights Monitoring Mission in Ukraine": ["HRMMU"],
    "UN Committee against Torture": ["Committee against Torture"],
    "Committee on the Rights of the Child": [],
    "UN Women": [],
    "UN Population Fund": ["UNFPA", "United Nations Population Fund"],
    "UN Observer Mission in Georgia": ["UNOMIG"],
    "UN Mission in Kosovo": ["UNMIK", "United Nations Interim Administration Mission in Kosovo"],
    "UN Organization Stabilization Mission in the DR Congo": ["MONUSCO"],
    "African Union–UN Hybrid Operation in Darfur": ["UNAMID"],
    "UN Mission in South Sudan": ["UNMISS"],
    "Collective Security Treaty Organization": ["CSTO"],
    "Shanghai Cooperation Organisation": ["Shanghai Cooperation Organization", "SCO"],
    "Association of Southeast Asian Nations": ["ASEAN"],
    "GUAM Organization for Democracy and Economic Development": [
        "Organization for Democracy and Economic Development",
        "GUAM",
    ],
    "International Helsinki Federation for Human Rights": ["International Helsinki Federation"],
    "Internal Displacement Monitoring Centre": ["IDMC", "Internal Displacement Monitoring Center"],
    "Danish Refugee Council": [],
    "Médecins du Monde": ["Doctors of the World"],
    "Fortify Rights": [],
    "Yazda": [],
    "Syrian Observatory for Human Rights": ["SOHR"],
    "B'Tselem": [],
    "Al-Haq": [],
    "Bellingcat": [],
    "Armed Conflict Location & Event Data Project": ["ACLED"],
    "Uppsala Conflict Data Program": ["UCDP"],
    "Syrian Network for Human Rights": ["SNHR"],
    "Violations Documentation Center": ["Violations Documentation Centre"],
    "Parliamentary Union of the OIC Member States": ["Parliamentary Union of the OIC", "PUIC"],
    "Islamic Conference Youth Forum for Dialogue and Cooperation": ["ICYF-DC", "ICYF"],
    "Refugees International": [],
    "International Rescue Committee": [],
    "Norwegian Refugee Council": [],
    "Oxfam": ["Oxfam International"],
    "Minority Rights Group International": ["Minority Rights Group"],
    "International Commission of Jurists": [],
    "Reporters Without Borders": ["Reporters sans frontières"],
    "Committee to Protect Journalists": [],
    "Human Rights First": [],
    "United States Holocaust Memorial Museum": ["US Holocaust Memorial Museum"],
    "Global Centre for the Responsibility to Protect": [],
    "Open Society Justice Initiative": [],
    "International Association of Genocide Scholars": [],
    "World Health Organization": ["WHO"],
    "International Labour Organization": ["ILO", "International Labor Organization"],
    "UN Office for the Coordination of Humanitarian Affairs": [
        "OCHA",
        "Office for the Coordination of Humanitarian Affairs",
    ],
    "UN Commission on Human Rights": ["Commission on Human Rights"],
    "UN Relief and Works Agency": ["UNRWA"],
    "UN Development Programme": ["UNDP", "United Nations Development Programme"],
    "UN Protection Force": ["UNPROFOR", "United Nations Protection Force"],
    "UN Assistance Mission for Rwanda": ["UNAMIR", "United Nations Assistance Mission for Rwanda"],
    "UN Assistance Mission for Iraq": ["UNAMI", "United Nations Assistance Mission for Iraq"],
    "Independent International Fact-Finding Mission on Myanmar": [
        "Fact-Finding Mission on Myanmar",
        "Fact-finding Mission on Myanmar",
    ],
    "Independent International Commission of Inquiry on the Syrian Arab Republic": [
        "Commission of Inquiry on Syria",
        "Commission of Inquiry on the Syrian Arab Republic",
    ],
    "Interpol": ["INTERPOL", "International Criminal Police Organization"],
    "Council of the European Union": [],
    "European Council": [],
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
    parts = [_flexible(n) if n.isupper() or "." in n else f"(?i:{_flexible(n)})" for n in names]
    return re.compile(r"\b(?<![\w-])(" + "|".join(parts) + r")(?!\w|-[A-Z\d])")


# "the General Assembly of the United Nations": the body's long name names that body only.
OF_THE_UN = re.compile(r"\s+of\s+the\s+United\s+Nations\b")
# "Armenia-Azerbaijan": two countries joined by a hyphen.
HYPHEN_PAIR = re.compile(r"\b([A-Z][a-z]+)-([A-Z][a-z]+)\b")


def find(text: str, gazetteer=None) -> list[Finding]:
    from .legal import INSTRUMENT_RE

    # Names inside an instrument's name ("Charter of the United Nations", "Rome Statute of the
    # International Criminal Court") name no organisation and no country.
    instruments = [m.span() for m in INSTRUMENT_RE.finditer(text)]
    organisations = _organisations(text, gazetteer, instruments)
    inside = instruments + [(c.start, c.end) for c in organisations]
    found = _countries(text, inside) + organisations
    # "Congo" alone is either Congo; in a text that names the Democratic Republic, it is that.
    if any(c.data.get("code") == "COD" for c in found):
        for c in found:
            if c.kind == "country" and c.data["code"] == "COG" and c.text == "Congo":
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
        found.append(Finding("country", match.start(), match.end(), match.group(), data))
    for match in HYPHEN_PAIR.finditer(text):
        if _country_code(match.group()) or _within(match.start(), excluded):
            continue
        for group in (1, 2):
            code = _country_code(match.group(group))
            if code:
                data = {"code": code, "rule": "en.country.hyphen-pair"}
                found.append(
                    Finding(
                        "country", match.start(group), match.end(group), match.group(group), data
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
        found.append(Finding("organization", match.start(), end, text[match.start() : end], data))
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
    names = {c.data["name"] for c in found if c.kind == "organization"}
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
                c.start <= match.start() < c.end for c in found if c.kind == "organization"
            ):
                data = {"name": name, "rule": "en.organization.context"}
                extra.append(
                    Finding("organization", match.start(), match.end(), match.group(), data)
                )
    return extra
