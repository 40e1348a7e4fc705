"""Journey 3: with the keyboard alone, a visitor finds the actors of Seine-Saint-Denis from the map,
narrows them to one service and exports the list as CSV."""

import csv
import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from playwright.sync_api import expect

from .helpers import tab_until, visit

SEINE_SAINT_DENIS = (
    "el => (el.getAttribute('aria-label') || '').startsWith('93 – Seine-Saint-Denis :')"
)


def test_actors_of_a_departement_from_the_map_by_keyboard(portal, page):
    visit(page, portal("/annuaire/"))
    # The map's tiles are links in the tab order, named with the département and its number of actors.
    tab_until(page, SEINE_SAINT_DENIS, limit=300)
    label = page.evaluate("() => document.activeElement.getAttribute('aria-label')")
    assert re.fullmatch(r"93 – Seine-Saint-Denis : \d+ acteurs?", label), label
    page.keyboard.press("Enter")
    page.wait_for_url("**/annuaire/departements/93/")
    expect(page.locator("h1")).to_have_text("Seine-Saint-Denis (93)")

    # One of the services offered there, still with the keyboard.
    tab_until(page, "el => !!el.closest('[aria-labelledby=titre-services]') && el.tagName === 'A'")
    service = page.evaluate("() => document.activeElement.textContent").split(" (")[0].strip()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/annuaire/\?.*service=.*"))
    assert page.locator("#filter-departement option:checked").inner_text().startswith("93")
    assert page.locator("#filter-service option:checked").inner_text() == service
    cards = page.locator(".results:not(.results--national) .card--actor")
    assert cards.count() >= 1
    for n in range(cards.count()):
        expect(cards.nth(n)).to_contain_text(service)

    # The export has the same actors.
    tab_until(page, "el => el.textContent.startsWith('Tableur (CSV')", limit=300)
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename == "annuaire-acteurs.csv"
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == cards.count()
    service_slug = parse_qs(urlparse(page.url).query)["service"][0]
    service_name = page.locator(f"#filter-service option[value='{service_slug}']").inner_text()
    for row in rows:
        assert "93" in row["départements"].split("; "), row
        assert service_name.strip() in row["services"].split("; "), row


def test_report_confirmation_is_shown_and_focused_where_the_reporter_is(portal, page):
    visit(page, portal("/annuaire/"))
    page.locator(".card--actor a").first.click()
    page.locator("#id_message").fill("Le numéro de téléphone a changé depuis le mois dernier.")
    page.get_by_role("button", name="Envoyer le signalement").click()
    page.wait_for_url("**#signalement-envoye")
    confirmation = page.locator("#signalement-envoye")
    expect(confirmation).to_contain_text("Merci, votre signalement a été transmis")
    expect(confirmation).to_be_focused()
    expect(confirmation).to_be_in_viewport()


def test_map_links_are_finger_sized_on_a_phone_and_show_their_focus(portal, mobile_page):
    page = mobile_page
    visit(page, portal("/annuaire/"))
    links = page.locator(".france-map svg a")
    assert links.count() == 101
    sizes = links.evaluate_all(
        """links => links.map(a => {
            const box = a.getBoundingClientRect();
            return [a.dataset.code, Math.round(box.width), Math.round(box.height)];
        })"""
    )
    small = [size for size in sizes if min(size[1:]) < 24]
    assert not small, f"map links smaller than 24 × 24 px at 375 px: {small}"
    # Shades follow the counts: the legend has several classes, each used on the map.
    legend_levels = page.locator(".france-map__legend .france-map__swatch").evaluate_all(
        "spans => spans.map(s => s.className.match(/level-(\\d)/)[1])"
    )
    assert len(legend_levels) >= 3
    for level in legend_levels:
        assert page.locator(f".france-map svg a.france-map--level-{level}").count(), level
    # By keyboard, the focused département is filled with the focus colour.
    tab_until(page, SEINE_SAINT_DENIS, limit=300)
    fill = page.evaluate(
        "() => getComputedStyle(document.activeElement.querySelector('.france-map__shape')).fill"
    )
    assert fill == "rgb(255, 191, 71)", fill
    page.locator(".directory-map").screenshot(path="var/test-artifacts/map-375.png")
