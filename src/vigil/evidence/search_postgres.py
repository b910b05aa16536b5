"""PostgreSQL's side of the full-text index: a stored `search_vector` column on both tables,
built with the text search configuration of the source's language (a claim takes its source's)
and GIN-indexed. Triggers keep it in step; a search matches the words as any configuration stems
them.

Every SQL text here is assembled from this module's constants, never from input (hence the
`noqa: S608`); values go in as parameters.
"""

from vigil.evidence.search_marks import postgres_fold

# The text search configuration for a source's language (ISO 639-1); others are indexed word for
# word ('simple').
CONFIGS = {
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
DEFAULT_CONFIG = "simple"
TABLES = ("evidence_source", "evidence_claim")


def _config_function() -> str:
    branches = " ".join(
        f"WHEN '{code}' THEN 'pg_catalog.{name}'::regconfig" for code, name in CONFIGS.items()
    )
    return (
        "CREATE OR REPLACE FUNCTION vigil_search_config(language text) RETURNS regconfig "
        "LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT CASE "
        "lower(split_part(replace(coalesce(language, ''), '_', '-'), '-', 1)) "
        f"{branches} ELSE 'pg_catalog.{DEFAULT_CONFIG}'::regconfig END $$"
    )


# Texts are indexed without Arabic script's vowel marks and tatweel (`search_marks`). A text
# whose words do not fit in one tsvector (1 MB) is indexed by its first 200,000 letters.
_FIRST, _SECOND = postgres_fold("coalesce(first, '')"), postgres_fold("coalesce(second, '')")
_VECTOR_FUNCTION = f"""
CREATE OR REPLACE FUNCTION vigil_search_vector(
    config regconfig, first text, first_weight "char", second text, second_weight "char"
) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    RETURN setweight(to_tsvector(config, {_FIRST}), first_weight)
        || setweight(to_tsvector(config, {_SECOND}), second_weight);
EXCEPTION WHEN program_limit_exceeded THEN
    RETURN setweight(to_tsvector(config, left({_FIRST}, 200000)), first_weight)
        || setweight(to_tsvector(config, left({_SECOND}, 200000)), second_weight);
END $$
"""
# The vector each table's row should hold, given its row alias and its source's language.
_SOURCE_VECTOR = "vigil_search_vector(vigil_search_config({lang}), {r}.title, 'A', {r}.text, 'B')"
_CLAIM_VECTOR = (
    "vigil_search_vector(vigil_search_config({lang}), {r}.statement, 'B', {r}.locator, 'C')"
)
_CLAIM_LANGUAGE = "(SELECT language FROM evidence_source WHERE id = {r}.source_id)"

_NEW_SOURCE = _SOURCE_VECTOR.format(lang="NEW.language", r="NEW")
_NEW_CLAIM = _CLAIM_VECTOR.format(lang=_CLAIM_LANGUAGE.format(r="NEW"), r="NEW")
_RELANGUAGED_CLAIM = _CLAIM_VECTOR.format(lang="NEW.language", r="c")
_TRIGGERS = f"""
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
_TRIGGER_NAMES = {
    "evidence_source": (
        "evidence_source_vector_insert",
        "evidence_source_vector_update",
        "evidence_source_language",
    ),
    "evidence_claim": ("evidence_claim_vector_insert", "evidence_claim_vector_update"),
}
_FUNCTIONS = (
    "evidence_source_vector()",
    "evidence_claim_vector()",
    "evidence_source_language_changed()",
    'vigil_search_vector(regconfig, text, "char", text, "char")',
    "vigil_search_config(text)",
)
# SET clauses that recompute a row's vector in place, for a rebuild.
_REFILL = {
    "evidence_source": _SOURCE_VECTOR.format(lang="evidence_source.language", r="evidence_source"),
    "evidence_claim": _CLAIM_VECTOR.format(
        lang=_CLAIM_LANGUAGE.format(r="evidence_claim"), r="evidence_claim"
    ),
}


def tsquery(cursor, words: list[list[str]]) -> str:
    """A tsquery (as text) matching the words as any configuration stems them: for each
    configuration, every word must occur in one of its forms (`words` holds each word's forms,
    as `search.forms_of` gives them) as that configuration stems it; a word that is a stop word
    there is left out of that configuration's part. The parts are listed once each, so that the
    planner, counting each alternative, sees a rare word as rare. Empty if nothing is left to
    search for (stop words only)."""
    configs = sorted({*CONFIGS.values(), DEFAULT_CONFIG})
    forms = [form for word_forms in words for form in word_forms]
    numbers = [number for number, word_forms in enumerate(words) for _form in word_forms]
    cursor.execute(
        """
        WITH per_word AS (
            SELECT config, number,
                   string_agg(DISTINCT '(' || query::text || ')', ' | ') AS alternatives
            FROM unnest(%s::text[]) config,
                 unnest(%s::text[], %s::int[]) AS word(form, number),
                 LATERAL plainto_tsquery(config::regconfig, form) query
            WHERE query::text <> ''
            GROUP BY config, number
        ), per_config AS (
            SELECT string_agg('(' || alternatives || ')', ' & ' ORDER BY number) AS query
            FROM per_word GROUP BY config
        )
        SELECT string_agg(DISTINCT '(' || query || ')', ' | ') FROM per_config
        """,
        [[f"pg_catalog.{config}" for config in configs], forms, numbers],
    )
    return cursor.fetchone()[0] or ""


def fill(cursor, table: str, first_id: int, last_id: int) -> int:
    """Recompute the vectors of the table's rows with ids in the range; returns how many."""
    cursor.execute(
        f"UPDATE {table} SET search_vector = {_REFILL[table]} WHERE id BETWEEN %s AND %s",  # noqa: S608
        [first_id, last_id],
    )
    return cursor.rowcount


def create(cursor) -> None:
    for table in TABLES:
        cursor.execute(f"ALTER TABLE {table} ADD COLUMN search_vector tsvector")
        cursor.execute(f"CREATE INDEX {table}_search ON {table} USING gin (search_vector)")


def install_triggers(cursor) -> None:
    cursor.execute(_config_function())
    cursor.execute(_VECTOR_FUNCTION)
    cursor.execute(_TRIGGERS)


def uninstall(cursor) -> None:
    for table, names in _TRIGGER_NAMES.items():
        for name in names:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        cursor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector")
    for function in _FUNCTIONS:
        cursor.execute(f"DROP FUNCTION IF EXISTS {function}")


def empty(cursor) -> None:
    """Nothing to empty: a rebuild recomputes each row's vector in place."""


def triggers() -> list[str]:
    return [name for names in _TRIGGER_NAMES.values() for name in names]


def present_triggers(cursor) -> set[str]:
    cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
    return {row[0] for row in cursor.fetchall()}


def check_sql() -> str:
    """(problem, kind, id) rows whose stored vector is not the one their text gives ('stale');
    one LIMIT %s. (A vector lives in its row, so none can be left over.)"""
    source_vector = _SOURCE_VECTOR.format(lang="r.language", r="r")
    claim_vector = _CLAIM_VECTOR.format(lang="s.language", r="r")
    return (
        "SELECT 'stale', 'source', r.id FROM evidence_source r "  # noqa: S608
        f"WHERE r.search_vector IS DISTINCT FROM {source_vector} UNION ALL "
        "SELECT 'stale', 'claim', r.id FROM evidence_claim r "
        "JOIN evidence_source s ON s.id = r.source_id "
        f"WHERE r.search_vector IS DISTINCT FROM {claim_vector} LIMIT %s"
    )
