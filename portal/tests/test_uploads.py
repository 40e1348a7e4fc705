"""Documents: only accepted types whose content matches the extension, served so they cannot run as pages."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from wagtail.documents import get_document_model

from core.uploads import detect_type
from portal.views import serve_media

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HTML = b"<html><body><script>fetch('/admin/permanence/')</script></body></html>"
DOC_EXTENSIONS = ["pdf", "docx", "txt", "csv", "png"]


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("avis.pdf", PDF, "application/pdf"),
        ("AVIS.PDF", PDF, "application/pdf"),
        ("liste.csv", b"a;b\n1;2\n", "text/csv"),
        ("notes.txt", "Évaluation\n".encode(), "text/plain"),
        ("avis.html", HTML, None),
        ("avis.pdf", HTML, None),
        ("avis.png", PDF, None),
        ("notes.txt", HTML, None),
        ("notes.txt", b"\x00\x01binary", None),
        ("avis", PDF, None),
    ],
)
def test_type_comes_from_the_content_and_must_match_the_extension(name, content, expected):
    assert detect_type(content, DOC_EXTENSIONS, name) == expected


def test_without_a_name_any_accepted_content_passes():
    assert detect_type(PDF, ["pdf", "png"]) == "application/pdf"
    assert detect_type(HTML, ["pdf", "png"]) is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("page.html", HTML, "L&#x27;extension de fichier"),
        ("page.pdf", HTML, "ne correspond pas à un type accepté"),
    ],
)
def test_the_admin_refuses_documents_that_are_not_what_they_claim(
    admin_client, name, content, error
):
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "Piège", "file": SimpleUploadedFile(name, content), "collection": 1},
    )
    assert response.status_code == 200
    assert error in response.content.decode()
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
def test_the_admin_accepts_a_real_pdf_and_serves_it_without_script(admin_client, client):
    response = admin_client.post(
        "/admin/documents/add/",
        {"title": "Avis", "file": SimpleUploadedFile("avis.pdf", PDF), "collection": 1},
    )
    assert response.status_code == 302
    document = get_document_model().objects.get()
    served = client.get(document.url)
    assert served.status_code == 200
    assert served["Content-Security-Policy"] == "default-src 'none'"
    assert served["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_documents_other_than_pdf_are_downloaded(client):
    document = get_document_model().objects.create(
        title="Liste", file=SimpleUploadedFile("liste.csv", b"a;b\n")
    )
    response = client.get(document.url)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Security-Policy"] == "default-src 'none'"


def test_media_files_in_development_are_downloads_that_cannot_run(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "page.html").write_bytes(HTML)
    response = serve_media(RequestFactory().get("/media/page.html"), "page.html")
    assert response["Content-Disposition"] == "attachment"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
