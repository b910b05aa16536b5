"""SQLite's side of the full-text index: an FTS5 table, `evidence_fts`, whose rowid is the row's
key: the case in the high bits, then a flag for claims, then the row's id. A case's rows are one
contiguous range of rowids, so a search reads only that case's part of the index, and a write
finds its index row by rowid. Triggers on the two tables keep it in step; words are stemmed as
English (porter), and the index holds the text without Arabic script's vowel marks and tatweel
(`search_marks`), which the tokenizer would split words at.

Every SQL text here is assembled from this module's constants, never from input (hence the
`noqa: S608`); values go in as parameters.
"""

from vigil.evidence.search_marks import sqlite_fold

FTS_TABLE = "evidence_fts"
# rowid = case_id << CASE_SHIFT | CLAIM_FLAG (claims only) | id: room for 2^40 ids per table.
CASE_SHIFT = 41
CLAIM_FLAG = 1 << 40
ID_MASK = CLAIM_FLAG - 1


# The id of the source an entry of the index comes from: the source's own, or its claim's source.
SOURCE_OF_KEY = (
    f"CASE WHEN {FTS_TABLE}.rowid & {CLAIM_FLAG} THEN (SELECT source_id FROM evidence_claim "  # noqa: S608
    f"WHERE id = {FTS_TABLE}.rowid & {ID_MASK}) ELSE {FTS_TABLE}.rowid & {ID_MASK} END"
)


def case_key_range(case_id: int) -> tuple[int, int]:
    """The first and last rowid a case's rows can have in the index."""
    return case_id << CASE_SHIFT, ((case_id + 1) << CASE_SHIFT) - 1


def decode_key(rowid: int) -> tuple[str, int]:
    """("source" | "claim", id) for a rowid of the index."""
    return ("claim" if rowid & CLAIM_FLAG else "source"), rowid & ID_MASK


_SOURCE_KEY = f"(({{row}}.case_id << {CASE_SHIFT}) | {{row}}.id)"
_CLAIM_KEY = f"(({{row}}.case_id << {CASE_SHIFT}) | {CLAIM_FLAG} | {{row}}.id)"
# What each table puts in the index's columns (title, body, locator), in SQL.
_ROWS = {
    "evidence_source": (
        _SOURCE_KEY,
        sqlite_fold("{row}.title"),
        sqlite_fold("{row}.text"),
        "''",
    ),
    "evidence_claim": (
        _CLAIM_KEY,
        "''",
        sqlite_fold("{row}.statement"),
        sqlite_fold("{row}.locator"),
    ),
}
_WATCHED = {
    "evidence_source": ("case_id", "title", "text"),
    "evidence_claim": ("case_id", "statement", "locator"),
}


def _values(table: str, row: str) -> str:
    return ", ".join(part.format(row=row) for part in _ROWS[table])


def _key(table: str, row: str) -> str:
    return _ROWS[table][0].format(row=row)


def triggers() -> dict[str, str]:
    """Each trigger's name and body: a row inserted, changed (in a column the index holds) or
    deleted puts, replaces or removes its index row, found by rowid."""
    made = {}
    for table, columns in _WATCHED.items():
        insert = f"INSERT INTO {FTS_TABLE} (rowid, title, body, locator) VALUES "  # noqa: S608
        delete = f"DELETE FROM {FTS_TABLE} WHERE rowid = "  # noqa: S608
        changed = " OR ".join(f"OLD.{c} IS NOT NEW.{c}" for c in columns)
        made[f"{table}_fts_insert"] = (
            f"AFTER INSERT ON {table} BEGIN {insert}({_values(table, 'NEW')}); END"
        )
        made[f"{table}_fts_update"] = (
            f"AFTER UPDATE OF {', '.join(columns)} ON {table} WHEN {changed} BEGIN "
            f"{delete}{_key(table, 'OLD')}; "
            f"{insert}({_values(table, 'NEW')}); END"
        )
        made[f"{table}_fts_delete"] = (
            f"AFTER DELETE ON {table} BEGIN {delete}{_key(table, 'OLD')}; END"
        )
    return made


def create(cursor) -> None:
    cursor.execute(
        f"CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5("
        "title, body, locator, tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    # A word in a source's title weighs twice one in its text.
    cursor.execute(f"INSERT INTO {FTS_TABLE} ({FTS_TABLE}, rank) VALUES ('rank', 'bm25(2, 1, 1)')")  # noqa: S608


def fill(cursor, table: str, first_id: int, last_id: int) -> int:
    """(Re)index the table's rows with ids in the range; returns how many."""
    cursor.execute(
        f"INSERT OR REPLACE INTO {FTS_TABLE} (rowid, title, body, locator) "  # noqa: S608
        f"SELECT {_values(table, table)} FROM {table} WHERE id BETWEEN %s AND %s",
        [first_id, last_id],
    )
    return cursor.rowcount


def install_triggers(cursor) -> None:
    for name, body in triggers().items():
        cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(f"CREATE TRIGGER {name} {body}")


def uninstall(cursor) -> None:
    for name in triggers():
        cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
    cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")


def empty(cursor) -> None:
    """Start a rebuild from an empty index (dropping the table is quicker than deleting rows)."""
    cursor.execute(f"DROP TABLE IF EXISTS {FTS_TABLE}")
    create(cursor)


def present_triggers(cursor) -> set[str]:
    cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    return {row[0] for row in cursor.fetchall()}


def check_sql() -> str:
    """(problem, kind, id) rows: a row whose index entry is missing or differs ('stale'), an
    index entry whose row is gone ('orphan'); one LIMIT %s."""
    parts = []
    for table, kind in (("evidence_source", "source"), ("evidence_claim", "claim")):
        key, title, body, locator = (p.format(row="r") for p in _ROWS[table])
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
