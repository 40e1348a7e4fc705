"""The admin's document form: a document's content must match its extension (see portal/uploads.py)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from wagtail.documents.forms import BaseDocumentForm

from core.uploads import describe, detect_type, extension, read_head


class DocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        extensions = settings.WAGTAILDOCS_EXTENSIONS
        # A refused extension is reported by Wagtail's own validator; here the content is checked.
        if (
            upload
            and "file" in self.changed_data
            and extension(upload.name) in extensions
            and detect_type(read_head(upload), extensions, upload.name) is None
        ):
            raise ValidationError(
                "Le contenu de ce fichier ne correspond pas à un type accepté ("
                f"{describe(extensions)}) ou à son extension.",
                code="file_content_refused",
            )
        return upload
