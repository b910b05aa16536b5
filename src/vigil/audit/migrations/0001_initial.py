# The audit entry moved here from `accounts` (issue #15): the table stays where it is
# (accounts_auditentry), only Django's record of which app owns it changes.

import django.core.serializers.json
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="accounts", model="auditentry").update(app_label="audit")


def move_content_type_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="audit", model="auditentry").update(app_label="accounts")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("accounts", "0002_invitation"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="AuditEntry",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("seq", models.PositiveBigIntegerField(editable=False, unique=True)),
                        ("at", models.DateTimeField(editable=False)),
                        (
                            "actor_name",
                            models.CharField(
                                help_text="Who acted, kept as written then.", max_length=200
                            ),
                        ),
                        (
                            "action",
                            models.CharField(
                                choices=[
                                    ("create", "created"),
                                    ("update", "changed"),
                                    ("delete", "deleted"),
                                    ("erase", "erased on request"),
                                ],
                                max_length=10,
                            ),
                        ),
                        ("model_label", models.CharField(max_length=100)),
                        ("object_pk", models.CharField(max_length=64)),
                        ("object_repr", models.CharField(max_length=300)),
                        (
                            "changes",
                            models.JSONField(
                                default=dict,
                                encoder=django.core.serializers.json.DjangoJSONEncoder,
                            ),
                        ),
                        ("prev_hash", models.CharField(max_length=64)),
                        ("entry_hash", models.CharField(max_length=64, unique=True)),
                        (
                            "actor",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "audit entry",
                        "verbose_name_plural": "audit log",
                        "ordering": ["seq"],
                        "db_table": "accounts_auditentry",
                        "indexes": [
                            models.Index(
                                fields=["model_label", "object_pk"],
                                name="accounts_au_model_l_4888c6_idx",
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(move_content_type, move_content_type_back),
    ]
