"""The full-text index of sources and claims, kept in step with their rows by the database itself.

SQLite: an FTS5 table, `evidence_fts`, whose rowid is the row's key: the case in the high bits,
then a flag for claims, then the row's id. A case's rows are one contiguous range of rowids, so a
search reads only that case's part of the index, and a write finds its index row by rowid.

PostgreSQL: a stored `search_vector` column on both tables, built with the text search
configuration of the source's language (a claim takes its source's), with a GIN index.

On both, triggers update the index in the same statement as the write, whoever writes: a service,
`bulk_create`, `update()`, a cascade, a restore. Nothing in Python has to remember to do it.

Every SQL text here is assembled from this module's constants, never from input (hence the
`noqa: S608`); values go in as parameters.
"""

import time

from django.db import connection, transaction
from django.utils.translation import gettext as _

from vigil.evidence.models import Claim, Source

FTS_TABLE = "evidence_fts"
# rowid = case_id << CASE_SHIFT | CLAIM_FLAG (claims only) | id: room for 2^40 ids per table.
CASE_SHIFT = 41
CLAIM_FLAG = 1 << 40
ID_MASK = CLAIM_FLAG - 1

# PostgreSQL's text search configuration for a source's language (ISO 639-1); others are
# indexed word for word ('simple'). SQLite stems English words whatever the language.
PG_CONFIGS = {
    "ar": "arabic",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fr": "french",
    "hy": "armenian",
    "it": "italian",
    "nl": "dutch",
    "pt": "portuguese",
    "ru": "russian",
    "tr": "turkish",
}
PG_DEFAULT_CONFIG = "simple"

# Each batch of a rebuild is its own short transaction; the batch size adapts to keep each one
# near this many seconds, so people go on writing while a rebuild runs.
BATCH_SECONDS = 0.25
# SQLite queues no one for its write lock: a waiting writer retries about every 100 ms, so a pause
# between batches lets it in.
SQLITE_PAUSE_SECONDS = 0.1


def _is_sqlite() -> bool:
    return connection.vendor == "sqlite"


def case_key_range(case_id: int) -> tuple[int, int]:
    """The first and last rowid a case's rows can have in the SQLite index."""
    return case_id << CASE_SHIFT, ((case_id + 1) << CASE_SHIFT) - 1


def decode_key(rowid: int) -> tuple[str, int]:
    """("source" | "claim", id) for a rowid of the SQLite index."""
    return ("claim" if rowid & CLAIM_FLAG else "source"), rowid & ID_MASK


# --- SQLite -----------------------------------------------------------------------------------

_SOURCE_KEY = f"(({{row}}.case_id << {CASE_SHIFT}) | {{row}}.id)"
_CLAIM_KEY = f"(({{row}}.case_id << {CASE_SHIFT}) | {CLAIM_FLAG} | {{row}}.id)"
# What each table puts in the index's columns (title, body, locator), in SQL.
_SQLITE_ROWS = {
    "evidence_source": (_SOURCE_KEY, "{row}.title", "{row}.text", "''"),
    "evidence_claim": (_CLAIM_KEY, "''", "{row}.statement", "{row}.locator"),
}
_SQLITE_WATCHED = {
    "evidence_source": ("case_id", "title", "text"),
    "evidence_claim": ("case_id", "statement", "locator"),
}


def _sqlite_values(table: str, row: str) -> str:
    return ", ".join(part.format(row=row) for part in _SQLITE_ROWS[table])


def _sqlite_key(table: str, row: str) -> str:
    return _SQLITE_ROWS[table][0].format(row=row)


def _sqlite_triggers() -> dict[str, str]:
    triggers = {}
    for table, columns in _SQLITE_WATCHED.items():
        insert = f"INSERT INTO {FTS_TABLE} (rowid, title, body, locator) VALUES "  # noqa: S608
        delete = f"DELETE FROM {FTS_TABLE} WHERE rowid = "  # noqa: S608
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
        triggers[f"{table}_fts_insert"] = (
            f"AFTER INSERT ON {table} BEGIN {insert}({_sqlite_values(table, 'NEW')}); END"
        )
        triggers[f"{table}_fts_update"] = (
            f"AFTER UPDATE OF {', '.join(columns)} ON {table} WHEN {changed} BEGIN "
            f"{delete}{_sqlite_key(table, 'OLD')}; "
            f"{insert}({_sqlite_values(table, 'NEW')}); END"
        )
        triggers[f"{table}_fts_delete"] = (
            f"AFTER DELETE ON {table} BEGIN {delete}{_sqlite_key(table, 'OLD')}; END"
        )
    return triggers


