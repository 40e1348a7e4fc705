"""Themes and départements now live in `taxonomy` (same tables): the fields point there, in the state only."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("helpdesk", "0004_accesstoken_uploads"),
        ("taxonomy", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="ticket",
                    name="departement",
                    field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="helpdesk_tickets", to="taxonomy.departement", verbose_name="département"),
                ),
                migrations.AlterField(
                    model_name="topic",
                    name="theme",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="taxonomy.theme", verbose_name="thème"),
                ),
            ],
            database_operations=[],
        ),
    ]
