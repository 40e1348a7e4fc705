"""Journey 5: a professional asks the legal helpdesk with an attachment, follows the link of the
acknowledgement email; a jurist claims the request in the admin and answers with a canned answer; the
professional reads the answer, never the internal note. And the form's errors, for keyboard and screen
reader users."""

import re

from playwright.sync_api import expect

from .helpers import assert_accessible, log_in, visit

QUESTION = (
    "Un jeune confié à l'ASE depuis ses 15 ans commence un apprentissage en septembre en Lozère. "
    "Qui dépose la demande d'autorisation de travail, et dans quel délai ?"
)
NOTE = "Note interne : vérifier la date exacte du placement avant de répondre."
# The smallest file the helpdesk accepts as a PDF (it checks the content, not the name).
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def choose(page, label, text):
    """Select the option of the `label` list whose text contains `text`."""
    select = page.get_by_label(label)
    value = select.locator("option", has_text=text).first.get_attribute("value")
    select.select_option(value)


def fill_request(page, email):
    page.get_by_label("Vos nom et prénom").fill("Camille Martin")
    page.get_by_label("Votre adresse électronique").fill(email)
    choose(page, "Votre profession", "Éducateur")
    page.get_by_label("Votre structure").fill("Service éducatif de Mende")
    choose(page, "Département concerné", "Lozère")
    choose(page, "Sujet de la question", "Autorisation provisoire de travail")
    choose(page, "Âge du jeune", "16 à 18 ans")
    choose(page, "Situation de prise en charge", "Confié à l'ASE")
    page.get_by_label("Votre question").fill(QUESTION)
    page.get_by_label("Documents").set_input_files(
        {"name": "contrat-apprentissage.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    page.get_by_label("J'accepte").check()


def follow_up_path(portal, address):
    for message in reversed(portal.emails()):
        if address in message["To"]:
            body = message.get_body(preferencelist=("plain",)).get_content()
            match = re.search(r"https?://[^/\s]+(/permanence/suivi/[^\s]+/)", body)
            assert match, body
            assert QUESTION[:40] not in body, "the email must not repeat the question"
            return match.group(1)
    raise AssertionError(f"no email to {address}: {[m['To'] for m in portal.emails()]}")


def test_question_answer_and_follow_up(portal, page, new_page, axe_source):
    visit(page, portal("/"))
    page.get_by_role("navigation", name="Menu principal").get_by_role(
        "link", name="Permanence juridique"
    ).click()
    page.wait_for_url(portal("/permanence/"))
    fill_request(page, "camille.martin@example.org")
    page.get_by_role("button", name="Envoyer ma question").click()
    expect(page.locator("h1")).to_have_text("Votre demande est bien enregistrée")

    # The acknowledgement carries the private follow-up link.
    follow_up = follow_up_path(portal, "camille.martin@example.org")
    visit(page, portal(follow_up))
    expect(page.locator("h1")).to_have_text("Suivi de votre demande")
    expect(page.locator("main")).to_contain_text(QUESTION)
    expect(page.get_by_role("link", name=re.compile("contrat-apprentissage.pdf"))).to_be_visible()
    assert_accessible(page, axe_source)

    # A jurist finds it in the queue, claims it, leaves a note and answers with a canned answer.
    jurist = new_page()
    log_in(jurist, portal, "juriste")
    visit(jurist, portal("/admin/"))
    jurist.get_by_role("button", name="Permanence juridique").click()
    jurist.get_by_role("link", name="File des demandes").click()
    choose(jurist, "Département", "Lozère")
    jurist.get_by_role("button", name="Filtrer").click()
    jurist.get_by_role("link", name=re.compile(r"Demande n° \d+")).first.click()
    expect(jurist.locator("main")).to_contain_text(QUESTION)
    jurist.get_by_role("button", name="Prendre cette demande").click()
    expect(jurist.locator("main")).to_contain_text("Juriste")
    jurist.locator("#id_note_body").fill(NOTE)
    jurist.get_by_role("button", name="Ajouter la note").click()
    expect(jurist.locator("main")).to_contain_text(NOTE)
    canned = jurist.locator("#id_canned")
    canned.select_option(
        canned.locator("option", has_text="Autorisation provisoire de travail").get_attribute(
            "value"
        )
    )
    # The canned answer goes into the answer box, where the jurist reads and edits it before sending.
    jurist.get_by_role("button", name="Insérer dans la réponse").click()
    expect(jurist.locator("#id_body")).to_have_value(
        re.compile("l'autorisation de travail est de droit")
    )
    jurist.get_by_role("button", name="Publier la réponse").click()
    expect(jurist.locator("main")).to_contain_text("l'autorisation de travail est de droit")
    assert not jurist.errors, jurist.errors  # no Content-Security-Policy violation in the admin

    # The professional reads the answer on the follow-up page, and never the note.
    page.reload()
    expect(page.locator("main")).to_contain_text("Réponse de la permanence")
    expect(page.locator("main")).to_contain_text("l'autorisation de travail est de droit")
    assert NOTE not in page.content()
    assert "vérifier la date exacte" not in page.content()

    # And completes the request from the same page.
    page.get_by_label("Votre message").fill("Merci, le contrat commence le 1er septembre.")
    page.get_by_role("button", name="Envoyer", exact=True).click()
    expect(page.get_by_text("Votre message a été ajouté à votre demande.")).to_be_visible()
    expect(page.locator("main")).to_contain_text("le contrat commence le 1er septembre")


def test_form_errors_are_announced_and_linked_to_their_fields(portal, page, axe_source):
    visit(page, portal("/permanence/"))
    page.get_by_label("Votre adresse électronique").fill("pas-une-adresse")
    page.get_by_role("button", name="Envoyer ma question").click()
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    assert summary.get_attribute("role") == "alert"
    # The summary takes the focus, so a screen reader reads it first and a keyboard user starts there.
    assert page.evaluate("() => document.activeElement.id") == "erreurs"
    assert_accessible(page, axe_source)

    email = page.get_by_label("Votre adresse électronique")
    assert email.get_attribute("aria-invalid") == "true"
    described = email.get_attribute("aria-describedby").split()
    messages = " ".join(page.locator(f"#{ident}").inner_text() for ident in described)
    assert "adresse électronique valide" in messages
    # Each summary link leads to its field, with the keyboard.
    link = summary.get_by_role("link", name=re.compile("Votre question"))
    link.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == "id_question"
    assert page.get_by_label("Votre question").get_attribute("aria-invalid") == "true"
    # What was typed is kept.
    assert email.input_value() == "pas-une-adresse"
