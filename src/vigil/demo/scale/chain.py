"""Generated rows go in with their audit entries, in short transactions, as a real archive built
up over years would hold them: every created row has its 'create' entry in the hash chain."""

import datetime
from collections.abc import Iterable, Iterator
from itertools import islice

from django.db import transaction

from vigil.audit import log as audit
from vigil.audit.log import AuditedModel
from vigil.audit.models import GENESIS_HASH, AuditEntry

ACTOR_NAME = "vigil generate-scale"
# Rows per transaction: a fraction of a second each, so others can write while it runs.
BATCH_ROWS = 1000


class Chain:
    """The end of the audit chain, extended by `insert`."""

    def __init__(self):
        last = AuditEntry.objects.order_by("-seq").only("seq", "entry_hash").first()
        self.seq = last.seq if last else 0
        self.prev_hash = last.entry_hash if last else GENESIS_HASH
        self.written = 0

    def entries(self, rows: list) -> list[AuditEntry]:
        """The 'create' entries the audit signals would have written for the rows."""
        entries = []
        for row in rows:
            if isinstance(row, AuditedModel):
                logged = (row.audit_repr(), audit._diff({}, row.audit_snapshot()))
            elif isinstance(row, audit._user_model()):
                logged = (f"user #{row.pk}", _created_account(row))
            else:
                continue
            self.seq += 1
            entry = AuditEntry(
                seq=self.seq,
                at=datetime.datetime.now(tz=datetime.UTC),
                actor_name=ACTOR_NAME,
                action=AuditEntry.Action.CREATE,
                model_label=row._meta.label,
                object_pk=str(row.pk),
                object_repr=logged[0][:300],
                changes=logged[1],
                prev_hash=self.prev_hash,
            )
            entry.entry_hash = entry.compute_hash()
            self.prev_hash = entry.entry_hash
            entries.append(entry)
        self.written += len(entries)
        return entries


def _created_account(user) -> dict:
    """What the log records of a new account: its name and roles, and that its private fields
    were set (never their values)."""
    changes = {name: [None, getattr(user, name)] for name in audit._USER_FIELDS}
    changes.update({name: ["(private)", "(private, changed)"] for name in audit._USER_PRIVATE})
    return changes


def batched(items: Iterable, size: int = BATCH_ROWS) -> Iterator[list]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def insert(chain: Chain, model, rows: Iterable, size: int = BATCH_ROWS) -> Iterator[list]:
    """Insert the rows in transactions of `size`, each with the rows' audit entries; yields each
    saved batch (with its primary keys) so the caller can build what refers to it."""
    for batch in batched(rows, size):
        with transaction.atomic():
            saved = model.objects.bulk_create(batch)
            AuditEntry.objects.bulk_create(chain.entries(saved))
        yield saved


def insert_all(chain: Chain, model, rows: Iterable, size: int = BATCH_ROWS) -> list:
    """`insert`, keeping every saved row (for the smaller tables)."""
    return [row for batch in insert(chain, model, rows, size) for row in batch]
