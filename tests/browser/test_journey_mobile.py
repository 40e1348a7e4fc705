"""Journey 7: at 375 px wide (a small phone) the menu and the filters are usable and no page scrolls
horizontally."""

import pytest

from .helpers import horizontal_overflow, visit
from .test_accessibility import FIXED_PAGES, first_link


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


def test_content_pages_fit_a_phone(portal, mobile_page):
    page = mobile_page
    visit(page, first_link(page, portal, "/dossiers/", "main .link-list a"))
    assert horizontal_overflow(page) == 0, page.url
    visit(page, portal(page.locator(".dossier__articles a").first.get_attribute("href")))
    assert horizontal_overflow(page) == 0, page.url
    visit(page, first_link(page, portal, "/ressources/", "main .card__title a"))
    assert horizontal_overflow(page) == 0, page.url
