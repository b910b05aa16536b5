"""Publishing becomes its own step; each claim keeps its review history."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

from vigil.evidence.publish_existing import mark_published


def publish_what_was_public(apps, schema_editor):
    """Verified used to mean public: what the public site showed stays published."""
    Source = apps.get_model("evidence", "Source")
    Claim = apps.get_model("evidence", "Claim")
    mark_published(Source.objects.filter(access_level="public"))
    mark_published(Claim.objects.filter(review_status="verified", source__access_level="public"))


class Migration(migrations.Migration):
    dependencies = [
        ("evidence", "0005_trusted_timestamps"),
        ("accounts", "0002_invitation"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="claim",
            name="published_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="published"),
        ),
        migrations.AddField(
            model_name="claim",
            name="published_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="published_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="published"),
        ),
        migrations.AddField(
            model_name="source",
            name="published_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.CreateModel(
            name="ClaimReview",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("reviewer_name", models.CharField(max_length=150, verbose_name="reviewer")),
                (
                    "decision",
                    models.CharField(
                        choices=[
                            ("proposed", "proposed"),
                            ("verified", "verified"),
                            ("disputed", "disputed"),
                            ("rejected", "rejected"),
                        ],
                        max_length=10,
                        verbose_name="decision",
                    ),
                ),
                ("reason", models.TextField(blank=True, verbose_name="reason")),
                ("at", models.DateTimeField(auto_now_add=True, verbose_name="when")),
                (
                    "claim",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="reviews",
                        to="evidence.claim",
                    ),
                ),
                (
                    "reviewer",
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
                "verbose_name": "claim review",
                "verbose_name_plural": "claim reviews",
                "ordering": ["at", "pk"],
            },
        ),
        migrations.RunPython(publish_what_was_public, migrations.RunPython.noop),
    ]
