"""Journey 7: at 375 px wide (a small phone) the menu and the filters are usable, the results come before
the filters, the month is a list of days, and no page scrolls horizontally."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import MOBILE
from .helpers import assert_no_horizontal_scroll, tab_until, visit
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
    page.get_by_role("button", name="Filtrer").click()
    page.get_by_label("Rapport").check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url("**/ressources/?*kind=rapport*")
    # The filters are folded again; the toggle says which one is on.
    expect(page.get_by_role("button", name="Filtrer (1 actif)")).to_be_visible()
    expect(page.locator("[data-filters-summary]")).to_have_text(
        "Filtres actifs : Type de ressource : Rapport"
    )
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
    page.get_by_role("button", name="Filtrer").click()
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
    page.get_by_role("button", name="Filtrer").click()
    page.get_by_label("En ligne", exact=True).check()
    page.get_by_role("button", name="Appliquer les filtres").click()
    page.wait_for_url("**/agenda/?*format=en-ligne*")
    assert_no_horizontal_scroll(page)
    page.get_by_role("link", name="Vue mensuelle").click()
    page.wait_for_load_state()
    assert_no_horizontal_scroll(page)
    visit(page, portal("/agenda/archives/"))
    assert_no_horizontal_scroll(page)


def test_search_facets_work_on_a_phone(portal, mobile_page):
    page = mobile_page
    visit(page, portal("/recherche/?q=mie+apt"))
    assert_no_horizontal_scroll(page)
    filters = page.locator("form.filters")
    page.get_by_role("button", name="Filtrer").click()
    filters.locator("input[type=checkbox]").first.check()
    filters.get_by_role("button", name="Appliquer").click()
    page.wait_for_load_state()
    expect(page.get_by_role("button", name="Filtrer (1 actif)")).to_be_visible()
    expect(filters.locator("input:checked")).to_have_count(1)
    assert page.locator(".search-result").count() >= 1
    assert_no_horizontal_scroll(page)


LIST_PAGES = ["/recherche/?q=mineur", "/ressources/", "/annuaire/", "/agenda/"]


@pytest.mark.parametrize("path", LIST_PAGES)
def test_list_pages_show_the_results_first_and_filters_on_demand(portal, mobile_page, path):
    page = mobile_page
    visit(page, portal(path))
    filters = page.locator("form#filtres")
    # What follows the filters: the results (in the directory, its map of the results, then the list).
    results = page.locator("form#filtres + *")
    button = page.get_by_role("button", name="Filtrer")
    expect(filters).to_be_hidden()
    expect(results).to_be_in_viewport()
    assert button.get_attribute("aria-expanded") == "false"

    # The button, reached by keyboard, opens the filters above the results and moves focus into them.
    tab_until(page, "el => el.classList.contains('filters-toggle__button')")
    page.keyboard.press("Enter")
    assert button.get_attribute("aria-expanded") == "true"
    expect(filters).to_be_visible()
    assert page.evaluate("() => !!document.activeElement.closest('form#filtres')")
    assert filters.bounding_box()["y"] < results.bounding_box()["y"]
    # Escape folds them again and gives the focus back to the button.
    page.keyboard.press("Escape")
    expect(filters).to_be_hidden()
    assert button.get_attribute("aria-expanded") == "false"
    assert page.evaluate(
        "() => document.activeElement.classList.contains('filters-toggle__button')"
    )
    assert_no_horizontal_scroll(page)


def test_filters_need_no_toggle_on_a_wide_screen(portal, page):
    visit(page, portal("/ressources/"))
    expect(page.locator("form#filtres")).to_be_visible()
    expect(page.locator(".filters-toggle")).to_be_hidden()


def test_list_pages_without_javascript_link_to_the_results(portal, new_page):
    page = new_page(MOBILE, java_script_enabled=False)
    visit(page, portal("/ressources/"))
    expect(page.locator("form#filtres")).to_be_visible()
    page.get_by_role("link", name="Aller aux résultats").click()
    expect(page.locator("#titre-resultats")).to_be_in_viewport()


def test_the_month_is_a_list_of_days_with_events_on_a_phone(portal, mobile_page):
    page = mobile_page
    visit(page, portal("/agenda/"))
    page.get_by_role("link", name="Vue mensuelle").click()
    page.wait_for_url(re.compile(r".*/agenda/mois/\d{4}-\d{2}/"))
    days = page.locator(".calendar-list__day")
    for _ in range(12):
        if days.count():
            break
        page.get_by_role("link", name=re.compile("Mois suivant")).click()
        page.wait_for_load_state()
    assert days.count(), "no event in the next twelve months of the demo agenda"
    expect(page.locator("table.calendar")).to_be_hidden()
    expect(days.first.locator("h3")).to_be_visible()
    expect(days.first.get_by_role("link").first).to_be_visible()
    assert_no_horizontal_scroll(page)
