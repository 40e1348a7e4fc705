import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    + b"\x00" * 64
)
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'
EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 48
    + b"PE\x00\x00"
    + b"\x00" * 64
)


def upload(name="piece.pdf", data=PDF, content_type="application/pdf"):
    return SimpleUploadedFile(name, data, content_type=content_type)


@pytest.fixture(autouse=True)
def private_root(settings, tmp_path):
    settings.HELPDESK_PRIVATE_ROOT = tmp_path / "private"
    settings.HELPDESK_NOTIFY_EMAIL = ""
    cache.clear()
    yield settings.HELPDESK_PRIVATE_ROOT
    cache.clear()


@pytest.fixture
def valid_data(db):
    return {
        "requester_name": "Camille Martin",
        "requester_email": "camille.martin@example.org",
        "requester_phone": "01 23 45 67 89",
        "profession": "educateur",
        "structure": "Foyer Les Tilleuls",
        "departement": "93",
        "topic": "autorisation-provisoire-travail",
        "age_band": "16-18",
        "care_status": "ase",
        "question": "Un jeune confié à l'ASE a trouvé un apprentissage : comment demander l'autorisation de travail ?",
        "consent": "on",
        "website": "",
    }


@pytest.fixture
def ticket(db):
    from helpdesk.factories import TicketFactory

    return TicketFactory()


@pytest.fixture
def ticket_with_token(ticket):
    from helpdesk.services import issue_token

    return ticket, issue_token(ticket)
