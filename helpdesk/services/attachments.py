"""Attachments: accepted by content (never by name), stored in the private root, never served directly."""

from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.db.models import Count, Sum
from django.template.defaultfilters import filesizeformat

from core.uploads import detect_type, read_head

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
ATTACHMENT_EXTENSIONS = {extension.lstrip(".") for extension in ALLOWED_TYPES.values()}


class AttachmentRefused(ValueError):
    pass


def _size(size):
    return filesizeformat(size).replace("\xa0", " ")


def check_upload(upload):
    """Return the content type detected from `upload`'s bytes, or raise AttachmentRefused (French message)."""
    limit = settings.HELPDESK_MAX_ATTACHMENT_BYTES
    if upload.size > limit:
        raise AttachmentRefused(
            f"Le fichier « {_clean_name(upload.name)} » dépasse la taille maximale de {_size(limit)}."
        )
    mime = detect_type(read_head(upload), ATTACHMENT_EXTENSIONS)
    if mime not in ALLOWED_TYPES:
        raise AttachmentRefused(
            f"Le fichier « {_clean_name(upload.name)} » n'est pas accepté : seuls les PDF, images (JPEG, PNG) et "
            "documents bureautiques (Word, Excel, LibreOffice) le sont."
        )
    return mime


def check_quota(uploads, ticket=None, access=None):
    """Refuse `uploads` ([(upload, content_type)]) that would take the ticket past its quota of files and
    bytes, or the follow-up link `access` past its quota of uploads (a leaked link cannot fill the disk)."""
    if not uploads:
        return
    count, size = len(uploads), sum(upload.size for upload, _type in uploads)
    held = {"files": 0, "bytes": 0}
    if ticket is not None:
        held = ticket.attachments.aggregate(files=Count("pk"), bytes=Sum("size", default=0))
    max_files, max_bytes = (
        settings.HELPDESK_TICKET_MAX_ATTACHMENTS,
        settings.HELPDESK_TICKET_MAX_ATTACHMENT_BYTES,
    )
    if held["files"] + count > max_files or held["bytes"] + size > max_bytes:
        already = (
            f" ; elle en a déjà {held['files']} ({_size(held['bytes'])})"
            if ticket is not None
            else ""
        )
        raise AttachmentRefused(
            f"Une demande ne peut pas recevoir plus de {max_files} documents ni plus de "
            f"{_size(max_bytes)} au total{already}. Retirez des documents ou envoyez votre message "
            "sans document."
        )
    if access is not None and access.uploads + count > settings.HELPDESK_TOKEN_MAX_UPLOADS:
        raise AttachmentRefused(
            f"Ce lien de suivi a déjà servi à envoyer {access.uploads} documents, la limite est de "
            f"{settings.HELPDESK_TOKEN_MAX_UPLOADS}. Envoyez votre message sans document, ou utilisez le lien "
            "du dernier courriel reçu de la permanence."
        )


def _clean_name(name):
    name = Path(name or "document").name
    cleaned = "".join(ch for ch in name if ch.isprintable() and ch not in '"\\/<>:;|*?')
    return cleaned[:120] or "document"


def safe_name(name, content_type):
    """The name a file is kept and downloaded under: its extension is the detected type's, and no other
    extension survives inside it (« rapport.pdf.html » read as PDF is « rapport_pdf.pdf », « x.php.pdf »
    is « x_php.pdf »), so nothing downstream takes it for markup or a script."""
    extension = ALLOWED_TYPES[content_type]
    cleaned = _clean_name(name)
    path = Path(cleaned)
    stem = path.stem if path.suffix else cleaned
    stem = stem.replace(".", "_").strip("_ ")[: 120 - len(extension)]
    return (stem or "document") + extension


@contextmanager
def files_removed_on_failure():
    """Collects the attachments stored in a block; if the block fails (its transaction rolls back),
    their files are deleted too, so that no private file outlives the rows that pointed to it."""
    stored = []
    try:
        yield stored
    except BaseException:
        for attachment in stored:
            attachment.delete_file()
        raise


def store_attachment(ticket, upload, message=None, content_type=None):
    content_type = content_type or check_upload(upload)
    upload.seek(0)
    data = upload.read()
    attachment = Attachment(
        ticket=ticket,
        message=message,
        original_name=safe_name(upload.name, content_type),
        content_type=content_type,
        size=len(data),
    )
    attachment.file.save("x" + ALLOWED_TYPES[content_type], ContentFile(data), save=False)
    attachment.save()
    return attachment
