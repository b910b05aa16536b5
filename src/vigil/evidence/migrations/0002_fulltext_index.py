from django.db import migrations


def create_index(apps, schema_editor):
    # SQLite keeps an FTS5 table up to date on every save; PostgreSQL searches the tables directly.
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS evidence_fts USING fts5("
            "kind UNINDEXED, obj_id UNINDEXED, case_id UNINDEXED, title, body, "
            "tokenize = 'unicode61 remove_diacritics 2')"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS evidence_fts")


class Migration(migrations.Migration):
    dependencies = [("evidence", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index)]
