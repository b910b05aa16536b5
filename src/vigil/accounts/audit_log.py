"""The audit log as administrators search and export it."""

import datetime
import json
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from vigil.audit.models import AuditEntry
from vigil.languages import capitalise
from vigil.tabular import EXPORT_CHUNK

EXPORT_COLUMNS = [
    "seq",
    "at",
    "actor",
    "action",
    "record",
    "object_pk",
    "object",
    "changes",
    "hash",
]


def filter_entries(*, user="", record="", action="", since=None, until=None) -> QuerySet:
    entries = AuditEntry.objects.order_by("-seq")
    if user:
        entries = entries.filter(actor_name__iexact=user.strip())
    if record:
        label, _, pk = record.strip().partition(" ")
        entries = entries.filter(model_label__iexact=label)
        if pk.strip():
            entries = entries.filter(object_pk=pk.strip())
    if action:
        entries = entries.filter(action=action)
    zone = timezone.get_current_timezone()
    if since:
        start = datetime.datetime.combine(since, datetime.time.min, tzinfo=zone)
        entries = entries.filter(at__gte=start)
    if until:
        end = datetime.datetime.combine(until + datetime.timedelta(days=1), datetime.time.min)
        entries = entries.filter(at__lt=end.replace(tzinfo=zone))
    return entries


def export_rows(entries) -> Iterator[dict]:
    """One row per entry (EXPORT_COLUMNS), read from the database a chunk at a time."""
    for entry in entries.iterator(chunk_size=EXPORT_CHUNK):
        yield {
            "seq": entry.seq,
            "at": entry.at.isoformat(),
            "actor": entry.actor_name,
            "action": entry.action,
            "record": entry.model_label,
            "object_pk": entry.object_pk,
            "object": entry.object_repr,
            "changes": json.dumps(entry.changes, ensure_ascii=False, sort_keys=True),
            "hash": entry.entry_hash,
        }


# --- the page: each entry's record by name, and its changes field by field -----------------------


@dataclass
class FieldChange:
    field: str
    before: str
    after: str


@dataclass
class DescribedEntry:
    entry: AuditEntry
    actor: str  # who acted, as the reader's language says "system"
    record: str  # "Source: Bloodshed in the Caucasus"
    changes: list[FieldChange]


def describe(entries) -> list[DescribedEntry]:
    """The entries as people read them: each record named by its kind and title, each change a
    field's name with its value before and after; related records by name, choices by label.
    Personal fields show only the mask the log holds."""
    entries = list(entries)
    names = _related_names(entries)
    return [
        DescribedEntry(entry, actor_name(entry), record_name(entry), _field_changes(entry, names))
        for entry in entries
    ]


def actor_name(entry: AuditEntry) -> str:
    """Who acted: their name as logged, or "system" in the reader's language when no person
    did (the log keeps the English word; it is part of the entry's hash)."""
    if entry.actor_id is None and entry.actor_name == "system":
        return pgettext("who acted when no person did", "system")
    return entry.actor_name


def record_name(entry: AuditEntry) -> str:
    model = _model(entry.model_label)
    kind = capitalise(model._meta.verbose_name) if model else entry.model_label
    title = entry.object_repr
    if not title:
        return f"{kind} #{entry.object_pk}"
    if title.lower().startswith(str(kind).lower()):
        return capitalise(title)  # "member #4" names its kind already
    return f"{kind}: {title}"


def _model(label: str):
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _field(model, name: str):
    try:
        return model._meta.get_field(name) if model else None
    except FieldDoesNotExist:
        return None


def _related_names(entries) -> dict:
    """(model, pk) -> how the log names that record, for every related record the entries
    mention, fetched in one query per model."""
    wanted = defaultdict(set)
    for entry in entries:
        model = _model(entry.model_label)
        for name, change in entry.changes.items():
            field = _field(model, name)
            if field is None or not field.is_relation:
                continue
            values = change.values() if isinstance(change, dict) else change
            for value in values:
                pks = value if isinstance(value, list) else [value]
                wanted[field.related_model].update(pk for pk in pks if pk not in (None, ""))
    names = {}
    for model, pks in wanted.items():
        # Names often read a related record (a target names its actor): fetch those along.
        for record in model._base_manager.filter(pk__in=pks).select_related():
            names[model, record.pk] = _name_of(record)
    return names


def _name_of(record) -> str:
    if hasattr(record, "audit_repr"):
        return record.audit_repr()  # records holding personal data name themselves by number
    if hasattr(record, "get_username"):
        return record.get_username()
    return str(record)


def _field_changes(entry: AuditEntry, names: dict) -> list[FieldChange]:
    model = _model(entry.model_label)
    rows = []
    for name, change in entry.changes.items():
        field = _field(model, name)
        if field is not None and getattr(field, "primary_key", False):
            continue  # the record's number is in its name already
        label = capitalise(getattr(field, "verbose_name", None) or name.replace("_", " "))
        if isinstance(change, dict):  # links added or removed: {"added": [3, 4]}
            after = "; ".join(
                f"{_LINK_VERBS.get(verb, verb)}: {_show(field, pks, names)}"
                for verb, pks in change.items()
            )
            rows.append(FieldChange(label, "", after))
        else:
            before, after = change
            rows.append(FieldChange(label, _show(field, before, names), _show(field, after, names)))
    return rows


# Lazy, so that each page reads them in its own language (at import they would stay English).
_LINK_VERBS = {
    "added": gettext_lazy("added"),
    "removed": gettext_lazy("removed"),
    "cleared": gettext_lazy("cleared"),
}
# The marks the log stores in place of personal data, in English, as part of the hashed entry.
_PRIVATE_MARKS = {
    "(private)": gettext_lazy("(private)"),
    "(private, changed)": gettext_lazy("(private, changed)"),
}


def _show(field, value, names: dict) -> str:
    """One logged value as people read it."""
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, list):
        return ", ".join(_show(field, item, names) for item in value)
    if isinstance(value, dict) and "sha256" in value:  # a long text, logged as its hash
        return _("long text of %(n)s characters (SHA-256 %(hash)s…)") % {
            "n": value.get("length"),
            "hash": str(value["sha256"])[:12],
        }
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, str) and value in _PRIVATE_MARKS:
        return str(_PRIVATE_MARKS[value])
    if field is not None and field.is_relation:
        return names.get((field.related_model, value)) or _("#%(pk)s (no longer there)") % {
            "pk": value
        }
    if field is not None and getattr(field, "choices", None):
        return str(dict(field.flatchoices).get(value, value))
    return str(value)
