"""`manage.py backup` / `restore`: a round trip brings data and files back; a wrong key or an altered
archive is refused and changes nothing. Runs on whichever database the suite runs on."""

import os

import pytest
from cryptography.fernet import Fernet
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from portal import backup as backups

BIG = os.urandom(3 * backups.CHUNK_SIZE + 12345)  # several chunks


@pytest.fixture
def portal_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.HELPDESK_PRIVATE_ROOT = tmp_path / "private" / "helpdesk"
    settings.BACKUP_KEY = Fernet.generate_key().decode()
    (tmp_path / "media" / "documents").mkdir(parents=True)
    (tmp_path / "media" / "documents" / "guide.pdf").write_bytes(BIG)
    (tmp_path / "private" / "helpdesk" / "2026").mkdir(parents=True)
    (tmp_path / "private" / "helpdesk" / "2026" / "piece.pdf").write_bytes(b"%PDF confidentiel")
    return tmp_path


@pytest.fixture
def archive(transactional_db, portal_files):
    get_user_model().objects.create_user("avant-sauvegarde", password="x" * 16)
    path = portal_files / "portail.backup"
    call_command("backup", str(path))
    return path


def usernames():
    return set(get_user_model().objects.values_list("username", flat=True))


def test_round_trip_brings_back_data_and_files(archive, portal_files):
    assert oct(archive.stat().st_mode & 0o777) == "0o600"
    assert b"confidentiel" not in archive.read_bytes() and BIG[:64] not in archive.read_bytes()
    User = get_user_model()
    User.objects.filter(username="avant-sauvegarde").delete()
    User.objects.create_user("apres-sauvegarde", password="x" * 16)
    (portal_files / "media" / "documents" / "guide.pdf").unlink()
    (portal_files / "media" / "nouveau.pdf").write_bytes(b"after")
    (portal_files / "private" / "helpdesk" / "2026" / "piece.pdf").write_bytes(b"changed")

    call_command("restore", str(archive), "--noinput")

    assert "avant-sauvegarde" in usernames() and "apres-sauvegarde" not in usernames()
    assert (portal_files / "media" / "documents" / "guide.pdf").read_bytes() == BIG
    assert not (portal_files / "media" / "nouveau.pdf").exists()
    piece = portal_files / "private" / "helpdesk" / "2026" / "piece.pdf"
    assert piece.read_bytes() == b"%PDF confidentiel"


def altered(archive, how):
    data = bytearray(archive.read_bytes())
    if how == "byte":
        data[len(data) // 2] ^= 1
    elif how == "truncated":
        data = data[: len(data) - 200]
    archive.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("how", "message"),
    [
        ("key", "wrong BACKUP_KEY, or the file was altered"),
        ("byte", "wrong BACKUP_KEY, or the file was altered"),
        ("truncated", "truncated"),
    ],
)
def test_a_wrong_key_or_an_altered_archive_is_refused_and_changes_nothing(
    archive, portal_files, settings, how, message
):
    if how == "key":
        settings.BACKUP_KEY = Fernet.generate_key().decode()
    else:
        altered(archive, how)
    get_user_model().objects.create_user("apres-sauvegarde", password="x" * 16)
    (portal_files / "media" / "nouveau.pdf").write_bytes(b"after")
    with pytest.raises(CommandError, match=message):
        call_command("restore", str(archive), "--noinput")
    assert "apres-sauvegarde" in usernames()
    assert (portal_files / "media" / "nouveau.pdf").exists()


def test_without_a_key_nothing_is_written(db, portal_files, settings):
    settings.BACKUP_KEY = ""
    with pytest.raises(CommandError, match="BACKUP_KEY is not set"):
        call_command("backup", str(portal_files / "x.backup"))
    assert not (portal_files / "x.backup").exists()
