"""The committee's yearly activity report and the audience view, on the demo's two years of history:
the default year, the figures with their definitions, the charts drawn by the portal, the printable
page, and axe-core's audit of each."""

import datetime
import re

from playwright.sync_api import expect

from .helpers import assert_accessible, audit, log_in, visit


def test_the_committee_reads_prints_and_compares_the_yearly_report(portal, page, axe_source):
    log_in(page, portal, "comite")
    visit(page, portal("/admin/rapport-activite/"))
    last_year = datetime.date.today().year - 1
    expect(page.get_by_label("Année", exact=True)).to_have_value(str(last_year))
    main = page.locator("main")
    expect(main.get_by_role("heading", name="Audience", level=2)).to_be_visible()
    expect(main.locator("#figure-visits")).to_contain_text("arrivées sur le portail")
    visits = main.locator("#figure-visits td").first.inner_text()
    assert int(visits) > 1000, visits  # two years of demo counters
    expect(main.locator("#figure-resources_added")).to_contain_text("première publication")
    expect(main.get_by_role("img", name=re.compile("Visites par mois"))).to_be_visible()
    assert page.locator("svg.report-chart").count() >= 3
    violations = audit(page, axe_source)
    assert not violations, "\n".join(violations)

    # The year before, by the year chooser.
    page.get_by_label("Année", exact=True).select_option(str(last_year - 1))
    page.get_by_role("button", name="Afficher", exact=True).click()
    page.wait_for_url(re.compile(rf"annee={last_year - 1}"))
    expect(main.locator("table.report-figures thead").first).to_contain_text(str(last_year - 2))

    # Printing leaves the chooser and the buttons out.
    page.emulate_media(media="print")
    expect(page.locator("form.report-year")).to_be_hidden()
    page.emulate_media(media="screen")

    # The printable page stands on its own, accessible.
    visit(page, portal(f"/admin/rapport-activite/imprimer/?annee={last_year}"))
    expect(page.locator("h1")).to_have_text(f"Rapport d'activité {last_year}")
    assert_accessible(page, axe_source)


def test_the_audience_view_of_a_period(portal, page, axe_source):
    log_in(page, portal, "comite")
    visit(page, portal("/admin/audience/"))
    expect(page.locator("#audience-visits")).not_to_have_text("0")
    expect(page.get_by_role("img", name=re.compile("par jour"))).to_be_visible()
    page.get_by_label("Du", exact=True).fill(f"{datetime.date.today().year - 1}-01-01")
    page.get_by_label("Au", exact=True).fill(f"{datetime.date.today().year - 1}-12-31")
    page.get_by_role("button", name="Afficher", exact=True).click()
    expect(page.get_by_role("img", name=re.compile("par mois"))).to_be_visible()
    expect(page.get_by_role("table", name="Pages les plus vues")).to_contain_text("Portail MNA")
    violations = audit(page, axe_source)
    assert not violations, "\n".join(violations)
