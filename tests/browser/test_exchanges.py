"""The discussion list: a member signs in on the public site and writes to the list; the message waits
for the committee, which approves it in the admin; it then shows in the members' archive. axe-core audits
every new page (sign-in, archive, form with its errors, thread, members-only refusal)."""

import re

from playwright.sync_api import expect

from .helpers import assert_accessible, log_in, visit
from .prepare import PASSWORD

SUBJECT = "Accueil de jour le dimanche (parcours navigateur)"
BODY = (
    "Bonjour,\n\nConnaissez-vous des lieux d'accueil de jour ouverts le dimanche en Île-de-France ?"
)


def member_log_in(page, portal):
    visit(page, portal("/compte/connexion/"))
    page.get_by_label("Identifiant").fill("membre")
    page.get_by_label("Mot de passe").fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_url(portal("/echanges/"))


def test_member_posts_committee_approves_message_is_archived(portal, page, new_page, axe_source):
    # Anonymous visitors are sent to the sign-in page, which says why.
    visit(page, portal("/echanges/"))
    assert "/compte/connexion/?next=/echanges/" in page.url
    expect(page.get_by_text("réservée aux membres du réseau")).to_be_visible()
    assert_accessible(page, axe_source)

    member_log_in(page, portal)
    assert_accessible(page, axe_source)
    page.get_by_role("link", name="Écrire à la liste").click()
    page.wait_for_url(portal("/echanges/nouveau/"))
    assert_accessible(page, axe_source)

    # A missing subject is reported next to the field, and the text typed stays.
    page.locator("#id_body").fill(BODY)
    page.get_by_role("button", name="Envoyer au comité de rédaction").click()
    expect(page.locator("#erreurs")).to_be_visible()
    expect(page.locator("#id_body")).to_have_value(BODY)
    expect(page.locator("#id_subject")).to_have_attribute("aria-invalid", "true")
    assert_accessible(page, axe_source)
    page.locator("#id_subject").fill(SUBJECT)
    page.get_by_label("Santé").check()
    page.get_by_role("button", name="Envoyer au comité de rédaction").click()
    page.wait_for_url(portal("/echanges/"))
    expect(page.get_by_text("transmis au comité de rédaction")).to_be_visible()
    # Waiting: listed for its author only, not yet a thread of the archive.
    expect(page.locator("#en-attente")).to_be_visible()
    assert page.get_by_role("link", name=SUBJECT).count() == 0

    # The committee approves it in the admin.
    committee = new_page()
    log_in(committee, portal, "comite")
    visit(committee, portal("/admin/echanges/"))
    committee.get_by_role("link", name=SUBJECT).click()
    committee.wait_for_url(re.compile(r".*/admin/echanges/\d+/$"))
    committee.get_by_role("button", name="Approuver et envoyer à la liste").click()
    committee.wait_for_url(portal("/admin/echanges/"))
    expect(committee.get_by_text("Message approuvé")).to_be_visible()
    assert not committee.errors, committee.errors

    # The member finds it in the archive, and the thread shows the text.
    visit(page, portal("/echanges/"))
    page.get_by_role("link", name=SUBJECT).click()
    page.wait_for_url(re.compile(r".*/echanges/\d+/$"))
    expect(page.locator("h1")).to_have_text(SUBJECT)
    expect(page.get_by_text("accueil de jour ouverts le dimanche")).to_be_visible()
    assert_accessible(page, axe_source)

    # Another account that is not a member is refused with an explanation.
    other = new_page()
    log_in(other, portal, "contributrice")
    visit(other, portal("/echanges/"), status=403)
    assert_accessible(other, axe_source)
