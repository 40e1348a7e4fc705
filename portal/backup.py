"""Encrypted backups of the portal: the database, the public media and the private files (helpdesk
attachments), in one archive that `manage.py restore` puts back.

The archive is a tar stream cut into chunks of CHUNK_SIZE bytes, each encrypted and authenticated with
Fernet (`BACKUP_KEY`), so that neither a large media tree nor the archive ever sits in memory. Each chunk
carries its number and whether it is the last: a wrong key, a changed byte, a reordered, dropped or
truncated chunk are all refused. A restore unpacks and verifies the whole archive before it changes
anything.

The database is copied with SQLite's backup API, or with pg_dump / pg_restore (custom format) for
PostgreSQL; no password ever goes on a command line.
"""

import datetime
import io
import json
import os
import shutil
import sqlite3
import struct
import subprocess
import tarfile
import tempfile
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from django.conf import settings
from django.db import connection

MAGIC = b"PORTAIL-MNA-BACKUP-1\n"
CHUNK_SIZE = 1024 * 1024
HEADER = struct.Struct(">Q?")  # chunk number, last chunk
LENGTH = struct.Struct(">I")
FORMAT = 1


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, in plain words."""


def fernet(key=None):
    key = key if key is not None else settings.BACKUP_KEY
    if not key:
        raise BackupError(
            "BACKUP_KEY is not set. Generate one with `manage.py backup --generate-key` and keep it "
            "apart from the backups."
        )
    try:
        return Fernet(key)
    except ValueError as error:
        raise BackupError(
            "BACKUP_KEY is not a valid Fernet key (32 url-safe base64 bytes)."
        ) from error


def file_roots():
    """{archive name: directory} of the files to keep: public media, private files, and the helpdesk
    attachments when they are configured outside PRIVATE_MEDIA_ROOT."""
    roots = {"media": Path(settings.MEDIA_ROOT), "private": Path(settings.PRIVATE_MEDIA_ROOT)}
    helpdesk = Path(settings.HELPDESK_PRIVATE_ROOT)
    if not helpdesk.resolve().is_relative_to(roots["private"].resolve()):
        roots["helpdesk"] = helpdesk
    return roots


# Encrypted stream


class EncryptingWriter:
    """A write-only file object that encrypts what it is given, chunk by chunk, into `raw`."""

    def __init__(self, raw, cipher):
        self.raw, self.cipher = raw, cipher
        self.buffer, self.number = bytearray(), 0
        raw.write(MAGIC)

    def write(self, data):
        self.buffer += data
        while len(self.buffer) > CHUNK_SIZE:  # keep at least one byte back for the last chunk
            self._emit(bytes(self.buffer[:CHUNK_SIZE]), last=False)
            del self.buffer[:CHUNK_SIZE]
        return len(data)

    def _emit(self, data, last):
        token = self.cipher.encrypt(HEADER.pack(self.number, last) + data)
        self.raw.write(LENGTH.pack(len(token)) + token)
        self.number += 1

    def close(self):
        self._emit(bytes(self.buffer), last=True)
        self.buffer.clear()


class DecryptingReader:
    """A read-only file object over an archive written by EncryptingWriter; raises BackupError on a wrong
    key or any change to the archive."""

    def __init__(self, raw, cipher):
        self.raw, self.cipher = raw, cipher
        self.buffer, self.number, self.done = bytearray(), 0, False
        if raw.read(len(MAGIC)) != MAGIC:
            raise BackupError("This file is not a Portail MNA backup.")

    def _next_chunk(self):
        size = self.raw.read(LENGTH.size)
        expected = LENGTH.unpack(size)[0] if len(size) == LENGTH.size else 0
        token = self.raw.read(expected)
        if not expected or len(token) < expected:
            raise BackupError("The backup is truncated: its last part is missing.")
        try:
            plain = self.cipher.decrypt(token)
        except InvalidToken:
            raise BackupError(
                "The backup cannot be decrypted: wrong BACKUP_KEY, or the file was altered."
            ) from None
        number, last = HEADER.unpack_from(plain)
        if number != self.number:
            raise BackupError("The backup was altered: its parts are out of order.")
        self.number += 1
        if last:
            if self.raw.read(1):
                raise BackupError("The backup was altered: data follows its last part.")
            self.done = True
        self.buffer += plain[HEADER.size :]

    def read(self, size=-1):
        while not self.done and (size < 0 or len(self.buffer) < size):
            self._next_chunk()
        size = len(self.buffer) if size < 0 else min(size, len(self.buffer))
        data = bytes(self.buffer[:size])
        del self.buffer[:size]
        return data

    def finish(self):
        """Read to the end: the archive is only trusted once its last chunk has been verified."""
        while not self.done:
            self._next_chunk()
        self.buffer.clear()


# Database


def _pg_environment():
    db = connection.settings_dict
    env = dict(os.environ)
    for variable, key in [
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ]:
        if db.get(key):
            env[variable] = str(db[key])
    return env


def _run(command, env=None):
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is not installed (PostgreSQL client tools are needed).")
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[-500:]}")


def dump_database(path):
    vendor = connection.vendor
    if vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    elif vendor == "postgresql":
        _run(
            ["pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={path}"],
            env=_pg_environment(),
        )
    else:
        raise BackupError(f"Backups of a {vendor} database are not supported.")
    return vendor


def load_database(path, vendor):
    if vendor != connection.vendor:
        raise BackupError(
            f"This backup holds a {vendor} database; the portal is configured for {connection.vendor}."
        )
    if vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(path)
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    else:
        connection.close()  # pg_restore drops and recreates the tables: no open transaction may hold them
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                f"--dbname={connection.settings_dict['NAME']}",
                str(path),
            ],
            env=_pg_environment(),
        )


# Backup and restore


def backup(output, key=None):
    """Write an encrypted backup to the path `output` (mode 0600); returns its manifest."""
    cipher = fernet(key)
    output = Path(output)
    roots = file_roots()
    with tempfile.TemporaryDirectory(prefix="portail-backup-") as work:
        dump = Path(work) / "database"
        manifest = {
            "format": FORMAT,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(),
            "database": dump_database(dump),
            "roots": sorted(roots),
        }
        descriptor = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "wb") as raw:
            writer = EncryptingWriter(raw, cipher)
            with tarfile.open(fileobj=writer, mode="w|") as tar:
                info = tarfile.TarInfo("manifest.json")
                data = json.dumps(manifest).encode()
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
                tar.add(dump, arcname="database")
                for name, root in roots.items():
                    if root.exists():
                        tar.add(root, arcname=f"files/{name}")
            writer.close()
    return manifest


def restore(archive, key=None):
    """Replace the database and the files with those of an encrypted backup; returns its manifest.
    Nothing changes unless the whole archive decrypts and verifies."""
    cipher = fernet(key)
    roots = file_roots()
    with tempfile.TemporaryDirectory(prefix="portail-restore-") as work:
        staging = Path(work)
        with open(archive, "rb") as raw:
            reader = DecryptingReader(raw, cipher)
            try:
                with tarfile.open(fileobj=reader, mode="r|") as tar:
                    tar.extractall(staging, filter="data")
            except tarfile.TarError as error:
                raise BackupError(f"The backup is damaged: {error}") from error
            reader.finish()
        try:
            manifest = json.loads((staging / "manifest.json").read_text())
        except (OSError, ValueError) as error:
            raise BackupError("The backup has no readable manifest.") from error
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Unknown backup format {manifest.get('format')!r}.")
        load_database(staging / "database", manifest["database"])
        for name in manifest["roots"]:
            if name in roots:
                _replace_tree(roots[name], staging / "files" / name)
    return manifest


def _replace_tree(target, staged):
    """Put `staged` (possibly absent: the directory was empty) in place of `target`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    aside = None
    if target.exists():
        aside = target.with_name(f".{target.name}.before-restore")
        if aside.exists():
            shutil.rmtree(aside)
        target.rename(aside)
    if staged.exists():
        shutil.move(staged, target)
    else:
        target.mkdir()
    if aside is not None:
        shutil.rmtree(aside)
