from django.db import migrations

from core.roles import EDITORS, ensure_permissions

CODENAMES = ["view_audience", "view_activity_report"]


def grant(apps, schema_editor):
    """The Comité de rédaction reads the audience and the yearly activity report."""
    ensure_permissions(apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=EDITORS)
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="reports", codename__in=CODENAMES)
    )


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
