# The public page version moved here from `ops` (issue #15): the table stays where it is
# (ops_publicpageversion), only Django's record of which app owns it changes.

from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="ops", model="publicpageversion").update(
        app_label="public_cache"
    )


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="public_cache", model="publicpageversion").update(
        app_label="ops"
    )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("ops", "0002_workerlease"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="PublicPageVersion",
                    fields=[
                        (
                            "scope",
                            models.CharField(
                                max_length=100,
                                primary_key=True,
                                serialize=False,
                                verbose_name="pages of",
                            ),
                        ),
                        ("version", models.CharField(max_length=32, verbose_name="version")),
                        ("changed_at", models.DateTimeField(verbose_name="changed at")),
                    ],
                    options={
                        "verbose_name": "public page version",
                        "verbose_name_plural": "public page versions",
                        "db_table": "ops_publicpageversion",
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
