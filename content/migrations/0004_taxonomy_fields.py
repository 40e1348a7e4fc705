"""Themes and départements now live in `taxonomy` (same tables): the fields point there, in the state only."""

import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0003_glossary"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="dossierpage",
                    name="themes",
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name="dossiers", to="taxonomy.theme", verbose_name="thèmes"),
                ),
                migrations.AlterField(
                    model_name="glossaryentry",
                    name="themes",
                    field=models.ManyToManyField(blank=True, to="taxonomy.theme", verbose_name="thèmes"),
                ),
                migrations.AlterField(
                    model_name="resourcepage",
                    name="departements",
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name="resources", to="taxonomy.departement", verbose_name="départements concernés"),
                ),
                migrations.AlterField(
                    model_name="resourcepage",
                    name="themes",
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name="resources", to="taxonomy.theme", verbose_name="thèmes"),
                ),
            ],
            database_operations=[],
        ),
    ]
