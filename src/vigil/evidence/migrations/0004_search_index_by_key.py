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


def upgrade(connection):
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("DROP TABLE IF EXISTS evidence_fts")
    search_index.install(connection)
    search_index.fill_all(connection)


def downgrade(connection):
    search_index.uninstall(connection)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(OLD_SQLITE_TABLE)
            cursor.execute(OLD_SQLITE_FILL)


class Migration(migrations.Migration):
    dependencies = [("evidence", "0003_alter_source_options")]

    operations = [
        migrations.RunPython(
            lambda apps, schema_editor: upgrade(schema_editor.connection),
            lambda apps, schema_editor: downgrade(schema_editor.connection),
        )
    ]
