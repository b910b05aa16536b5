from django.db import migrations


def follow_the_case(apps, schema_editor):
    # The sources' trigger now also watches their case: put it in again, then count afresh.
    from vigil.ingest.verdict_tallies import VERDICT_TALLY
    from vigil.tallying import kept

    kept.install_when_migrated(VERDICT_TALLY, schema_editor.connection)
    kept.rebuild(VERDICT_TALLY, schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("ingest", "0004_rule_verdict_tallies")]

    operations = [migrations.RunPython(follow_the_case, migrations.RunPython.noop)]
