"""The site and its settings come from the cache, per published version (portal/sites.py): no query for
them on a rendered page, and a change shows at once."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site

from portal.models import SiteSettings


def page_queries(client, url="/lexique/"):
    with CaptureQueriesContext(connection) as captured:
        html = client.get(url).content.decode()
    tables = {
        table
        for q in captured
        for table in ("wagtailcore_site", "portal_sitesettings")
        if table in q["sql"]
    }
    return html, tables


def test_the_site_and_its_settings_are_read_once(client, home):
    html, tables = page_queries(client)
    assert "Centre de ressources sur les mineurs non accompagnés" in html and tables
    html, tables = page_queries(client)
    assert "Centre de ressources sur les mineurs non accompagnés" in html and tables == set()
    assert page_queries(client, "/")[1] == set()  # a Wagtail page too


def test_a_change_to_the_settings_or_the_site_shows_at_once(client, home, commit):
    page_queries(client)
    settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    settings.footer_text = "Nouveau pied de page du réseau."
    with commit():
        settings.save()
    assert "Nouveau pied de page du réseau." in client.get("/lexique/").content.decode()
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.is_default_site = "autre.example.org", False
    with commit():
        site.save()
    # No site answers for this host any more: Wagtail's pages are not found, as without the cache.
    assert client.get("/").status_code == 404
