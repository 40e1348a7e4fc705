"""The letter as a file, made in memory and returned: DOCX (python-docx; opens in Word and LibreOffice) and
PDF (WeasyPrint, text selectable). Both write the letter's parts as text: nothing the committee or the
user typed is interpreted."""

import io

from django.template.loader import render_to_string
from docx import Document
from docx.enum.text import WD_BREAK
from docx.shared import Cm, Pt

from core.pdf import pdf_from_html

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# Styles set off on the right half of the page, as French letters place the addressee, place and date.
INDENTED = {"destinataire", "lieu_date", "signature"}
AUTHOR = "Portail MNA"


def docx_bytes(page, parts):
    document = Document()
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2)
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    properties = document.core_properties
    properties.title, properties.author, properties.last_modified_by = page.title, AUTHOR, AUTHOR
    properties.comments = ""
    for part in parts:
        if part.items:
            if part.title:
                document.add_paragraph(part.title)
            for item in part.items:
                document.add_paragraph(item, style="List Bullet")
            continue
        paragraph = document.add_paragraph()
        for number, line in enumerate(part.lines):
            if number:
                paragraph.add_run().add_break(WD_BREAK.LINE)
            run = paragraph.add_run(line)
            run.bold = part.style == "objet"
        if part.style in INDENTED:
            paragraph.paragraph_format.left_indent = Cm(9)
        if part.style in ("expediteur", "destinataire"):
            paragraph.paragraph_format.space_after = Pt(18)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def pdf_bytes(page, parts):
    return pdf_from_html(
        render_to_string("letters/letter_pdf.html", {"page": page, "parts": parts})
    )
