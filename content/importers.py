"""Import of an existing library (JSON Lines, one resource per line): the migration path for an association
that brings years of content. Each line is validated completely before anything is written, then written in
its own transaction, so a bad line changes nothing and never stops the good ones."""

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from core.importing import ImportReport, LineError
from core.sanitize import clean_html
from taxonomy.models import Departement, Theme

from .models import ResourceIndexPage, ResourceKind, ResourcePage

MAX_FILE_BYTES = 50 * 1024 * 1024


@dataclass
class ResourceRecord:
    external_id: str
    title: str
    kind: str
    summary: str
    body_html: str
    date: datetime.date
    themes: list
    tags: list
    departements: list
    source_url: str
    file_name: str | None = None
    file_bytes: bytes | None = None


class ResourceImporter:
    def __init__(self, path):
        self.path = Path(path)
        self.index = ResourceIndexPage.objects.first()
        if self.index is None:
            raise LineError(
                "La bibliothèque (/ressources/) n'existe pas : lancez d'abord `manage.py setup_site`."
            )
        self.themes = {theme.slug: theme for theme in Theme.objects.all()}
        self.departements = {d.code: d for d in Departement.objects.all()}

    def run(self):
        report = ImportReport()
        with self.path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    record = self.parse(line)
                    with transaction.atomic():
                        created = self.save(record)
                except LineError as error:
                    report.failed.append((number, str(error)))
                    continue
                (report.created if created else report.updated).append((number, record.external_id))
        return report

    def parse(self, line):
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            raise LineError(f"JSON invalide ({error.msg})") from None
        if not isinstance(data, dict):
            raise LineError("la ligne doit être un objet JSON")
        external_id = str(data.get("external_id") or "").strip()
        if not external_id:
            raise LineError("external_id manquant")
        title = str(data.get("title") or "").strip()
        if not title:
            raise LineError("titre manquant")
        kind = data.get("kind")
        if kind not in ResourceKind.values:
            raise LineError(f"type inconnu : {kind!r}")
        try:
            date = datetime.date.fromisoformat(str(data.get("date")))
        except ValueError:
            raise LineError(f"date invalide : {data.get('date')!r} (attendu AAAA-MM-JJ)") from None
        themes = self._list(data, "themes")
        unknown = [slug for slug in themes if slug not in self.themes]
        if unknown:
            raise LineError(f"thème inconnu : {', '.join(unknown)}")
        departements = [str(code).upper() for code in self._list(data, "departements")]
        unknown = [code for code in departements if code not in self.departements]
        if unknown:
            raise LineError(f"département inconnu : {', '.join(unknown)}")
        source_url = str(data.get("source_url") or "").strip()
        if source_url:
            try:
                URLValidator(schemes=["http", "https"])(source_url)
            except ValidationError:
                raise LineError(f"URL de source invalide : {source_url!r}") from None
        record = ResourceRecord(
            external_id=external_id,
            title=title[:255],
            kind=kind,
            summary=str(data.get("summary") or "").strip(),
            body_html=clean_html(str(data.get("body_html") or "")),
            date=date,
            themes=themes,
            tags=[str(tag).strip()[:100] for tag in self._list(data, "tags") if str(tag).strip()],
            departements=departements,
            source_url=source_url,
        )
        if data.get("file"):
            record.file_name, record.file_bytes = self._read_file(str(data["file"]))
        return record

    def _list(self, data, key):
        value = data.get(key) or []
        if not isinstance(value, list):
            raise LineError(f"{key} doit être une liste")
        return value

    def _read_file(self, relative):
        base = self.path.parent.resolve()
        target = (base / relative).resolve()
        if base not in target.parents:
            raise LineError(f"fichier hors du dossier d'import : {relative}")
        try:
            if target.stat().st_size > MAX_FILE_BYTES:
                raise LineError(f"fichier trop volumineux : {relative}")
            return target.name, target.read_bytes()
        except OSError:
            raise LineError(f"fichier illisible : {relative}") from None

    def save(self, record):
        page = ResourcePage.objects.filter(external_id=record.external_id).first()
        created = page is None
        if created:
            page = ResourcePage(external_id=record.external_id, slug=self._free_slug(record.title))
        page.title = record.title
        page.kind = record.kind
        page.summary = record.summary
        page.body = record.body_html
        page.date = record.date
        page.source_url = record.source_url
        if record.file_bytes is not None:
            page.document = self._document(record, page.document)
        if created:
            self.index.add_child(instance=page)
        page.themes.set([self.themes[slug] for slug in record.themes])
        page.departements.set([self.departements[code] for code in record.departements])
        page.tags.set(record.tags, clear=True)
        page.save_revision().publish()
        return created

    def _free_slug(self, title):
        base = slugify(title)[:200] or "ressource"
        slug, n = base, 2
        while ResourcePage.objects.child_of(self.index).filter(slug=slug).exists():
            slug, n = f"{base}-{n}", n + 1
        return slug

    def _document(self, record, current):
        Document = get_document_model()
        content = ContentFile(record.file_bytes, name=record.file_name)
        if current is not None and current.get_file_hash() == hash_filelike(content):
            return current
        document = current or Document(title=record.title)
        document.title = record.title
        document.file.save(record.file_name, content, save=False)
        document._set_document_file_metadata()
        document.save()
        return document
