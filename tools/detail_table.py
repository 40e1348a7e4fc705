"""The detail table a département keeps (one line per young person): its template, reading an uploaded
CSV or XLSX in memory, and the export of a calculation in the same layout.

Reading never touches the disk: the upload is in memory (see `uploads.py`), openpyxl reads it from there,
and exported workbooks are written through `xlsx_bytes`, which keeps openpyxl's worksheet buffers in memory
(its default writer spools them to temporary files). Every text cell exported goes through
`core.spreadsheet.neutralise_formula`.
"""

import csv
import dataclasses
import datetime
import io
import unicodedata
import zipfile

from openpyxl import Workbook, load_workbook
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing as WorksheetDrawing
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter

from core.spreadsheet import neutralise_formula, restore_neutralised
from core.uploads import describe, detect_type, read_head

from .funding import DetailLine

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
EXTENSIONS = {"csv", "xlsx"}
MAX_LINES = 2000
MAX_COLUMNS = 50
MAX_UNPACKED_BYTES = 50 * 1024 * 1024
# Rows read at most (blank ones included) before giving up on a sheet that is not the detail table.
MAX_ROWS_READ = 5 * MAX_LINES
DATE_FORMATS = ("%d/%m/%Y", "%d/%m/%y", "%Y-%m-%d", "%d-%m-%Y", "%d.%m.%Y")
TOTAL_LABEL = "Total"
TOTAL_KEY = "total"
YES = {"oui", "o", "x", "1", "vrai", "yes", "y"}
NO = {"non", "n", "0", "faux", "no", ""}


@dataclasses.dataclass(frozen=True)
class Column:
    key: str
    header: str
    kind: str  # text, date or yesno
    help: str
    aliases: tuple = ()
    required: bool = True


COLUMNS = [
    Column(
        "reference",
        "Référence",
        "text",
        "Votre numéro interne de dossier (jamais le nom du jeune). Facultatif.",
        ("numero", "n", "ref"),
        required=False,
    ),
    Column(
        "shelter_start",
        "Début de mise à l'abri",
        "date",
        "Premier jour de l'accueil provisoire d'urgence (JJ/MM/AAAA).",
        ("debutmisealabri", "datededebutdemisealabri", "debut"),
    ),
    Column(
        "shelter_end",
        "Fin de mise à l'abri",
        "date",
        "Dernier jour de l'accueil provisoire d'urgence (JJ/MM/AAAA), compté aussi.",
        ("finmisealabri", "datedefindemisealabri", "fin"),
    ),
    Column(
        "evaluation_date",
        "Date de fin d'évaluation",
        "date",
        "Date de la décision sur la minorité et l'isolement (JJ/MM/AAAA) ; vide si la personne n'a "
        "pas été évaluée.",
        ("dateevaluation", "datedevaluation", "evaluation"),
    ),
    Column(
        "conditions_met",
        "Conditions remplies (oui/non)",
        "yesno",
        "Oui si la convention avec le préfet est signée (ou ses mesures prises) et si les dates et le "
        "sens des décisions ont été transmis à la préfecture.",
        ("conditionsremplies", "conditions"),
    ),
    Column(
        "attested",
        "Attestation hébergement et accompagnement (oui/non)",
        "yesno",
        "Oui si le président du conseil départemental atteste un hébergement adapté et un premier "
        "accompagnement social (exigé pour la 2e phase de mise à l'abri).",
        ("attestation", "attestationhebergementetaccompagnement"),
    ),
]
RESULT_HEADERS = [
    "Jours de mise à l'abri",
    "Jours 1re phase",
    "Montant 1re phase (€)",
    "Jours 2e phase",
    "Montant 2e phase (€)",
    "Montant évaluation (€)",
    "Montant total (€)",
    "Alertes et erreurs",
]


class TableRefused(ValueError):
    """The file cannot be read as the detail table (the message is for the person who sent it)."""


def normalise(header):
    """« Début de mise à l'abri » → « debutdemisealabri » (accents, case, punctuation and any
    parenthesised note left out)."""
    text = str(header or "").split("(")[0]
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return "".join(char for char in text if char.isalnum())


HEADER_KEYS = {}
for _column in COLUMNS:
    for _name in (_column.header, _column.key, *_column.aliases):
        HEADER_KEYS.setdefault(normalise(_name), _column.key)


