"""Loads the demonstration case from the files beside this module.

Each object carries an import key, so loading again adds nothing twice and never overwrites what a
person has changed since. Facts come only from facts.json and seed-article.txt; nothing is made up.
"""

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from vigil.audit.log import acting_as
from vigil.cases.models import Case, CaseTranslation
from vigil.demo import review as demo_review
from vigil.demo.load_report import LoadReport
from vigil.evidence import services
from vigil.evidence.models import Claim, Source
from vigil.partial_dates import Precision, parse_partial_date

DEMO_DIR = Path(__file__).parent / "khojaly-1992"


@dataclass
class DemoData:
    case: dict
    facts: dict
    directory: Path

    @classmethod
    def read(cls, directory: Path = DEMO_DIR) -> "DemoData":
        return cls(
            case=json.loads((directory / "case.json").read_text()),
            facts=json.loads((directory / "facts.json").read_text()),
            directory=directory,
        )


def _date_range(text: str) -> tuple[datetime.date, str, datetime.date | None]:
    """Read "1992-02-26", "1992-02" or a span "1992-02-25/1992-02-26"."""
    start_text, _sep, end_text = text.partition("/")
    start, precision = parse_partial_date(start_text)
    end = parse_partial_date(end_text)[0] if end_text else None
    return start, precision, end


def _review_fields(data: DemoData, row: dict) -> dict:
    if row.get("verify"):
        return {"review_status": Claim.Review.PROPOSED, "review_note": data.case["unverified_note"]}
    return {"review_status": Claim.Review.VERIFIED, "review_note": data.case["verified_note"]}


def load_case(data: DemoData, report: LoadReport) -> Case:
    fields = dict(data.case["case"])
    for name in ("start_date", "end_date"):
        fields[name] = datetime.date.fromisoformat(fields[name])
    case, created = Case.objects.get_or_create(slug=fields.pop("slug"), defaults=fields)
    report.count("cases", created)
    return case


def load_translations(data: DemoData, case: Case, report: LoadReport) -> None:
    """The case's title and summary in Vigil's other languages: translations of the English,
    made by the project. One a person has since changed is kept as it is."""
    for language, text in data.case.get("translations", {}).items():
        if language == "about":
            continue
        _translation, created = CaseTranslation.objects.get_or_create(
            case=case, language=language, defaults=text
        )
        report.count("case translations", created)


def _source_metadata(data: DemoData, row: dict) -> dict:
    standing = row["standing"]
    grading = data.case["grading_by_standing"][standing]
    published_on, precision = (
        parse_partial_date(row["date"]) if row.get("date") else (None, Precision.DAY)
    )
    return {
        "kind": data.case["kinds"].get(row["kind"], row["kind"]),
        "title": row["title"],
        "author": row["author"],
        "published_on": published_on,
        "published_precision": precision,
        "url": row.get("url", ""),
        "standing": standing,
        "side": data.case["side_by_standing"].get(standing, ""),
        "reliability_grade": grading["grade"],
        "reliability_reason": grading["reason"],
        "access_level": data.case["access_level"],
        "language": row.get("language", "en"),
        "import_key": f"demo:source:{row['id']}",
    }


def load_sources(data: DemoData, case: Case, report: LoadReport) -> dict[str, Source]:
    sources = {}
    for row in data.facts["sources"]:
        metadata = _source_metadata(data, row)
        existing = Source.objects.filter(case=case, import_key=metadata["import_key"]).first()
        if existing is not None:
            sources[row["id"]] = existing
            report.count("sources", created=False)
            continue
        if row.get("file"):
            result = services.add_source_from_bytes(
                case,
                data=(data.directory / row["file"]).read_bytes(),
                filename=row["file"],
                metadata=metadata,
            )
            source, created = result.source, result.created
        else:
            # Known by its description and address only: no copy of its text is held.
            source = Source(case=case, **metadata)
            source.full_clean()
            source.save()
            created = True
        sources[row["id"]] = source
        report.count("sources", created)
    return sources


def _add_claim_once(case, source, key, fields, figure, report, kind) -> None:
    if Claim.objects.filter(case=case, import_key=key).exists():
        report.count(kind, created=False)
        return
    claim = demo_review.add_claim(source, fields={**fields, "import_key": key}, figure=figure)
    report.count(kind, created=claim is not None)


def _figure_number(row: dict) -> str:
    """The figure as the statement words it: "613", "161–613" or "at least 161"."""
    if row.get("value") is not None:
        return f"{row['value']:,}"
    if row.get("high"):
        return f"{row['low']:,}–{row['high']:,}"
    return f"at least {row['low']:,}"


