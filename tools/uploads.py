"""The calculator's upload handler: the file stays in memory, under a size limit, and is never written to
disk (Django's default handlers spool files over 2.5 MB to a temporary file)."""

import io

from django.core.files.uploadedfile import InMemoryUploadedFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile, StopFutureHandlers

MAX_UPLOAD_BYTES = 2 * 1024 * 1024


class BoundedMemoryUploadHandler(FileUploadHandler):
    """Keeps each uploaded file in memory; a file over `max_bytes` is dropped as it arrives, and
    `too_large` tells the view so."""

    def __init__(self, request=None, max_bytes=MAX_UPLOAD_BYTES):
        super().__init__(request)
        self.max_bytes = max_bytes
        self.too_large = False

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        self.file = io.BytesIO()
        raise StopFutureHandlers()

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > self.max_bytes:
            self.too_large = True
            self.file.close()  # what arrived is dropped at once
            raise SkipFile()
        self.file.write(raw_data)

    def file_complete(self, file_size):
        self.file.seek(0)
        return InMemoryUploadedFile(
            file=self.file,
            field_name=self.field_name,
            name=self.file_name,
            content_type=self.content_type,
            size=file_size,
            charset=self.charset,
            content_type_extra=self.content_type_extra,
        )
