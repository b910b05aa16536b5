"""The search index leaves out Arabic script's vowel marks and tatweel (`search_marks`): the
triggers are put in again with the folding, and every row is indexed again, in one pass.

Going back leaves the index as it is: the older code finds it stale where a text has the marks,
and `vigil reindex` rebuilds it.
"""

from django.db import migrations

from vigil.evidence import search_index


def refold(apps, schema_editor):
    search_index.install_triggers(schema_editor.connection)
    search_index.fill_all(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("evidence", "0012_claim_timeline_index")]

    operations = [migrations.RunPython(refold, migrations.RunPython.noop)]
