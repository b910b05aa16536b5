"""The matrix's tallies (law.ElementTally) kept in step with the links, claims and sources by the
database itself: triggers on the three tables add or take away, in the same statement as the
write, the links that move from one kind to another, whoever writes (a service, `bulk_create`,
`update()`, a cascade, a load). A link's kind is its case, element and bearing, its claim's review
status, and its source's grade, standing, side and access level.

Each trigger runs one statement: the changed rows' links, counted down under their old kind and
up under their new one, summed per kind and added to the tallies by an upsert (`links = links +
n`, never read and written back), in a fixed order of kinds so two writers never wait on each
other's rows crosswise. SQLite checks every trigger when a migration remakes a table, and these
name the other tables: `vigil migrate` takes them away before migrating and puts them back, with
a rebuild, afterwards (`before_migrate`, `after_migrate`).

The SQL texts are assembled from constants (vigil.law.tally_sql), never from input (hence the
`noqa: S608`); values go in as parameters.
"""

from django.db import connection, transaction
from django.utils.translation import gettext as _

from vigil.law import tallies_postgres, tallies_sqlite
from vigil.law.tally_sql import FRESH, KIND, TABLE

MIGRATION = ("law", "0003_element_tallies")


def engine(owner=connection):
    """The module that writes the triggers on this database."""
    return tallies_sqlite if owner.vendor == "sqlite" else tallies_postgres


def install_triggers(owner=connection) -> None:
    """(Re)create the triggers that keep the tallies in step."""
    with owner.cursor() as cursor:
        engine(owner).install(cursor)


def uninstall_triggers(owner=connection) -> None:
    with owner.cursor() as cursor:
        engine(owner).uninstall(cursor)


def missing_triggers(owner=connection) -> list[str]:
    with owner.cursor() as cursor:
        present = engine(owner).present_triggers(cursor)
    return sorted(set(engine(owner).trigger_names()) - present)


def rebuild(owner=connection) -> int:
    """Count every link afresh, in one transaction; returns the number of tallies. Writers wait
    for it (a table lock on PostgreSQL), so none of their links is counted twice or missed."""
    with transaction.atomic(using=owner.alias), owner.cursor() as cursor:
        if owner.vendor == "postgresql":
            cursor.execute(f"LOCK TABLE {TABLE} IN EXCLUSIVE MODE")
        cursor.execute(f"DELETE FROM {TABLE}")  # noqa: S608
        cursor.execute(f"INSERT INTO {TABLE} ({KIND}, links) {FRESH}")
        return cursor.rowcount


def tally_problems(limit: int = 20) -> list[str]:
    """One line per kind of link whose tally differs from a fresh count, and per missing
    trigger; empty when the tallies match the links. Reads every link once."""
    problems = [
        _("the matrix tally trigger %(name)s is missing (run `vigil migrate`)") % {"name": name}
        for name in missing_triggers()
    ]
    kept = f"SELECT {KIND}, links FROM {TABLE} WHERE links <> 0"  # noqa: S608
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT case_id, element_id, bearing FROM (SELECT * FROM ({FRESH}) AS f EXCEPT "  # noqa: S608
            f"SELECT * FROM ({kept}) AS k) AS missing UNION ALL "
            f"SELECT case_id, element_id, bearing FROM (SELECT * FROM ({kept}) AS k EXCEPT "
            f"SELECT * FROM ({FRESH}) AS f) AS extra LIMIT %s",
            [limit + 1],
        )
        rows = cursor.fetchall()
    for case_id, element_id, bearing in rows[:limit]:
        problems.append(
            _(
                "the matrix tally of case #%(case)s, element #%(element)s (%(bearing)s) differs "
                "from its links"
            )
            % {"case": case_id, "element": element_id, "bearing": bearing}
        )
    if len(rows) > limit:
        problems.append(_("… and more matrix tally problems"))
    return problems


# --- around migrations ------------------------------------------------------------------------


def _tallies_migrated(owner) -> bool:
    from django.db.migrations.recorder import MigrationRecorder

    return MIGRATION in MigrationRecorder(owner).applied_migrations()


# The databases `vigil migrate` is migrating on SQLite: their triggers wait for the end of it.
_MIGRATING: set[str] = set()


def install_when_migrated(owner=connection) -> None:
    """Install the triggers now, or, on SQLite while `vigil migrate` runs, once every migration
    has run (`after_migrate`): a later migration in the same run may remake a table."""
    if owner.alias not in _MIGRATING:
        install_triggers(owner)


def before_migrate(plan=None, using="default", **kwargs) -> None:
    """A pre_migrate hook: on SQLite, take the triggers away while migrations remake tables."""
    from django.db import connections

    owner = connections[using]
    if plan and owner.vendor == "sqlite":
        _MIGRATING.add(using)
        if _tallies_migrated(owner):
            uninstall_triggers(owner)


def after_migrate(plan=None, using="default", **kwargs) -> None:
    """A post_migrate hook: put back missing triggers and count afresh whatever was written
    without them (by migrations on SQLite)."""
    from django.db import connections

    owner = connections[using]
    _MIGRATING.discard(using)
    if not _tallies_migrated(owner):
        return
    if missing_triggers(owner) or (plan and owner.vendor == "sqlite"):
        install_triggers(owner)
        rebuild(owner)
