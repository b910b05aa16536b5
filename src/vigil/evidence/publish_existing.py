"""Used by the migrations that made publishing its own step (evidence 0006, recognition 0003).

Before them, verified was public. So that the public site does not go blank on upgrade, what was
public then is marked published by the migration: public sources, verified claims from them and
verified recognition acts. Each mark is written to the audit log, as any change is, so that
`vigil verify` finds every row as its log says.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone

from vigil.audit import log as audit
from vigil.audit.models import AuditEntry

ACTOR = "migration: publishing became its own step"


def mark_published(rows) -> None:
    now = timezone.now()
    logged = json.loads(json.dumps(now, cls=DjangoJSONEncoder))
    with audit.acting_as(label=ACTOR):
        for row in rows.iterator():
            type(row).objects.filter(pk=row.pk).update(published_at=now)
            audit.record(
                AuditEntry.Action.UPDATE,
                row,
                {"published_at": [None, logged]},
                object_repr=f"{row._meta.verbose_name} #{row.pk}",
            )
