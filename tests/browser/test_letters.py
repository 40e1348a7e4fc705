"""Journey: a social worker prepares the juge des enfants request of a young person step by step with the
keyboard and the mouse, goes back without losing anything, is told what is missing, reads the letter and
downloads it as PDF and DOCX. The index and each screen pass the axe audit."""

import io
from pathlib import Path

from docx import Document
from playwright.sync_api import expect
from pypdf import PdfReader

from .helpers import assert_accessible, visit

TITLE = "Saisir le juge des enfants après un refus de prise en charge"


def focused_id(page):
    return page.evaluate("() => document.activeElement && document.activeElement.id")


def test_guided_letter_back_and_forth_and_downloads(portal, page, axe_source):
    visit(page, portal("/outils/courriers/"))
    expect(page.locator("h1")).to_have_text("Courriers types")
    expect(page.locator("main")).to_contain_text("Vos réponses ne sont pas conservées")
    assert_accessible(page, axe_source)
    page.get_by_role("link", name=TITLE).click()
    expect(page.locator("h1")).to_have_text(TITLE)
    expect(page.locator("#etape")).to_have_text("Étape 1 sur 4 : Vous")
    assert_accessible(page, axe_source)

    # Step 1, with one answer missing: the error is announced, linked to its field, and focused.
    page.get_by_label("Vos nom et prénom").fill("Moussa <b>Koné</b> {{ tribunal }}")
    page.get_by_label("Votre date de naissance").fill("2009-04-12")
    page.get_by_label("Votre lieu et pays de naissance").fill("Bamako (Mali)")
    page.get_by_role("button", name="Étape suivante").click()
    expect(page.locator("#erreurs")).to_be_visible()
    assert focused_id(page) == "erreurs"
    nationality = page.get_by_label("Votre nationalité")
    assert "id_reponse-nationalite-error" in nationality.get_attribute("aria-describedby")
    expect(page.get_by_label("Vos nom et prénom")).to_have_value(
        "Moussa <b>Koné</b> {{ tribunal }}"
    )
    assert_accessible(page, axe_source)
    nationality.fill("malienne")
    page.get_by_label("Adresse où le tribunal peut vous écrire").fill(
        "Association Accueil\n12 rue des Lilas\n93000 Bobigny"
    )
    page.get_by_role("button", name="Étape suivante").click()

    # Step 2: the focus is on the new step's heading; going back keeps step 1 and what was typed here.
    expect(page.locator("#etape")).to_have_text("Étape 2 sur 4 : Le refus")
    assert focused_id(page) == "etape"
    page.get_by_label("Département qui a refusé de vous prendre en charge").fill(
        "Seine-Saint-Denis"
    )
    page.get_by_role("button", name="Étape précédente").click()
    expect(page.locator("#etape")).to_have_text("Étape 1 sur 4 : Vous")
    expect(page.get_by_label("Votre nationalité")).to_have_value("malienne")
    page.get_by_role("button", name="Étape suivante").click()
    expect(page.get_by_label("Département qui a refusé de vous prendre en charge")).to_have_value(
        "Seine-Saint-Denis"
    )
    page.get_by_label("Date du refus ou de la fin de la mise à l'abri").fill("2026-11-20")
    page.get_by_label("Tribunal judiciaire du lieu où vous vivez").fill(
        "Tribunal judiciaire de Bobigny"
    )
    page.get_by_role("button", name="Étape suivante").click()

    # Step 3 by keyboard: radio buttons in their fieldsets.
    expect(page.locator("#etape")).to_have_text("Étape 3 sur 4 : Votre situation")
    page.get_by_label("À la rue").check()
    page.get_by_role("group", name="Avez-vous des documents d'état civil ?").get_by_label(
        "Oui"
    ).check()
    page.get_by_label("Lesquels ?").fill("extrait d'acte de naissance")
    page.get_by_label("Lesquels ?").press(
        "Enter"
    )  # submits the form: the default button is « Étape suivante »
    expect(page.locator("#etape")).to_have_text("Étape 4 sur 4 : Avocat et interprète")
    page.get_by_role("group", name="Avez-vous un avocat ?").get_by_label("Non").check()
    page.get_by_role("group", name="Avez-vous besoin d'un interprète ?").get_by_label("Oui").check()
    page.get_by_label("Dans quelle langue ?").fill("bambara")
    assert_accessible(page, axe_source)
    page.get_by_role("button", name="Voir le courrier").click()

    # The letter: answers in place, literal, and the conditional paragraphs chosen.
    expect(page.locator("#etape")).to_have_text("Votre courrier")
    letter = page.get_by_role("region", name="Aperçu du courrier")
    expect(letter).to_contain_text("Je m'appelle Moussa <b>Koné</b> {{ tribunal }}.")
    expect(letter).to_contain_text("je dors à la rue")
    expect(letter).to_contain_text("désigné d'office")
    expect(letter).to_contain_text("Langue : bambara.")
    expect(letter).not_to_contain_text("Maître")
    expect(page.locator("main")).to_contain_text("C. civ., art. 375")
    assert_accessible(page, axe_source)

    with page.expect_download() as pdf_download:
        page.get_by_role("button", name="Télécharger en PDF").click()
    pdf = Path(pdf_download.value.path()).read_bytes()
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "Moussa <b>Koné</b> {{ tribunal }}" in text and "Tribunal judiciaire de Bobigny" in text

    with page.expect_download() as docx_download:
        page.get_by_role("button", name="Télécharger en Word (DOCX)").click()
    assert docx_download.value.suggested_filename == "saisine-du-juge-des-enfants.docx"
    document = Document(docx_download.value.path())
    body = "\n".join(p.text for p in document.paragraphs)
    assert "Je m'appelle Moussa <b>Koné</b> {{ tribunal }}." in body

    # Back from the letter to a step: the answers are still there.
    page.get_by_role("button", name="Le refus").click()
    expect(page.get_by_label("Tribunal judiciaire du lieu où vous vivez")).to_have_value(
        "Tribunal judiciaire de Bobigny"
    )
