"""Themes and départements move here from `content` and `directory`: in the migration state only. Their tables
(`content_theme`, `directory_departement`) and the many-to-many tables pointing at them stay as they are, so no
row moves. The content types follow in 0002, once the old apps have let go of the models."""

from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ("content", "0003_glossary"),
        ("directory", "0006_actorreport_anonymised_at"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Departement",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("code", models.CharField(max_length=3, unique=True, verbose_name="code")),
                        ("name", models.CharField(max_length=80, verbose_name="nom")),
                        ("region", models.CharField(max_length=80, verbose_name="région")),
                        ("position", models.PositiveSmallIntegerField(default=0, editable=False)),
                    ],
                    options={
                        "verbose_name": "département",
                        "verbose_name_plural": "départements",
                        "db_table": "directory_departement",
                        "ordering": ["position"],
                    },
                ),
                migrations.CreateModel(
                    name="Theme",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("slug", models.SlugField(unique=True, verbose_name="identifiant")),
                        ("name", models.CharField(max_length=120, verbose_name="nom")),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        ("position", models.PositiveSmallIntegerField(default=0, verbose_name="ordre")),
                    ],
                    options={
                        "verbose_name": "thème",
                        "verbose_name_plural": "thèmes",
                        "db_table": "content_theme",
                        "ordering": ["position", "name"],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
