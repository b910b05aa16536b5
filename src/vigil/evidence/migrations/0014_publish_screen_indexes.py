from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("evidence", "0013_search_folds_arabic_marks"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="claim",
            index=models.Index(
                condition=models.Q(("published_at__isnull", True)),
                fields=["case", "review_status", "source"],
                name="evidence_claim_unpublished",
            ),
        ),
        migrations.AddIndex(
            model_name="source",
            index=models.Index(fields=["case", "access_level"], name="evidence_source_case_access"),
        ),
    ]
