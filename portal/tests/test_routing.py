"""The home page finds the page at a URL in one query on the indexed `url_path` (HomePage.route), with
Wagtail's own answers: drafts and unknown URLs are not found, a renamed page answers at its new URL."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from content.factories import ArticlePageFactory, DossierPageFactory


def routing_queries(client, url):
    client.get(url)  # the site, its settings and the site root paths cached
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, [q["sql"] for q in captured if '"wagtailcore_page"."slug" =' in q["sql"]]


def test_a_page_two_levels_down_is_found_in_one_query(client, dossier_index):
    dossier = DossierPageFactory(parent=dossier_index, slug="acces-aux-droits")
    ArticlePageFactory(parent=dossier, slug="sante", title="L'accès aux soins")
    response, slug_lookups = routing_queries(client, "/dossiers/acces-aux-droits/sante/")
    assert response.status_code == 200 and "L&#x27;accès aux soins" in response.content.decode()
    assert slug_lookups == []  # no walk down the tree, one level at a time


def test_drafts_and_unknown_addresses_are_not_found(client, dossier_index):
    dossier = DossierPageFactory(parent=dossier_index, slug="acces-aux-droits")
    ArticlePageFactory(parent=dossier, slug="brouillon", live=False)
    assert client.get("/dossiers/acces-aux-droits/brouillon/").status_code == 404
    assert client.get("/dossiers/acces-aux-droits/inconnu/").status_code == 404
    assert client.get("/dossiers/inconnu/sante/").status_code == 404


def test_a_renamed_page_answers_at_its_new_address(client, dossier_index, commit):
    dossier = DossierPageFactory(parent=dossier_index, slug="acces-aux-droits")
    article = ArticlePageFactory(parent=dossier, slug="sante", title="L'accès aux soins")
    assert client.get("/dossiers/acces-aux-droits/sante/").status_code == 200
    dossier.slug = "droits"
    with commit():
        dossier.save_revision().publish()
    assert client.get("/dossiers/droits/sante/").status_code == 200
    article.refresh_from_db()
    assert article.get_url() == "/dossiers/droits/sante/"
    old = client.get("/dossiers/acces-aux-droits/sante/")  # Wagtail's automatic redirect
    assert old.status_code == 301 and old["Location"] == "/dossiers/droits/sante/"
