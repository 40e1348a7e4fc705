"""Glossary, sitemap, feeds, robots and error pages: what a visitor or a crawler gets."""

import xml.etree.ElementTree as ET

import pytest

from content.factories import ArticlePageFactory, DossierPageFactory, ResourcePageFactory
from content.models import GlossaryEntry


@pytest.fixture
def site_content(dossier_index, resource_index):
    dossier = DossierPageFactory(parent=dossier_index, title="Mise à l'abri")
    article = ArticlePageFactory(parent=dossier, title="Le délai de cinq jours")
    resource = ResourcePageFactory(
        parent=resource_index, title="Rapport annuel", summary="Les chiffres de l'année."
    )
    draft = ResourcePageFactory(parent=resource_index, title="Brouillon secret", live=False)
    return {"dossier": dossier, "article": article, "resource": resource, "draft": draft}


def test_glossary_is_installed_with_synonyms(client, db):
    assert GlossaryEntry.objects.count() >= 40
    mna = GlossaryEntry.objects.get(term="MNA")
    assert "MIE" in mna.synonym_list and "mineur isolé étranger" in mna.synonym_list
    html = client.get("/lexique/").content.decode()
    for term in [
        "MNA",
        "ASE",
        "PJJ",
        "DPJJ",
        "MMNA",
        "OQTF",
        "APT",
        "AEM",
        "CASF",
        "CESEDA",
        "OFPRA",
        "CNDA",
        "PPE",
        "CDC",
        "MDS",
        "ASP",
        "JE",
    ]:
        assert f'id="{term.lower()}"' in html, term
    assert "Autorisation provisoire de travail" in html


def test_glossary_edits_show_at_once(client, db):
    GlossaryEntry.objects.create(
        term="CRIP",
        expansion="Cellule de recueil des informations préoccupantes",
        definition="Cellule départementale.",
    )
    assert (
        "Cellule de recueil des informations préoccupantes"
        in client.get("/lexique/").content.decode()
    )


def test_sitemap_lists_live_pages_only(site_content, sitemap_locations):
    locations = sitemap_locations()
    assert any(loc.endswith("/dossiers/mise-a-labri/") for loc in locations)
    assert any(loc.endswith("/lexique/") for loc in locations)
    assert not any("brouillon" in loc for loc in locations)


@pytest.mark.parametrize("url", ["/flux/ressources.rss", "/flux/ressources.atom"])
def test_feeds_list_new_resources(client, site_content, url):
    response = client.get(url)
    assert response.status_code == 200
    body = response.content.decode()
    assert "Rapport annuel" in body and "Les chiffres de l'année." in body
    assert "Brouillon secret" not in body
    ET.fromstring(response.content)  # well-formed XML


def test_robots_points_to_the_sitemap(client, db):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body and "Sitemap: http://testserver/sitemap.xml" in body


def test_every_public_page_answers_with_title_and_description(client, site_content):
    from wagtail.models import Page

    for page in Page.objects.live().public().exclude(depth=1).specific():
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        assert "<title>" in html and '<meta name="description" content="' in html, page.url
        assert html.count("<h1") == 1, page.url
    assert (
        client.get(site_content["draft"].url or "/ressources/brouillon-secret/").status_code == 404
    )


def test_not_found_page_in_the_site_look(client, home):
    response = client.get("/nulle-part/")
    assert response.status_code == 404
    assert "Page introuvable" in response.content.decode()
    assert 'class="site-header"' in response.content.decode()


def test_dossier_page_shows_articles_and_related(client, site_content):
    from content.models import DossierRelatedResource

    dossier = site_content["dossier"]
    DossierRelatedResource.objects.create(dossier=dossier, resource=site_content["resource"])
    DossierRelatedResource.objects.create(dossier=dossier, resource=site_content["draft"])
    html = client.get(dossier.url).content.decode()
    assert "Le délai de cinq jours" in html and "Rapport annuel" in html
    assert "Brouillon secret" not in html
    resource_html = client.get(site_content["resource"].url).content.decode()
    assert "Cité dans les dossiers" in resource_html and "Mise à l&#x27;abri" in resource_html


def test_dossier_index_groups_by_theme_and_keeps_unthemed(client, dossier_index):
    from taxonomy.models import Theme

    themed = DossierPageFactory(parent=dossier_index, title="Dossier asile")
    themed.themes.set([Theme.objects.get(slug="asile")])
    themed.save_revision().publish()
    DossierPageFactory(parent=dossier_index, title="Dossier sans thème")
    html = client.get("/dossiers/").content.decode()
    assert html.index('id="theme-asile"') < html.index("Dossier asile")
    assert html.index('id="theme-autres"') < html.index("Dossier sans thème")


