"""One check for every file the portal accepts: its type is read from its bytes, never trusted from its name.

A file named `.pdf` that holds HTML, or an `.html` or `.js` file, would otherwise be served from the portal's
own origin, where a script could act with an editor's or a jurist's session. The helpdesk's attachments,
the library import and the admin's documents all go through `detect_type`.
"""

from pathlib import PurePath

import filetype

OLE = {"application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint"}
# Types detected from content, by the extensions they may carry. Old Office files share one container
# (OLE), which content alone cannot always tell apart.
TYPES_BY_EXTENSION = {
    "pdf": {"application/pdf"},
    "doc": OLE,
    "xls": OLE,
    "ppt": OLE,
    "docx": {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    "xlsx": {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    "pptx": {"application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    "odt": {"application/vnd.oasis.opendocument.text"},
    "ods": {"application/vnd.oasis.opendocument.spreadsheet"},
    "odp": {"application/vnd.oasis.opendocument.presentation"},
    "rtf": {"application/rtf"},
    "png": {"image/png", "image/apng"},
    "jpg": {"image/jpeg"},
    "jpeg": {"image/jpeg"},
    "gif": {"image/gif"},
    "webp": {"image/webp"},
    "heic": {"image/heic"},
}
# Plain text has no signature: accepted under these extensions when it has no binary or markup in it.
TEXT_TYPES = {"txt": "text/plain", "csv": "text/csv"}
MARKUP = (b"<script", b"<html", b"<!doctype", b"<svg", b"<iframe", b"<?xml")
HEAD_BYTES = 8192


class FileRefused(ValueError):
    """A file whose content is not one of the accepted types (the message is for the person uploading)."""


def read_head(upload):
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    upload.seek(0)
    return head


def extension(name):
    return PurePath(name or "").suffix.lower().lstrip(".")


def detect_type(head, extensions, name=None):
    """The content type of a file starting with `head`, if it is one of the types of `extensions` (and,
    when `name` is given, one its extension may carry); None otherwise."""
    extensions = {ext.lower() for ext in extensions}
    if name is not None:
        if extension(name) not in extensions:
            return None
        extensions = {extension(name)}
    kind = filetype.guess(head)
    if kind is not None:
        allowed = set().union(*(TYPES_BY_EXTENSION.get(ext, set()) for ext in extensions))
        return kind.mime if kind.mime in allowed else None
    text_types = [TEXT_TYPES[ext] for ext in extensions if ext in TEXT_TYPES]
    if text_types and _is_plain_text(head):
        return text_types[0]
    return None


def _is_plain_text(head):
    if b"\0" in head:
        return False
    lowered = head.lower()
    return not any(marker in lowered for marker in MARKUP)


def describe(extensions):
    return ", ".join(sorted(ext.upper() for ext in extensions))
