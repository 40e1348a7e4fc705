from django.db import migrations
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData

from core.legal_upgrade import operations


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_roles_and_workflow"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        MigrateStreamData(
            app_name="portal",
            model_name="StandardPage",
            field_name="body",
            operations_and_block_paths=operations([""]),
        ),
    ]
