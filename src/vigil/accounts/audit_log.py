"""The audit log as administrators search and export it."""

import datetime
import json

from django.db.models import QuerySet
from django.utils import timezone

from vigil import csv_safe
from vigil.accounts.models import AuditEntry

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


def write_csv(entries, stream) -> None:
    writer = csv_safe.Writer(stream)
    writer.writerow(EXPORT_COLUMNS)
    for entry in entries.iterator(chunk_size=2000):
        writer.writerow(
            [
                entry.seq,
                entry.at.isoformat(),
                entry.actor_name,
                entry.action,
                entry.model_label,
                entry.object_pk,
                entry.object_repr,
                json.dumps(entry.changes, ensure_ascii=False, sort_keys=True),
                entry.entry_hash,
            ]
        )
