"""The theme model has moved to `taxonomy`; its table stays (now taxonomy's), so it leaves the state only, once
every field that pointed at it points to taxonomy."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0004_taxonomy_fields"),
        ("directory", "0007_taxonomy_fields"),
        ("agenda", "0003_taxonomy_fields"),
        ("helpdesk", "0005_taxonomy_fields"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Theme")],
            database_operations=[],
        ),
    ]
