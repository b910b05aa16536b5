from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("evidence", "0011_published_by_named"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(
                fields=["case", "claim_type", "occurred_on", "review_status"],
                name="evidence_claim_timeline",
            ),
        ),
    ]
