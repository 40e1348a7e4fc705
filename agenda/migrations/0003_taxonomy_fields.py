"""Themes and départements now live in `taxonomy` (same tables): the fields point there, in the state only."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("agenda", "0002_roles_and_workflow"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="event",
                    name="departement",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="events", to="taxonomy.departement", verbose_name="département"),
                ),
                migrations.AlterField(
                    model_name="event",
                    name="themes",
                    field=modelcluster.fields.ParentalManyToManyField(blank=True, related_name="events", to="taxonomy.theme", verbose_name="thèmes"),
                ),
            ],
            database_operations=[],
        ),
    ]
