"""The content types of themes and départements become taxonomy's, keeping their ids: the permissions granted to
the roles, the admin history and the reference index stay attached to them. The roles' rights on themes are then
granted again, for a new database where they were granted before the move could not find the theme model."""

from django.db import migrations

from core.roles import CONTRIBUTORS, EDITORS, grant_model_permissions

MOVED = [("content", "theme"), ("directory", "departement")]


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for old_app_label, model in MOVED:
        old = ContentType.objects.filter(app_label=old_app_label, model=model).first()
        if old is None:
            continue
        # A data migration that created permissions after 0001 made a new, empty type (with its own fresh
        # permissions): the old one, which the data refers to, takes its place.
        ContentType.objects.filter(app_label="taxonomy", model=model).delete()
        old.app_label = "taxonomy"
        old.save(update_fields=["app_label"])
    grant_model_permissions(apps, EDITORS, "taxonomy", ["theme"], ["add", "change", "delete", "view"])
    grant_model_permissions(apps, CONTRIBUTORS, "taxonomy", ["theme"], ["view"])


def restore_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for old_app_label, model in MOVED:
        ContentType.objects.filter(app_label="taxonomy", model=model).update(app_label=old_app_label)


class Migration(migrations.Migration):
    dependencies = [
        ("taxonomy", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("content", "0005_delete_theme"),
        ("directory", "0008_delete_departement"),
    ]

    operations = [migrations.RunPython(move_content_types, restore_content_types)]
