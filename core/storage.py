"""Private file storage: attachments that hold personal data live outside MEDIA_ROOT, readable by the
portal's user only, under names that say nothing of their content (the helpdesk, the discussion list)."""

import os
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone


class PrivateStorage(FileSystemStorage):
    """Files under the directory named by the setting `root_setting`, never served directly, owner-only.

    The root is read from settings on each access so that tests can point it at a temporary directory."""

    def __init__(self, root_setting):
        self.root_setting = root_setting
        super().__init__()

    @property
    def base_location(self):
        return str(getattr(settings, self.root_setting))

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    @property
    def file_permissions_mode(self):
        return 0o600

    @property
    def directory_permissions_mode(self):
        return 0o700


def random_name(filename):
    """A random name under the month's folder, keeping only the (lower-cased) extension."""
    return f"{timezone.now():%Y/%m}/{uuid.uuid4().hex}{Path(filename).suffix.lower()}"


class PrivateAttachment(models.Model):
    """A file joined by a user, its type checked by content and stored under a random name in a private
    root. Subclasses declare `file` on their own storage and link what the file belongs to."""

    original_name = models.CharField("nom du fichier", max_length=150)
    content_type = models.CharField(max_length=120)
    size = models.PositiveIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        abstract = True
        ordering = ["created_at", "pk"]
        verbose_name = "pièce jointe"
        verbose_name_plural = "pièces jointes"

    def __str__(self):
        return self.original_name

    def delete_file(self):
        if self.file:
            self.file.storage.delete(self.file.name)
