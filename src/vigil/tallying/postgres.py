"""PostgreSQL's triggers for a tally (see vigil.tallying): a function per watched table, run
after each row's insert, delete or change of a column that moves it to another kind."""

from vigil.tallying import Tally, Watched


def _function(tally: Tally, table: str) -> str:
    return f"{table}_{tally.suffix}"


def _triggers(tally: Tally, table: str, watched: Watched) -> dict[str, str]:
    """Each trigger's name and what follows `CREATE TRIGGER name`."""
    name = f"{table}_{tally.suffix}"
    changed = " OR ".join(
        f"OLD.{column} IS DISTINCT FROM NEW.{column}" for column in watched.columns
    )
    run = f"EXECUTE FUNCTION {_function(tally, table)}()"
    made = {
        f"{name}_update": (
            f"AFTER UPDATE OF {', '.join(watched.columns)} ON {table} FOR EACH ROW "
            f"WHEN ({changed}) {run}"
        )
    }
    if watched.inserts_and_deletes:
        made[f"{name}_insert"] = f"AFTER INSERT ON {table} FOR EACH ROW {run}"
        made[f"{name}_delete"] = f"AFTER DELETE ON {table} FOR EACH ROW {run}"
    return made


def trigger_names(tally: Tally) -> list[str]:
    return [
        name
        for table, watched in tally.watched.items()
        for name in _triggers(tally, table, watched)
    ]


def install(cursor, tally: Tally) -> None:
    for table, watched in tally.watched.items():
        cursor.execute(
            f"CREATE OR REPLACE FUNCTION {_function(tally, table)}() RETURNS trigger "
            f"LANGUAGE plpgsql AS $$ BEGIN "
            f"IF TG_OP = 'INSERT' THEN {tally.add(tally.rows_of(table, 'NEW', 1))}; "
            f"ELSIF TG_OP = 'DELETE' THEN {tally.add(tally.rows_of(table, 'OLD', -1))}; "
            f"ELSE {tally.add(tally.moved(table))}; END IF; RETURN NULL; END $$"
        )
        for name, body in _triggers(tally, table, watched).items():
            cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            cursor.execute(f"CREATE TRIGGER {name} {body}")


def uninstall(cursor, tally: Tally) -> None:
    for table, watched in tally.watched.items():
        for name in _triggers(tally, table, watched):
            cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        cursor.execute(f"DROP FUNCTION IF EXISTS {_function(tally, table)}()")


def present_triggers(cursor) -> set[str]:
    cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
    return {row[0] for row in cursor.fetchall()}
