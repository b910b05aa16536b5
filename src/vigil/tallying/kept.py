"""Keeping a tally (see vigil.tallying) on a database: its triggers put in and taken away, a
rebuild from the counted tables, a comparison with a fresh count, and the care SQLite needs
around migrations.

SQLite checks every trigger when a migration remakes a table, and a tally's triggers name other
tables: `vigil migrate` takes them away before migrating and puts them back, with a rebuild,
afterwards (`before_migrate`, `after_migrate`, connected by the app that owns the tally).
"""

from django.db import connection, connections, transaction
from django.db.models.signals import post_migrate, pre_migrate

from vigil.tallying import Tally, postgres, sqlite


def engine(owner=connection):
    """The module that writes the triggers on this database."""
    return sqlite if owner.vendor == "sqlite" else postgres


def install_triggers(tally: Tally, owner=connection) -> None:
    """(Re)create the triggers that keep the tally in step."""
    with owner.cursor() as cursor:
        engine(owner).install(cursor, tally)


def uninstall_triggers(tally: Tally, owner=connection) -> None:
    with owner.cursor() as cursor:
        engine(owner).uninstall(cursor, tally)


def missing_triggers(tally: Tally, owner=connection) -> list[str]:
    with owner.cursor() as cursor:
        present = engine(owner).present_triggers(cursor)
    return sorted(set(engine(owner).trigger_names(tally)) - present)


def rebuild(tally: Tally, owner=connection) -> int:
    """Count every row afresh, in one transaction; returns the number of kinds. Writers wait for
    it (a table lock on PostgreSQL), so none of their rows is counted twice or missed."""
    with transaction.atomic(using=owner.alias), owner.cursor() as cursor:
        if owner.vendor == "postgresql":
            cursor.execute(f"LOCK TABLE {tally.table} IN EXCLUSIVE MODE")
        cursor.execute(f"DELETE FROM {tally.table}")  # noqa: S608
        cursor.execute(f"INSERT INTO {tally.table} ({tally.kind}, {tally.count}) {tally.fresh}")
        return cursor.rowcount


def differing_kinds(tally: Tally, columns: str, limit: int) -> list[tuple]:
    """`columns` of up to `limit` kinds whose kept count differs from a fresh one (each kind
    missing, extra or different appears once or twice). Reads every counted row once."""
    kept = f"SELECT {tally.kind}, {tally.count} FROM {tally.table} WHERE {tally.count} <> 0"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM (SELECT * FROM ({tally.fresh}) AS f EXCEPT "  # noqa: S608
            f"SELECT * FROM ({kept}) AS k) AS missing UNION ALL "
            f"SELECT {columns} FROM (SELECT * FROM ({kept}) AS k EXCEPT "
            f"SELECT * FROM ({tally.fresh}) AS f) AS extra LIMIT %s",
            [limit],
        )
        return cursor.fetchall()


# --- around migrations ------------------------------------------------------------------------

# (database alias, tally table) pairs `vigil migrate` is migrating on SQLite: their triggers
# wait for the end of it.
_MIGRATING: set[tuple[str, str]] = set()


def _migrated(owner, migration: tuple[str, str]) -> bool:
    from django.db.migrations.recorder import MigrationRecorder

    return migration in MigrationRecorder(owner).applied_migrations()


def install_when_migrated(tally: Tally, owner=connection) -> None:
    """Install the triggers now, or, on SQLite while `vigil migrate` runs, once every migration
    has run (`after_migrate`): a later migration in the same run may remake a table."""
    if (owner.alias, tally.table) not in _MIGRATING:
        install_triggers(tally, owner)


def before_migrate(tally: Tally, plan, using: str) -> None:
    """For a pre_migrate hook: on SQLite, take the triggers away while migrations remake tables.
    Whatever migrations the database has: an older one may have put in triggers that a newer
    one, not yet run, remakes the tally for (they are dropped only if there)."""
    owner = connections[using]
    if plan and owner.vendor == "sqlite":
        _MIGRATING.add((using, tally.table))
        uninstall_triggers(tally, owner)


def after_migrate(tally: Tally, migration: tuple[str, str], plan, using: str) -> None:
    """For a post_migrate hook: put back missing triggers and count afresh whatever was written
    without them (by migrations on SQLite)."""
    owner = connections[using]
    _MIGRATING.discard((using, tally.table))
    if not _migrated(owner, migration):
        return
    if missing_triggers(tally, owner) or (plan and owner.vendor == "sqlite"):
        install_triggers(tally, owner)
        rebuild(tally, owner)


def keep_in_step_while_migrating(app_config, tally: Tally, migration: tuple[str, str]) -> None:
    """Connect the owning app's migrate hooks for `tally`: its triggers stand aside while SQLite
    remakes tables, and come back afterwards with whatever was written meanwhile counted.
    `migration` is the one that made the tally's table."""

    def before(plan=None, using="default", **kwargs):
        before_migrate(tally, plan, using)

    def after(plan=None, using="default", **kwargs):
        after_migrate(tally, migration, plan, using)

    uid = f"vigil_{tally.table}"
    pre_migrate.connect(before, sender=app_config, weak=False, dispatch_uid=f"{uid}_pre")
    post_migrate.connect(after, sender=app_config, weak=False, dispatch_uid=f"{uid}_post")


def trigger_problems(tally: Tally, message: str) -> list[str]:
    """`message` (with %(name)s) for each of the tally's triggers that is missing."""
    return [message % {"name": name} for name in missing_triggers(tally)]


def problems_by_case(tally: Tally, limit: int, *, missing: str, differs: str, more: str):
    """The tally's missing triggers (`missing`, with %(name)s), then one line per case whose
    kept counts differ from a fresh count (`differs`, with %(case)s), at most `limit` (then
    `more`). The tally's kind must begin with its case."""
    problems = trigger_problems(tally, missing)
    rows = differing_kinds(tally, "case_id", limit + 1)
    problems += [differs % {"case": case_id} for (case_id,) in sorted(set(rows[:limit]))]
    if len(rows) > limit:
        problems.append(more)
    return problems
