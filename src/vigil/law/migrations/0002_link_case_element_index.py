from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("law", "0001_initial"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="elementlink",
            index=models.Index(fields=["case", "element", "bearing"], name="law_link_case_element"),
        ),
    ]
