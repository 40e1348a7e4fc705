"""Journey 7: at 375 px wide (a small phone) the menu and the filters are usable and no page scrolls
horizontally."""

import pytest
from playwright.sync_api import expect

from .helpers import assert_no_horizontal_scroll, visit
from .test_accessibility import FIXED_PAGES, first_link


@pytest.mark.parametrize(("path", "status"), FIXED_PAGES, ids=[path for path, _ in FIXED_PAGES])
def test_no_page_scrolls_horizontally(portal, mobile_page, path, status):
    visit(mobile_page, portal(path), status)
    assert_no_horizontal_scroll(mobile_page)


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
    assert_no_horizontal_scroll(page)


def test_content_pages_fit_a_phone(portal, mobile_page):
    page = mobile_page
    visit(page, first_link(page, portal, "/dossiers/", "main .link-list a"))
    assert_no_horizontal_scroll(page)
    visit(page, portal(page.locator(".dossier__articles a").first.get_attribute("href")))
    assert_no_horizontal_scroll(page)
    visit(page, first_link(page, portal, "/ressources/", "main .card__title a"))
    assert_no_horizontal_scroll(page)


def test_directory_filters_work_on_a_phone(portal, mobile_page):
    page = mobile_page
    visit(page, portal("/annuaire/"))
    assert_no_horizontal_scroll(page)
    page.get_by_label("Département", exact=True).select_option(value="93")
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url("**/annuaire/?*departement=93*")
    assert page.locator(".card--actor").count() >= 1
    assert_no_horizontal_scroll(page)
    visit(page, portal("/annuaire/departements/93/"))
    assert_no_horizontal_scroll(page)
    page.locator("main .card--actor .card__title a").first.click()
    page.wait_for_load_state()
    assert_no_horizontal_scroll(page)


def test_agenda_is_usable_on_a_phone(portal, mobile_page):
    page = mobile_page
    visit(page, portal("/agenda/"))
    assert_no_horizontal_scroll(page)
    page.get_by_label("En ligne", exact=True).check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url("**/agenda/?*format=en-ligne*")
    assert_no_horizontal_scroll(page)
    page.get_by_role("link", name="Vue mensuelle").click()
    page.wait_for_load_state()
    # The month grid may scroll inside its own box, never the page.
    assert_no_horizontal_scroll(page)
    visit(page, portal("/agenda/archives/"))
    assert_no_horizontal_scroll(page)


def test_search_facets_work_on_a_phone(portal, mobile_page):
    page = mobile_page
    visit(page, portal("/recherche/?q=mie+apt"))
    assert_no_horizontal_scroll(page)
    filters = page.locator("form.filters")
    filters.locator("input[type=checkbox]").first.check()
    filters.get_by_role("button", name="Appliquer").click()
    page.wait_for_load_state()
    expect(filters.locator("input:checked")).to_have_count(1)
    assert page.locator(".search-result").count() >= 1
    assert_no_horizontal_scroll(page)