def _create_sqlite_table(cursor) -> None:
    cursor.execute(
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
        "title, body, locator, tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    # A word in a source's title weighs twice one in its text.
    cursor.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rank) VALUES ('rank', 'bm25(2, 1, 1)')")  # noqa: S608


def _sqlite_fill(cursor, table: str, first_id: int, last_id: int) -> int:
    cursor.execute(
        f"INSERT OR REPLACE INTO {FTS_TABLE} (rowid, title, body, locator) "  # noqa: S608
        f"SELECT {_sqlite_values(table, table)} FROM {table} WHERE id BETWEEN %s AND %s",
        [first_id, last_id],
    )
    return cursor.rowcount


# --- PostgreSQL -------------------------------------------------------------------------------


def _pg_config_function() -> str:
    branches = " ".join(
        f"WHEN '{code}' THEN 'pg_catalog.{name}'::regconfig" for code, name in PG_CONFIGS.items()
    )
    return (
        "CREATE OR REPLACE FUNCTION vigil_search_config(language text) RETURNS regconfig "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE "
        "lower(split_part(replace(coalesce(language, ''), '_', '-'), '-', 1)) "
        f"{branches} ELSE 'pg_catalog.{PG_DEFAULT_CONFIG}'::regconfig END $$"
    )


# A text whose words do not fit in one tsvector (1 MB) is indexed by its first 200,000 letters.
_PG_VECTOR_FUNCTION = """
CREATE OR REPLACE FUNCTION vigil_search_vector(
    config regconfig, first text, first_weight "char", second text, second_weight "char"
) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN setweight(to_tsvector(config, coalesce(first, '')), first_weight)
        || setweight(to_tsvector(config, coalesce(second, '')), second_weight);
EXCEPTION WHEN program_limit_exceeded THEN
    RETURN setweight(to_tsvector(config, left(coalesce(first, ''), 200000)), first_weight)
        || setweight(to_tsvector(config, left(coalesce(second, ''), 200000)), second_weight);
END $$
"""
# The vector each table's row should hold, given its row alias and its source's language.
_PG_SOURCE_VECTOR = (
    "vigil_search_vector(vigil_search_config({lang}), {r}.title, 'A', {r}.text, 'B')"
)
_PG_CLAIM_VECTOR = (
    "vigil_search_vector(vigil_search_config({lang}), {r}.statement, 'B', {r}.locator, 'C')"
)
_PG_CLAIM_LANGUAGE = "(SELECT language FROM evidence_source WHERE id = {r}.source_id)"

