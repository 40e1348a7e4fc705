"""Reading the detail table (CSV and XLSX, bad lines, files that are not a table) and its export."""

import csv
import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from tools import detail_table
from tools.detail_table import TableRefused, read_upload
from tools.funding import claim_for_lines

from .conftest import HEADERS, Q1_2024, csv_bytes, xlsx_bytes

GOOD = ["A-1", "01/01/2024", "23/01/2024", "20/01/2024", "oui", "oui"]
BAD = ["A-2", "32/01/2024", "05/02/2024", "", "peut-être", "non"]


def upload(name, content):
    return SimpleUploadedFile(name, content)


def test_csv_with_semicolons_and_a_bom():
    lines = read_upload(upload("detail.csv", csv_bytes([GOOD])))
    assert len(lines) == 1
    assert lines[0].reference == "A-1"
    assert lines[0].shelter_start == datetime.date(2024, 1, 1)
    assert lines[0].shelter_days == 23 and lines[0].conditions_met and lines[0].attested


def test_csv_from_excel_in_windows_1252_with_commas():
    headers = [
        "Debut de mise a l'abri",
        "FIN DE MISE À L'ABRI",
        "Date de fin d'évaluation",
        "Conditions",
        "Attestation",
    ]
    content = csv_bytes([["2024-01-01", "02/01/24", "", "Non", "x"]], headers, ",", "cp1252")
    [line] = read_upload(upload("detail.csv", content))
    assert line.errors == []
    assert line.shelter_days == 2 and not line.conditions_met and line.attested
    assert line.number == 2  # the line as the spreadsheet numbers it


def test_xlsx_with_real_dates_and_text_dates():
    rows = [
        [
            "A-1",
            datetime.datetime(2024, 1, 1),
            datetime.datetime(2024, 1, 23),
            "20/01/2024",
            "oui",
            "oui",
        ],
        [None, None, None, None, None, None],  # a blank line is skipped
        ["A-3", "01/02/2024", "03/02/2024", None, "non", None],
    ]
    lines = read_upload(upload("detail.xlsx", xlsx_bytes(rows)))
    assert [line.number for line in lines] == [2, 4]
    assert lines[0].shelter_days == 23 and lines[0].evaluation_date == datetime.date(2024, 1, 20)
    assert lines[1].shelter_days == 3 and lines[1].evaluation_date is None and not lines[1].attested


def test_bad_lines_are_reported_one_by_one_and_good_lines_kept():
    lines = read_upload(upload("detail.csv", csv_bytes([GOOD, BAD, GOOD])))
    assert [bool(line.errors) for line in lines] == [False, True, False]
    assert lines[1].errors == [
        "« Début de mise à l'abri » : « 32/01/2024 » n'est pas une date (attendu JJ/MM/AAAA).",
        "« Conditions remplies (oui/non) » : « peut-être » : répondez oui ou non.",
    ]
    assert lines[1].values == BAD  # nothing typed is lost


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("detail.csv", b"%PDF-1.4\n%%EOF\n", "n'est pas un tableau CSV ou XLSX"),
        ("detail.xlsx", b"%PDF-1.4\n%%EOF\n", "n'est pas un tableau CSV ou XLSX"),
        ("detail.pdf", csv_bytes([GOOD]), "n'est pas un tableau CSV ou XLSX"),
        (
            "detail.csv",
            b"<html><script>alert(1)</script></html>",
            "n'est pas un tableau CSV ou XLSX",
        ),
        (
            "lettre.csv",
            "Madame, Monsieur,\nje vous écris…\n".encode(),
            "ne ressemble pas au tableau",
        ),
        ("detail.csv", b"", "Le tableau est vide."),
        ("detail.csv", csv_bytes([]), "aucune ligne"),
        ("detail.csv", csv_bytes([GOOD[:3]], HEADERS[:3]), "Colonnes manquantes : « Date de fin"),
        ("detail.xlsx", xlsx_bytes([GOOD])[:3000], "n'a pas pu être lu"),  # a truncated workbook
    ],
)
def test_files_that_are_not_the_table_are_refused_clearly(name, content, message):
    with pytest.raises(TableRefused, match=message):
        read_upload(upload(name, content))


def test_too_many_lines(monkeypatch):
    monkeypatch.setattr(detail_table, "MAX_LINES", 3)
    with pytest.raises(TableRefused, match="plus de 3 lignes"):
        read_upload(upload("detail.csv", csv_bytes([GOOD] * 4)))


@pytest.fixture
def claim(rule_2024):
    formula = ['=HYPERLINK("http://x")', "01/01/2024", "30/01/2024", "20/01/2024", "oui", "oui"]
    lines = read_upload(upload("detail.csv", csv_bytes([GOOD, BAD, formula])))
    return claim_for_lines(rule_2024, Q1_2024, lines)


def test_csv_export_keeps_the_layout_neutralises_formulas_and_reads_back(claim):
    content = detail_table.export_csv(claim)
    assert content.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == HEADERS + detail_table.RESULT_HEADERS
    assert rows[1][:6] == GOOD and rows[1][6:13] == [
        "23",
        "14",
        "1260,00",
        "9",
        "180,00",
        "500,00",
        "1940,00",
    ]
    assert rows[2][:6] == BAD and rows[2][12] == "0,00" and "Erreur : « Début" in rows[2][13]
    assert rows[3][0] == '\'=HYPERLINK("http://x")'
    assert "Au-delà de 23 jours" in rows[3][13]
    assert rows[5][0] == "Total" and rows[5][12] == "3880,00"
    assert ["Date limite de la demande", "31/03/2025"] in rows
    # The export can be uploaded again: same lines, same total.
    again = read_upload(upload("export.csv", content))
    assert [line.values for line in again] == [line.line.values for line in claim.lines]


def test_xlsx_export(claim):
    workbook = load_workbook(io.BytesIO(detail_table.export_xlsx(claim)))
    sheet = workbook["Détail"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS + detail_table.RESULT_HEADERS
    assert rows[1][1] == datetime.datetime(2024, 1, 1) and rows[1][12] == 1940
    assert rows[2][1] == "32/01/2024"  # a bad line keeps what was typed
    assert rows[3][0] == '\'=HYPERLINK("http://x")' and sheet.cell(4, 1).data_type == "s"
    assert rows[5][0] == "Total" and rows[5][12] == 3880
    summary = dict(workbook["Résumé"].iter_rows(values_only=True))
    assert summary["Trimestre"] == "1er trimestre 2024"
    assert "2023-1240" in summary["Règles appliquées"]


def test_templates_have_the_columns():
    rows = list(
        csv.reader(io.StringIO(detail_table.template_csv().decode("utf-8-sig")), delimiter=";")
    )
    assert rows == [HEADERS]
    workbook = load_workbook(io.BytesIO(detail_table.template_xlsx()))
    assert [cell.value for cell in workbook["Détail"][1]] == HEADERS
    assert workbook["Aide"].max_row == len(HEADERS) + 1


def test_a_workbook_that_unpacks_to_gigabytes_is_refused(monkeypatch):
    monkeypatch.setattr(detail_table, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(TableRefused, match="trop volumineux une fois décompressé"):
        read_upload(upload("detail.xlsx", xlsx_bytes([GOOD])))
