from django.db import migrations


class Migration(migrations.Migration):
    """The sources' index by case and access level (0014) misled SQLite wherever ANALYZE had run
    before it (as `vigil generate-scale` runs it): knowing nothing of the new index, the planner
    took it for a rare key and led the figures table's joins through it, ten times slower. The
    publish screen's count keeps the claims' partial index, which is enough."""

    dependencies = [
        ("evidence", "0014_publish_screen_indexes"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="source", name="evidence_source_case_access"),
    ]
