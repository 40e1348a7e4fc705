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
    ("/mentions-legales/", 200),
    ("/accessibilite/", 200),
    ("/cette-page-n-existe-pas/", 404),
]


@pytest.mark.parametrize(("path", "status"), FIXED_PAGES, ids=[path for path, _ in FIXED_PAGES])
def test_fixed_pages_have_no_serious_violation(portal, page, axe_source, path, status):
    visit(page, portal(path), status)
    assert_accessible(page, axe_source)
