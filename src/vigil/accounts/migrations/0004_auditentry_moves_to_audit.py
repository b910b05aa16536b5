# The audit entry now belongs to the `audit` app (its migration 0001 takes over the table).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0003_language_preference"),
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="AuditEntry")],
            database_operations=[],
        ),
    ]