def _load_figure_claims(data, case, sources, report) -> None:
    for row in data.facts["figures"]:
        figure = {
            "category": row["category"],
            "low": row.get("low", row.get("value")),
            "high": row.get("high", row.get("value")),
            "population": row["population"],
        }
        fields = {
            "statement": f"{_figure_number(row)} {row['category']}: {row['population']}",
            "claim_type": Claim.Type.FIGURE,
            "locator": row["quote"],
            **_review_fields(data, row),
        }
        key = f"demo:figure:{row['source']}:{row['quote']}"[:200]
        _add_claim_once(case, sources[row["source"]], key, fields, figure, report, "figure claims")


def _load_event_claims(data, case, sources, report) -> None:
    for row in data.facts["events"]:
        start, precision, end = _date_range(row["date"])
        fields = {
            "statement": row["what"],
            "claim_type": Claim.Type.EVENT,
            "locator": row["quote"],
            "occurred_on": start,
            "occurred_precision": precision,
            "occurred_until": end,
            **_review_fields(data, row),
        }
        key = f"demo:event:{row['source']}:{row['quote']}"[:200]
        _add_claim_once(case, sources[row["source"]], key, fields, None, report, "event claims")


def _load_document_claims(data, case, sources, report) -> None:
    for row in data.facts["documents"]:
        start, precision, _end = _date_range(row["date"])
        review = _review_fields(data, row)
        review["review_note"] = f"{row['note']} {review['review_note']}"
        fields = {
            "statement": f"{row['title']}, dated {row['date']}",
            "claim_type": Claim.Type.EVENT,
            "locator": row["quote"],
            "occurred_on": start,
            "occurred_precision": precision,
            **review,
        }
        key = f"demo:document:{row['id']}"
        _add_claim_once(case, sources[row["source"]], key, fields, None, report, "document claims")


def load_claims(data: DemoData, case: Case, sources: dict[str, Source], report: LoadReport) -> None:
    """The demonstration's figures, dated events and documents, each a claim of its source."""
    _load_figure_claims(data, case, sources, report)
    _load_event_claims(data, case, sources, report)
    _load_document_claims(data, case, sources, report)


def load_element_links(data: DemoData, case: Case, report: LoadReport) -> None:
    """Link demonstration claims to the elements they bear on (see case.json)."""
    from vigil.law import services as law_services
    from vigil.law.models import ConsideredCrime, Element, ElementLink

    for row in data.case["element_links"]:
        claim = Claim.objects.get(
            case=case, locator=row["quote"], source__import_key=f"demo:source:{row['source']}"
        )
        element = Element.objects.get(crime__code=row["crime"], number=row["element"])
        if ElementLink.objects.filter(claim=claim, element=element).exists():
            report.count("element links", created=False)
            continue
        law_services.link_claim(
            case,
            claim=claim,
            element=element,
            bearing=row["bearing"],
            strength=row["strength"],
            note=row["note"],
        )
        report.count("element links", created=True)
    for code in data.case["considered_crimes"]:
        _obj, created = ConsideredCrime.objects.get_or_create(
            case=case, crime=Element.objects.get(crime__code=code, number=1).crime
        )
        report.count("crimes considered", created)


ACTOR_KINDS = {
    "parliament committee": "committee",
    "parliament chamber": "chamber",
    "parliament": "parliament",
    "international organisation": "organisation",
    "subnational": "subnational",
}
UNDATED_WORDING = "have adopted parliamentary resolutions to recognize the Khojaly Genocide"


def _actor(name: str, kind: str, country: str):
    from vigil.recognition.models import Actor

    states = Actor.objects.filter(kind=Actor.Kind.STATE)
    parent = states.filter(country_code=country).first() if country else None
    actor, _created = Actor.objects.get_or_create(
        name=name, country_code=country, defaults={"kind": kind, "parent": parent}
    )
    return actor


def _add_act_once(case, key, fields, sources, report):
    from vigil.recognition import services as recognition_services
    from vigil.recognition.models import RecognitionAct

    if RecognitionAct.objects.filter(case=case, import_key=key).exists():
        report.count("recognition acts", created=False)
        return
    recognition_services.record_act(case, fields={**fields, "import_key": key}, sources=sources)
    report.count("recognition acts", created=True)


