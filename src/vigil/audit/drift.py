"""Rows changed behind Vigil's back: what the audit log says each row holds, against what it holds.

Every save through Vigil logs the fields that changed, so replaying a row's entries in order gives
the state its latest entry records. A row whose content differs (an UPDATE in SQL, a row inserted
or deleted without Vigil) is named. Rows are read in batches of primary keys, each batch's entries
with one indexed query, so memory stays flat however large the archive.
"""

from collections.abc import Iterator

from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models

from vigil.audit import log as audit
from vigil.audit.log import AuditedModel
from vigil.audit.models import AuditEntry

BATCH = 500  # well under SQLite's limit on query parameters
_GONE = object()  # the log's last word on the row is that it was deleted


def audited_models() -> list[type[models.Model]]:
    """The AuditedModels, and the accounts (whose roles are logged by signals of their own)."""
    return [m for m in apps.get_models() if issubclass(m, AuditedModel)] + [audit._user_model()]


def _snapshot(row) -> dict:
    if isinstance(row, AuditedModel):
        return row.audit_snapshot()
    # An account's log holds its name and roles as they were; the rest is private.
    return {name: getattr(row, name) for name in audit._USER_FIELDS}


def _unlogged_by_design(row) -> bool:
    return isinstance(row, AuditedModel) and row.audit_installed()


def _replay(entries) -> dict:
    """The state the entries record, oldest first: {field: value}, _GONE, or None for unknown.

    After an erasure on request (logged without its content), or for a row whose creation was
    never logged (reference data Vigil installs), only the fields changed since then count.
    """
    state: dict = {"__partial__": True}
    for entry in entries:
        if entry.action == AuditEntry.Action.DELETE:
            state = _GONE
            continue
        if entry.action == AuditEntry.Action.ERASE:
            state = {"__partial__": True}
            continue
        if entry.action == AuditEntry.Action.CREATE or state is _GONE:
            state = {}
        for name, change in entry.changes.items():
            if isinstance(change, list) and len(change) == 2:  # many-to-many links are dicts
                state[name] = change[1]
    return state


def _comparable(field: models.Field, value):
    """Both sides as Python values, so 1.5 and "1.50" or 5 and "5" are not called a change."""
    try:
        return field.to_python(value)
    except (ValidationError, TypeError, ValueError):
        return value


def _set_null_by_cascade(field: models.Field, recorded) -> bool:
    """Django nulls a SET_NULL key without signals when its target is deleted: not tampering."""
    remote = getattr(field, "remote_field", None)
    if remote is None or remote.on_delete is not models.SET_NULL:
        return False
    return not field.related_model._base_manager.filter(pk=recorded).exists()


def _differences(model, row, recorded: dict) -> list[str]:
    current = _snapshot(row)
    partial = recorded.get("__partial__", False)
    opaque = getattr(model, "audit_summarised_fields", set()) | getattr(
        model, "audit_private_fields", set()
    )
    changed = []
    for field in model._meta.concrete_fields:
        if field.name not in current or (partial and field.name not in recorded):
            continue
        before, now = recorded.get(field.name), current[field.name]
        if field.name in opaque:
            same = before == now
        else:
            same = _comparable(field, before) == _comparable(field, now)
        if not same and not (now is None and _set_null_by_cascade(field, before)):
            changed.append(field.name)
    return changed


def _pk_batches(model) -> Iterator[list]:
    last = None
    rows = model._base_manager.order_by("pk")
    while True:
        batch = list((rows.filter(pk__gt=last) if last is not None else rows)[:BATCH])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


def _entries_for(label: str, pks: list[str]) -> dict[str, list[AuditEntry]]:
    found: dict[str, list[AuditEntry]] = {}
    entries = AuditEntry.objects.filter(model_label=label, object_pk__in=pks).order_by("seq")
    for entry in entries.only("seq", "action", "object_pk", "changes"):
        found.setdefault(entry.object_pk, []).append(entry)
    return found


def _row_problems(model) -> Iterator[str]:
    label = model._meta.label
    for batch in _pk_batches(model):
        logged = _entries_for(label, [str(row.pk) for row in batch])
        for row in batch:
            name = f"{label} #{row.pk}"
            recorded = _replay(logged.get(str(row.pk), []))
            if not logged.get(str(row.pk)):
                if not _unlogged_by_design(row):
                    yield f"{name} is not in the audit log: it was added outside Vigil"
            elif recorded is _GONE:
                yield f"{name} exists although the audit log records its deletion"
            elif fields := _differences(model, row, recorded):
                yield (
                    f"{name} differs from its latest audit entry in {', '.join(fields)}: "
                    "it was changed outside Vigil"
                )


def _missing_rows(model) -> Iterator[str]:
    """Rows the log says exist but the table does not hold: deleted outside Vigil."""
    label = model._meta.label
    entries = (
        AuditEntry.objects.filter(model_label=label)
        .order_by("object_pk", "seq")
        .values_list("object_pk", "action")
    )
    live: dict[str, str] = {}
    last_pk = None
    for object_pk, action in entries.iterator(chunk_size=5000):
        live[object_pk] = action
        if object_pk != last_pk and len(live) > BATCH:
            yield from _absent(model, live, keep=object_pk)
        last_pk = object_pk
    yield from _absent(model, live, keep=None)


def _absent(model, live: dict[str, str], keep) -> Iterator[str]:
    """Check the finished objects in `live` (all but `keep`, still being read) and forget them."""
    done = {pk: action for pk, action in live.items() if pk != keep}
    for pk in done:
        del live[pk]
    wanted = [pk for pk, action in done.items() if action != AuditEntry.Action.DELETE]
    keys = [model._meta.pk.to_python(pk) for pk in wanted]
    present = {
        str(pk) for pk in model._base_manager.filter(pk__in=keys).values_list("pk", flat=True)
    }
    for pk in wanted:
        if pk not in present:
            yield f"{model._meta.label} #{pk} is gone although the audit log never deleted it"


def drift_problems() -> list[str]:
    """One line per audited row whose content is not what its audit entries record."""
    problems = []
    for model in audited_models():
        problems.extend(_row_problems(model))
        problems.extend(_missing_rows(model))
    return problems