def cell_text(value):
    """A cell as the text a person would read in it."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime | datetime.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return restore_neutralised(str(value).strip())


# Reading -------------------------------------------------------------------------------------------


def read_upload(upload):
    """The lines of an uploaded detail table (each with its errors), or TableRefused."""
    kind = detect_type(read_head(upload), EXTENSIONS, upload.name)
    if kind is None:
        raise TableRefused(
            "Ce fichier n'est pas un tableau CSV ou XLSX (son contenu a été vérifié, pas seulement son "
            f"nom). Formats acceptés : {describe(EXTENSIONS)}."
        )
    upload.seek(0)
    rows = _xlsx_rows(upload) if kind == XLSX_TYPE else _csv_rows(upload.read())
    return lines_from_rows(rows)


def _csv_rows(data):
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode(
            "cp1252", errors="replace"
        )  # Excel's « CSV (séparateur : point-virgule) »
    first_line = text.lstrip().split("\n", 1)[0]
    delimiter = max(";,\t", key=first_line.count)
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as error:
        raise TableRefused(f"Le fichier CSV n'a pas pu être lu ({error}).") from error


def _xlsx_rows(upload):
    try:
        with zipfile.ZipFile(upload) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except zipfile.BadZipFile:
        unpacked = 0  # refused by openpyxl below, with the same message
    if unpacked > MAX_UNPACKED_BYTES:  # a « zip bomb »: a few kilobytes that unpack to gigabytes
        raise TableRefused(
            "Ce classeur XLSX est trop volumineux une fois décompressé : enregistrez le tableau de "
            "détail seul, ou en CSV."
        )
    upload.seek(0)
    try:
        workbook = load_workbook(upload, read_only=True, data_only=True)
    except (
        InvalidFileException,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        OSError,
        TypeError,
    ) as error:
        raise TableRefused(
            "Ce classeur XLSX n'a pas pu être lu : il est peut-être endommagé ou protégé par un mot de "
            "passe. Enregistrez-le de nouveau depuis votre tableur, ou en CSV."
        ) from error
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for index, row in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True)):
            if index >= MAX_ROWS_READ:
                break
            rows.append(list(row))
        return rows
    finally:
        workbook.close()


def lines_from_rows(rows):
    """DetailLines from the rows of a table whose first non-empty row names the columns, down to the
    « Total » line of an export (so that an exported result can be uploaded again)."""
    rows = iter(enumerate(rows, start=1))
    positions = None
    for _, row in rows:
        if any(cell_text(cell) for cell in row):
            positions = _header_positions(row)
            break
    if positions is None:
        raise TableRefused("Le tableau est vide.")
    lines = []
    for number, row in rows:
        values = [
            cell_text(row[positions[column.key]])
            if column.key in positions and positions[column.key] < len(row)
            else ""
            for column in COLUMNS
        ]
        if not any(value for value, column in zip(values, COLUMNS, strict=True) if column.required):
            if normalise(values[0]) == TOTAL_KEY:
                break  # the total line of an exported result: its summary follows
            continue  # a blank line
        if len(lines) == MAX_LINES:
            raise TableRefused(
                f"Le tableau a plus de {MAX_LINES} lignes : découpez-le (un fichier par trimestre)."
            )
        lines.append(parse_line(number, values))
    if not lines:
        raise TableRefused("Le tableau ne contient aucune ligne sous ses intitulés de colonnes.")
    return lines


def _header_positions(row):
    positions = {}
    for index, cell in enumerate(row):
        key = HEADER_KEYS.get(normalise(cell_text(cell)))
        if key and key not in positions:
            positions[key] = index
    missing = [
        column.header for column in COLUMNS if column.required and column.key not in positions
    ]
    if len(missing) == len([column for column in COLUMNS if column.required]):
        raise TableRefused(
            "Ce fichier ne ressemble pas au tableau de détail : sa première ligne doit reprendre les "
            "intitulés des colonnes du modèle à télécharger sur cette page."
        )
    if missing:
        raise TableRefused(
            "Colonnes manquantes : " + ", ".join(f"« {header} »" for header in missing) + "."
        )
    return positions


def parse_date(text):
    for date_format in DATE_FORMATS:
        try:
            day = datetime.datetime.strptime(text, date_format).date()
        except ValueError:
            continue
        if 2000 <= day.year <= 2100:
            return day
    raise ValueError


def parse_line(number, values):
    """A DetailLine from its cells' texts, each unreadable cell reported in French."""
    line = DetailLine(number=number, values=list(values))
    for column, text in zip(COLUMNS, values, strict=True):
        if column.kind == "text":
            setattr(line, column.key, text)
        elif column.kind == "date":
            if not text:
                continue
            try:
                setattr(line, column.key, parse_date(text.split(" ")[0]))
            except ValueError:
                line.errors.append(
                    f"« {column.header} » : « {text} » n'est pas une date (attendu JJ/MM/AAAA)."
                )
        else:
            answer = text.lower()
            if answer in YES or answer in NO:
                setattr(line, column.key, answer in YES)
            else:
                line.errors.append(f"« {column.header} » : « {text} » : répondez oui ou non.")
    if not line.errors:
        line.check()
    return line


