"""Nothing a visitor types or uploads in the calculator is written to the database, the logs or the disk.

Disk writes are watched with a Python audit hook: every file opened for writing during the request is
recorded (interpreter byte-code caches aside), which catches temporary files that are deleted at once —
Django's upload spooling, openpyxl's worksheet buffers — and not only files left behind.
"""

import logging
import os
import sys
import tempfile
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from tools import uploads

from .conftest import csv_bytes, xlsx_bytes

pytestmark = pytest.mark.django_db
URL = "/outils/financement-etat/"
SECRET = "REF-SECRET-4711"
ROWS = [
    [SECRET, "01/01/2024", "30/01/2024", "20/01/2024", "oui", "non"],
    [SECRET + "-B", "01/02/2024", "31/02/2024", "", "peut-être", "oui"],
]
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC

_written = None


def _audit(event, args):
    if _written is None or event != "open":
        return
    path, mode, flags = args
    writing = (mode and any(char in mode for char in "wax+")) or (
        isinstance(flags, int) and flags & WRITE_FLAGS
    )
    if writing and not str(path).endswith(".pyc") and not os.path.isdir(path):
        _written.append(str(path))


sys.addaudithook(_audit)


class FilesWritten:
    def __enter__(self):
        global _written
        _written = []
        return self

    def __exit__(self, *exc):
        global _written
        self.paths, _written = _written, None


def row_counts(client=None):
    """Rows of every table, after a first visit (which creates the site settings the footer reads)."""
    if client is not None:
        client.get(URL)
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
    }


def listing(folder):
    folder = Path(folder)
    return sorted(str(path) for path in folder.rglob("*")) if folder.exists() else []


def spooled_files():
    """Django's spooled uploads (*.upload) and openpyxl's buffers in the temporary folder (other
    processes of the machine use it too: only these names are compared)."""
    folder = Path(tempfile.gettempdir())
    return sorted(
        path.name
        for path in folder.iterdir()
        if path.name.endswith(".upload") or path.name.startswith("openpyxl.")
    )


def submissions():
    return [
        {
            "mode": "tableau",
            "tableau-quarter": "2024-T1",
            "tableau-table": SimpleUploadedFile("d.csv", csv_bytes(ROWS)),
        },
        {
            "mode": "tableau",
            "tableau-quarter": "2024-T1",
            "tableau-table": SimpleUploadedFile("d.xlsx", xlsx_bytes(ROWS)),
        },
        {
            "mode": "tableau",
            "tableau-quarter": "2024-T1",
            "tableau-table": SimpleUploadedFile("d.csv", SECRET.encode()),
        },
        {"mode": "totaux", "totaux-quarter": "2024-T1", "totaux-attested_days": f"12 {SECRET}"},
        {
            "mode": "totaux",
            "totaux-quarter": "2024-T1",
            "totaux-attested_days": "12, 30",
            "totaux-evaluated": "4",
        },
    ]


def exports(lines):
    return [
        {"quarter": "2024-T1", "format": "xlsx", "lines": lines},
        {"quarter": "2024-T1", "format": "csv", "lines": lines},
    ]


def test_nothing_is_written_to_the_database_the_logs_or_the_disk(client, caplog, monkeypatch):
    # Under Django's default 2.5 MB, an upload would stay in memory anyway: make the file large enough
    # that the default handlers would spool it to a temporary file.
    monkeypatch.setattr(settings, "FILE_UPLOAD_MAX_MEMORY_SIZE", 10)
    caplog.set_level(logging.DEBUG)
    counts = row_counts(client)
    media, temp = listing(settings.MEDIA_ROOT), spooled_files()
    lines = f'[[2, ["{SECRET}", "01/01/2024", "30/01/2024", "20/01/2024", "oui", "non"]]]'

    posts = (
        submissions()
    )  # built before the watch: the test's own workbook goes through a temp file
    with FilesWritten() as files:
        statuses = [client.post(URL, data).status_code for data in posts]
        exported = [client.post(URL + "export/", data) for data in exports(lines)]

    assert statuses == [200, 200, 400, 400, 200]
    assert [response.status_code for response in exported] == [200, 200]
    assert SECRET.encode() in exported[1].content
    assert files.paths == []
    assert row_counts() == counts
    assert listing(settings.MEDIA_ROOT) == media and spooled_files() == temp
    assert SECRET not in caplog.text and "31/02/2024" not in caplog.text
    assert all(SECRET not in str(record.args) for record in caplog.records)


def test_the_watch_sees_a_temporary_file():
    """The audit hook does catch a file created and deleted at once (the check above is not vacuous)."""
    with FilesWritten() as files, tempfile.NamedTemporaryFile():
        pass
    assert len(files.paths) == 1


def test_an_oversize_upload_is_not_kept_either(client, monkeypatch):
    monkeypatch.setattr("tools.views.MAX_UPLOAD_BYTES", 1024)
    counts = row_counts(client)
    data = submissions()[0] | {"tableau-table": SimpleUploadedFile("d.csv", csv_bytes(ROWS * 40))}
    with FilesWritten() as files:
        response = client.post(URL, data)
    assert response.status_code == 400 and SECRET not in response.content.decode()
    assert files.paths == [] and row_counts() == counts
    assert uploads.MAX_UPLOAD_BYTES == 2 * 1024 * 1024
