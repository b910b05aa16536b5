"""The full-text index keyed by row (and by case on SQLite), kept in step by triggers.

Replaces SQLite's FTS5 table, which was kept up to date from Python and found its rows by a scan,
and gives PostgreSQL a stored, GIN-indexed tsvector instead of vectors computed at every search.
Existing rows are indexed here, in one pass.
"""

from django.db import migrations

from vigil.evidence import search_index

# The table migration 0002 made, restored when going back.
OLD_SQLITE_TABLE = (
    "CREATE VIRTUAL TABLE evidence_fts USING fts5(kind UNINDEXED, obj_id UNINDEXED, "
    "case_id UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2')"
)
OLD_SQLITE_FILL = (
    "INSERT INTO evidence_fts (kind, obj_id, case_id, title, body) "
    "SELECT 'source', id, case_id, title, text FROM evidence_source UNION ALL "
    "SELECT 'claim', id, case_id, locator, statement FROM evidence_claim"
)


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS evidence_fts")
    search_index.install(schema_editor)
    search_index.fill_all(schema_editor)


def backwards(apps, schema_editor):
    search_index.uninstall(schema_editor)
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(OLD_SQLITE_TABLE)
        schema_editor.execute(OLD_SQLITE_FILL)


class Migration(migrations.Migration):
    dependencies = [("evidence", "0003_alter_source_options")]

    operations = [migrations.RunPython(forwards, backwards)]
