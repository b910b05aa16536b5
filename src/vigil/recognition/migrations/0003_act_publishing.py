"""Recognition acts are published deliberately."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from vigil.evidence.publish_existing import mark_published


def publish_verified_acts(apps, schema_editor):
    """Verified used to mean public: the acts the public site showed stay published."""
    RecognitionAct = apps.get_model("recognition", "RecognitionAct")
    mark_published(RecognitionAct.objects.filter(review="verified"))


class Migration(migrations.Migration):
    dependencies = [
        ("recognition", "0002_target_chapter"),
        ("accounts", "0002_invitation"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="recognitionact",
            name="published_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="published"),
        ),
        migrations.AddField(
            model_name="recognitionact",
            name="published_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.RunPython(publish_verified_acts, migrations.RunPython.noop),
    ]
