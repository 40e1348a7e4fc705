"""An index on Wagtail's `url_path`, so that the home page finds the page at a URL in one query
(`HomePage.route`) instead of two per level of depth."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("portal", "0005_members_group"), ("wagtailcore", "0098_apitoken")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX portal_page_url_path ON wagtailcore_page (url_path)",
            reverse_sql="DROP INDEX portal_page_url_path",
        )
    ]
