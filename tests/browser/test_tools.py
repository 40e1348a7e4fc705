"""The practical tools: a département's officer downloads the detail-table template, fills it in, uploads
it, reads the total and each line's explanation, and downloads the result; the totals form's errors for
keyboard and screen-reader users; axe-core on /outils/ and the calculator."""

import datetime
import io
from pathlib import Path

from openpyxl import load_workbook
from playwright.sync_api import expect

from .helpers import assert_accessible, tab_until, visit


def fill_template(path):
    """The downloaded template with three young people: 23 days and evaluated, conditions met;
    30 days without the attestation, not evaluated; a line with an impossible date."""
    workbook = load_workbook(io.BytesIO(Path(path).read_bytes()))  # a download has no extension
    sheet = workbook["Détail"]
    sheet.append(
        [
            "D-101",
            datetime.date(2024, 1, 8),
            datetime.date(2024, 1, 30),
            datetime.date(2024, 1, 29),
            "oui",
            "oui",
        ]
    )
    sheet.append(["D-102", "02/02/2024", "02/03/2024", "", "non", "non"])
    sheet.append(["D-103", "31/02/2024", "10/03/2024", "", "oui", "oui"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_upload_the_filled_template_and_download_the_result(portal, page, axe_source):
    visit(page, portal("/outils/"))
    assert_accessible(page, axe_source)
    page.get_by_role("link", name="Calculateur du financement de l'État").click()
    page.wait_for_url(portal("/outils/financement-etat/"))
    expect(page.locator("#rien-n-est-conserve")).to_contain_text("Rien n'est conservé")
    assert_accessible(page, axe_source)

    with page.expect_download() as download_info:
        page.get_by_role("link", name="modèle XLSX").click()
    template = download_info.value
    assert template.suggested_filename == "tableau-detail-mna.xlsx"
    filled = fill_template(template.path())

    upload = page.get_by_role("region", name="Ou calculer ligne par ligne")
    upload.get_by_label("Trimestre").select_option(label="1er trimestre 2024")
    upload.get_by_label("Tableau de détail (CSV ou XLSX)").set_input_files(
        {"name": "detail-t1-2024.xlsx", "mimeType": "application/octet-stream", "buffer": filled}
    )
    upload.get_by_role("button", name="Calculer").click()

    result = page.locator("#resultat")
    expect(result).to_be_focused()
    # 14 × 90 + 9 × 20 + 500 ; 14 × 90 (no attestation, no evaluation) ; the bad line counts nothing.
    expect(result.get_by_role("heading", level=2)).to_have_text(
        "Résultat pour le 1er trimestre 2024 : 3\u202f200,00\u00a0€"
    )
    expect(result).to_contain_text("2023-1240")
    expect(result).to_contain_text("Date limite de la demande à l'ASP : 31 mars 2025")
    expect(result).to_contain_text("Attestation manquante : 9 jours de 2e phase non financés")
    expect(result).to_contain_text(
        "Ligne 4 : « Début de mise à l'abri » : « 31/02/2024 » n'est pas une date"
    )
    assert_accessible(page, axe_source)

    with page.expect_download() as download_info:
        result.get_by_role("button", name="Classeur XLSX").click()
    export = download_info.value
    assert export.suggested_filename == "financement-etat-2024-T1.xlsx"
    rows = list(
        load_workbook(io.BytesIO(Path(export.path()).read_bytes()))["Détail"].iter_rows(
            values_only=True
        )
    )
    assert [row[0] for row in rows[1:4]] == ["D-101", "D-102", "D-103"]
    assert rows[5][0] == "Total" and rows[5][12] == 3200


def test_totals_errors_are_announced_and_linked(portal, page, axe_source):
    visit(page, portal("/outils/financement-etat/"))
    days = page.get_by_label("Durées de mise à l'abri avec l'attestation")
    days.fill("12, 1O")
    tab_until(
        page,
        "el => !!el.closest('section[aria-labelledby=saisie-totaux]') && el.tagName === 'BUTTON'",
    )
    page.keyboard.press("Enter")
    summary = page.locator("#totaux-erreurs")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("« 1O »")
    expect(days).to_have_value("12, 1O")  # nothing typed is lost
    assert days.get_attribute("aria-invalid") == "true"
    assert "id_totaux-attested_days-error" in days.get_attribute("aria-describedby").split()
    assert_accessible(page, axe_source)
    summary.get_by_role("link").first.click()
    expect(days).to_be_focused()