def test_dossier_blocks_render_legal_references(client, dossier_index):
    body = [
        (
            "section",
            {
                "title": "Le cadre légal",
                "content": [
                    (
                        "legal_reference",
                        {
                            "kind": "code",
                            "code": "CASF",
                            "article": "L.221-2-4",
                            "summary": "Accueil provisoire d'urgence.",
                            "url": "https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000038746779",
                        },
                    ),
                    (
                        "legal_reference",
                        {
                            "kind": "decision",
                            "jurisdiction": "Conseil constitutionnel",
                            "date": "2019-03-21",
                            "number": "n° 2018-768 QPC",
                            "ecli": "ECLI:FR:CC:2019:2018.768.QPC",
                            "summary": "Examens osseux.",
                        },
                    ),
                    ("question_answer", {"question": "Qui décide ?", "answer": "<p>Le juge.</p>"}),
                ],
            },
        ),
    ]
    dossier = DossierPageFactory(parent=dossier_index, title="Évaluation", body=body)
    html = client.get(dossier.url).content.decode()
    assert '<details class="dossier-section" open>' in html
    assert '<p class="legal-ref__title">CASF, art. L. 221-2-4</p>' in html
    assert 'href="https://www.legifrance.gouv.fr/codes/article_lc/LEGIARTI000038746779"' in html
    assert 'Lire le texte officiel<span class="visually-hidden"> : CASF, art. L. 221-2-4' in html
    assert (
        '<p class="legal-ref__title">Conseil constitutionnel, 21 mars 2019, n° 2018-768 QPC</p>'
        in html
    )
    assert "ECLI:FR:CC:2019:2018.768.QPC" in html
    # A reference without a link offers none (no empty href).
    assert html.count("legal-ref__link") == 1
    assert "<summary>Qui décide ?</summary>" in html


def test_the_sitemap_is_an_index_of_sections_cached_until_a_publication(
    client, site_content, sitemap_locations, django_capture_on_commit_callbacks
):
    index = client.get("/sitemap.xml")
    assert b"<sitemapindex" in index.content and b"/sitemap-pages.xml" in index.content
    pages = client.get("/sitemap-pages.xml")
    assert client.get("/sitemap-pages.xml", HTTP_IF_NONE_MATCH=pages["ETag"]).status_code == 304
    resource = site_content["resource"]
    with django_capture_on_commit_callbacks(execute=True):
        resource.slug = "nouvelle-adresse"
        resource.save_revision().publish()
    assert any(loc.endswith("/nouvelle-adresse/") for loc in sitemap_locations())


def test_dossier_page_queries_do_not_grow_with_its_related_resources(client, site_content):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils.html import escape

    from content.models import DossierRelatedResource
    from core import freshness
    from taxonomy.models import Theme

    dossier, resource_index = site_content["dossier"], site_content["resource"].get_parent()
    themes = list(Theme.objects.all()[:2])

    def relate(start, end):
        for n in range(start, end):
            resource = ResourcePageFactory(parent=resource_index, title=f"Rapport lié {n}")
            resource.themes.set(themes)
            resource.save()
            DossierRelatedResource.objects.create(dossier=dossier, resource=resource)

    def queries():
        freshness.PUBLISHED.bump()  # as publishing the dossier with its new links would
        with CaptureQueriesContext(connection) as captured:
            assert client.get(dossier.url).status_code == 200
        return len(captured)

    relate(0, 1)
    client.get(dossier.url)  # settings and site root paths cached
    one = queries()
    relate(1, 6)
    assert queries() == one
    html = client.get(dossier.url).content.decode()
    assert "Rapport lié 5" in html and escape(themes[0].name) in html


def test_the_dossier_list_is_read_once_per_published_version(client, site_content, commit):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def dossier_queries():
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/dossiers/").content.decode()
        return html, [q for q in queries.captured_queries if "content_dossierpage" in q["sql"]]

    html, reads = dossier_queries()
    assert "Mise à l&#x27;abri" in html and reads
    html, reads = dossier_queries()
    assert "Mise à l&#x27;abri" in html and reads == []  # the rendered list is reused
    dossier = DossierPageFactory(
        parent=site_content["dossier"].get_parent(), title="Accès à la santé", live=False
    )
    with commit():
        dossier.save_revision().publish()
    html, reads = dossier_queries()
    assert "Accès à la santé" in html and "Mise à l&#x27;abri" in html and reads


def test_the_library_total_is_counted_once_per_published_version(client, site_content, commit):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def library():
        with CaptureQueriesContext(connection) as queries:
            html = client.get("/ressources/?kind=rapport").content.decode()
        return html, [q for q in queries.captured_queries if "COUNT(" in q["sql"]]

    html, counts = library()
    assert "1 ressource</h2>" in html and len(counts) == 1
    html, counts = library()
    assert "1 ressource</h2>" in html and counts == []
    resource = ResourcePageFactory(
        parent=site_content["resource"].get_parent(), kind="rapport", live=False
    )
    with commit():
        resource.save_revision().publish()
    html, counts = library()
    assert "2 ressources</h2>" in html and len(counts) == 1
    resource.refresh_from_db()
    with commit():
        resource.unpublish()
    html = library()[0]
    assert "1 ressource</h2>" in html, html[html.find('id="titre-resultats"') :][:200]


def test_the_dossier_body_is_cached_per_published_version_but_never_in_a_preview(
    client, site_content, commit
):
    dossier = site_content["dossier"]
    dossier.body = [("paragraph", "<p>Texte publié du dossier.</p>")]
    with commit():
        dossier.save_revision().publish()
    assert "Texte publié du dossier." in client.get(dossier.url).content.decode()
    # A draft, previewed: its own body and articles, not the published ones cached above.
    dossier.body = [("paragraph", "<p>Nouvelle rédaction en cours.</p>")]
    dossier.save_revision()
    preview = dossier.make_preview_request()
    assert "Nouvelle rédaction en cours." in preview.content.decode()
    assert "Texte publié du dossier." in client.get(dossier.url).content.decode()
    with commit():
        dossier.get_latest_revision().publish()
    html = client.get(dossier.url).content.decode()
    assert "Nouvelle rédaction en cours." in html and "Texte publié du dossier." not in html
