"""PDF documents drawn by the portal itself (WeasyPrint), from HTML that holds everything inline."""


def pdf_from_html(html):
    # Imported on use: WeasyPrint loads Pango, which no other page needs.
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    # Nothing is fetched while drawing: only inline `data:` URIs are read; a file or URL is refused
    # (WeasyPrint logs a warning and draws the rest).
    return HTML(string=html, url_fetcher=URLFetcher(allowed_protocols={"data"})).write_pdf()
