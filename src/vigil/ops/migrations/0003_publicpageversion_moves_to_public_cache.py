# The public page version now belongs to the `public_cache` app (its migration 0001 takes over
# the table).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("ops", "0002_workerlease"),
        ("public_cache", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="PublicPageVersion")],
            database_operations=[],
        ),
    ]
