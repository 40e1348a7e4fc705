"""Journey 6: a contributor drafts a resource and submits it; a committee member approves it in the
admin; it appears in the library (and in search, once the search section exists)."""

import re

from playwright.sync_api import expect

from .helpers import log_in, visit

TITLE = "Avis du Défenseur des droits sur l'évaluation de la minorité (parcours navigateur)"
SUMMARY = "Recommandations sur l'entretien d'évaluation, la présomption de minorité et le recours au juge."


def open_library_in_admin(page, portal):
    visit(page, portal("/admin/pages/"))
    home_edit = page.get_by_role("link", name="Portail MNA", exact=True).first.get_attribute("href")
    home_id = re.search(r"/admin/pages/(\d+)/", home_edit).group(1)
    visit(page, portal(f"/admin/pages/{home_id}/"))


def test_contributor_submits_and_committee_approves_a_resource(portal, page, new_page):
    # The contributor drafts the resource in the library and submits it to the committee.
    log_in(page, portal, "contributrice")
    open_library_in_admin(page, portal)
    page.get_by_role(
        "link", name="Explorer les sous-pages de « Bibliothèque de ressources »"
    ).click()
    page.get_by_role("link", name="Ajouter une sous-page", exact=True).click()
    page.wait_for_url("**/admin/pages/add/content/resourcepage/*/")
    page.locator("#id_title").fill(TITLE)
    page.locator("#id_kind").select_option(label="Rapport")
    page.locator("#id_date").fill("2026-03-12")
    page.keyboard.press("Escape")
    page.locator("#id_summary").fill(SUMMARY)
    # A resource is published with a body, a document or its source (an empty one is refused).
    page.locator("#id_source_url").fill("https://www.example.org/rapport-2026.pdf")
    page.locator("[data-w-dropdown-target=toggle].button").last.click()
    page.locator("button[name=action-submit]").click()
    page.wait_for_url(re.compile(r".*/admin/pages/\d+/$"))
    assert page.get_by_text("soumise pour modération").is_visible()

    # Not public yet.
    visitor = new_page()
    visit(visitor, portal("/ressources/"))
    assert visitor.get_by_role("link", name=TITLE).count() == 0

    # A committee member finds it on the dashboard and approves it.
    committee = new_page()
    log_in(committee, portal, "comite")
    committee.get_by_role("link", name=TITLE).first.click()
    committee.wait_for_url(re.compile(r".*/admin/pages/\d+/edit/$"))
    committee.wait_for_load_state("networkidle")
    committee.locator("[data-w-dropdown-target=toggle].button").last.click()
    committee.get_by_role("button", name="Approuver et Publier", exact=True).click()
    committee.wait_for_url(re.compile(r".*/admin/(pages/\d+/)?$"))
    expect(
        committee.locator("tr", has_text=TITLE).get_by_text("Publié", exact=False)
    ).to_be_visible()
    # The admin's Content-Security-Policy let every admin page (editor, date picker, dashboard) work.
    assert not page.errors, page.errors
    assert not committee.errors, committee.errors

    # It is now in the library, and its page shows what the contributor wrote.
    visit(visitor, portal("/ressources/"))
    visitor.get_by_role("link", name=TITLE).click()
    assert visitor.locator("h1").inner_text() == TITLE
    assert visitor.get_by_text(SUMMARY).is_visible()
    assert "Rapport" in visitor.locator(".eyebrow").text_content()

    # And search finds it at once.
    visitor.get_by_label("Rechercher sur le portail").fill(
        "Défenseur des droits parcours navigateur"
    )
    visitor.keyboard.press("Enter")
    visitor.wait_for_url("**/recherche/?q=*")
    expect(visitor.locator(".search-result__title a").first).to_have_text(TITLE)
