"""Importing recognition acts from CSV, with a report per row (see vigil.tabular), and exporting
them in the same columns. An exported row carries the act's id and address, so a file exported,
corrected and imported again updates those acts instead of adding them twice."""

from collections.abc import Iterator
from functools import partial

from django.conf import settings
from django.utils.translation import gettext as _

from vigil.addresses import address_of, named_id
from vigil.evidence.access import visible_sources
from vigil.evidence.models import Source
from vigil.partial_dates import Precision, parse_partial_date
from vigil.recognition import services
from vigil.recognition.actors import is_country_code
from vigil.recognition.models import Actor, Characterisation, RecognitionAct
from vigil.tabular import EXPORT_CHUNK, ImportReport, RowReport, choice, run_import

COLUMNS = [
    "id",
    "url",
    "country",
    "actor",
    "actor_kind",
    "date",
    "instrument",
    "characterisation",
    "wording",
    "original_language",
    "status",
    "source_title",
    "source_url",
    "notes",
    "verified",
]
# Several sources of one act share a cell, separated by this (titles may contain ";").
SOURCE_SEPARATOR = " | "
REQUIRED_COLUMNS = {
    "country",
    "actor",
    "date",
    "instrument",
    "characterisation",
    "wording",
    "status",
}


def _find_actor(name: str, country: str):
    if not name:
        return Actor.objects.filter(kind=Actor.Kind.STATE, country_code=country).first()
    return Actor.objects.filter(name=name, country_code=country).first()


def _validate(case, line: int, row: dict, seen: dict) -> RowReport:
    country = (row.get("country") or "").strip().upper()
    name = (row.get("actor") or "").strip()
    report = RowReport(line, name or country)
    errors = report.errors
    act = _named_act(case, row, errors)
    kind = _actor_kind(row, country, name, errors)
    date, precision = _partial_date(row, errors)
    fields = _act_fields(row, errors)
    key = (name.casefold(), country, fields["characterisation"], fields["instrument"], date)
    if key in seen:
        errors.append(_("duplicate of row %(line)s in this file") % {"line": seen[key]})
    seen.setdefault(key, line)
    actor = _find_actor(name, country) if not errors else None
    if actor is not None:
        _check_not_recorded(case, act, actor, date, fields, errors)
    report.fields = {
        "act": act,
        "country": country,
        "name": name,
        "kind": kind,
        "date": date,
        "precision": precision,
        **fields,
        "notes": (row.get("notes") or "").strip(),
        "verified": (row.get("verified") or "").strip().lower() in {"1", "yes", "true", "verified"},
        "source_title": (row.get("source_title") or "").strip(),
        "source_url": (row.get("source_url") or "").strip(),
    }
    return report


def _actor_kind(row: dict, country: str, name: str, errors: list[str]) -> str:
    """The acting body's kind: as the row gives it, else a state for a bare country code."""
    if country and not is_country_code(country):
        errors.append(_("unknown country code %(code)r") % {"code": country})
    if not name and not country:
        errors.append(_("no actor: give a country code or an actor's name"))
    kind = (row.get("actor_kind") or "").strip()
    if kind:
        return choice(kind, Actor.Kind, _("actor kind"), errors)
    return Actor.Kind.STATE if not name else Actor.Kind.OTHER


def _partial_date(row: dict, errors: list[str]) -> tuple:
    if not (row.get("date") or "").strip():
        return None, Precision.DAY
    try:
        return parse_partial_date(row["date"])
    except ValueError:
        errors.append(
            _("bad date %(date)r (write YYYY, YYYY-MM or YYYY-MM-DD)") % {"date": row["date"]}
        )
        return None, Precision.DAY


def _act_fields(row: dict, errors: list[str]) -> dict:
    """The act's own columns, each checked against its choices."""
    instrument = choice(
        row.get("instrument") or "", RecognitionAct.Instrument, _("instrument"), errors
    )
    characterisation = choice(
        row.get("characterisation") or "", Characterisation, _("characterisation"), errors
    )
    status = choice(row.get("status") or "", RecognitionAct.Status, _("status"), errors)
    wording = (row.get("wording") or "").strip()
    if not wording:
        errors.append(_("no wording: quote the act's own words"))
    # Optional: a file without the column keeps an act's language (English for a new act).
    language = (row.get("original_language") or "").strip().lower()
    if language and language not in dict(settings.LANGUAGES):
        errors.append(_("unknown language %(code)r") % {"code": language})
    return {
        "instrument": instrument,
        "characterisation": characterisation,
        "status": status,
        "wording": wording,
        "original_language": language,
    }


