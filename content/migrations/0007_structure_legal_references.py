from django.db import migrations
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData

from core.legal_upgrade import count_links_to_fix, operations


class Migration(migrations.Migration):
    dependencies = [
        ("content", "0006_legal_links_to_fix"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        MigrateStreamData(
            app_name="content",
            model_name="DossierPage",
            field_name="body",
            operations_and_block_paths=operations(["", "section.content"]),
        ),
        MigrateStreamData(
            app_name="content",
            model_name="ArticlePage",
            field_name="body",
            operations_and_block_paths=operations([""]),
        ),
        migrations.RunPython(count_links_to_fix, migrations.RunPython.noop),
    ]
