"""On PostgreSQL, the 'simple' text-search vector of the stemmed terms is stored in a column with a GIN
index, instead of an index on the expression `to_tsvector('simple', terms)` (migration 0002).

The expression index only helped selective words: a frequent word (« évaluation », in most entries) makes the
planner scan the table, and every row's text was then parsed again by `to_tsvector` for the count, the
facets and the page (about 0.5 s each over 15,000 entries). A stored vector is parsed once, when written.
"""

from django.db import migrations

import search.models

OLD_INDEX = "search_indexentry_terms_fts"
INDEX = "search_indexentry_vector_gin"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {OLD_INDEX}")
    schema_editor.execute(
        "UPDATE search_indexentry "
        "SET search_vector = to_tsvector('simple'::regconfig, COALESCE(terms, ''))"
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON search_indexentry USING gin (search_vector)"
    )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {OLD_INDEX} ON search_indexentry "
        "USING gin (to_tsvector('simple'::regconfig, COALESCE(terms, '')))"
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0005_indexentry_audience")]
    operations = [
        migrations.AddField(
            model_name="indexentry",
            name="search_vector",
            field=search.models.TermsVectorField(editable=False, null=True),
        ),
        migrations.RunPython(forwards, backwards),
    ]
