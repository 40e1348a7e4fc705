"""Journey: a professional subscribes to a theme, confirms from the email, receives the next alert after
a resource is published, and unsubscribes in one click from the email's header (RFC 8058), as a mail client
does. Axe audit of every new page, the archive of newsletters included."""

import json
import re

from playwright.sync_api import expect

from .helpers import assert_accessible, visit

ADDRESS = "abonnee.parcours@example.org"
TITLE = "Note pratique : la scolarisation des jeunes évalués majeurs"


def last_email_to(portal, address, subject=""):
    for message in reversed(portal.emails()):
        if address in message["To"] and subject in message["Subject"]:
            return message
    raise AssertionError(f"no email to {address} about {subject!r}")


def path_in(message, pattern):
    body = message.get_body(preferencelist=("plain",)).get_content()
    match = re.search(rf"https?://[^/\s]+(/abonnements/{pattern}/[^\s]+/)", body)
    assert match, body
    return match.group(1)


def test_subscribe_confirm_receive_and_unsubscribe(portal, page, axe_source, tmp_path):
    visit(page, portal("/"))
    page.get_by_role("link", name="Alertes et lettre d'information").click()
    page.wait_for_url(portal("/abonnements/"))
    assert_accessible(page, axe_source)

    # A refused form keeps what was typed and says why, next to the field.
    page.get_by_label("Votre adresse électronique").fill(ADDRESS)
    page.get_by_role("button", name="M'abonner").click()
    expect(page.locator(".error-summary")).to_contain_text("Cochez cette case pour vous abonner.")
    expect(page.get_by_label("Votre adresse électronique")).to_have_value(ADDRESS)
    assert_accessible(page, axe_source)

    page.get_by_label(re.compile("^Évaluation de la minorité")).check()
    page.get_by_label("Dès la publication").check()
    page.get_by_label(re.compile("^J'accepte")).check()
    page.get_by_role("button", name="M'abonner").click()
    expect(page.locator("h1")).to_have_text("Vérifiez vos courriels")
    assert_accessible(page, axe_source)

    # Nothing but the confirmation before the address is confirmed.
    confirmation = last_email_to(portal, ADDRESS)
    assert "confirmez votre abonnement" in confirmation["Subject"]
    visit(page, portal(path_in(confirmation, "confirmer")))
    assert_accessible(page, axe_source)
    page.get_by_role("button", name="Confirmer mon abonnement").click()
    expect(page.locator("h1")).to_have_text("Votre abonnement est confirmé")
    assert_accessible(page, axe_source)

    # The committee publishes a resource on that theme; the scheduled job sends the alert.
    line = {
        "external_id": "parcours-abonnement-1",
        "title": TITLE,
        "kind": "guide",
        "summary": "Ce que peut faire l'établissement scolaire pendant le recours devant le juge des enfants.",
        "body_html": "<p>Le recours n'interrompt pas la scolarité : l'établissement garde l'élève inscrit.</p>",
        "date": "2026-11-30",
        "themes": ["evaluation-minorite"],
    }
    source = tmp_path / "ressource.jsonl"
    source.write_text(json.dumps(line, ensure_ascii=False) + "\n", encoding="utf-8")
    portal.manage("import_resources", str(source))
    portal.manage("newsletter_send_digests", "--frequency", "immediate")
    alert = last_email_to(portal, ADDRESS, "nouvelle publication")
    text = alert.get_body(preferencelist=("plain",)).get_content()
    html = alert.get_body(preferencelist=("html",)).get_content()
    assert TITLE in text and TITLE in html
    assert "<img" not in html

    # The manage page works without an account.
    manage = path_in(alert, "gerer")
    visit(page, portal(manage))
    expect(page.locator("h1")).to_have_text("Gérer mes abonnements")
    assert_accessible(page, axe_source)

    # One click from the mail client: a POST to the List-Unsubscribe address, no cookie, no token.
    assert alert["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    target = "".join(str(alert["List-Unsubscribe"]).split()).strip("<>")  # folded when long
    response = page.request.post(
        target,
        data="List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status == 200
    visit(page, portal(manage), status=404)
    expect(page.locator("h1")).to_have_text("Ce lien n'est plus valable")


def test_newsletter_archive_is_accessible(portal, page, axe_source):
    visit(page, portal("/lettre/"))
    expect(page.locator("h1")).to_have_text("Lettre d'information")
    assert_accessible(page, axe_source)
    page.get_by_role("link", name=re.compile("Lettre de novembre")).click()
    expect(page.locator("h1")).to_contain_text("Lettre de novembre")
    assert_accessible(page, axe_source)
