"""The full-text index of sources and claims, kept in step with their rows by the database itself:
on SQLite an FTS5 table keyed by case and row (`search_sqlite`), on PostgreSQL a stored, GIN-indexed
tsvector per row (`search_postgres`). On both, triggers update the index in the same statement as
the write, whoever writes: a service, `bulk_create`, `update()`, a cascade, a restore. Nothing in
Python has to remember to do it. This module installs the index, rebuilds it and checks it.
"""

import time

from django.db import connection, transaction
from django.utils.translation import gettext as _

from vigil.evidence import search_postgres, search_sqlite
from vigil.evidence.models import Claim, Source

# Each batch of a rebuild is its own short transaction; the batch size adapts to keep each one
# near this many seconds, so people go on writing while a rebuild runs.
BATCH_SECONDS = 0.25
# SQLite queues no one for its write lock: a waiting writer retries about every 100 ms, so a pause
# between batches lets it in.
SQLITE_PAUSE_SECONDS = 0.1
MIGRATION = ("evidence", "0004_search_index_by_key")


def engine(owner=connection):
    """The module that knows the index on this database."""
    return search_sqlite if owner.vendor == "sqlite" else search_postgres


def install(owner=connection) -> None:
    """Create the index, its functions and its triggers; existing rows are indexed by `fill_all`
    or `rebuild`."""
    with owner.cursor() as cursor:
        engine(owner).create(cursor)
        engine(owner).install_triggers(cursor)


def install_triggers(owner=connection) -> None:
    """(Re)create the triggers that keep the index in step, and the functions they call."""
    with owner.cursor() as cursor:
        engine(owner).install_triggers(cursor)


def uninstall(owner=connection) -> None:
    """Remove the index, its triggers and its functions."""
    with owner.cursor() as cursor:
        engine(owner).uninstall(cursor)


def missing_triggers() -> list[str]:
    """Triggers the index needs that the database lacks (a SQLite table rebuilt by a migration
    loses its triggers; `ensure_triggers` after every migrate puts them back)."""
    with connection.cursor() as cursor:
        present = engine().present_triggers(cursor)
    return sorted(set(engine().triggers()) - present)


def ensure_triggers(**kwargs) -> None:
    """Put back any trigger the index lacks, once its migration has run (a post_migrate hook)."""
    from django.db.migrations.recorder import MigrationRecorder

    if MIGRATION in MigrationRecorder(connection).applied_migrations() and missing_triggers():
        install_triggers()


# --- rebuilding -------------------------------------------------------------------------------


def fill_all(owner=connection) -> None:
    """Index every row in one statement per table (a migration, which holds the database anyway)."""
    with owner.cursor() as cursor:
        for table in ("evidence_source", "evidence_claim"):
            engine(owner).fill(cursor, table, 0, 2**62)


def rebuild(progress=lambda table, done, total: None) -> int:
    """Re-create the whole index from the rows in one linear pass of short transactions.

    Rows written while it runs are indexed by the triggers as usual; searches find only the
    rows already re-indexed until it ends. Returns the number of rows indexed.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        engine().empty(cursor)
    count = 0
    for model in (Source, Claim):
        count += _fill_in_batches(model, engine().fill, progress)
    return count


def _fill_in_batches(model, fill, progress) -> int:
    table = model._meta.db_table
    ids = model.objects.order_by("pk").values_list("pk", flat=True)
    first, last = ids.first(), ids.last()
    if first is None:
        return 0
    count, start, size = 0, first, 500
    while start <= last:
        if start != first and connection.vendor == "sqlite":
            time.sleep(SQLITE_PAUSE_SECONDS)
        began = time.monotonic()
        with transaction.atomic(), connection.cursor() as cursor:
            count += fill(cursor, table, start, start + size - 1)
        took = time.monotonic() - began
        start += size
        # Grow or shrink the next batch towards BATCH_SECONDS; ids may be sparse, rows long.
        size = max(50, min(int(size * min(4.0, BATCH_SECONDS / max(took, 1e-3))), 200_000))
        progress(table, min(start, last + 1) - first, last + 1 - first)
    return count


# --- checking ---------------------------------------------------------------------------------


def index_problems(limit: int = 50) -> list[str]:
    """One line per source or claim whose index entry is missing, out of date or left over, and
    per missing trigger; empty when the index matches the rows. Reads everything once."""
    problems = [
        _("the search index trigger %(name)s is missing (run `vigil migrate`)") % {"name": name}
        for name in missing_triggers()
    ]
    with connection.cursor() as cursor:
        cursor.execute(engine().check_sql(), [limit + 1])
        rows = cursor.fetchall()
    messages = {
        "stale": _("%(kind)s #%(id)s is missing from the search index or out of date"),
        "orphan": _("the search index holds %(kind)s #%(id)s, which is not in the database"),
    }
    for problem, kind, pk in rows[:limit]:
        problems.append(messages[problem] % {"kind": kind, "id": pk})
    if len(rows) > limit:
        problems.append(_("… and more search index problems"))
    return problems
