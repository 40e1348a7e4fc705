"""Attachments: accepted by content (never by name), stored in the private root, never served directly."""

from pathlib import Path

import filetype
from django.conf import settings
from django.core.files.base import ContentFile

from ..models import Attachment

# Types accepted for attachments, detected from the file's first bytes (never from its name):
# PDF, common images and office documents. HTML, SVG, scripts and executables are never detected as these.
ALLOWED_TYPES = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/heic": ".heic",
    "application/msword": ".doc",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
    "application/vnd.oasis.opendocument.text": ".odt",
    "application/vnd.ms-excel": ".xls",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ".xlsx",
    "application/vnd.oasis.opendocument.spreadsheet": ".ods",
    "application/vnd.ms-powerpoint": ".ppt",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation": ".pptx",
    "application/vnd.oasis.opendocument.presentation": ".odp",
    "application/rtf": ".rtf",
}


class AttachmentRefused(ValueError):
    pass


def check_upload(upload):
    """Return the content type detected from `upload`'s bytes, or raise AttachmentRefused (French message)."""
    limit = settings.HELPDESK_MAX_ATTACHMENT_BYTES
    if upload.size > limit:
        raise AttachmentRefused(
            f"Le fichier « {_safe_name(upload.name)} » dépasse la taille maximale de {limit // (1024 * 1024)} Mo."
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    if kind is None or kind.mime not in ALLOWED_TYPES:
        raise AttachmentRefused(
            f"Le fichier « {_safe_name(upload.name)} » n'est pas accepté : seuls les PDF, images (JPEG, PNG) et "
            "documents bureautiques (Word, Excel, LibreOffice) le sont."
        )
    return kind.mime


def _safe_name(name):
    name = Path(name or "document").name
    cleaned = "".join(ch for ch in name if ch.isprintable() and ch not in '"\\/<>:;|*?')
    return cleaned[:120] or "document"


def store_attachment(ticket, upload, message=None, content_type=None):
    content_type = content_type or check_upload(upload)
    upload.seek(0)
    data = upload.read()
    attachment = Attachment(
        ticket=ticket,
        message=message,
        original_name=_safe_name(upload.name),
        content_type=content_type,
        size=len(data),
    )
    attachment.file.save("x" + ALLOWED_TYPES[content_type], ContentFile(data), save=False)
    attachment.save()
    return attachment
