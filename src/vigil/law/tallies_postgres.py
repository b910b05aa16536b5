"""PostgreSQL's triggers for the matrix's tallies (see vigil.law.tallies): a function per table,
run after each row's insert, delete or change of a column that moves its links to another kind."""

from vigil.law.tally_sql import WATCHED, add, rows_of


def _function(table: str) -> str:
    return f"{table}_tally"


def _triggers(table: str, columns) -> dict[str, str]:
    """Each trigger's name and what follows `CREATE TRIGGER name`."""
    changed = " OR ".join(f"OLD.{column} IS DISTINCT FROM NEW.{column}" for column in columns)
    run = f"EXECUTE FUNCTION {_function(table)}()"
    made = {
        f"{table}_tally_update": (
            f"AFTER UPDATE OF {', '.join(columns)} ON {table} FOR EACH ROW WHEN ({changed}) {run}"
        )
    }
    if table == "law_elementlink":  # a new claim or source has no links yet
        made[f"{table}_tally_insert"] = f"AFTER INSERT ON {table} FOR EACH ROW {run}"
        made[f"{table}_tally_delete"] = f"AFTER DELETE ON {table} FOR EACH ROW {run}"
    return made


def trigger_names() -> list[str]:
    return [name for table, (_, columns) in WATCHED.items() for name in _triggers(table, columns)]


def install(cursor) -> None:
    for table, (_rows, columns) in WATCHED.items():
        moved = f"{rows_of(table, 'OLD', -1)} UNION ALL {rows_of(table, 'NEW', 1)}"
        cursor.execute(
            f"CREATE OR REPLACE FUNCTION {_function(table)}() RETURNS trigger "
            f"LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP = 'INSERT' THEN {add(rows_of(table, 'NEW', 1))}; "
            f"ELSIF TG_OP = 'DELETE' THEN {add(rows_of(table, 'OLD', -1))}; "
            f"ELSE {add(moved)}; END IF; RETURN NULL; END $$"
        )
        for name, body in _triggers(table, columns).items():
            cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            cursor.execute(f"CREATE TRIGGER {name} {body}")


def uninstall(cursor) -> None:
    for table, (_rows, columns) in WATCHED.items():
        for name in _triggers(table, columns):
            cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        cursor.execute(f"DROP FUNCTION IF EXISTS {_function(table)}()")


def present_triggers(cursor) -> set[str]:
    cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
    return {row[0] for row in cursor.fetchall()}
