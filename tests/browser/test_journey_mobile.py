"""Journey 7: at 375 px wide (a small phone) the menu and the filters are usable and no page scrolls
horizontally."""

import pytest

from .helpers import horizontal_overflow, visit
from .test_accessibility import FIXED_PAGES


@pytest.mark.parametrize(("path", "status"), FIXED_PAGES, ids=[path for path, _ in FIXED_PAGES])
def test_no_page_scrolls_horizontally(portal, mobile_page, path, status):
    visit(mobile_page, portal(path), status)
    assert horizontal_overflow(mobile_page) == 0


def test_menu_leads_to_the_library_and_its_filters_work(portal, mobile_page):
    page = mobile_page
    visit(page, portal("/"))
    page.get_by_role("button", name="Menu").click()
    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Ressources"
    ).click()
    page.wait_for_url(portal("/ressources/"))
    page.get_by_label("Rapport").check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url("**/ressources/?*kind=rapport*")
    assert page.get_by_label("Rapport").is_checked()
    assert horizontal_overflow(page) == 0