_NEW_SOURCE = _PG_SOURCE_VECTOR.format(lang="NEW.language", r="NEW")
_NEW_CLAIM = _PG_CLAIM_VECTOR.format(lang=_PG_CLAIM_LANGUAGE.format(r="NEW"), r="NEW")
_RELANGUAGED_CLAIM = _PG_CLAIM_VECTOR.format(lang="NEW.language", r="c")
_PG_TRIGGERS = f"""
CREATE OR REPLACE FUNCTION evidence_source_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := {_NEW_SOURCE};
    RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION evidence_claim_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.search_vector := {_NEW_CLAIM};
    RETURN NEW;
END $$;
CREATE OR REPLACE FUNCTION evidence_source_language_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE evidence_claim c SET search_vector = {_RELANGUAGED_CLAIM}
    WHERE c.source_id = NEW.id;
    RETURN NULL;
END $$;
DROP TRIGGER IF EXISTS evidence_source_vector_insert ON evidence_source;
CREATE TRIGGER evidence_source_vector_insert BEFORE INSERT ON evidence_source
    FOR EACH ROW EXECUTE FUNCTION evidence_source_vector();
DROP TRIGGER IF EXISTS evidence_source_vector_update ON evidence_source;
CREATE TRIGGER evidence_source_vector_update BEFORE UPDATE OF title, text, language
    ON evidence_source FOR EACH ROW
    WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.text IS DISTINCT FROM NEW.text
          OR OLD.language IS DISTINCT FROM NEW.language)
    EXECUTE FUNCTION evidence_source_vector();
DROP TRIGGER IF EXISTS evidence_source_language ON evidence_source;
CREATE TRIGGER evidence_source_language AFTER UPDATE OF language ON evidence_source
    FOR EACH ROW WHEN (OLD.language IS DISTINCT FROM NEW.language)
    EXECUTE FUNCTION evidence_source_language_changed();
DROP TRIGGER IF EXISTS evidence_claim_vector_insert ON evidence_claim;
CREATE TRIGGER evidence_claim_vector_insert BEFORE INSERT ON evidence_claim
    FOR EACH ROW EXECUTE FUNCTION evidence_claim_vector();
DROP TRIGGER IF EXISTS evidence_claim_vector_update ON evidence_claim;
CREATE TRIGGER evidence_claim_vector_update BEFORE UPDATE OF statement, locator, source_id
    ON evidence_claim FOR EACH ROW
    WHEN (OLD.statement IS DISTINCT FROM NEW.statement OR OLD.locator IS DISTINCT FROM NEW.locator
          OR OLD.source_id IS DISTINCT FROM NEW.source_id)
    EXECUTE FUNCTION evidence_claim_vector();
"""  # noqa: S608
_PG_TRIGGER_NAMES = {
    "evidence_source": (
        "evidence_source_vector_insert",
        "evidence_source_vector_update",
        "evidence_source_language",
    ),
    "evidence_claim": ("evidence_claim_vector_insert", "evidence_claim_vector_update"),
}
_PG_FUNCTIONS = (
    "evidence_source_vector()",
    "evidence_claim_vector()",
    "evidence_source_language_changed()",
    'vigil_search_vector(regconfig, text, "char", text, "char")',
    "vigil_search_config(text)",
)
# SET clauses that recompute a row's vector in place, for a rebuild.
_PG_REFILL = {
    "evidence_source": _PG_SOURCE_VECTOR.format(
        lang="evidence_source.language", r="evidence_source"
    ),
    "evidence_claim": _PG_CLAIM_VECTOR.format(
        lang=_PG_CLAIM_LANGUAGE.format(r="evidence_claim"), r="evidence_claim"
    ),
}


def pg_query_sql() -> str:
    """A tsquery matching the words as any of the configurations stems them (one %s)."""
    configs = sorted({*PG_CONFIGS.values(), PG_DEFAULT_CONFIG})
    return "(" + " || ".join(f"plainto_tsquery('pg_catalog.{c}', %(words)s)" for c in configs) + ")"


def _pg_fill(cursor, table: str, first_id: int, last_id: int) -> int:
    cursor.execute(
        f"UPDATE {table} SET search_vector = {_PG_REFILL[table]} WHERE id BETWEEN %s AND %s",  # noqa: S608
        [first_id, last_id],
    )
    return cursor.rowcount


# --- installing -------------------------------------------------------------------------------


def install(owner=connection) -> None:
    """Create the index, its functions and its triggers; existing rows are indexed by `fill_all`
    or `rebuild`."""
    with owner.cursor() as cursor:
        if owner.vendor == "sqlite":
            _create_sqlite_table(cursor)
        else:
            for table in _PG_TRIGGER_NAMES:
                cursor.execute(f"ALTER TABLE {table} ADD COLUMN search_vector tsvector")
                cursor.execute(f"CREATE INDEX {table}_search ON {table} USING gin (search_vector)")
    install_triggers(owner)


def install_triggers(owner=connection) -> None:
    """(Re)create the triggers that keep the index in step, and the functions they call."""
    with owner.cursor() as cursor:
        if owner.vendor == "sqlite":
            for name, body in _sqlite_triggers().items():
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
                cursor.execute(f"CREATE TRIGGER {name} {body}")
        else:
            cursor.execute(_pg_config_function())
            cursor.execute(_PG_VECTOR_FUNCTION)
            cursor.execute(_PG_TRIGGERS)


def uninstall(owner=connection) -> None:
    """Remove the index, its triggers and its functions."""
    with owner.cursor() as cursor:
        if owner.vendor == "sqlite":
            for name in _sqlite_triggers():
                cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
            cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
            return
        for table, names in _PG_TRIGGER_NAMES.items():
            for name in names:
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
            cursor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
        for function in _PG_FUNCTIONS:
            cursor.execute(f"DROP FUNCTION IF EXISTS {function}")


