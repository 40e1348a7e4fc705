"""axe-core audit of every public page type: no violation of impact serious or critical."""

import pytest

from .helpers import assert_accessible, visit

# Pages reachable at a fixed address, with the status a visitor gets.
FIXED_PAGES = [
    ("/", 200),
    ("/dossiers/", 200),
    ("/ressources/", 200),
    ("/ressources/?kind=rapport&kind=jurisprudence", 200),
    ("/ressources/?kind=inconnu&year=abc&page=9999", 200),
    ("/lexique/", 200),
    ("/agenda/", 200),
    ("/agenda/archives/", 200),
    ("/permanence/", 200),
    ("/recherche/", 200),
    ("/recherche/?q=mie+apt", 200),
    ("/recherche/?q=mie+apt&kind=ressource&theme=travail-formation&sort=date", 200),
    ("/recherche/?q=zzyzx+introuvable", 200),
    ("/recherche/?q=apt&kind=inconnu&page=abc&sort=faux", 200),
    ("/permanence/suivi/jeton-inconnu/", 404),
    ("/mentions-legales/", 200),
    ("/accessibilite/", 200),
    ("/cette-page-n-existe-pas/", 404),
]


@pytest.mark.parametrize(("path", "status"), FIXED_PAGES, ids=[path for path, _ in FIXED_PAGES])
def test_fixed_pages_have_no_serious_violation(portal, page, axe_source, path, status):
    visit(page, portal(path), status)
    assert_accessible(page, axe_source)


def first_link(page, portal, index_path, selector):
    """The address of the first link matching `selector` on `index_path` (pages of the demo content)."""
    visit(page, portal(index_path))
    link = page.locator(selector).first
    assert link.count(), f"no link {selector} on {index_path}: is the demo content loaded?"
    return portal(link.get_attribute("href"))


def test_content_pages_have_no_serious_violation(portal, page, axe_source):
    """A dossier, one of its articles and a resource of the library, as the demo content has them."""
    dossier = first_link(page, portal, "/dossiers/", "main .link-list a")
    visit(page, dossier)
    assert_accessible(page, axe_source)
    visit(page, portal(page.locator(".dossier__articles a").first.get_attribute("href")))
    assert_accessible(page, axe_source)
    resource = first_link(page, portal, "/ressources/", "main .card__title a")
    visit(page, resource)
    assert_accessible(page, axe_source)
    # A legal resource shows its verification date, a report its download.
    visit(page, portal("/ressources/?kind=rapport"))
    page.locator("main .card__title a").first.click()
    assert_accessible(page, axe_source)


def test_directory_pages_have_no_serious_violation(portal, page, axe_source):
    """The directory with its map, a département page and an actor's page."""
    for path in (
        "/annuaire/",
        "/annuaire/?departement=93&kind=inconnu&page=abc",
        "/annuaire/departements/93/",
    ):
        visit(page, portal(path))
        assert_accessible(page, axe_source)
    visit(
        page,
        first_link(page, portal, "/annuaire/departements/93/", "main .card--actor .card__title a"),
    )
    assert_accessible(page, axe_source)


def test_agenda_pages_have_no_serious_violation(portal, page, axe_source):
    """The agenda list, a month, the archives and an event."""
    for path in ("/agenda/", "/agenda/?kind=inconnu&month=abc", "/agenda/archives/"):
        visit(page, portal(path))
        assert_accessible(page, axe_source)
    visit(page, portal("/agenda/"))
    page.get_by_role("link", name="Vue mensuelle").click()
    page.wait_for_load_state()
    assert_accessible(page, axe_source)
    page.locator("table.calendar a").first.click()
    page.wait_for_load_state()
    assert_accessible(page, axe_source)