# Writing -------------------------------------------------------------------------------------------


class MemoryExcelWriter(ExcelWriter):
    """openpyxl's writer with each worksheet's XML built in memory instead of a temporary file."""

    def write_worksheet(self, ws):
        ws._drawing = WorksheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        writer = WorksheetWriter(ws, out=io.BytesIO())
        writer.write()
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.read())
        self.manifest.append(ws)


def xlsx_bytes(workbook):
    buffer = io.BytesIO()
    archive = zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)
    MemoryExcelWriter(workbook, archive).save()
    return buffer.getvalue()


def _text(value):
    return neutralise_formula(value) if value else ""


def _bold_header(sheet, headers):
    sheet.append([_text(header) for header in headers])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers):
        sheet.column_dimensions[sheet.cell(1, index + 1).column_letter].width = max(14, len(header))


def template_csv():
    return _csv([[column.header for column in COLUMNS]])


def template_xlsx():
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Détail"
    _bold_header(sheet, [column.header for column in COLUMNS])
    help_sheet = workbook.create_sheet("Aide")
    help_sheet.append(["Colonne", "Ce qu'elle contient"])
    for column in COLUMNS:
        help_sheet.append([column.header, column.help])
    help_sheet.column_dimensions["A"].width = 45
    help_sheet.column_dimensions["B"].width = 100
    return xlsx_bytes(workbook)


def _decimal_text(amount):
    return f"{amount:.2f}".replace(".", ",")


def _result_cells(result, number):
    """The computed cells of one line: numbers (or text amounts for CSV through `number`)."""
    shelter = result.shelter
    notes = [*(f"Erreur : {error}" for error in result.line.errors), *result.flags]
    if not result.counted:
        return ["", "", "", "", "", "", number(result.total), " ".join(notes)]
    return [
        shelter.days,
        shelter.first_days,
        number(shelter.first_amount),
        shelter.extended_days,
        number(shelter.extended_amount),
        number(result.evaluation_amount),
        number(result.total),
        " ".join(notes),
    ]


def _summary(claim):
    return [
        ["Trimestre", claim.quarter.label()],
        ["Règles appliquées", f"{claim.rule.title} : {claim.rule.legal_basis}"],
        ["Date limite de la demande", claim.deadline.strftime("%d/%m/%Y")],
    ]


def export_csv(claim):
    rows = [[column.header for column in COLUMNS] + RESULT_HEADERS]
    for result in claim.lines:
        rows.append(result.line.values + _result_cells(result, _decimal_text))
    rows.append([])
    rows.append([TOTAL_LABEL, *[""] * (len(COLUMNS) + 5), _decimal_text(claim.total)])
    rows += _summary(claim)
    return _csv(rows)


def _csv(rows):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    for row in rows:
        writer.writerow([cell if isinstance(cell, int) else _text(cell) for cell in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def export_xlsx(claim):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Détail"
    _bold_header(sheet, [column.header for column in COLUMNS] + RESULT_HEADERS)
    for result in claim.lines:
        cells = []
        for column, text in zip(COLUMNS, result.line.values, strict=True):
            value = getattr(result.line, column.key) if not result.line.errors else None
            if column.kind == "date" and isinstance(value, datetime.date):
                cells.append(value)
            else:
                cells.append(_text(text))
        sheet.append(
            cells
            + [
                _text(cell) if isinstance(cell, str) else cell
                for cell in _result_cells(result, float)
            ]
        )
        for cell in sheet[sheet.max_row][: len(COLUMNS)]:
            if isinstance(cell.value, datetime.date):
                cell.number_format = "DD/MM/YYYY"
    sheet.append([])
    sheet.append([TOTAL_LABEL, *[None] * (len(COLUMNS) + 5), float(claim.total)])
    summary = workbook.create_sheet("Résumé")
    for row in _summary(claim):
        summary.append([_text(cell) for cell in row])
    summary.append(["Montant total (€)", float(claim.total)])
    summary.column_dimensions["A"].width = 30
    summary.column_dimensions["B"].width = 100
    return xlsx_bytes(workbook)
