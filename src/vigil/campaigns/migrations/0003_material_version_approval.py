"""Approval moves from a material to each of its versions. A material approved before keeps its
current versions approved (by the same person, at the same time); every later upload is a new
version, pending until approved."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def approve_current_versions(apps, schema_editor):
    Material = apps.get_model("campaigns", "Material")
    MaterialVersion = apps.get_model("campaigns", "MaterialVersion")
    for material in Material.objects.filter(approved_at__isnull=False):
        MaterialVersion.objects.filter(material=material).update(
            approved_at=material.approved_at, approved_by=material.approved_by_id
        )


def approve_materials_again(apps, schema_editor):
    """Backwards: a material is approved as of its first approved version."""
    MaterialVersion = apps.get_model("campaigns", "MaterialVersion")
    Material = apps.get_model("campaigns", "Material")
    approved = MaterialVersion.objects.filter(approved_at__isnull=False).order_by("approved_at")
    for version in approved:
        Material.objects.filter(pk=version.material_id, approved_at__isnull=True).update(
            approved_at=version.approved_at, approved_by=version.approved_by_id
        )


class Migration(migrations.Migration):
    dependencies = [
        ("campaigns", "0002_chapter_volunteers"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="material",
            name="created_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="materialversion",
            name="uploaded_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="materialversion",
            name="approved_by",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to=settings.AUTH_USER_MODEL,
            ),
        ),
        migrations.AddField(
            model_name="materialversion",
            name="approved_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
        migrations.RemoveConstraint(
            model_name="materialversion",
            name="one_version_per_language",
        ),
        migrations.AlterModelOptions(
            name="materialversion",
            options={"ordering": ["language", "-created_at", "-pk"]},
        ),
        migrations.RunPython(approve_current_versions, approve_materials_again),
        migrations.RemoveField(
            model_name="material",
            name="approved_at",
        ),
        migrations.RemoveField(
            model_name="material",
            name="approved_by",
        ),
    ]