def load_recognitions(data: DemoData, case: Case, sources: dict, report: LoadReport) -> None:
    """The acts facts.json lists, each with its sources; rows marked verify stay unverified."""
    for row in data.facts["recognitions"]:
        country = row["country"] or ""
        actor = _actor(row["actor"], ACTOR_KINDS[row["actor_kind"]], country)
        date, precision = parse_partial_date(row["date"])
        notes = row.get("note", "")
        if row.get("verify"):
            notes = f"{notes} {data.case['unverified_note']}".strip()
        fields = {
            "actor": actor,
            "date": date,
            "date_precision": precision,
            "instrument": row["instrument"],
            "characterisation": row["characterisation"],
            "wording": row["wording"],
            "status": row["status"],
            "notes": notes,
            "review": "unverified" if row.get("verify") else "verified",
        }
        key = f"demo:act:{country or row['actor']}:{row['date']}"
        _add_act_once(case, key, fields, [sources[s] for s in row["sources"]], report)

    undated = data.facts["reported_without_date"]
    source = sources[undated["source"]]
    common = {
        "date": None,
        "instrument": "resolution",
        "characterisation": "genocide",
        "wording": UNDATED_WORDING,
        "status": "adopted",
        "review": "unverified",
        "notes": data.case["undated_note"],
    }
    for country in undated["countries"]:
        from vigil.recognition.actors import country_name

        name = f"Legislature of {country_name(country, 'en')} (body not named in the source)"
        actor = _actor(name, "parliament", country)
        _add_act_once(
            case, f"demo:act:undated:{country}", {**common, "actor": actor}, [source], report
        )
    for entry in undated["subnational"]:
        name, _sep, rest = entry.rpartition(" (")
        country = rest.rstrip(")")
        actor = _actor(name, "subnational", country)
        _add_act_once(
            case, f"demo:act:undated:{entry}", {**common, "actor": actor}, [source], report
        )


def load_sample_campaign(data: DemoData, case: Case, report: LoadReport, year: int) -> None:
    """Fictional chapters, members and a commemoration in each chapter's city."""
    import zoneinfo

    from vigil.campaigns.models import Chapter, Event, Member

    sample = data.case["sample_campaign"]
    chapters = {}
    for row in sample["chapters"]:
        fields = {k: v for k, v in row.items() if k not in ("name", "time_zone")}
        chapter, created = Chapter.objects.get_or_create(name=row["name"], defaults=fields)
        chapter.cases.add(case)
        chapters[row["name"]] = (chapter, row["time_zone"])
        report.count("sample chapters", created)
    for row in sample["members"]:
        fields = {k: v for k, v in row.items() if k not in ("display_name", "chapters")}
        member, created = Member.objects.get_or_create(
            display_name=row["display_name"], defaults=fields
        )
        if created:
            member.chapters.set([chapters[name][0] for name in row["chapters"]])
        report.count("sample members", created)
    event = sample["commemoration"]
    for chapter, zone_name in chapters.values():
        zone = zoneinfo.ZoneInfo(zone_name)
        day = datetime.date(year, event["month"], event["day"])
        start = datetime.datetime.combine(day, datetime.time.fromisoformat(event["start"]), zone)
        end = datetime.datetime.combine(day, datetime.time.fromisoformat(event["end"]), zone)
        _obj, created = Event.objects.get_or_create(
            title=f"{event['title']}, {chapter.city}",
            chapter=chapter,
            defaults={
                "kind": "commemoration",
                "case": case,
                "starts_at": start,
                "ends_at": end,
                "time_zone": zone_name,
                "city": chapter.city,
                "country_code": chapter.country_code,
                "venue": "Sample venue (fictional)",
                "capacity": event["capacity"],
                "is_public": True,
            },
        )
        report.count("sample events", created)


def load_demo(directory: Path = DEMO_DIR) -> LoadReport:
    """Load (or top up) the demonstration case; safe to run any number of times."""
    data = DemoData.read(directory)
    report = LoadReport()
    with acting_as(label="vigil load-demo"), transaction.atomic():
        case = load_case(data, report)
        load_translations(data, case, report)
        sources = load_sources(data, case, report)
        load_claims(data, case, sources, report)
        load_element_links(data, case, report)
        load_recognitions(data, case, sources, report)
        load_sample_campaign(data, case, report, year=_next_anniversary_year(data))
        demo_review.publish(case)
    return report


def _next_anniversary_year(data: DemoData) -> int:
    """The year of the next commemoration day, so the sample events are always upcoming."""
    from django.utils import timezone

    event = data.case["sample_campaign"]["commemoration"]
    today = timezone.localdate()
    this_year = datetime.date(today.year, event["month"], event["day"])
    return today.year if this_year >= today else today.year + 1
