"""SQLite's triggers for a tally (see vigil.tallying): one per watched table and kind of write,
each running the tally's one upsert."""

from vigil.tallying import Tally


def triggers(tally: Tally) -> dict[str, str]:
    """Each trigger's name and what follows `CREATE TRIGGER name`."""
    made = {}
    for table, watched in tally.watched.items():
        name = f"{table}_{tally.suffix}"
        changed = " OR ".join(f"OLD.{column} IS NOT NEW.{column}" for column in watched.columns)
        made[f"{name}_update"] = (
            f"AFTER UPDATE OF {', '.join(watched.columns)} ON {table} WHEN {changed} "
            f"BEGIN {tally.add(tally.moved(table))}; END"
        )
        if watched.inserts_and_deletes:
            made[f"{name}_insert"] = (
                f"AFTER INSERT ON {table} BEGIN {tally.add(tally.rows_of(table, 'NEW', 1))}; END"
            )
            made[f"{name}_delete"] = (
                f"AFTER DELETE ON {table} BEGIN {tally.add(tally.rows_of(table, 'OLD', -1))}; END"
            )
    return made


def trigger_names(tally: Tally) -> list[str]:
    return list(triggers(tally))


def install(cursor, tally: Tally) -> None:
    for name, body in triggers(tally).items():
        cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(f"CREATE TRIGGER {name} {body}")


def uninstall(cursor, tally: Tally) -> None:
    for name in triggers(tally):
        cursor.execute(f"DROP TRIGGER IF EXISTS {name}")


def present_triggers(cursor) -> set[str]:
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    return {row[0] for row in cursor.fetchall()}
