"""SQLite's triggers for the matrix's tallies (see vigil.law.tallies): one per table and kind of
write, each running the tallies' one upsert."""

from vigil.law.tally_sql import WATCHED, add, rows_of


def triggers() -> dict[str, str]:
    """Each trigger's name and what follows `CREATE TRIGGER name`."""
    made = {}
    for table, (_rows, columns) in WATCHED.items():
        changed = " OR ".join(f"OLD.{column} IS NOT NEW.{column}" for column in columns)
        moved = f"{rows_of(table, 'OLD', -1)} UNION ALL {rows_of(table, 'NEW', 1)}"
        made[f"{table}_tally_update"] = (
            f"AFTER UPDATE OF {', '.join(columns)} ON {table} WHEN {changed} "
            f"BEGIN {add(moved)}; END"
        )
        if table == "law_elementlink":  # a new claim or source has no links yet
            made[f"{table}_tally_insert"] = (
                f"AFTER INSERT ON {table} BEGIN {add(rows_of(table, 'NEW', 1))}; END"
            )
            made[f"{table}_tally_delete"] = (
                f"AFTER DELETE ON {table} BEGIN {add(rows_of(table, 'OLD', -1))}; END"
            )
    return made


def trigger_names() -> list[str]:
    return list(triggers())


def install(cursor) -> None:
    for name, body in triggers().items():
        cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(f"CREATE TRIGGER {name} {body}")


def uninstall(cursor) -> None:
    for name in triggers():
        cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def present_triggers(cursor) -> set[str]:
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    return {row[0] for row in cursor.fetchall()}
