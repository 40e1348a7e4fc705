"""Creates the Membres group: network members with a public-site account and no admin access."""

from django.db import migrations

from core.roles import MEMBERS


def create_members(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=MEMBERS)


def remove_members(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=MEMBERS).delete()


class Migration(migrations.Migration):
    dependencies = [("portal", "0004_legal_reference_block")]

    operations = [migrations.RunPython(create_members, remove_members)]
