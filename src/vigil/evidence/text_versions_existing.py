"""Used by the migration that brought working copies (evidence 0008).

Before it, a source held only its text. Each source's text becomes version 1 of its text working
copy, made by a tool nobody recorded. Each new row is written to the audit log, as any row is,
so that `vigil verify` finds it as its log says. Claims made before keep no version: they quote
version 1 (Claim.quoted_version).
"""

import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from vigil.audit import log as audit
from vigil.audit.models import AuditEntry

ACTOR = "migration: each source's text became version 1 of its working copy"
UNKNOWN_TOOL = "unknown (before working copies)"
BATCH = 500


def _logged(row) -> dict:
    """What AuditedModel.audit_snapshot logs of the row (its text as a hash and a length)."""
    snapshot = {}
    for field in row._meta.concrete_fields:
        value = getattr(row, field.attname)
        if field.name == "text":
            raw = value.encode()
            value = {"sha256": hashlib.sha256(raw).hexdigest(), "length": len(raw)}
        snapshot[field.name] = value
    return json.loads(json.dumps(snapshot, cls=DjangoJSONEncoder))


def make_first_versions(Source, WorkingCopy) -> None:
    now = timezone.now()
    sources = Source.objects.order_by("pk").values_list("pk", "archived_file_id", "text")
    last = 0
    with audit.acting_as(label=ACTOR):
        while batch := list(sources.filter(pk__gt=last)[:BATCH]):
            last = batch[-1][0]
            copies = WorkingCopy.objects.bulk_create(
                WorkingCopy(
                    source_id=pk,
                    original_id=archived_file_id,
                    kind="text",
                    version=1,
                    text=text,
                    method="earlier",
                    tool=UNKNOWN_TOOL,
                    tool_settings={},
                    note="",
                    made_at=now,
                )
                for pk, archived_file_id, text in batch
            )
            for copy in copies:
                changes = {k: [None, v] for k, v in _logged(copy).items() if v is not None}
                audit.record(
                    AuditEntry.Action.CREATE,
                    copy,
                    changes,
                    object_repr=f"{copy.source_id} text v1",
                )
