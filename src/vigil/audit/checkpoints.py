"""Checkpoints of the audit chain's head, kept in an append-only file apart from the database.

Re-hashing the chain finds an entry altered, removed or moved, but not the last entries removed:
a shorter chain is still a valid chain. A checkpoint remembers how far the chain reached (its
head's number and hash) at a moment; `vigil verify` then demands that every checkpointed entry
is still there, unchanged. The file belongs on storage the database's users cannot rewrite
(`VIGIL_CHECKPOINT_DIR`), and a trusted timestamp can prove when each was written.
"""

import datetime
import json
import os
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from vigil.audit.models import AuditEntry
from vigil.private_files import FILE_MODE, private_folder

FILE_NAME = "audit-checkpoints.jsonl"


@dataclass(frozen=True)
class Checkpoint:
    seq: int
    entry_hash: str
    written_at: str
    timestamp_root: str = ""  # the Merkle root a trusted timestamp covers, when there is one
    # A restore from backup puts back an older log: checkpoints beyond its head no longer apply.
    restored: bool = False


def checkpoint_path() -> Path:
    return Path(settings.CHECKPOINT_DIR) / FILE_NAME


def read_checkpoints() -> tuple[list[Checkpoint], list[str]]:
    """Every checkpoint in the file, and one problem per line that is not a checkpoint."""
    path = checkpoint_path()
    if not path.exists():
        return [], []
    checkpoints, problems = [], []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            try:
                checkpoints.append(Checkpoint(**json.loads(line)))
            except (ValueError, TypeError):
                problems.append(f"checkpoint file {path}, line {number}, is not a checkpoint")
    return checkpoints, problems


def write_checkpoint(
    seq: int, entry_hash: str, timestamp_root: str = "", *, restored: bool = False
) -> Checkpoint:
    """Append one checkpoint; one write of one line, so concurrent writers never interleave."""
    checkpoint = Checkpoint(
        seq=seq,
        entry_hash=entry_hash,
        written_at=datetime.datetime.now(tz=datetime.UTC).isoformat(),
        timestamp_root=timestamp_root,
        restored=restored,
    )
    path = checkpoint_path()
    private_folder(path.parent)
    line = json.dumps(checkpoint.__dict__, sort_keys=True) + "\n"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, FILE_MODE)
    try:
        os.write(descriptor, line.encode())
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
    return checkpoint


def chain_head() -> AuditEntry | None:
    return AuditEntry.objects.order_by("-seq").only("seq", "entry_hash").first()


def checkpoint_head(*, restored: bool = False) -> Checkpoint | None:
    """Checkpoint the chain as it stands now (nothing when the log is empty); `restored` marks
    the head a restore from backup put back, which the checkpoints after it build on."""
    head = chain_head()
    if head is None:
        return write_checkpoint(0, "", restored=True) if restored else None
    return write_checkpoint(head.seq, head.entry_hash, restored=restored)


def _in_force(checkpoints: list[Checkpoint]) -> list[Checkpoint]:
    """The checkpoints a restore has not superseded: those within the restored log's reach."""
    kept: list[Checkpoint] = []
    for checkpoint in checkpoints:
        if checkpoint.restored:
            kept = [c for c in kept if c.seq <= checkpoint.seq]
        if checkpoint.seq:
            kept.append(checkpoint)
    return kept


def after_append(entry: AuditEntry) -> None:
    """Called for each new entry: every VIGIL_CHECKPOINT_EVERY entries, once it is committed."""
    if entry.seq % settings.CHECKPOINT_EVERY == 0:
        # robust: a checkpoint that cannot be written is logged, never undoes the user's change
        # (the next one, or `vigil verify`, writes the head again).
        transaction.on_commit(lambda: write_checkpoint(entry.seq, entry.entry_hash), robust=True)


def checkpoint_problems(batch_size: int = 1000) -> list[str]:
    """One line per checkpointed entry that is gone or differs: the log was cut or rewritten."""
    checkpoints, problems = read_checkpoints()
    checkpoints = _in_force(checkpoints)
    for start in range(0, len(checkpoints), batch_size):
        batch = checkpoints[start : start + batch_size]
        found = dict(
            AuditEntry.objects.filter(seq__in={c.seq for c in batch}).values_list(
                "seq", "entry_hash"
            )
        )
        for checkpoint in batch:
            if checkpoint.seq not in found:
                problems.append(
                    f"audit entry #{checkpoint.seq}, checkpointed at {checkpoint.written_at}, "
                    "is missing: the log was cut short or entries were removed"
                )
            elif found[checkpoint.seq] != checkpoint.entry_hash:
                problems.append(
                    f"audit entry #{checkpoint.seq} is not the one checkpointed at "
                    f"{checkpoint.written_at}: the log was rewritten"
                )
    return problems
