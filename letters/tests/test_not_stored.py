"""The answers are never stored: not in the database, the session, the cache, the logs or a file.

A whole journey (steps, back, letter, DOCX, PDF) is run with answers carrying a marker; then every table is
counted and searched for it, the log records and the cache are searched, and Python's audit hook reports
every file opened for writing during the journey."""

import logging
import os
import pickle
import sys
import tempfile

import pytest
from django.db import connection

MARKER = "Zyxq-trace-7731"
URL = "/outils/courriers/demande-test/"
WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
_recording = []


def _audit(event, args):
    if _recording and event == "open":
        path, mode, flags = (list(args) + [None, None])[:3]
        writing = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & WRITE_FLAGS
        )
        if writing:
            _recording[-1].append(str(path))


sys.addaudithook(_audit)


def database_rows():
    """{table: rows} of every table, as text."""
    rows = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            rows[table] = [repr(row) for row in cursor.fetchall()]
    return rows


def journey(client, answers):
    client.get(URL)
    step_1 = {
        k: v
        for k, v in answers.items()
        if k in ("reponse-nom_du_jeune", "reponse-date_de_naissance")
    }
    client.post(
        URL,
        {
            "etape": 0,
            "action": "suivant",
            "reponse-nom_du_jeune": "",
            **{k: v for k, v in step_1.items() if k != "reponse-nom_du_jeune"},
        },
    )
    client.post(URL, {"etape": 0, "action": "suivant", **step_1})
    client.post(URL, {"etape": 1, "action": "precedent", **answers})
    client.post(URL, {"etape": 1, "action": "suivant", **answers})
    docx = client.post(URL, {"etape": 1, "action": "docx", **answers})
    pdf = client.post(URL, {"etape": 1, "action": "pdf", **answers})
    assert docx.status_code == pdf.status_code == 200
    return docx, pdf


@pytest.fixture
def private_dirs(settings, tmp_path, monkeypatch):
    media, temporary = tmp_path / "media", tmp_path / "tmp"
    media.mkdir()
    temporary.mkdir()
    settings.MEDIA_ROOT = str(media)
    settings.FILE_UPLOAD_TEMP_DIR = str(temporary)
    monkeypatch.setattr(tempfile, "tempdir", str(temporary))
    monkeypatch.setenv("TMPDIR", str(temporary))
    return media, temporary


def test_answers_leave_no_trace(client, letter_page, answers, caplog, private_dirs):
    from django.core.cache import cache

    journey(client, answers)  # warm-up: modules imported, fonts loaded, bytecode written
    answers.update(
        {
            "reponse-nom_du_jeune": MARKER,
            "reponse-details": f"{MARKER} détails",
            "reponse-nom_avocat": MARKER,
        }
    )
    before = database_rows()
    caplog.set_level(logging.DEBUG)
    opened = []
    _recording.append(opened)
    try:
        docx, pdf = journey(client, answers)
    finally:
        _recording.remove(opened)

    assert (
        MARKER.encode() in docx.content or b"word/document.xml" in docx.content
    )  # produced and returned
    after = database_rows()
    assert {t: len(r) for t, r in after.items()} == {t: len(r) for t, r in before.items()}
    assert not [t for t, r in after.items() if any(MARKER in row for row in r)]
    assert MARKER not in caplog.text
    assert not any(MARKER in str(record.args) for record in caplog.records)
    assert opened == [], f"files opened for writing: {opened}"
    media, temporary = private_dirs
    assert list(media.iterdir()) == [] and list(temporary.iterdir()) == []
    assert not client.cookies.get("sessionid")
    stored = b"".join(pickle.dumps(value) for value in cache._cache.values())
    assert MARKER.encode() not in stored


def test_the_write_detector_sees_a_write(tmp_path):
    opened = []
    _recording.append(opened)
    try:
        (tmp_path / "written.txt").write_text("x")
        os.close(os.open(tmp_path / "raw", os.O_WRONLY | os.O_CREAT))
    finally:
        _recording.remove(opened)
    assert opened == [str(tmp_path / "written.txt"), str(tmp_path / "raw")]
