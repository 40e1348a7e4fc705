"""The portal's PDFs (the activity report, the letters) are drawn without fetching any file or URL."""

import logging

from core.pdf import pdf_from_html


def test_a_pdf_is_drawn_without_fetching_any_file_or_url(caplog):
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = pdf_from_html(
            '<link rel="stylesheet" href="https://cdn.example.org/style.css">'
            '<p>Courrier</p><img src="file:///etc/hostname" alt="">'
        )
    assert pdf.startswith(b"%PDF")
    refused = caplog.text
    assert "https://cdn.example.org/style.css" in refused and "file:///etc/hostname" in refused
    assert refused.count("URI uses disallowed protocol") == 2
