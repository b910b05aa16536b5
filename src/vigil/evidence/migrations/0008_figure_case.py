"""Each casualty figure keeps its claim's case, and the figures table gets its own index.

The case is filled in by one UPDATE over the figures (a few seconds at a million claims), then
made required."""

import django.db.models.deletion
from django.db import migrations, models
from django.db.models import OuterRef, Subquery


def copy_the_claims_case(apps, schema_editor):
    Claim = apps.get_model("evidence", "Claim")
    Figure = apps.get_model("evidence", "Figure")
    Figure.objects.update(
        case_id=Subquery(Claim.objects.filter(pk=OuterRef("claim_id")).values("case_id")[:1])
    )


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_casemembership"),
        ("evidence", "0007_source_title_and_address_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="figure",
            name="case",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="figures",
                to="cases.case",
            ),
        ),
        migrations.RunPython(copy_the_claims_case, migrations.RunPython.noop, elidable=True),
        migrations.AlterField(
            model_name="figure",
            name="case",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="figures",
                to="cases.case",
            ),
        ),
        migrations.AddIndex(
            model_name="figure",
            index=models.Index(
                fields=["case", "category", "low", "high"], name="evidence_figure_table"
            ),
        ),
    ]
