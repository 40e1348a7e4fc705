"""Journey 2: a visitor searches "mie apt" from the header, narrows the results by kind and theme with
the facets, opens a result; the address with the facets gives the same results again."""

import re

from playwright.sync_api import expect

from .helpers import visit


def result_titles(page):
    return page.locator(".search-result__title a").all_inner_texts()


def test_search_with_facets(portal, page, new_page):
    visit(page, portal("/dossiers/"))
    page.get_by_role("search").first.get_by_label("Rechercher sur le portail").fill("mie apt")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/recherche/\?q=mie\+apt"))
    expect(page.locator("h1")).to_have_text("Recherche : « mie apt »")
    everything = result_titles(page)
    assert everything, (
        "the demo content must answer « mie apt » (MIE is a synonym of MNA, APT an acronym)"
    )

    # Narrow by kind, then by theme: the first choice of each facet (the one with most results).
    filters = page.locator("form.filters")
    kind = (
        filters.locator("fieldset", has=page.locator("legend", has_text="Type"))
        .locator("input")
        .first
    )
    kind_label = (
        filters.locator(f"label[for='{kind.get_attribute('id')}']").inner_text().split(" (")[0]
    )
    kind.check()
    filters.get_by_role("button", name="Appliquer").click()
    page.wait_for_url(re.compile(r".*[?&]kind=.*"))
    by_kind = result_titles(page)
    assert by_kind and len(by_kind) <= len(everything)
    for meta in page.locator(".search-result__meta .tag").all_inner_texts():
        assert meta == kind_label

    theme = (
        filters.locator("fieldset", has=page.locator("legend", has_text="Thème"))
        .locator("input")
        .first
    )
    theme.check()
    filters.get_by_role("button", name="Appliquer").click()
    page.wait_for_url(re.compile(r".*[?&]theme=.*"))
    narrowed = result_titles(page)
    assert narrowed and set(narrowed) <= set(by_kind)
    assert "q=mie+apt" in page.url and "kind=" in page.url

    # The address alone gives the same page of results, in the same order.
    again = new_page()
    visit(again, page.url)
    assert result_titles(again) == narrowed
    expect(again.locator("form.filters input:checked")).to_have_count(2)

    # A result opens its page.
    title = narrowed[0]
    page.get_by_role("link", name=title, exact=True).first.click()
    expect(page.locator("h1")).to_contain_text(title)