def missing_triggers() -> list[str]:
    """Triggers the index needs that the database lacks (a SQLite table rebuilt by a migration
    loses its triggers; `ensure_triggers` after every migrate puts them back)."""
    with connection.cursor() as cursor:
        if _is_sqlite():
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            expected = set(_sqlite_triggers())
        else:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
            expected = {n for names in _PG_TRIGGER_NAMES.values() for n in names}
        present = {row[0] for row in cursor.fetchall()}
    return sorted(expected - present)


def ensure_triggers(**kwargs) -> None:
    """Put back any trigger the index lacks, once its migration has run (a post_migrate hook)."""
    from django.db.migrations.recorder import MigrationRecorder

    applied = MigrationRecorder(connection).applied_migrations()
    if ("evidence", "0004_search_index_by_key") in applied and missing_triggers():
        install_triggers()


# --- rebuilding -------------------------------------------------------------------------------


def fill_all(owner=connection) -> None:
    """Index every row in one statement per table (a migration, which holds the database anyway)."""
    fill = _sqlite_fill if owner.vendor == "sqlite" else _pg_fill
    with owner.cursor() as cursor:
        for table in ("evidence_source", "evidence_claim"):
            fill(cursor, table, 0, 2**62)


def rebuild(progress=lambda table, done, total: None) -> int:
    """Re-create the whole index from the rows in one linear pass of short transactions.

    Rows written while it runs are indexed by the triggers as usual; searches find only the
    rows already re-indexed until it ends. Returns the number of rows indexed.
    """
    if _is_sqlite():
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
            _create_sqlite_table(cursor)
        fill = _sqlite_fill
    else:
        fill = _pg_fill
    count = 0
    for model in (Source, Claim):
        count += _fill_in_batches(model, fill, progress)
    return count


def _fill_in_batches(model, fill, progress) -> int:
    table = model._meta.db_table
    ids = model.objects.order_by("pk").values_list("pk", flat=True)
    first, last = ids.first(), ids.last()
    if first is None:
        return 0
    count, start, size = 0, first, 500
    while start <= last:
        if start != first and _is_sqlite():
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
        cursor.execute(_sqlite_check_sql() if _is_sqlite() else _pg_check_sql(), [limit + 1])
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


def _sqlite_check_sql() -> str:
    parts = []
    for table, kind in (("evidence_source", "source"), ("evidence_claim", "claim")):
        key, title, body, locator = (p.format(row="r") for p in _SQLITE_ROWS[table])
        parts.append(
            f"SELECT 'stale', '{kind}', r.id FROM {table} r "  # noqa: S608
            f"LEFT JOIN {FTS_TABLE} f ON f.rowid = {key} WHERE f.rowid IS NULL "
            f"OR f.title IS NOT {title} OR f.body IS NOT {body} OR f.locator IS NOT {locator}"
        )
        flag = "!= 0" if kind == "claim" else "= 0"
        parts.append(
            f"SELECT 'orphan', '{kind}', f.rowid & {ID_MASK} FROM {FTS_TABLE} f "  # noqa: S608
            f"WHERE (f.rowid & {CLAIM_FLAG}) {flag} AND NOT EXISTS (SELECT 1 FROM {table} r "
            f"WHERE r.id = f.rowid & {ID_MASK} AND {key} = f.rowid)"
        )
    return " UNION ALL ".join(parts) + " LIMIT %s"


def _pg_check_sql() -> str:
    source_vector = _PG_SOURCE_VECTOR.format(lang="r.language", r="r")
    claim_vector = _PG_CLAIM_VECTOR.format(lang="s.language", r="r")
    return (
        "SELECT 'stale', 'source', r.id FROM evidence_source r "  # noqa: S608
        f"WHERE r.search_vector IS DISTINCT FROM {source_vector} UNION ALL "
        "SELECT 'stale', 'claim', r.id FROM evidence_claim r "
        "JOIN evidence_source s ON s.id = r.source_id "
        f"WHERE r.search_vector IS DISTINCT FROM {claim_vector} LIMIT %s"
    )
