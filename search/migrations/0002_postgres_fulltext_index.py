"""On PostgreSQL, a GIN index on the 'simple' text-search vector of the stemmed terms.

'simple' rather than 'french': the terms are already folded and stemmed by search.text (the same code the
Elasticsearch backend's queries go through), so the French configuration would stem them a second time and
still not fold accents without the unaccent extension, which needs a superuser to install.
"""

from django.db import migrations

INDEX = "search_indexentry_terms_fts"


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_indexentry "
            "USING gin (to_tsvector('simple'::regconfig, COALESCE(terms, '')))"
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("search", "0001_index")]
    operations = [migrations.RunPython(create, drop)]
