"""Themes and départements now live in `taxonomy` (same tables): the fields point there, in the state only."""

import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0006_actorreport_anonymised_at"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="actor",
                    name="departements",
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name="actors", to="taxonomy.departement", verbose_name="départements couverts"),
                ),
                migrations.AlterField(
                    model_name="actor",
                    name="themes",
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name="actors", to="taxonomy.theme", verbose_name="thèmes"),
                ),
            ],
            database_operations=[],
        ),
    ]
