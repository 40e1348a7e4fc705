from django.db import migrations

from core.roles import EDITORS, grant_model_permissions


def grant(apps, schema_editor):
    # The committee decides which members' replies skip moderation (Échanges › Participants).
    grant_model_permissions(
        apps, EDITORS, "exchanges", ["participant"], ["add", "change", "delete", "view"]
    )


class Migration(migrations.Migration):
    dependencies = [("exchanges", "0001_initial")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
