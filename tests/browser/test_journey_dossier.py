"""Journey 1: from the home page to a dossier through the menu; its sections fold and unfold; a legal
reference leads to the official text and a related resource to the library; the printed sheet keeps the
content and drops the navigation."""

import re

from playwright.sync_api import expect

from .helpers import visit

DOSSIER = "L'évaluation de la minorité et de l'isolement"


def open_dossier(page, portal):
    visit(page, portal("/"))
    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Dossiers"
    ).click()
    page.wait_for_url(portal("/dossiers/"))
    page.get_by_role("link", name=DOSSIER).first.click()
    expect(page.locator("h1")).to_have_text(DOSSIER)


def test_visitor_reads_a_dossier_and_follows_its_references(portal, page):
    open_dossier(page, portal)
    assert page.get_by_role("navigation", name="Menu principal").locator(
        "[aria-current=page]"
    ).inner_text() == ("Dossiers")
    expect(page.get_by_text("Vérifié le", exact=False).first).to_be_visible()

    # Sections fold and unfold, one by one or all together.
    sections = page.locator("details.dossier-section")
    count = sections.count()
    assert count >= 2
    page.get_by_role("button", name="Tout replier").click()
    for n in range(count):
        assert not sections.nth(n).evaluate("d => d.open")
    first_reference = page.locator(".legal-ref__link").first
    expect(first_reference).to_be_hidden()
    sections.first.locator("summary").click()
    assert sections.first.evaluate("d => d.open")
    page.get_by_role("button", name="Tout déplier").click()
    for n in range(count):
        assert sections.nth(n).evaluate("d => d.open")

    # A legal reference leads to the official text (answered here without leaving the machine).
    page.route(
        re.compile(r"https://(www\.)?legifrance\.gouv\.fr/.*"),
        lambda route: route.fulfill(
            status=200,
            content_type="text/html; charset=utf-8",
            body="<title>Légifrance</title><h1>Texte officiel</h1>",
        ),
    )
    reference = page.locator(".legal-ref").first
    expect(reference).to_contain_text("CASF")
    href = reference.locator(".legal-ref__link").get_attribute("href")
    assert href.startswith("https://www.legifrance.gouv.fr/")
    reference.locator(".legal-ref__link").click()
    page.wait_for_url(href)
    assert page.title() == "Légifrance"
    page.go_back()
    expect(page.locator("h1")).to_have_text(DOSSIER)

    # A related resource opens in the library.
    related = page.get_by_role("region", name="Ressources liées")
    resource_link = related.locator(".card__title a").first
    resource_title = resource_link.inner_text()
    resource_link.click()
    expect(page.locator("h1")).to_have_text(resource_title)
    expect(page.get_by_role("navigation", name="Fil d'Ariane")).to_contain_text(
        "Bibliothèque de ressources"
    )
    expect(page.get_by_role("region", name="Cité dans les dossiers")).to_contain_text(DOSSIER)
    assert not page.errors


def test_printed_dossier_keeps_the_content_and_drops_the_navigation(portal, page):
    open_dossier(page, portal)
    page.get_by_role("button", name="Tout replier").click()
    # The print button opens the browser's print dialog; the dialog itself is not the portal's.
    page.evaluate("() => { window.print = () => { window.printRequested = true; }; }")
    page.get_by_role("button", name="Imprimer la fiche").click()
    assert page.evaluate("() => window.printRequested === true")

    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    for chrome in (
        ".site-header",
        "#menu-principal",
        ".site-footer",
        ".breadcrumbs",
        ".dossier__controls",
    ):
        expect(page.locator(chrome)).to_be_hidden()
    expect(page.locator("h1")).to_be_visible()
    # Folded sections are printed in full, with the official texts' addresses.
    expect(page.locator(".legal-ref__link").first).to_be_visible()
    assert (
        page.locator(".legal-ref__link")
        .first.evaluate("a => getComputedStyle(a, '::after').content")
        .startswith('" (https://')
    )
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and len(pdf) > 10_000
