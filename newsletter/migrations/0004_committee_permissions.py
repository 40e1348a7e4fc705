"""The committee composes and sends the newsletter and reads the subscribers' list (not their export)."""

from django.db import migrations

from core.roles import EDITORS, grant_model_permissions


def grant(apps, schema_editor):
    grant_model_permissions(
        apps, EDITORS, "newsletter", ["newsletterissue"], ["add", "change", "delete", "view", "send"]
    )
    grant_model_permissions(apps, EDITORS, "newsletter", ["subscriber"], ["view"])


class Migration(migrations.Migration):
    dependencies = [
        ("newsletter", "0003_newsletter_issue"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