def _check_not_recorded(case, act, actor, date, fields: dict, errors: list[str]) -> None:
    """Refuse a row that repeats an act the case already has (other than the one it updates)."""
    duplicate = services.find_duplicate(
        case,
        actor=actor,
        characterisation=fields["characterisation"],
        date=date,
        instrument=fields["instrument"],
        exclude_pk=act.pk if act else None,
    )
    if duplicate is not None:
        errors.append(
            _("duplicate of an existing act (#%(pk)s, %(act)s)")
            % {"pk": duplicate.pk, "act": duplicate}
        )


def _named_act(case, row: dict, errors: list[str]) -> RecognitionAct | None:
    """The act of this case an exported row names, if it names one. A row naming an act of
    another case (a case's acts copied into a new one) is a new act here."""
    pk = named_id(row, errors, "recognition:act")
    if pk is None:
        return None
    return RecognitionAct.objects.filter(case=case, pk=pk).first()


def _sources_for(case, titles: str, urls: str) -> list[Source]:
    title_list = [t.strip() for t in titles.split(SOURCE_SEPARATOR.strip())] if titles else []
    url_list = [u.strip() for u in urls.split(SOURCE_SEPARATOR.strip())] if urls else []
    count = max(len(title_list), len(url_list))
    title_list += [""] * (count - len(title_list))
    url_list += [""] * (count - len(url_list))
    return [_source_for(case, t, u) for t, u in zip(title_list, url_list, strict=True) if t or u]


def _source_for(case, title: str, url: str) -> Source:
    found = None
    if url:
        found = Source.objects.filter(case=case, url=url).first()
    if found is None and title:
        found = Source.objects.filter(case=case, title=title).first()
    if found is not None:
        return found
    source = Source(case=case, kind=Source.Kind.OTHER, title=title or url, url=url)
    source.full_clean()
    source.save()
    return source


def _create(case, fields: dict, user=None) -> RecognitionAct:
    actor = _find_actor(fields["name"], fields["country"])
    if actor is None:
        parent = Actor.objects.filter(kind=Actor.Kind.STATE, country_code=fields["country"]).first()
        actor = Actor(
            name=fields["name"], kind=fields["kind"], country_code=fields["country"], parent=parent
        )
        actor.full_clean()
        actor.save()
    sources = _sources_for(case, fields["source_title"], fields["source_url"])
    act_fields = {
        "actor": actor,
        "date": fields["date"],
        "date_precision": fields["precision"],
        "instrument": fields["instrument"],
        "characterisation": fields["characterisation"],
        "wording": fields["wording"],
        "status": fields["status"],
        "notes": fields["notes"],
        "review": RecognitionAct.Review.VERIFIED
        if fields["verified"]
        else RecognitionAct.Review.UNVERIFIED,
    }
    if fields["original_language"]:
        act_fields["original_language"] = fields["original_language"]
    act = fields["act"]
    if act is None:
        return services.record_act(case, fields=act_fields, sources=sources, user=user)
    if user is not None:
        # The file names only the sources its exporter could see: keep those it could not.
        sources += list(act.sources.exclude(pk__in=visible_sources(user, case).values("pk")))
    return services.update_act(act, fields=act_fields, sources=sources)


def import_recognitions(case, stream, *, skip_invalid: bool = False, user=None) -> ImportReport:
    """Read the CSV from `stream` (text), validate every row, then import (see vigil.tabular)."""
    return run_import(
        stream,
        required=REQUIRED_COLUMNS,
        validate=partial(_validate, case),
        create=partial(_create, case, user=user),
        skip_invalid=skip_invalid,
    )


def export_rows(case, *, sources=None, request=None) -> Iterator[dict]:
    """One row per act, as the importer reads it, with the act's id and address (see
    vigil.addresses for `request`), read from the database a chunk at a time. `sources` limits
    the sources named to those the reader may see (the web export passes the person's visible
    sources; the command line, run by the operator, names them all)."""
    acts = services.acts_for(case, sources=sources)
    for act in acts.iterator(chunk_size=EXPORT_CHUNK):
        named = list(act.sources.all())
        yield {
            "id": act.pk,
            "url": address_of(act, request),
            "country": act.actor.country_code,
            "actor": "" if act.actor.kind == Actor.Kind.STATE else act.actor.name,
            "actor_kind": act.actor.kind,
            "date": act.date_iso,
            "instrument": act.instrument,
            "characterisation": act.characterisation,
            "wording": act.wording,
            "original_language": act.original_language,
            "status": act.status,
            "source_title": SOURCE_SEPARATOR.join(s.title for s in named),
            "source_url": SOURCE_SEPARATOR.join(s.url for s in named),
            "notes": act.notes,
            "verified": "yes" if act.review == RecognitionAct.Review.VERIFIED else "no",
        }
